"""Properties of seq2seq/model/encoder.py: shapes, and padding never changes a sentence's encoding."""
from __future__ import annotations

import pytest
import torch

from seq2seq.config import Cell, EncoderConfig
from seq2seq.model.encoder import RecurrentEncoder

ALL_CELLS = list(Cell)
PAD, VOCAB = 0, 13
ATOL = 1e-5


@pytest.fixture(autouse=True)
def _seed():
    torch.manual_seed(99)


def _encoder(cell, bidirectional, num_layers, **kw) -> RecurrentEncoder:
    cfg = EncoderConfig(cell=cell, bidirectional=bidirectional, num_layers=num_layers, embedding_size=6,
                        hidden_size=5, dropout=kw.pop("dropout", 0.2), **kw)
    return RecurrentEncoder(cfg, VOCAB, PAD)


def _sentences(lengths=(4, 1, 6, 3)):
    return [torch.randint(1, VOCAB, (n,)) for n in lengths]


def _pad(sentences):
    lengths = torch.tensor([len(s) for s in sentences], dtype=torch.long)
    src = torch.full((len(sentences), int(lengths.max())), PAD, dtype=torch.long)
    for i, s in enumerate(sentences):
        src[i, :len(s)] = s
    return src, lengths


GRID = [(cell, bi, layers) for cell in ALL_CELLS for bi in (False, True) for layers in (1, 2)]
GRID_IDS = [f"{c.value}-{'bi' if b else 'uni'}-L{n}" for c, b, n in GRID]


@pytest.mark.parametrize("cell,bidirectional,num_layers", GRID, ids=GRID_IDS)
def test_shapes(cell, bidirectional, num_layers):
    enc = _encoder(cell, bidirectional, num_layers)
    src, lengths = _pad(_sentences())
    states, h, c = enc(src, lengths)
    dirs = 2 if bidirectional else 1
    assert enc.output_size == 5 * dirs
    assert states.shape == (4, 6, 5 * dirs)
    assert h.shape == (4, 5 * dirs)
    if cell is Cell.LSTM:
        assert c.shape == (4, 5 * dirs)
    else:
        assert c is None
    assert len(enc.layers) == num_layers


@pytest.mark.parametrize("cell,bidirectional,num_layers", GRID, ids=GRID_IDS)
def test_padding_invariance(cell, bidirectional, num_layers):
    enc = _encoder(cell, bidirectional, num_layers).eval()
    sentences = _sentences()
    src, lengths = _pad(sentences)
    with torch.no_grad():
        states, h, c = enc(src, lengths)
        for i, s in enumerate(sentences):
            n = len(s)
            alone_states, alone_h, alone_c = enc(s.unsqueeze(0), torch.tensor([n]))
            torch.testing.assert_close(states[i, :n], alone_states[0], atol=ATOL, rtol=1e-4)
            torch.testing.assert_close(h[i], alone_h[0], atol=ATOL, rtol=1e-4)
            if cell is Cell.LSTM:
                torch.testing.assert_close(c[i], alone_c[0], atol=ATOL, rtol=1e-4)
            assert torch.all(states[i, n:] == 0), "outputs on padding must be zero"


@pytest.mark.parametrize("cell,bidirectional", [(c, b) for c in ALL_CELLS for b in (False, True)],
                         ids=[f"{c.value}-{'bi' if b else 'uni'}" for c in ALL_CELLS for b in (False, True)])
def test_final_state_is_last_real_output(cell, bidirectional):
    """The top layer's final forward state is its output at the last real token; the backward one at token 0."""
    enc = _encoder(cell, bidirectional, 2).eval()
    src, lengths = _pad(_sentences())
    with torch.no_grad():
        states, h, _ = enc(src, lengths)
    for i, n in enumerate(lengths.tolist()):
        torch.testing.assert_close(h[i, :5], states[i, n - 1, :5])
        if bidirectional:
            torch.testing.assert_close(h[i, 5:], states[i, 0, 5:])


@pytest.mark.parametrize("cell,bidirectional", [(c, b) for c in ALL_CELLS for b in (False, True)],
                         ids=[f"{c.value}-{'bi' if b else 'uni'}" for c in ALL_CELLS for b in (False, True)])
def test_step_loop_encoder_equals_fused(cell, bidirectional):
    """Training with a (tiny) recurrent dropout takes the explicit loop; it computes the fused result."""
    enc = _encoder(cell, bidirectional, 2, dropout=0.0, recurrent_dropout=1e-9)
    src, lengths = _pad(_sentences())
    with torch.no_grad():
        loop = enc.train()(src, lengths)
        fused = enc.eval()(src, lengths)
    for a, b in zip(loop, fused):
        if b is None:
            assert a is None
        else:
            torch.testing.assert_close(a, b, atol=ATOL, rtol=1e-4)


def test_dropout_only_in_training():
    enc = _encoder(Cell.GRU, True, 2, dropout=0.5)
    src, lengths = _pad(_sentences())
    with torch.no_grad():
        enc.eval()
        a, b = enc(src, lengths)[0], enc(src, lengths)[0]
        enc.train()
        c = enc(src, lengths)[0]
    assert torch.equal(a, b)
    assert not torch.allclose(a, c)


def test_padding_embedding_is_zero_and_unused():
    enc = _encoder(Cell.GRU, False, 1)
    assert enc.embedding.padding_idx == PAD
    assert torch.all(enc.embedding.weight[PAD] == 0)

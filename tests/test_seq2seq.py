"""Properties of seq2seq/model/seq2seq.py: padding invariance of teacher-forced log-probs, determinism under a
seed, and gradients reaching every parameter."""
from __future__ import annotations

import dataclasses

import pytest
import torch
from torch import nn

from seq2seq.config import AttentionConfig, DecoderConfig, EncoderConfig, ModelConfig
from seq2seq.data import IndexedSide, collate
from seq2seq.model import DecoderState, Memory, Seq2Seq

PAD, UNK, BOS, EOS = 0, 1, 2, 3
SRC_VOCAB, TRG_VOCAB = 12, 14
ATOL = 1e-5


def _cfg(enc_cell="gru", dec_cell="gru", bidirectional=True, enc_layers=1, dec_layers=1, attention="additive",
         init="bridge", input_feeding=True, tie=False, dropout=0.0, recurrent_dropout=0.0, enc_rd=0.0,
         identity_init=False) -> ModelConfig:
    enc_hidden = 4
    memory = enc_hidden * (2 if bidirectional else 1)
    return ModelConfig(
        encoder=EncoderConfig(cell=enc_cell, bidirectional=bidirectional, num_layers=enc_layers, embedding_size=5,
                              hidden_size=enc_hidden, dropout=dropout, recurrent_dropout=enc_rd,
                              identity_init=identity_init and enc_cell == "rnn_relu"),
        decoder=DecoderConfig(cell=dec_cell, num_layers=dec_layers, embedding_size=6,
                              hidden_size=memory if attention == "dot" else 7, dropout=dropout,
                              recurrent_dropout=recurrent_dropout, init=init, input_feeding=input_feeding,
                              tie_embeddings=tie, identity_init=identity_init and dec_cell == "rnn_relu"),
        attention=AttentionConfig(type=attention, size=5))


SRC = [[4, 5, 6, 7, 8], [9], [10, 11, 4], [], [5, 5, 6, 7]]
TRG = [[4, 5, 6], [7, 8, 9, 10, 11, 12], [13], [4, 4], []]


def _data():
    return IndexedSide.from_lists(SRC), IndexedSide.from_lists(TRG)


CONFIGS = {
    "gru-additive": dict(),
    "lstm-general-2layers": dict(enc_cell="lstm", dec_cell="lstm", enc_layers=2, dec_layers=2, attention="general"),
    "tanh-dot-uni": dict(enc_cell="rnn_tanh", dec_cell="rnn_tanh", bidirectional=False, attention="dot"),
    "relu-irnn-zeros-nofeed": dict(enc_cell="rnn_relu", dec_cell="rnn_relu", identity_init=True, init="zeros",
                                   input_feeding=False),
    "lstm-gru-tied": dict(enc_cell="lstm", dec_cell="gru", tie=True),
}


@pytest.mark.parametrize("name", list(CONFIGS))
def test_padded_batch_equals_each_sentence_alone(name):
    torch.manual_seed(0)
    model = Seq2Seq(_cfg(dropout=0.3, recurrent_dropout=0.1, **CONFIGS[name]), SRC_VOCAB, TRG_VOCAB, PAD).eval()
    src_side, trg_side = _data()
    everything = list(range(len(SRC)))
    batch = collate(src_side, trg_side, everything, PAD, BOS, EOS)
    assert batch.src.shape == (5, 6) and batch.trg_in.shape == (5, 7)
    with torch.no_grad():
        log_probs = torch.log_softmax(model(batch.src, batch.src_lengths, batch.trg_in), -1)
        for i in everything:
            alone = collate(src_side, trg_side, [i], PAD, BOS, EOS)
            lp_alone = torch.log_softmax(model(alone.src, alone.src_lengths, alone.trg_in), -1)[0]
            n = len(TRG[i]) + 1
            assert lp_alone.shape[0] == n
            torch.testing.assert_close(log_probs[i, :n], lp_alone, atol=ATOL, rtol=1e-4)
            # so the per-sentence loss is the same too
            gold = alone.trg_out[0]
            assert torch.equal(batch.trg_out[i, :n], gold)


def test_padded_batch_sentence_order_does_not_matter():
    torch.manual_seed(0)
    model = Seq2Seq(_cfg(enc_cell="lstm", dec_cell="lstm"), SRC_VOCAB, TRG_VOCAB, PAD).eval()
    src_side, trg_side = _data()
    order = [3, 0, 4, 2, 1]
    a = collate(src_side, trg_side, list(range(5)), PAD, BOS, EOS)
    b = collate(src_side, trg_side, order, PAD, BOS, EOS)
    with torch.no_grad():
        lp_a = torch.log_softmax(model(a.src, a.src_lengths, a.trg_in), -1)
        lp_b = torch.log_softmax(model(b.src, b.src_lengths, b.trg_in), -1)
    torch.testing.assert_close(lp_b, lp_a[order], atol=ATOL, rtol=1e-4)


def test_encode_returns_memory_and_state():
    torch.manual_seed(0)
    model = Seq2Seq(_cfg(attention="general"), SRC_VOCAB, TRG_VOCAB, PAD)
    batch = collate(*_data(), list(range(5)), PAD, BOS, EOS)
    memory, state = model.encode(batch.src, batch.src_lengths)
    assert isinstance(memory, Memory) and isinstance(state, DecoderState)
    assert memory.states.shape == (5, 6, 8)
    assert memory.keys.shape == (5, 6, 7)
    assert torch.equal(memory.pad_mask, batch.src == PAD)
    assert state.hidden.shape == (1, 5, 7) and state.context.shape == (5, 8)


def test_step_is_the_decoder_step():
    torch.manual_seed(0)
    model = Seq2Seq(_cfg(), SRC_VOCAB, TRG_VOCAB, PAD).eval()
    batch = collate(*_data(), list(range(5)), PAD, BOS, EOS)
    with torch.no_grad():
        memory, state = model.encode(batch.src, batch.src_lengths)
        s1, lp1, w1 = model.step(memory, state, batch.trg_in[:, 0])
        s2, lp2, w2 = model.decoder.step(memory, state, batch.trg_in[:, 0])
    torch.testing.assert_close(lp1, lp2)
    torch.testing.assert_close(w1, w2)
    torch.testing.assert_close(s1.hidden, s2.hidden)


def test_embeddings_initialised_with_zero_padding_row():
    torch.manual_seed(0)
    model = Seq2Seq(_cfg(), SRC_VOCAB, TRG_VOCAB, PAD)
    for emb in (model.encoder.embedding, model.decoder.embedding):
        assert torch.all(emb.weight[PAD] == 0)
        assert emb.weight[1:].abs().sum() > 0
    assert model.num_parameters() == sum(p.numel() for p in model.parameters())


# ---------------------------------------------------------------- determinism


def _train_a_few_steps(cfg: ModelConfig, seed: int, steps: int = 3) -> Seq2Seq:
    torch.manual_seed(seed)
    model = Seq2Seq(cfg, SRC_VOCAB, TRG_VOCAB, PAD).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    batch = collate(*_data(), list(range(5)), PAD, BOS, EOS)
    for _ in range(steps):
        logits = model(batch.src, batch.src_lengths, batch.trg_in, forcing=0.7)
        loss = nn.functional.cross_entropy(logits.flatten(0, 1), batch.trg_out.flatten(), ignore_index=PAD)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


def _same_weights(a: nn.Module, b: nn.Module) -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return sa.keys() == sb.keys() and all(torch.equal(sa[k], sb[k]) for k in sa)


@pytest.mark.parametrize("name", ["gru-additive", "lstm-general-2layers"])
def test_same_seed_same_initial_weights(name):
    cfg = _cfg(**CONFIGS[name])
    torch.manual_seed(11)
    a = Seq2Seq(cfg, SRC_VOCAB, TRG_VOCAB, PAD)
    torch.manual_seed(11)
    b = Seq2Seq(cfg, SRC_VOCAB, TRG_VOCAB, PAD)
    torch.manual_seed(12)
    c = Seq2Seq(cfg, SRC_VOCAB, TRG_VOCAB, PAD)
    assert _same_weights(a, b)
    assert not _same_weights(a, c)


@pytest.mark.parametrize("name", ["gru-additive", "lstm-general-2layers"])
def test_same_seed_same_weights_after_training_steps(name):
    # dropout, recurrent dropout (the step loop) and scheduled sampling all draw random numbers
    cfg = _cfg(dropout=0.3, recurrent_dropout=0.2, enc_rd=0.2, **CONFIGS[name])
    a = _train_a_few_steps(cfg, seed=5)
    b = _train_a_few_steps(cfg, seed=5)
    c = _train_a_few_steps(cfg, seed=6)
    assert _same_weights(a, b)
    assert not _same_weights(a, c)
    torch.manual_seed(5)
    untrained = Seq2Seq(cfg, SRC_VOCAB, TRG_VOCAB, PAD)
    assert not _same_weights(a, untrained)  # the steps did change the weights


# ---------------------------------------------------------------- gradients


@pytest.mark.parametrize("name", list(CONFIGS))
@pytest.mark.parametrize("forcing", [1.0, 0.5])
def test_gradients_reach_every_parameter(name, forcing):
    torch.manual_seed(3)
    model = Seq2Seq(_cfg(**CONFIGS[name]), SRC_VOCAB, TRG_VOCAB, PAD).train()
    batch = collate(*_data(), list(range(5)), PAD, BOS, EOS)
    logits = model(batch.src, batch.src_lengths, batch.trg_in, forcing=forcing)
    loss = nn.functional.cross_entropy(logits.flatten(0, 1), batch.trg_out.flatten(), ignore_index=PAD)
    loss.backward()
    names = [n for n, _ in model.named_parameters()]
    assert names, "model has parameters"
    for n, p in model.named_parameters():
        assert p.grad is not None, f"{n} got no gradient"
        assert torch.isfinite(p.grad).all(), n
        assert p.grad.abs().sum() > 0, f"{n} got an all-zero gradient"
    for emb in (model.encoder.embedding, model.decoder.embedding):
        if not CONFIGS[name].get("tie"):
            assert torch.all(emb.weight.grad[PAD] == 0)


def test_lstm_bridge_parameters_receive_gradients():
    torch.manual_seed(3)
    model = Seq2Seq(_cfg(enc_cell="lstm", dec_cell="lstm"), SRC_VOCAB, TRG_VOCAB, PAD)
    assert model.decoder.cell_bridge is not None
    batch = collate(*_data(), list(range(5)), PAD, BOS, EOS)
    model(batch.src, batch.src_lengths, batch.trg_in).logsumexp(-1).sum().backward()
    assert model.decoder.cell_bridge.weight.grad.abs().sum() > 0
    assert model.decoder.bridge.weight.grad.abs().sum() > 0


@pytest.mark.parametrize("name", list(CONFIGS))
def test_loss_is_the_cross_entropy_of_the_forward_logits_with_the_same_gradients(name):
    """model.loss runs the output layer fused with the loss; it must train exactly what forward() describes."""
    batch = collate(*_data(), list(range(5)), PAD, BOS, EOS)
    grads = []
    for fused in (True, False):
        torch.manual_seed(3)
        model = Seq2Seq(_cfg(dropout=0.3, **CONFIGS[name]), SRC_VOCAB, TRG_VOCAB, PAD).train()
        torch.manual_seed(4)  # the same dropout masks in both runs
        if fused:
            loss = model.loss(batch.src, batch.src_lengths, batch.trg_in, batch.trg_out, label_smoothing=0.1)
        else:
            logits = model(batch.src, batch.src_lengths, batch.trg_in)
            loss = nn.functional.cross_entropy(logits.flatten(0, 1), batch.trg_out.flatten(), ignore_index=PAD,
                                               label_smoothing=0.1, reduction="sum")
        loss.backward()
        grads.append((loss.detach(), {n: p.grad for n, p in model.named_parameters()}))
    (fused_loss, fused_grads), (plain_loss, plain_grads) = grads
    torch.testing.assert_close(fused_loss, plain_loss)
    for n in plain_grads:
        torch.testing.assert_close(fused_grads[n], plain_grads[n], msg=n)


def _shared_cfg(tie: bool) -> ModelConfig:
    cfg = _cfg(tie=tie)
    return dataclasses.replace(cfg, share_embeddings=True,
                               encoder=dataclasses.replace(cfg.encoder, embedding_size=cfg.decoder.embedding_size))


@pytest.mark.parametrize("tie", [False, True])
def test_shared_embeddings_are_one_matrix_trained_by_both_sides(tie):
    torch.manual_seed(3)
    model = Seq2Seq(_shared_cfg(tie), TRG_VOCAB, TRG_VOCAB, PAD)
    alone = Seq2Seq(dataclasses.replace(_shared_cfg(tie), share_embeddings=False), TRG_VOCAB, TRG_VOCAB, PAD)
    assert model.encoder.embedding.weight is model.decoder.embedding.weight
    assert (model.decoder.output.weight is model.decoder.embedding.weight) == tie
    assert alone.num_parameters() - model.num_parameters() == TRG_VOCAB * 6  # one 14 x 6 matrix fewer
    src, _ = _data()
    batch = collate(src, src, list(range(5)), PAD, BOS, EOS)  # source pieces 4..11, target pieces 4..11
    memory, _ = model.encode(batch.src, batch.src_lengths)
    memory.states.sum().backward()  # the source side alone reaches the one matrix
    assert model.decoder.embedding.weight.grad[4:12].abs().sum(-1).gt(0).all()
    assert torch.all(model.decoder.embedding.weight.grad[PAD] == 0)


def test_shared_embeddings_need_one_vocabulary_size():
    with pytest.raises(ValueError, match="share_embeddings.*12 source and 14 target"):
        Seq2Seq(_shared_cfg(tie=True), SRC_VOCAB, TRG_VOCAB, PAD)

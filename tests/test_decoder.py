"""Properties of seq2seq/model/decoder.py: state reordering, the batched teacher-forced path equals the step
function, initial states, tied embeddings, LSTM cells, input feeding, the conditional cell, layer normalisation
and scheduled sampling."""
from __future__ import annotations

import itertools

import pytest
import torch

from seq2seq.config import AttentionConfig, DecoderConfig, EncoderConfig, ModelConfig
from seq2seq.model import DecoderState, Memory, Seq2Seq
from seq2seq.model.cells import GateNorm, Int8StepCell

PAD, BOS, EOS = 0, 2, 3
SRC_VOCAB, TRG_VOCAB = 11, 13
ATOL = 1e-5


@pytest.fixture(autouse=True)
def _seed():
    torch.manual_seed(2024)


def _model(enc_cell="gru", dec_cell="gru", bidirectional=True, enc_layers=1, dec_layers=1, attention="additive",
           init="bridge", input_feeding=True, tie=False, dropout=0.0, recurrent_dropout=0.0,
           identity_init=False, readout=None, variational=True, conditional=False,
           layer_norm=False) -> Seq2Seq:
    enc_hidden = 4
    memory = enc_hidden * (2 if bidirectional else 1)
    dec_hidden = memory if attention == "dot" else 7
    cfg = ModelConfig(
        encoder=EncoderConfig(cell=enc_cell, bidirectional=bidirectional, num_layers=enc_layers, embedding_size=5,
                              hidden_size=enc_hidden, dropout=dropout),
        decoder=DecoderConfig(cell=dec_cell, num_layers=dec_layers, embedding_size=6, hidden_size=dec_hidden,
                              dropout=dropout, recurrent_dropout=recurrent_dropout, init=init,
                              input_feeding=input_feeding, tie_embeddings=tie, identity_init=identity_init,
                              readout_size=readout, variational=variational, conditional=conditional,
                              layer_norm=layer_norm),
        attention=AttentionConfig(type=attention, size=5))
    return Seq2Seq(cfg, SRC_VOCAB, TRG_VOCAB, PAD)


def _batch():
    """Three source sentences of different lengths (ending in </s>) and references starting with <s>."""
    src = torch.tensor([[4, 5, 6, 7, EOS], [8, EOS, PAD, PAD, PAD], [9, 10, 4, EOS, PAD]])
    lengths = torch.tensor([5, 2, 4])
    trg_in = torch.tensor([[BOS, 4, 5, 6, 7, 8], [BOS, 9, PAD, PAD, PAD, PAD], [BOS, 10, 11, 12, PAD, PAD]])
    return src, lengths, trg_in


def _step_loop(model, memory, state, trg_in):
    """Log-probs (batch, trg_len, vocab) from driving `step` token by token on the reference."""
    out = []
    for t in range(trg_in.shape[1]):
        state, log_probs, _ = model.step(memory, state, trg_in[:, t])
        out.append(log_probs)
    return torch.stack(out, 1), state


# ---------------------------------------------------------------- index_select


@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_index_select_reorders_consistently(cell):
    model = _model(enc_cell=cell, dec_cell=cell, dec_layers=2).eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        state, _, _ = model.step(memory, state, trg_in[:, 0])  # a non-trivial context
        order = torch.tensor([2, 0, 0, 1, 2])  # reorder and duplicate, as beam search does
        m2, s2 = memory.index_select(order), state.index_select(order)
        assert isinstance(m2, Memory) and isinstance(s2, DecoderState)
        for new, old in enumerate(order.tolist()):
            assert torch.equal(m2.states[new], memory.states[old])
            assert torch.equal(m2.keys[new], memory.keys[old])
            assert torch.equal(m2.pad_mask[new], memory.pad_mask[old])
            assert torch.equal(s2.hidden[:, new], state.hidden[:, old])
            assert torch.equal(s2.context[new], state.context[old])
            if cell == "lstm":
                assert torch.equal(s2.cell[:, new], state.cell[:, old])
        if cell == "gru":
            assert s2.cell is None
        # stepping the reordered batch gives the reordered results
        prev = torch.tensor([4, 5, 6])
        s_a, lp_a, w_a = model.step(memory, state, prev)
        s_b, lp_b, w_b = model.step(m2, s2, prev[order])
    torch.testing.assert_close(lp_b, lp_a[order])
    torch.testing.assert_close(w_b, w_a[order])
    torch.testing.assert_close(s_b.hidden, s_a.hidden[:, order])
    torch.testing.assert_close(s_b.context, s_a.context[order])
    if cell == "lstm":
        torch.testing.assert_close(s_b.cell, s_a.cell[:, order])


def test_index_select_does_not_touch_the_original():
    model = _model().eval()
    src, lengths, _ = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
    hidden, states = state.hidden.clone(), memory.states.clone()
    state.index_select(torch.tensor([1])), memory.index_select(torch.tensor([1]))
    assert torch.equal(state.hidden, hidden) and torch.equal(memory.states, states)
    assert state.hidden.shape[1] == memory.states.shape[0] == 3


# ---------------------------------------------------------------- fast path == step


FORCED_GRID = [(*row, False) for row in itertools.product(
    ["rnn_tanh", "gru", "lstm"],  # decoder cell
    [1, 2],  # decoder layers
    ["additive", "dot", "general"],
    [True, False],  # input feeding
)] + [("gru", 1, "additive", False, True), ("lstm", 2, "additive", True, True), ("gru", 2, "dot", False, True),
       # the shipped Elman variants' cells
       ("rnn_tanh", 1, "additive", False, True), ("rnn_relu", 1, "additive", False, True)]


@pytest.mark.parametrize("dec_cell,layers,attention,feeding,conditional", FORCED_GRID,
                         ids=[f"{c}-L{n}-{a}-{'feed' if f else 'nofeed'}{'-cond' if k else ''}"
                              for c, n, a, f, k in FORCED_GRID])
def test_teacher_forced_forward_equals_step_loop(dec_cell, layers, attention, feeding, conditional):
    model = _model(enc_cell="lstm", dec_cell=dec_cell, dec_layers=layers, attention=attention,
                   input_feeding=feeding, dropout=0.3, recurrent_dropout=0.2, conditional=conditional).eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        forced = torch.log_softmax(model.decoder(memory, state, trg_in, forcing=1.0), -1)
        stepped, _ = _step_loop(model, memory, state, trg_in)
        whole = torch.log_softmax(model(src, lengths, trg_in), -1)
    assert forced.shape == (3, 6, TRG_VOCAB)
    torch.testing.assert_close(forced, stepped, atol=ATOL, rtol=1e-4)
    torch.testing.assert_close(whole, forced)


@pytest.mark.parametrize("init", ["bridge", "zeros"])
@pytest.mark.parametrize("enc_cell,dec_cell", [("gru", "lstm"), ("lstm", "lstm"), ("lstm", "gru"), ("rnn_relu", "rnn_relu")])
def test_forward_equals_step_loop_across_cell_mixes(enc_cell, dec_cell, init):
    model = _model(enc_cell=enc_cell, dec_cell=dec_cell, init=init, bidirectional=False, dec_layers=2,
                   identity_init=dec_cell == "rnn_relu").eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        forced = torch.log_softmax(model.decoder(memory, state, trg_in), -1)
        stepped, _ = _step_loop(model, memory, state, trg_in)
    torch.testing.assert_close(forced, stepped, atol=ATOL, rtol=1e-4)


def test_step_outputs_are_normalised_and_attention_masked():
    model = _model().eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        state, log_probs, weights = model.step(memory, state, trg_in[:, 0])
    assert log_probs.shape == (3, TRG_VOCAB) and weights.shape == src.shape
    torch.testing.assert_close(log_probs.exp().sum(-1), torch.ones(3))
    assert torch.all(weights[src == PAD] == 0)
    torch.testing.assert_close(weights.sum(-1), torch.ones(3))
    assert state.hidden.shape == (1, 3, 7)
    assert state.context.shape == (3, 8)


def test_step_is_pure_in_eval():
    model = _model(dec_cell="lstm", enc_cell="lstm").eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        a = model.step(memory, state, trg_in[:, 1])
        b = model.step(memory, state, trg_in[:, 1])
    torch.testing.assert_close(a[1], b[1])
    torch.testing.assert_close(a[0].hidden, b[0].hidden)


# ---------------------------------------------------------------- initial state


def test_zeros_init():
    model = _model(enc_cell="lstm", dec_cell="lstm", init="zeros", dec_layers=2)
    assert model.decoder.bridge is None and model.decoder.cell_bridge is None
    src, lengths, _ = _batch()
    _, state = model.encode(src, lengths)
    assert state.hidden.shape == state.cell.shape == (2, 3, 7)
    assert torch.all(state.hidden == 0) and torch.all(state.cell == 0) and torch.all(state.context == 0)


@pytest.mark.parametrize("enc_cell", ["gru", "lstm"])
def test_bridge_init(enc_cell):
    model = _model(enc_cell=enc_cell, dec_cell="lstm", init="bridge", dec_layers=2)
    dec = model.decoder
    assert dec.bridge is not None
    src, lengths, _ = _batch()
    with torch.no_grad():
        states, final_h, final_c = model.encoder(src, lengths)
        _, state = model.encode(src, lengths)
    expected = torch.tanh(dec.bridge(final_h)).view(3, 2, 7).transpose(0, 1)
    torch.testing.assert_close(state.hidden, expected)
    assert state.hidden.abs().sum() > 0
    assert torch.all(state.context == 0) and state.context.shape == (3, 8)
    if enc_cell == "lstm":
        assert dec.cell_bridge is not None
        torch.testing.assert_close(state.cell, torch.tanh(dec.cell_bridge(final_c)).view(3, 2, 7).transpose(0, 1))
    else:
        assert dec.cell_bridge is None  # no encoder cell state to bridge from
        assert torch.all(state.cell == 0)
    # different sentences start from different states
    assert not torch.allclose(state.hidden[:, 0], state.hidden[:, 1])


def test_zeros_init_does_not_depend_on_encoder_final_state():
    model = _model(init="zeros").eval()
    src, lengths, _ = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        s1 = model.decoder.init_state(torch.randn(3, 8), None)
    assert torch.equal(s1.hidden, state.hidden)


# ---------------------------------------------------------------- tied embeddings


def test_tie_embeddings_shares_the_tensor():
    model = _model(tie=True)
    dec = model.decoder
    assert dec.output.weight is dec.embedding.weight
    assert dec.output.weight.data_ptr() == dec.embedding.weight.data_ptr()
    untied = _model(tie=False)
    assert untied.decoder.output.weight is not untied.decoder.embedding.weight
    assert model.num_parameters() == untied.num_parameters() - TRG_VOCAB * 6
    # still shared after an optimizer step
    src, lengths, trg_in = _batch()
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    model(src, lengths, trg_in).logsumexp(-1).sum().backward()
    opt.step()
    assert dec.output.weight is dec.embedding.weight
    with torch.no_grad():
        dec.embedding.weight[5, 0] = 123.0
    assert dec.output.weight[5, 0] == 123.0


# ---------------------------------------------------------------- LSTM cell state


def test_lstm_cell_state_is_carried():
    model = _model(enc_cell="gru", dec_cell="lstm", dec_layers=2).eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        new, lp, _ = model.step(memory, state, trg_in[:, 0])
        assert new.cell is not None and new.cell.shape == (2, 3, 7)
        assert not torch.allclose(new.cell, state.cell)
        # the next step reads the cell state: changing it changes the result
        _, lp_a, _ = model.step(memory, new, trg_in[:, 1])
        other = DecoderState(new.hidden, new.cell + 1.0, new.context)
        _, lp_b, _ = model.step(memory, other, trg_in[:, 1])
    assert not torch.allclose(lp_a, lp_b)


def test_gru_has_no_cell_state():
    model = _model(enc_cell="lstm", dec_cell="gru").eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        assert state.cell is None
        state, _, _ = model.step(memory, state, trg_in[:, 0])
    assert state.cell is None


# ---------------------------------------------------------------- input feeding


def test_input_feeding_off():
    model = _model(input_feeding=False, dec_layers=2).eval()
    assert model.decoder.cells[0].weight_ih.shape[1] == 6  # embedding only
    assert _model(input_feeding=True).decoder.cells[0].weight_ih.shape[1] == 6 + 8
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        _, lp_a, _ = model.step(memory, state, trg_in[:, 1])
        fed = DecoderState(state.hidden, state.cell, torch.randn_like(state.context))
        _, lp_b, _ = model.step(memory, fed, trg_in[:, 1])
        logits = model(src, lengths, trg_in)
    torch.testing.assert_close(lp_a, lp_b)  # the previous context is not read
    assert logits.shape == (3, 6, TRG_VOCAB) and torch.isfinite(logits).all()


def test_input_feeding_on_reads_previous_context():
    model = _model(input_feeding=True).eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        _, lp_a, _ = model.step(memory, state, trg_in[:, 1])
        fed = DecoderState(state.hidden, state.cell, torch.randn_like(state.context))
        _, lp_b, _ = model.step(memory, fed, trg_in[:, 1])
    assert not torch.allclose(lp_a, lp_b)


# ---------------------------------------------------------------- conditional cell


def _conditional_step(model, memory, state, prev):
    """The conditional GRU written out from its definition, independently of `_advance`."""
    dec = model.decoder
    embedded = dec.embedding(prev)
    first = dec.cells[0]
    s_prime = torch.gru_cell(embedded, state.hidden[0], first.weight_ih, first.weight_hh, first.bias_ih, first.bias_hh)
    context, _ = dec.attention(s_prime, memory.keys, memory.states, memory.pad_mask)
    cond = dec.conditional
    s = torch.gru_cell(context, s_prime, cond.weight_ih, cond.weight_hh, cond.bias_ih, cond.bias_hh)
    return s, torch.log_softmax(dec.readout(s, context, embedded), -1)


def _assert_steps_follow(model, equations):
    """Three decoder steps agree with `equations(model, memory, state, prev) -> (state, log_probs)`."""
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        for t in range(3):
            expected_state, expected = equations(model, memory, state, trg_in[:, t])
            state, log_probs, _ = model.step(memory, state, trg_in[:, t])
            torch.testing.assert_close(state.hidden[0], expected_state)
            torch.testing.assert_close(log_probs, expected)


def test_conditional_gru_is_attention_between_two_cells():
    model = _model(input_feeding=False, conditional=True).eval()
    assert model.decoder.conditional.weight_ih.shape == (3 * 7, 8)  # reads the context (memory 8)
    _assert_steps_follow(model, _conditional_step)


def test_conditional_cell_changes_the_model_and_trains():
    plain, cond = _model(input_feeding=False), _model(input_feeding=False, conditional=True)
    assert plain.decoder.conditional is None
    assert cond.num_parameters() == plain.num_parameters() + 3 * 7 * (8 + 7 + 2)
    src, lengths, trg_in = _batch()
    cond.train()
    cond(src, lengths, trg_in).logsumexp(-1).sum().backward()
    assert cond.decoder.conditional.weight_ih.grad.abs().sum() > 0
    assert cond.decoder.conditional.weight_hh.grad.abs().sum() > 0


def test_int8_conditional_decoder_quantizes_the_conditional_cell():
    from seq2seq.model.quantize import quantize_int8

    model = _model(input_feeding=False, conditional=True).eval()
    int8 = quantize_int8(model)
    cells = [*int8.decoder.cells, int8.decoder.conditional]
    assert all(isinstance(cell, Int8StepCell) for cell in cells)
    assert not [name for cell in cells for name, _ in cell.named_parameters()]  # no float weights left to use
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        _, expected, _ = model.step(memory, state, trg_in[:, 0])
        memory8, state8 = int8.encode(src, lengths)
        _, got, _ = int8.step(memory8, state8, trg_in[:, 0])
    torch.testing.assert_close(got, expected, atol=0.05, rtol=0)


# ---------------------------------------------------------------- layer normalisation


LAYER_NORM_GRID = [("gru", 1, True, False), ("gru", 1, False, True), ("lstm", 2, True, False), ("rnn_tanh", 2, False, True)]


@pytest.mark.parametrize("dec_cell,layers,feeding,conditional", LAYER_NORM_GRID)
def test_layer_norm_teacher_forced_forward_equals_step_loop(dec_cell, layers, feeding, conditional):
    model = _model(dec_cell=dec_cell, dec_layers=layers, input_feeding=feeding, conditional=conditional,
                   dropout=0.3, recurrent_dropout=0.2, layer_norm=True).eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        forced = torch.log_softmax(model.decoder(memory, state, trg_in, forcing=1.0), -1)
        stepped, _ = _step_loop(model, memory, state, trg_in)
    torch.testing.assert_close(forced, stepped, atol=ATOL, rtol=1e-4)


def _layer_norm_conditional_step(model, memory, state, prev):
    """The layer-normalised conditional GRU written out from Ba et al.'s equations, independently of `_advance`."""
    dec = model.decoder

    def gru(x, h, cell):
        xr, xz, xn = cell.norm_ih(x @ cell.weight_ih.T + cell.bias_ih).chunk(3, 1)
        hr, hz, hn = cell.norm_hh(h @ cell.weight_hh.T + cell.bias_hh).chunk(3, 1)
        r, z = torch.sigmoid(xr + hr), torch.sigmoid(xz + hz)
        n = torch.tanh(xn + r * hn)
        return (1 - z) * n + z * h

    embedded = dec.embedding(prev)
    s_prime = gru(embedded, state.hidden[0], dec.cells[0])
    context, _ = dec.attention(s_prime, memory.keys, memory.states, memory.pad_mask)
    s = gru(context, s_prime, dec.conditional)
    return s, torch.log_softmax(dec.readout(s, context, embedded), -1)


def _gate_norms(model) -> list:
    """Every gate norm of the decoder's cells: each cell owns those of its two products."""
    cells = [*model.decoder.cells] + ([model.decoder.conditional] if model.decoder.conditional is not None else [])
    return [norm for cell in cells for norm in (cell.norm_ih, cell.norm_hh) if norm is not None]


def test_layer_norm_conditional_gru_follows_its_equations():
    model = _model(input_feeding=False, conditional=True, layer_norm=True).eval()
    assert all(isinstance(norm, GateNorm) for norm in _gate_norms(model))
    assert len(_gate_norms(model)) == 4  # both products of the first cell and of the conditional cell
    with torch.no_grad():  # gains and biases away from their initial 1 and 0, so each one matters
        for param in (p for norm in _gate_norms(model) for p in norm.parameters()):
            param.uniform_(-1.5, 1.5)
    _assert_steps_follow(model, _layer_norm_conditional_step)


def test_layer_norm_makes_the_decoder_blind_to_its_weights_scale():
    """What layer normalisation is for: scaling a recurrent weight (and bias) changes nothing downstream."""
    src, lengths, trg_in = _batch()
    outputs = {}
    for layer_norm in (False, True):
        model = _model(dec_layers=2, layer_norm=layer_norm).eval()
        with torch.no_grad():
            before = model(src, lengths, trg_in)
            for cell in model.decoder.cells:
                for name in ("weight_ih", "bias_ih", "weight_hh", "bias_hh"):
                    getattr(cell, name).mul_(3.0)
            outputs[layer_norm] = (before, model(src, lengths, trg_in))
    assert not torch.allclose(*outputs[False], atol=1e-3)
    torch.testing.assert_close(*outputs[True], atol=1e-4, rtol=1e-4)


def test_layer_norm_adds_gains_and_biases_that_train():
    plain, normed = _model(dec_layers=2), _model(dec_layers=2, layer_norm=True)
    assert _gate_norms(plain) == []
    assert normed.num_parameters() == plain.num_parameters() + 2 * 2 * 2 * 3 * 7  # 2 layers x (ih, hh) x (gain, bias)
    assert "layer norm" in normed.cfg.decoder.describe() and "layer norm" not in plain.cfg.decoder.describe()
    src, lengths, trg_in = _batch()
    normed.train()
    normed(src, lengths, trg_in).logsumexp(-1).sum().backward()
    assert all(p.grad.abs().sum() > 0 for norm in _gate_norms(normed) for p in norm.parameters())


# ---------------------------------------------------------------- scheduled sampling


def test_scheduled_sampling_runs_and_backpropagates():
    model = _model(dec_cell="lstm", enc_cell="lstm", dropout=0.2).train()
    src, lengths, trg_in = _batch()
    logits = model(src, lengths, trg_in, forcing=0.5)
    assert logits.shape == (3, 6, TRG_VOCAB) and torch.isfinite(logits).all()
    logits.logsumexp(-1).sum().backward()
    assert model.decoder.embedding.weight.grad.abs().sum() > 0


@pytest.mark.parametrize("dec_cell", ["gru", "lstm"])
def test_forcing_zero_feeds_own_argmax(dec_cell):
    model = _model(enc_cell=dec_cell, dec_cell=dec_cell, dec_layers=2).eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        sampled = torch.log_softmax(model(src, lengths, trg_in, forcing=0.0), -1)
        # greedy unrolled loop: <s> first, then the previous argmax
        memory, state = model.encode(src, lengths)
        prev, greedy = trg_in[:, 0], []
        for _ in range(trg_in.shape[1]):
            state, log_probs, _ = model.step(memory, state, prev)
            greedy.append(log_probs)
            prev = log_probs.argmax(-1)
        greedy = torch.stack(greedy, 1)
        # the reference after <s> is never read
        scrambled = trg_in.clone()
        scrambled[:, 1:] = torch.randint(4, TRG_VOCAB, scrambled[:, 1:].shape)
        sampled_scrambled = torch.log_softmax(model(src, lengths, scrambled, forcing=0.0), -1)
    torch.testing.assert_close(sampled, greedy, atol=ATOL, rtol=1e-4)
    torch.testing.assert_close(sampled_scrambled, sampled)


def test_sampled_path_with_forcing_one_equals_teacher_forcing():
    """The scheduled-sampling loop, when it always picks the reference, is the teacher-forced pass."""
    model = _model(dec_cell="lstm", enc_cell="gru").eval()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        masks = model.decoder.step_masks(3, memory.states)
        sampled = model.decoder._sampled(memory, state, trg_in, 1.0, masks)
        forced = model.decoder(memory, state, trg_in, forcing=1.0)
    torch.testing.assert_close(sampled, forced, atol=ATOL, rtol=1e-4)


def test_forcing_mixes_reference_and_predictions():
    """With 0 < forcing < 1 the fed tokens are a per-row mix, so the result lies between the two extremes."""
    model = _model().eval()
    src, lengths, trg_in = _batch()
    torch.manual_seed(0)
    with torch.no_grad():
        forced = model(src, lengths, trg_in, forcing=1.0)
        free = model(src, lengths, trg_in, forcing=0.0)
        differs_from_forced = differs_from_free = False
        for seed in range(20):
            torch.manual_seed(seed)
            mixed = model(src, lengths, trg_in, forcing=0.5)
            assert torch.allclose(mixed[:, 0], forced[:, 0], atol=ATOL)  # step 0 always reads <s>
            differs_from_forced |= not torch.allclose(mixed, forced, atol=ATOL)
            differs_from_free |= not torch.allclose(mixed, free, atol=ATOL)
    assert differs_from_forced and differs_from_free


# ---------------------------------------------------------------- dropout masks


def test_dropout_masks_none_in_eval_and_drawn_in_training():
    model = _model(dropout=0.3, recurrent_dropout=0.2, dec_layers=3)
    dec = model.decoder
    like = torch.empty(4, 8)
    dec.eval()
    masks = dec.step_masks(4, like)
    assert masks.embedding is None and all(m is None for m in masks.between + masks.recurrent)
    dec.train()
    masks = dec.step_masks(4, like)
    assert masks.embedding.shape == (4, 6)
    assert len(masks.between) == 2 and all(m.shape == (4, 7) for m in masks.between)
    assert len(masks.recurrent) == 3 and all(m.shape == (4, 7) for m in masks.recurrent)


def test_training_dropout_is_reproducible_under_a_seed_and_off_in_eval():
    model = _model(dropout=0.3, recurrent_dropout=0.2, dec_layers=2)
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        model.train()
        torch.manual_seed(5)
        a = model(src, lengths, trg_in)
        torch.manual_seed(5)
        b = model(src, lengths, trg_in)
        c = model(src, lengths, trg_in)
        model.eval()
        d, e = model(src, lengths, trg_in), model(src, lengths, trg_in)
    assert torch.equal(a, b)
    assert not torch.allclose(a, c)
    assert not torch.allclose(a, d)
    assert torch.equal(d, e)


def _readout_inputs(model, run):
    """The dropped-out readout vectors fed to the output layer, one (batch, readout) tensor per step."""
    seen = []
    handle = model.decoder.output.register_forward_hook(lambda mod, inp, out: seen.append(inp[0].detach()))
    try:
        run()
    finally:
        handle.remove()
    if len(seen) == 1:  # the teacher-forced pass runs the output layer once for all steps
        return list(seen[0].unbind(1))
    return seen


def test_teacher_forced_readout_dropout_is_variational():
    model = _model(dropout=0.5).train()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        steps = _readout_inputs(model, lambda: model(src, lengths, trg_in, forcing=1.0))
    zero = [s == 0 for s in steps]
    assert zero[0].any()
    assert all(torch.equal(z, zero[0]) for z in zero[1:]), "one readout dropout mask per sequence"


def test_scheduled_sampling_readout_dropout_is_variational():
    model = _model(dropout=0.5).train()
    src, lengths, trg_in = _batch()
    with torch.no_grad():
        steps = _readout_inputs(model, lambda: model(src, lengths, trg_in, forcing=0.5))
    assert len(steps) == trg_in.shape[1]
    zero = [s == 0 for s in steps]
    assert zero[0].any()
    assert all(torch.equal(z, zero[0]) for z in zero[1:]), "one readout dropout mask per sequence"


def _embedding_dropout_pattern(model, trg_in):
    """Per step, where the dropped-out target embedding (fed to the readout) is zero: (batch, emb) bools."""
    seen = []
    handle = model.decoder.pre_output.register_forward_hook(lambda mod, inp, out: seen.append(inp[0].detach()))
    src, lengths, _ = _batch()
    try:
        with torch.no_grad():
            model(src, lengths, trg_in, forcing=1.0)
    finally:
        handle.remove()
    embedded = seen[0][..., -6:]  # [top; context; embedding], embedding_size 6
    return [(embedded[:, t] == 0) for t in range(trg_in.shape[1])]


NO_PAD_TRG = torch.tensor([[BOS, 4, 5, 6, 7, 8, 9, 10, 11, 12, 4, 5]] * 3)


def test_decoder_embedding_dropout_variational_shares_mask_over_time():
    model = _model(dropout=0.5).train()
    pattern = _embedding_dropout_pattern(model, NO_PAD_TRG)
    assert pattern[0].any()
    assert all(torch.equal(p, pattern[0]) for p in pattern[1:])


def test_decoder_embedding_dropout_non_variational_differs_over_time():
    model = _model(dropout=0.5, variational=False).train()
    assert model.decoder.cfg.variational is False
    pattern = _embedding_dropout_pattern(model, NO_PAD_TRG)
    assert pattern[0].any()
    assert not all(torch.equal(p, pattern[0]) for p in pattern[1:]), "a fresh mask per step when not variational"

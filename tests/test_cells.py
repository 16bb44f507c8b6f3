"""Properties of seq2seq/model/cells.py: the fused kernel and the explicit loop compute the same function,
every StepCell is PyTorch's own cell math in PyTorch's layout, its parts' products make the whole one, its int8
twin computes the same step, IRNN init, (variational / recurrent) dropout behaviour and gate-wise layer
normalisation."""
from __future__ import annotations

import pytest
import torch
from torch import nn

from seq2seq.config import Cell
from seq2seq.model.cells import STEP_CELLS, GateNorm, RecurrentLayer, SequenceDropout, StepCell

ALL_CELLS = list(Cell)
TINY = 1e-9  # recurrent dropout so small that its mask is (almost surely) all ones
ATOL = 1e-5


@pytest.fixture(autouse=True)
def _seed():
    torch.manual_seed(1234)


def _layer(cell: Cell, bidirectional: bool, input_size: int = 5, hidden: int = 6,
           recurrent_dropout: float = TINY, identity_init: bool = False) -> RecurrentLayer:
    return RecurrentLayer(cell, input_size, hidden, bidirectional, recurrent_dropout, identity_init)


def _inputs(batch_lengths=(5, 2, 4, 1), input_size: int = 5):
    lengths = torch.tensor(batch_lengths, dtype=torch.long)  # deliberately not sorted
    x = torch.randn(len(batch_lengths), int(lengths.max()), input_size)
    return x, lengths


# ---------------------------------------------------------------- fused == loop


@pytest.mark.parametrize("bidirectional", [False, True], ids=["uni", "bi"])
@pytest.mark.parametrize("cell", ALL_CELLS, ids=[c.value for c in ALL_CELLS])
def test_fused_equals_loop(cell, bidirectional):
    layer = _layer(cell, bidirectional).eval()
    x, lengths = _inputs()
    with torch.no_grad():
        out_f, h_f, c_f = layer(x, lengths)  # eval: fused kernel over packed sequences
        out_l, h_l, c_l = layer._loop(x, lengths)  # explicit step loop with a ~1 mask
    dirs = 2 if bidirectional else 1
    assert out_f.shape == out_l.shape == (4, 5, dirs * 6)
    assert h_f.shape == h_l.shape == (dirs, 4, 6)
    torch.testing.assert_close(out_l, out_f, atol=ATOL, rtol=1e-4)
    torch.testing.assert_close(h_l, h_f, atol=ATOL, rtol=1e-4)
    if cell is Cell.LSTM:
        assert c_f.shape == c_l.shape == (dirs, 4, 6)
        torch.testing.assert_close(c_l, c_f, atol=ATOL, rtol=1e-4)
    else:
        assert c_f is None and c_l is None


@pytest.mark.parametrize("bidirectional", [False, True], ids=["uni", "bi"])
@pytest.mark.parametrize("cell", ALL_CELLS, ids=[c.value for c in ALL_CELLS])
def test_training_with_recurrent_dropout_takes_loop_and_matches_fused(cell, bidirectional):
    layer = _layer(cell, bidirectional)
    x, lengths = _inputs()
    with torch.no_grad():
        layer.train()
        out_t, h_t, c_t = layer(x, lengths)  # training + recurrent_dropout > 0: the loop
        layer.eval()
        out_e, h_e, c_e = layer(x, lengths)
    torch.testing.assert_close(out_t, out_e, atol=ATOL, rtol=1e-4)
    torch.testing.assert_close(h_t, h_e, atol=ATOL, rtol=1e-4)
    if cell is Cell.LSTM:
        torch.testing.assert_close(c_t, c_e, atol=ATOL, rtol=1e-4)


@pytest.mark.parametrize("bidirectional", [False, True], ids=["uni", "bi"])
@pytest.mark.parametrize("cell", ALL_CELLS, ids=[c.value for c in ALL_CELLS])
def test_loop_outputs_zero_on_padding_and_padding_invariant(cell, bidirectional):
    layer = _layer(cell, bidirectional).eval()
    x, lengths = _inputs()
    x_junk = x.clone()
    for i, n in enumerate(lengths.tolist()):
        x_junk[i, n:] = 100.0  # garbage where there is padding must not matter
    with torch.no_grad():
        out, h, c = layer._loop(x, lengths)
        out_j, h_j, c_j = layer._loop(x_junk, lengths)
    for i, n in enumerate(lengths.tolist()):
        assert torch.all(out[i, n:] == 0)
    torch.testing.assert_close(out_j, out)
    torch.testing.assert_close(h_j, h)


# ---------------------------------------------------------------- step cells == torch cells


def make_step_cell(cell: Cell, input_size: int, hidden_size: int, identity_init: bool = False) -> StepCell:
    return STEP_CELLS[cell]((input_size,), hidden_size, identity_init=identity_init)


def cell_step(cell: Cell, gx, h, c, module: StepCell, h_mask=None):
    """One step of a StepCell of type `cell` with the input-side gates gx."""
    assert isinstance(module, STEP_CELLS[cell])
    return module(gx, h, c, h_mask)


TORCH_CELLS = {Cell.GRU: nn.GRUCell, Cell.LSTM: nn.LSTMCell, Cell.RNN_TANH: nn.RNNCell, Cell.RNN_RELU: nn.RNNCell}


@pytest.mark.parametrize("cell", ALL_CELLS, ids=[c.value for c in ALL_CELLS])
def test_step_cell_matches_torch_cell(cell):
    inp, hid, batch = 5, 7, 3
    reference = {Cell.GRU: nn.GRUCell(inp, hid), Cell.LSTM: nn.LSTMCell(inp, hid),
                 Cell.RNN_TANH: nn.RNNCell(inp, hid, nonlinearity="tanh"),
                 Cell.RNN_RELU: nn.RNNCell(inp, hid, nonlinearity="relu")}[cell]
    module = make_step_cell(cell, inp, hid)
    module.load_state_dict(reference.state_dict())  # the same parameter names and shapes
    x, h, c = torch.randn(batch, inp), torch.randn(batch, hid), torch.randn(batch, hid)
    gx = module.input_product(x)
    assert gx.shape == (batch, STEP_CELLS[cell].gates * hid)
    with torch.no_grad():
        h_new, c_new = cell_step(cell, gx, h, c if cell is Cell.LSTM else None, module)
        if cell is Cell.LSTM:
            h_ref, c_ref = reference(x, (h, c))
            torch.testing.assert_close(c_new, c_ref, atol=ATOL, rtol=1e-4)
        else:
            h_ref = reference(x, h)
            assert c_new is None
    torch.testing.assert_close(h_new, h_ref, atol=ATOL, rtol=1e-4)


@pytest.mark.parametrize("cell", ALL_CELLS, ids=[c.value for c in ALL_CELLS])
def test_cell_step_mask_of_ones_changes_nothing_and_mask_only_hits_recurrent_path(cell):
    module = make_step_cell(cell, 4, 6)
    x, h = torch.randn(2, 4), torch.randn(2, 6)
    c = torch.randn(2, 6) if cell is Cell.LSTM else None
    gx = nn.functional.linear(x, module.weight_ih, module.bias_ih)
    with torch.no_grad():
        plain = cell_step(cell, gx, h, c, module)
        ones = cell_step(cell, gx, h, c, module, torch.ones_like(h))
        zeros = cell_step(cell, gx, h, c, module, torch.zeros_like(h))
        from_zero_h = cell_step(cell, gx, torch.zeros_like(h), c, module)
    torch.testing.assert_close(ones[0], plain[0])
    if cell is not Cell.GRU:
        # a zero mask is the same as a zero h on the recurrent path (GRU also carries h itself through z)
        torch.testing.assert_close(zeros[0], from_zero_h[0])
    else:
        assert not torch.allclose(zeros[0], from_zero_h[0])  # carried h is not masked


@pytest.mark.parametrize("cell", ALL_CELLS, ids=[c.value for c in ALL_CELLS])
def test_step_cell_has_torch_layout_and_initialisation(cell):
    gates = STEP_CELLS[cell].gates
    torch.manual_seed(5)
    module = make_step_cell(cell, 4, 6)
    assert module.weight_ih.shape == (gates * 6, 4)
    assert module.weight_hh.shape == (gates * 6, 6)
    assert module.bias_ih.shape == module.bias_hh.shape == (gates * 6,)
    torch.manual_seed(5)
    reference = TORCH_CELLS[cell](4, 6)  # the same draws in the same order: a seeded model is unchanged
    assert list(dict(module.named_parameters())) == list(dict(reference.named_parameters()))
    for name, param in reference.named_parameters():
        assert torch.equal(getattr(module, name), param)


@pytest.mark.parametrize("cell", ALL_CELLS, ids=[c.value for c in ALL_CELLS])
def test_the_parts_products_add_up_to_the_whole_input_product(cell):
    module = STEP_CELLS[cell]((3, 5), 4)
    x = torch.randn(2, 8)
    parts = module.part_products()
    assert len(parts) == 2
    torch.testing.assert_close(parts[0](x[:, :3]) + parts[1](x[:, 3:]), module.input_product(x))


@pytest.mark.parametrize("layer_norm", [False, True], ids=["plain", "layer_norm"])
@pytest.mark.parametrize("cell", ALL_CELLS, ids=[c.value for c in ALL_CELLS])
def test_int8_twin_computes_the_same_step_and_leaves_the_cell_alone(cell, layer_norm):
    module = STEP_CELLS[cell]((3, 5), 6, layer_norm=layer_norm).eval()
    before = {name: p.clone() for name, p in module.named_parameters()}
    twin = module.int8()
    assert all(torch.equal(p, before[name]) for name, p in module.named_parameters())
    x, h, c = torch.randn(4, 8), torch.rand(4, 6), torch.rand(4, 6)
    c = c if cell is Cell.LSTM else None
    with torch.no_grad():
        expected = module(module.input_product(x), h, c)
        got = twin(twin.part_products()[0](x[:, :3]) + twin.part_products()[1](x[:, 3:]), h, c)
        whole = twin(twin.input_product(x), h, c)
    torch.testing.assert_close(got[0], expected[0], atol=0.05, rtol=0)
    torch.testing.assert_close(whole[0], expected[0], atol=0.05, rtol=0)


# ---------------------------------------------------------------- IRNN


@pytest.mark.parametrize("bidirectional", [False, True], ids=["uni", "bi"])
def test_identity_init_recurrent_layer(bidirectional):
    layer = _layer(Cell.RNN_RELU, bidirectional, input_size=5, hidden=6, identity_init=True)
    names = dict(layer.rnn.named_parameters())
    suffixes = ["", "_reverse"] if bidirectional else [""]
    for s in suffixes:
        assert torch.equal(names[f"weight_hh_l0{s}"], torch.eye(6))
        assert torch.all(names[f"bias_hh_l0{s}"] == 0)
        assert torch.all(names[f"bias_ih_l0{s}"] == 0)
        assert names[f"weight_ih_l0{s}"].abs().sum() > 0  # input weights keep their random init
    assert layer.rnn.nonlinearity == "relu"


def test_identity_init_step_cell():
    module = make_step_cell(Cell.RNN_RELU, 5, 6, identity_init=True)
    assert type(module).activate(torch.full((1, 6), -1.0), torch.zeros(1, 6), None, None)[0].eq(0).all()  # relu
    assert torch.equal(module.weight_hh, torch.eye(6))
    assert torch.all(module.bias_hh == 0) and torch.all(module.bias_ih == 0)


def test_identity_init_carries_state_with_zero_input():
    """With identity recurrence, zero biases and zero input, a relu RNN keeps a non-negative state unchanged."""
    module = make_step_cell(Cell.RNN_RELU, 3, 4, identity_init=True)
    h = torch.rand(2, 4)
    gx = module.input_product(torch.zeros(2, 3))
    with torch.no_grad():
        h_new, _ = cell_step(Cell.RNN_RELU, gx, h, None, module)
    torch.testing.assert_close(h_new, h)


def test_without_identity_init_weights_are_random():
    module = make_step_cell(Cell.RNN_RELU, 5, 6)
    assert not torch.equal(module.weight_hh, torch.eye(6))


# ---------------------------------------------------------------- dropout


def test_variational_dropout_mask_shared_over_time():
    drop = SequenceDropout(0.5, variational=True).train()
    x = torch.ones(8, 10, 16)
    y = drop(x)
    assert y.shape == x.shape
    for t in range(1, 10):
        assert torch.equal(y[:, t], y[:, 0])
    values = set(y.unique().tolist())
    assert values <= {0.0, 2.0} and values == {0.0, 2.0}
    # a fresh call draws a fresh mask
    assert not torch.equal(drop(x), y)


def test_non_variational_dropout_differs_over_time():
    drop = SequenceDropout(0.5, variational=False).train()
    y = drop(torch.ones(8, 10, 16))
    assert not all(torch.equal(y[:, t], y[:, 0]) for t in range(1, 10))
    assert set(y.unique().tolist()) <= {0.0, 2.0}


@pytest.mark.parametrize("variational", [True, False])
def test_dropout_off_in_eval_and_at_zero(variational):
    x = torch.randn(3, 4, 5)
    assert torch.equal(SequenceDropout(0.5, variational).eval()(x), x)
    assert torch.equal(SequenceDropout(0.0, variational).train()(x), x)
    assert SequenceDropout(0.5, variational).eval().mask(x) is None
    assert SequenceDropout(0.0, variational).train().mask(x) is None


def test_dropout_mask_is_scaled_bernoulli():
    drop = SequenceDropout(0.25, True).train()
    mask = drop.mask(torch.empty(200, 50))
    assert mask.shape == (200, 50)
    values = mask.unique()
    assert len(values) == 2 and values[0] == 0
    torch.testing.assert_close(values[1], torch.tensor(1 / 0.75))
    assert abs(mask.mean().item() - 1.0) < 0.05  # inverted dropout keeps the expectation


@pytest.mark.parametrize("cell", ALL_CELLS, ids=[c.value for c in ALL_CELLS])
def test_recurrent_dropout_changes_training_outputs(cell):
    layer = _layer(cell, True, recurrent_dropout=0.5)
    x, lengths = _inputs()
    with torch.no_grad():
        layer.eval()
        out_eval, _, _ = layer(x, lengths)
        layer.train()
        out_a, _, _ = layer(x, lengths)
        out_b, _, _ = layer(x, lengths)
    assert not torch.allclose(out_a, out_eval)
    assert not torch.allclose(out_a, out_b)  # a new mask per call
    # the mask is on the hidden-to-hidden path only: each direction's first step starts from h = 0
    hid = layer.hidden_size
    torch.testing.assert_close(out_a[:, 0, :hid], out_eval[:, 0, :hid], atol=ATOL, rtol=1e-4)
    for i, n in enumerate(lengths.tolist()):
        torch.testing.assert_close(out_a[i, n - 1, hid:], out_eval[i, n - 1, hid:], atol=ATOL, rtol=1e-4)
        assert torch.all(out_a[i, n:] == 0)


def test_recurrent_dropout_gradients_flow_through_loop():
    layer = _layer(Cell.LSTM, True, recurrent_dropout=0.3).train()
    x, lengths = _inputs()
    out, h, c = layer(x, lengths)
    (out.sum() + h.sum() + c.sum()).backward()
    for name, p in layer.named_parameters():
        assert p.grad is not None and p.grad.abs().sum() > 0, name


# ---------------------------------------------------------------- layer normalisation


def test_gate_norm_normalises_each_gate_block_on_its_own():
    norm = GateNorm(3, 4)
    # three gates on very different scales and offsets: one norm over all 12 units would leave them apart
    x = torch.cat([torch.randn(2, 4) * 100 + 50, torch.randn(2, 4) * 0.5, torch.randn(2, 4) - 7], 1)
    blocks = norm(x).view(2, 3, 4)
    torch.testing.assert_close(blocks.mean(-1), torch.zeros(2, 3), atol=1e-5, rtol=0)
    torch.testing.assert_close(blocks.var(-1, unbiased=False), torch.ones(2, 3), atol=2e-3, rtol=0)  # eps: 1e-5


def test_gate_norm_gain_and_bias_are_per_unit_and_learned():
    norm = GateNorm(2, 3)
    x = torch.randn(5, 7, 6)  # any leading shape: (batch, time, gates*hidden)
    with torch.no_grad():
        norm.weight.copy_(torch.arange(1.0, 7.0))
        norm.bias.fill_(0.5)
    blocks = x.view(5, 7, 2, 3)
    plain = ((blocks - blocks.mean(-1, keepdim=True)) / (blocks.var(-1, unbiased=False, keepdim=True) + 1e-5).sqrt())
    torch.testing.assert_close(norm(x), plain.reshape(5, 7, 6) * torch.arange(1.0, 7.0) + 0.5)
    norm(x).sum().backward()
    assert norm.weight.grad.abs().sum() > 0 and norm.bias.grad.abs().sum() > 0

"""The model as two ONNX graphs for seq2seq/runtime: the encoder, and one decoder step.

The encoder is written node by node, with ONNX's own GRU/LSTM/RNN operators fed the batch's lengths
(`sequence_lens`): padding is masked inside the operator, so a padded sentence reads as it would alone,
and no packed sequence reaches the graph (ONNX export of packed sequences is known to give wrong results).
The decoder step has no loop and no packing: torch.onnx exports it from the very `RecurrentDecoder.step`
that search drives, so every decoder option (input feeding, conditional cell, layer norm, attention type)
comes along as it is.
"""
from __future__ import annotations

import warnings
from typing import Optional

import numpy as np
import torch
from torch import Tensor, nn

from ..config import AttentionType, Cell
from .decoder import DecoderState, Memory
from .seq2seq import Seq2Seq

OPSET = 18
# encoder: src (batch, src_len) int64, src_lengths (batch,) int64 -> states (batch, src_len, memory),
# keys (batch, src_len, key), hidden [and cell] (layers, batch, hidden), context (batch, memory)
# (rows,) int64, decoder state as above, memory of the rows' sentences, pad_mask (batch, src_len) bool
STEP_INPUTS = ("prev", "hidden", "cell", "context", "states", "keys", "pad_mask")
# (rows, vocab) float32 log-probabilities, the new state, attention (rows, src_len)
STEP_OUTPUTS = ("log_probs", "new_hidden", "new_cell", "new_context", "attention")

# ONNX's gate order, as indices of PyTorch's: GRU z,r,h of r,z,n; LSTM i,o,f,c of i,f,g,o
_GATE_ORDER = {Cell.GRU: (1, 0, 2), Cell.LSTM: (0, 3, 1, 2), Cell.RNN_TANH: (0,), Cell.RNN_RELU: (0,)}
_OP = {Cell.GRU: "GRU", Cell.LSTM: "LSTM", Cell.RNN_TANH: "RNN", Cell.RNN_RELU: "RNN"}


def state_names(model: Seq2Seq) -> tuple[str, ...]:
    """The decoder state's parts for this model: the LSTM cell state only where the decoder is an LSTM."""
    return ("hidden", "cell", "context") if model.cfg.decoder.cell is Cell.LSTM else ("hidden", "context")


def _array(t: Tensor) -> np.ndarray:
    return t.detach().cpu().float().numpy()


class _GraphBuilder:
    """Nodes and initializers of one graph, named in order of creation."""

    def __init__(self) -> None:
        self.nodes: list = []
        self.initializers: list = []
        self.count = 0

    def const(self, value: np.ndarray, name: str = "c") -> str:
        from onnx import numpy_helper

        self.count += 1
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), f"{name}_{self.count}"))
        return self.initializers[-1].name

    def op(self, op_type: str, inputs: list[str], outputs: int | list[str] = 1, **attributes) -> list[str]:
        from onnx import helper

        if isinstance(outputs, int):
            self.count += 1
            outputs = [f"{op_type.lower()}_{self.count}_{i}" for i in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, outputs, **attributes))
        return outputs

    def one(self, op_type: str, inputs: list[str], **attributes) -> str:
        return self.op(op_type, inputs, 1, **attributes)[0]


def _recurrent_weights(rnn: nn.RNNBase, cell: Cell) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One fused layer's weights in ONNX's layout: W (dirs, gates*H, in), R (dirs, gates*H, H), B (dirs, 2*gates*H)."""
    order, size = _GATE_ORDER[cell], rnn.hidden_size
    regate = lambda w: np.concatenate([w[g * size:(g + 1) * size] for g in order], 0)  # noqa: E731
    ws, rs, bs = [], [], []
    for suffix in ("_l0", "_l0_reverse")[:2 if rnn.bidirectional else 1]:
        ws.append(regate(_array(getattr(rnn, f"weight_ih{suffix}"))))
        rs.append(regate(_array(getattr(rnn, f"weight_hh{suffix}"))))
        bs.append(np.concatenate([regate(_array(getattr(rnn, f"bias_ih{suffix}"))),
                                  regate(_array(getattr(rnn, f"bias_hh{suffix}")))]))
    return np.stack(ws), np.stack(rs), np.stack(bs)


def _layers(g: _GraphBuilder, x: str, lengths: str, model: Seq2Seq) -> tuple[str, str, Optional[str]]:
    """x (src_len, batch, embedding) through the encoder's layers -> outputs (src_len, batch, dirs*H) and the
    top layer's final h and c (dirs, batch, H), c None unless LSTM."""
    cfg = model.cfg.encoder
    dirs = 2 if cfg.bidirectional else 1
    attributes = {"hidden_size": cfg.hidden_size, "direction": "bidirectional" if dirs == 2 else "forward"}
    if cfg.cell is Cell.GRU:
        attributes["linear_before_reset"] = 1  # PyTorch's GRU: r * (W_hn h + b_hn)
    if cfg.cell in (Cell.RNN_TANH, Cell.RNN_RELU):
        attributes["activations"] = ["Relu" if cfg.cell is Cell.RNN_RELU else "Tanh"] * dirs
    outputs = 3 if cfg.cell is Cell.LSTM else 2
    final_h = final_c = None
    for layer in model.encoder.layers:
        w, r, b = _recurrent_weights(layer.rnn, cfg.cell)
        y, final_h, *rest = g.op(_OP[cfg.cell], [x, g.const(w, "W"), g.const(r, "R"), g.const(b, "B"), lengths],
                                 outputs, **attributes)  # y (src_len, dirs, batch, H), zero past each length
        final_c = rest[0] if rest else None
        joined = g.one("Transpose", [y], perm=[0, 2, 1, 3])  # (src_len, batch, dirs, H)
        x = g.one("Reshape", [joined, g.const(np.array([0, 0, dirs * cfg.hidden_size], np.int64), "shape")])
    return x, final_h, final_c


def _join_directions(g: _GraphBuilder, final: str, width: int) -> str:
    """(dirs, batch, H) -> (batch, dirs*H), forward first: the encoder's `join`."""
    return g.one("Reshape", [g.one("Transpose", [final], perm=[1, 0, 2]), g.const(np.array([0, width], np.int64))])


def _linear(g: _GraphBuilder, x: str, layer: nn.Linear) -> str:
    out = g.one("MatMul", [x, g.const(_array(layer.weight).T, "weight")])
    return out if layer.bias is None else g.one("Add", [out, g.const(_array(layer.bias), "bias")])


def _zeros(g: _GraphBuilder, batch: str, before: tuple[int, ...], after: tuple[int, ...]) -> str:
    """Zeros shaped (*before, batch, *after) for this batch."""
    shape = g.one("Concat", [g.const(np.array(before, np.int64)), batch, g.const(np.array(after, np.int64))], axis=0)
    from onnx import TensorProto, helper

    return g.one("ConstantOfShape", [shape], value=helper.make_tensor("zero", TensorProto.FLOAT, [1], [0.0]))


def _initial_state(g: _GraphBuilder, model: Seq2Seq, final_h: str, final_c: Optional[str], width: int,
                   batch: str) -> dict[str, str]:
    """The decoder's first state, as RecurrentDecoder.init_state makes it."""
    decoder, cfg = model.decoder, model.cfg.decoder
    layers, size = cfg.num_layers, cfg.hidden_size

    def bridged(layer: nn.Linear, final: str) -> str:  # tanh(W final + b) (batch, layers*H) -> (layers, batch, H)
        flat = g.one("Tanh", [_linear(g, _join_directions(g, final, width), layer)])
        stacked = g.one("Reshape", [flat, g.const(np.array([0, layers, size], np.int64))])
        return g.one("Transpose", [stacked], perm=[1, 0, 2])

    state = {"hidden": bridged(decoder.bridge, final_h) if decoder.bridge is not None
             else _zeros(g, batch, (layers,), (size,))}
    if cfg.cell is Cell.LSTM:
        state["cell"] = (bridged(decoder.cell_bridge, final_c) if decoder.cell_bridge is not None
                         else _zeros(g, batch, (layers,), (size,)))
    state["context"] = _zeros(g, batch, (), (decoder.memory_size,))
    return state


def encoder_graph(model: Seq2Seq):
    """encode() as an ONNX model: src, src_lengths -> states, keys and the decoder's first state."""
    from onnx import TensorProto, helper

    g = _GraphBuilder()
    width = model.encoder.output_size
    embedded = g.one("Gather", [g.const(_array(model.encoder.embedding.weight), "embedding"), "src"])  # (B, S, E)
    lengths = g.one("Cast", ["src_lengths"], to=TensorProto.INT32)
    top, final_h, final_c = _layers(g, g.one("Transpose", [embedded], perm=[1, 0, 2]), lengths, model)
    g.op("Transpose", [top], ["states"], perm=[1, 0, 2])  # (batch, src_len, memory)
    attention = model.decoder.attention
    if model.cfg.attention.type is AttentionType.DOT:
        g.op("Identity", ["states"], ["keys"])
    else:
        g.op("MatMul", ["states", g.const(_array(attention.key_layer.weight).T, "key_layer")], ["keys"])
    batch = g.one("Slice", [g.one("Shape", ["src"]), g.const(np.array([0], np.int64)), g.const(np.array([1], np.int64))])
    state = _initial_state(g, model, final_h, final_c, width, batch)
    for name, value in state.items():
        g.op("Identity", [value], [name])
    dims = {"states": ["batch", "src_len", width], "keys": ["batch", "src_len", None],
            "hidden": [model.cfg.decoder.num_layers, "batch", model.cfg.decoder.hidden_size],
            "cell": [model.cfg.decoder.num_layers, "batch", model.cfg.decoder.hidden_size],
            "context": ["batch", width]}
    outputs = [helper.make_tensor_value_info(name, TensorProto.FLOAT, dims[name])
               for name in ("states", "keys", *state)]
    inputs = [helper.make_tensor_value_info("src", TensorProto.INT64, ["batch", "src_len"]),
              helper.make_tensor_value_info("src_lengths", TensorProto.INT64, ["batch"])]
    graph = helper.make_graph(g.nodes, "seq2seq_encoder", inputs, outputs, g.initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="seq2seq")


class _Step(nn.Module):
    """RecurrentDecoder.step over plain tensors, the graph's inputs and outputs (no LSTM cell state)."""

    def __init__(self, model: Seq2Seq):
        super().__init__()
        self.decoder = model.decoder

    def run(self, prev: Tensor, hidden: Tensor, cell: Optional[Tensor], context: Tensor, states: Tensor,
            keys: Tensor, pad_mask: Tensor) -> tuple[Tensor, ...]:
        state, log_probs, weights = self.decoder.step(Memory(states, keys, pad_mask),
                                                      DecoderState(hidden, cell, context), prev)
        new_cell = () if cell is None else (state.cell,)
        return (log_probs, state.hidden, *new_cell, state.context, weights)

    def forward(self, prev: Tensor, hidden: Tensor, context: Tensor, states: Tensor, keys: Tensor,
                pad_mask: Tensor) -> tuple[Tensor, ...]:
        return self.run(prev, hidden, None, context, states, keys, pad_mask)


class _LSTMStep(_Step):
    """The same with the LSTM cell state in and out."""

    def forward(self, prev: Tensor, hidden: Tensor, cell: Tensor, context: Tensor, states: Tensor, keys: Tensor,
                pad_mask: Tensor) -> tuple[Tensor, ...]:
        return self.run(prev, hidden, cell, context, states, keys, pad_mask)


def step_graph(model: Seq2Seq, example: tuple[Tensor, ...]):
    """One decoder step as an ONNX model, exported by torch.onnx from `example` inputs (STEP_INPUTS order)."""
    lstm = model.cfg.decoder.cell is Cell.LSTM
    inputs = [n for n in STEP_INPUTS if lstm or n != "cell"]
    outputs = [n for n in STEP_OUTPUTS if lstm or n != "new_cell"]
    rows, batch, src_len = torch.export.Dim("rows"), torch.export.Dim("batch"), torch.export.Dim("src_len")
    axes = {"prev": {0: rows}, "hidden": {1: rows}, "cell": {1: rows}, "context": {0: rows},
            "states": {0: batch, 1: src_len}, "keys": {0: batch, 1: src_len}, "pad_mask": {0: batch, 1: src_len}}
    with warnings.catch_warnings():  # the exporter's notes on axis names and skipped torchvision operators
        warnings.simplefilter("ignore")
        program = torch.onnx.export((_LSTMStep if lstm else _Step)(model).eval(), example, None, input_names=inputs, output_names=outputs,
                                    dynamo=True, opset_version=OPSET, verbose=False,
                                    dynamic_shapes=tuple(axes[n] for n in inputs))
    return program.model_proto

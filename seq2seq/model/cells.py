"""Recurrent cells: PyTorch's fused layers for speed, and the same math step by step where an option needs it.

Every layer keeps its weights in PyTorch's own layout (gates r,z,n for GRU; i,f,g,o for LSTM), so the
fused kernel and the explicit steps below compute the same function from the same parameters. Each cell
type's gate math is written once, in its StepCell class, and used by the decoder and the encoder's loop.
"""
from __future__ import annotations

import copy
import functools
import itertools
import warnings
from typing import Callable, Optional, Sequence

import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from ..config import Cell

_FUSED = {Cell.RNN_TANH: nn.RNN, Cell.RNN_RELU: nn.RNN, Cell.GRU: nn.GRU, Cell.LSTM: nn.LSTM}


def _kwargs(cell: Cell) -> dict:
    return {"nonlinearity": "relu" if cell is Cell.RNN_RELU else "tanh"} if cell in (Cell.RNN_TANH, Cell.RNN_RELU) else {}


class SequenceDropout(nn.Module):
    """Dropout on (batch, time, features); variational: one mask per sequence, shared by all steps."""

    def __init__(self, p: float, variational: bool):
        super().__init__()
        self.p, self.variational = p, variational

    def forward(self, x: Tensor) -> Tensor:
        if not self.training or self.p == 0:
            return x
        if not self.variational:
            return nn.functional.dropout(x, self.p, True)
        return x * self.mask(x.new_empty(x.shape[0], 1, x.shape[2]))

    def mask(self, like: Tensor) -> Optional[Tensor]:
        """A per-sequence scaled Bernoulli mask shaped like `like`; None unless variational and training."""
        if not self.training or self.p == 0 or not self.variational:
            return None
        return torch.empty_like(like).bernoulli_(1 - self.p).div_(1 - self.p)

    def step(self, x: Tensor, mask: Optional[Tensor]) -> Tensor:
        """Dropout on one time step (batch, features): the sequence's mask if variational, else a fresh one."""
        if mask is not None:
            return x * mask
        if self.training and self.p > 0 and not self.variational:
            return nn.functional.dropout(x, self.p, True)
        return x


class GateNorm(nn.Module):
    """Layer normalisation of one product's gate pre-activations, each gate's block on its own (Ba et al.
    2016, as in Nematus' decoder): the recurrence sees inputs of one scale whatever its weights' norms."""

    def __init__(self, gates: int, hidden: int, eps: float = 1e-5):
        super().__init__()
        self.gates, self.hidden, self.eps = gates, hidden, eps
        self.weight = nn.Parameter(torch.ones(gates * hidden))
        self.bias = nn.Parameter(torch.zeros(gates * hidden))

    def forward(self, x: Tensor) -> Tensor:
        """x (..., gates*hidden) -> the same shape: each gate's block normalised, then scaled and shifted."""
        blocks = x.reshape(*x.shape[:-1], self.gates, self.hidden)  # (..., gates, hidden)
        normed = nn.functional.layer_norm(blocks, (self.hidden,), eps=self.eps)
        return normed.reshape(x.shape) * self.weight + self.bias


def _identity_init_(weight_hh: Tensor, *biases: Tensor) -> None:
    """IRNN (Le et al. 2015): the recurrent matrix starts as the identity and the biases at zero."""
    with torch.no_grad():
        weight_hh.copy_(torch.eye(weight_hh.shape[1]))
        for bias in biases:
            bias.zero_()


Product = Callable[[Tensor], Tensor]


class _Step(nn.Module):
    """What a cell and its int8 twin share: the step itself, given the two products and the gate math."""

    norm_ih: Optional[GateNorm]
    norm_hh: Optional[GateNorm]

    @staticmethod
    def activate(gx: Tensor, gh: Tensor, h: Tensor, c: Optional[Tensor]) -> tuple[Tensor, Optional[Tensor]]:
        """The cell's nonlinearity given gx = W_ih x + b_ih and gh = W_hh h + b_hh (batch, gates*hidden)."""
        raise NotImplementedError

    def hidden_product(self, h: Tensor) -> Tensor:
        raise NotImplementedError

    def forward(self, gx: Tensor, h: Tensor, c: Optional[Tensor],
                h_mask: Optional[Tensor] = None) -> tuple[Tensor, Optional[Tensor]]:
        """One step from the input-side gates gx (batch, gates*hidden): new h and c (c None unless LSTM).

        h_mask is recurrent dropout: it masks h on the hidden-to-hidden path only, never the carried state.
        """
        gh = self.hidden_product(h if h_mask is None else h * h_mask)
        if self.norm_ih is not None:
            gx, gh = self.norm_ih(gx), self.norm_hh(gh)
        return self.activate(gx, gh, h, c)


class StepCell(_Step):
    """A recurrent cell for step-by-step use: its weights in PyTorch's layout and names (those of
    nn.GRUCell and friends, so fused kernels' math and checkpoints carry over), its optional gate
    normalisation, its gate math (which the encoder's explicit loop uses too) and its int8 twin.

    The input may be a concatenation of parts (the decoder's embedding and fed-back context); each
    part's product can be taken on its own, so a part known for all steps at once is multiplied once.
    """

    gates = 1

    def __init__(self, input_sizes: Sequence[int], hidden_size: int, layer_norm: bool = False,
                 identity_init: bool = False):
        super().__init__()
        self.input_sizes, self.hidden_size = tuple(input_sizes), hidden_size
        rows = self.gates * hidden_size
        self.weight_ih = nn.Parameter(torch.empty(rows, sum(self.input_sizes)))
        self.weight_hh = nn.Parameter(torch.empty(rows, hidden_size))
        self.bias_ih = nn.Parameter(torch.empty(rows))
        self.bias_hh = nn.Parameter(torch.empty(rows))
        bound = hidden_size ** -0.5  # PyTorch's own cell initialisation, parameter by parameter
        for weight in (self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh):
            nn.init.uniform_(weight, -bound, bound)
        if identity_init:
            _identity_init_(self.weight_hh, self.bias_ih, self.bias_hh)
        self.norm_ih = GateNorm(self.gates, hidden_size) if layer_norm else None
        self.norm_hh = GateNorm(self.gates, hidden_size) if layer_norm else None

    @classmethod
    def over(cls, weight_ih: Tensor, weight_hh: Tensor, bias_ih: Tensor, bias_hh: Tensor) -> "StepCell":
        """A cell that steps with another layer's weights (a fused nn.GRU/LSTM/RNN direction), so the
        encoder's explicit loop takes the same step as the decoder; it holds no weights of its own."""
        cell = cls.__new__(cls)
        nn.Module.__init__(cell)
        cell.input_sizes, cell.hidden_size = (weight_ih.shape[1],), weight_hh.shape[1]
        cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh = weight_ih, weight_hh, bias_ih, bias_hh
        cell.norm_ih = cell.norm_hh = None
        return cell

    def input_product(self, x: Tensor) -> Tensor:
        """W_ih x + b_ih for the whole input (…, sum(input_sizes)) -> (…, gates*hidden)."""
        return nn.functional.linear(x, self.weight_ih, self.bias_ih)

    def part_products(self) -> list[Product]:
        """One product per input part, the first with the bias; together they make input_product.

        Take them once per sequence, not per step: each weight slice's backward writes a zero-filled
        copy of the whole weight, which per step cost about a tenth of a training update.
        """
        if len(self.input_sizes) == 1:
            return [self.input_product]
        bounds = [0, *itertools.accumulate(self.input_sizes)]
        return [functools.partial(nn.functional.linear, weight=self.weight_ih[:, start:stop],
                                  bias=self.bias_ih if i == 0 else None)
                for i, (start, stop) in enumerate(zip(bounds, bounds[1:]))]

    def hidden_product(self, h: Tensor) -> Tensor:
        return nn.functional.linear(h, self.weight_hh, self.bias_hh)

    def int8(self) -> "Int8StepCell":
        """This cell for CPU decoding with int8 weights in every product; this cell is left untouched."""
        return Int8StepCell(self)


def _int8_linear(weight: Tensor, bias: Optional[Tensor]) -> nn.Module:
    """An int8 layer computing x weight^T + bias: weights int8, activations quantized on the fly."""
    from torch.ao.quantization import quantize_dynamic

    layer = nn.Linear(weight.shape[1], weight.shape[0], bias=bias is not None)
    with torch.no_grad():
        layer.weight.copy_(weight)
        if bias is not None:
            layer.bias.copy_(bias)
    with warnings.catch_warnings():  # torch marks its quantized tensor constructors deprecated, not removed
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        return quantize_dynamic(nn.Sequential(layer), {nn.Linear}, dtype=torch.qint8)[0]


class Int8StepCell(_Step):
    """A step cell's int8 twin: the same step, its products made by int8 layers (gate norms stay float)."""

    def __init__(self, cell: StepCell):
        super().__init__()
        self.activate = cell.activate  # the cell type's gate math
        self.input_sizes, self.hidden_size = cell.input_sizes, cell.hidden_size
        bounds = [0, *itertools.accumulate(cell.input_sizes)]
        self.bounds = bounds
        self.parts = nn.ModuleList(_int8_linear(cell.weight_ih[:, start:stop], cell.bias_ih if i == 0 else None)
                                   for i, (start, stop) in enumerate(zip(bounds, bounds[1:])))
        self.hidden = _int8_linear(cell.weight_hh, cell.bias_hh)
        self.norm_ih, self.norm_hh = copy.deepcopy(cell.norm_ih), copy.deepcopy(cell.norm_hh)

    def input_product(self, x: Tensor) -> Tensor:
        """The parts' products summed (one part for every cell but the decoder's first with input feeding)."""
        return sum(part(x[..., start:stop]) for part, start, stop in zip(self.parts, self.bounds, self.bounds[1:]))

    def part_products(self) -> list[Product]:
        return list(self.parts)

    def hidden_product(self, h: Tensor) -> Tensor:
        return self.hidden(h)


class GRUCell(StepCell):
    gates = 3

    @staticmethod
    def activate(gx: Tensor, gh: Tensor, h: Tensor, c: Optional[Tensor]) -> tuple[Tensor, Optional[Tensor]]:
        xr, xz, xn = gx.chunk(3, -1)
        hr, hz, hn = gh.chunk(3, -1)
        r = torch.sigmoid(xr + hr)
        z = torch.sigmoid(xz + hz)
        n = torch.tanh(xn + r * hn)
        return n + z * (h - n), None


class LSTMCell(StepCell):
    gates = 4

    @staticmethod
    def activate(gx: Tensor, gh: Tensor, h: Tensor, c: Optional[Tensor]) -> tuple[Tensor, Optional[Tensor]]:
        i, f, g, o = (gx + gh).chunk(4, -1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


class TanhRNNCell(StepCell):
    @staticmethod
    def activate(gx: Tensor, gh: Tensor, h: Tensor, c: Optional[Tensor]) -> tuple[Tensor, Optional[Tensor]]:
        return torch.tanh(gx + gh), None


class ReLURNNCell(StepCell):
    @staticmethod
    def activate(gx: Tensor, gh: Tensor, h: Tensor, c: Optional[Tensor]) -> tuple[Tensor, Optional[Tensor]]:
        return torch.relu(gx + gh), None


STEP_CELLS: dict[Cell, type[StepCell]] = {Cell.GRU: GRUCell, Cell.LSTM: LSTMCell, Cell.RNN_TANH: TanhRNNCell,
                                          Cell.RNN_RELU: ReLURNNCell}


class RecurrentLayer(nn.Module):
    """One (bi)directional layer over padded batches; padding never changes a sentence's result.

    Uses the fused kernel over packed sequences, except while training with recurrent dropout,
    which needs a per-step mask on h and therefore the (slower) explicit loop over time.
    """

    def __init__(self, cell: Cell, input_size: int, hidden_size: int, bidirectional: bool,
                 recurrent_dropout: float = 0.0, identity_init: bool = False):
        super().__init__()
        self.cell, self.hidden_size, self.recurrent_dropout = cell, hidden_size, recurrent_dropout
        self.rnn = _FUSED[cell](input_size, hidden_size, batch_first=True, bidirectional=bidirectional,
                                **_kwargs(cell))
        self.directions = 2 if bidirectional else 1
        if identity_init:
            for suffix in ("_l0", "_l0_reverse")[:self.directions]:
                weights = [getattr(self.rnn, f"{name}{suffix}") for name in ("weight_hh", "bias_ih", "bias_hh")]
                _identity_init_(*weights)

    def forward(self, x: Tensor, lengths: Tensor) -> tuple[Tensor, Tensor, Optional[Tensor]]:
        """x (batch, time, input), lengths (batch,) on CPU -> outputs (batch, time, dirs*hidden),
        final h and c (dirs, batch, hidden); c is None unless LSTM."""
        if self.training and self.recurrent_dropout > 0:
            return self._loop(x, lengths)
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, final = self.rnn(packed)
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
        h, c = final if isinstance(final, tuple) else (final, None)
        return out, h, c

    def _loop(self, x: Tensor, lengths: Tensor) -> tuple[Tensor, Tensor, Optional[Tensor]]:
        batch, time, _ = x.shape
        lengths = lengths.to(x.device)
        steps = torch.arange(time, device=x.device)
        valid = steps.unsqueeze(0) < lengths.unsqueeze(1)  # (batch, time)
        # reversing each sentence inside its own length turns the backward pass into a forward one
        reverse = torch.where(valid, lengths.unsqueeze(1) - 1 - steps, steps)  # (batch, time)
        outs, hs, cs = [], [], []
        for d in range(self.directions):
            suffix = "_reverse" if d == 1 else ""
            cell = STEP_CELLS[self.cell].over(*(getattr(self.rnn, f"{name}_l0{suffix}")
                                                for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")))
            xd = x if d == 0 else x.gather(1, reverse.unsqueeze(2).expand_as(x))
            gx = cell.input_product(xd)  # (batch, time, gates*hidden), all steps at once
            h = x.new_zeros(batch, self.hidden_size)
            c = x.new_zeros(batch, self.hidden_size) if self.cell is Cell.LSTM else None
            mask = torch.empty_like(h).bernoulli_(1 - self.recurrent_dropout) / (1 - self.recurrent_dropout)
            out = []
            for t in range(time):
                h_new, c_new = cell(gx[:, t], h, c, mask)
                keep = valid[:, t].unsqueeze(1)
                h = torch.where(keep, h_new, h)
                c = None if c is None else torch.where(keep, c_new, c)
                out.append(h_new * keep)
            out = torch.stack(out, 1)
            if d == 1:
                out = out.gather(1, reverse.unsqueeze(2).expand_as(out))
            outs.append(out)
            hs.append(h)
            cs.append(c)
        c_n = torch.stack(cs) if self.cell is Cell.LSTM else None
        return torch.cat(outs, 2), torch.stack(hs), c_n

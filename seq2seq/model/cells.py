"""Recurrent cells: PyTorch's fused layers for speed, and the same math step by step where an option needs it.

Every layer keeps its weights in PyTorch's own layout (gates r,z,n for GRU; i,f,g,o for LSTM), so the
fused kernel and the explicit step below compute the same function from the same parameters.
"""
from __future__ import annotations

from typing import Optional

import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from ..config import Cell

_FUSED = {Cell.RNN_TANH: nn.RNN, Cell.RNN_RELU: nn.RNN, Cell.GRU: nn.GRU, Cell.LSTM: nn.LSTM}
_STEPPED = {Cell.RNN_TANH: nn.RNNCell, Cell.RNN_RELU: nn.RNNCell, Cell.GRU: nn.GRUCell, Cell.LSTM: nn.LSTMCell}
GATES = {Cell.RNN_TANH: 1, Cell.RNN_RELU: 1, Cell.GRU: 3, Cell.LSTM: 4}


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


def _kwargs(cell: Cell) -> dict:
    return {"nonlinearity": "relu" if cell is Cell.RNN_RELU else "tanh"} if cell in (Cell.RNN_TANH, Cell.RNN_RELU) else {}


def cell_step(cell: Cell, gx: Tensor, h: Tensor, c: Optional[Tensor], w_hh: Tensor, b_hh: Optional[Tensor],
              h_mask: Optional[Tensor] = None) -> tuple[Tensor, Optional[Tensor]]:
    """One step given the input-side gates gx = W_ih x + b_ih (batch, gates*hidden).

    h_mask is recurrent dropout: it masks h on the hidden-to-hidden path only, never the carried state.
    """
    gh = nn.functional.linear(h if h_mask is None else h * h_mask, w_hh, b_hh)
    return gates_step(cell, gx, gh, h, c)


def gates_step(cell: Cell, gx: Tensor, gh: Tensor, h: Tensor, c: Optional[Tensor]) -> tuple[Tensor, Optional[Tensor]]:
    """The cell's nonlinearity given both products: gx = W_ih x + b_ih and gh = W_hh h + b_hh (batch, gates*hidden)."""
    if cell is Cell.GRU:
        xr, xz, xn = gx.chunk(3, 1)
        hr, hz, hn = gh.chunk(3, 1)
        r = torch.sigmoid(xr + hr)
        z = torch.sigmoid(xz + hz)
        n = torch.tanh(xn + r * hn)
        return n + z * (h - n), None
    if cell is Cell.LSTM:
        i, f, g, o = (gx + gh).chunk(4, 1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c
    pre = gx + gh
    return (torch.relu(pre) if cell is Cell.RNN_RELU else torch.tanh(pre)), None


def make_step_cell(cell: Cell, input_size: int, hidden_size: int, identity_init: bool = False) -> nn.Module:
    """Parameters for a step-by-step cell (weight_ih, weight_hh, bias_ih, bias_hh)."""
    module = _STEPPED[cell](input_size, hidden_size, **_kwargs(cell))
    if identity_init:
        with torch.no_grad():
            module.weight_hh.copy_(torch.eye(hidden_size))
            module.bias_hh.zero_()
            module.bias_ih.zero_()
    return module


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
            with torch.no_grad():
                for name, param in self.rnn.named_parameters():
                    if name.startswith("weight_hh"):
                        param.copy_(torch.eye(hidden_size))
                    elif name.startswith("bias"):
                        param.zero_()

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
            p = lambda n: getattr(self.rnn, f"{n}_l0{suffix}")  # noqa: E731
            xd = x if d == 0 else x.gather(1, reverse.unsqueeze(2).expand_as(x))
            gx = nn.functional.linear(xd, p("weight_ih"), p("bias_ih"))  # (batch, time, gates*hidden)
            h = x.new_zeros(batch, self.hidden_size)
            c = x.new_zeros(batch, self.hidden_size) if self.cell is Cell.LSTM else None
            mask = torch.empty_like(h).bernoulli_(1 - self.recurrent_dropout) / (1 - self.recurrent_dropout)
            out = []
            for t in range(time):
                h_new, c_new = cell_step(self.cell, gx[:, t], h, c, p("weight_hh"), p("bias_hh"), mask)
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

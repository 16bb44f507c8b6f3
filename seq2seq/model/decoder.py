"""Recurrent decoder with attention, input feeding, an optional conditional cell and layer normalisation,
driven one step at a time by every caller.

Teacher forcing, scheduled sampling, greedy and beam search all go through `_advance`; under full
teacher forcing the input projections and the output layer run once for all steps, outside the loop.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import torch
from torch import Tensor, nn

from ..config import AttentionConfig, Bridge, Cell, DecoderConfig
from .attention import make_attention
from .cells import GATES, GateNorm, SequenceDropout, gates_step, make_step_cell


@dataclass
class Memory:
    """Per-batch encoder results the decoder attends to; indexed per sentence, never per module."""

    states: Tensor  # (batch, src_len, memory)
    keys: Tensor  # (batch, src_len, key) projected once per batch
    pad_mask: Tensor  # (batch, src_len) True on padding

    def index_select(self, order: Tensor) -> "Memory":
        return Memory(self.states.index_select(0, order), self.keys.index_select(0, order),
                      self.pad_mask.index_select(0, order))


@dataclass
class DecoderState:
    """What one step hands the next: per-layer hidden (and LSTM cell) states, and the last context."""

    hidden: Tensor  # (layers, batch, hidden)
    cell: Optional[Tensor]  # (layers, batch, hidden) for LSTM, else None
    context: Tensor  # (batch, memory): the previous attention context (input feeding)

    def index_select(self, order: Tensor) -> "DecoderState":
        return DecoderState(self.hidden.index_select(1, order),
                            None if self.cell is None else self.cell.index_select(1, order),
                            self.context.index_select(0, order))


@dataclass
class StepMasks:
    """Dropout masks drawn once per sequence (variational), reused at every step; None when off or
    not variational (then each step draws its own)."""

    embedding: Optional[Tensor]  # (batch, embedding)
    between: list[Optional[Tensor]]  # per layer output below the top: (batch, hidden)
    recurrent: list[Optional[Tensor]]  # per layer, on the hidden-to-hidden path (always variational)
    readout: Optional[Tensor]  # (batch, readout)
    conditional: Optional[Tensor] = None  # (batch, hidden): the conditional cell's hidden-to-hidden path


class RecurrentDecoder(nn.Module):
    def __init__(self, cfg: DecoderConfig, attention: AttentionConfig, vocab_size: int, pad_id: int,
                 memory_size: int, encoder_final_size: int, encoder_is_lstm: bool):
        super().__init__()
        self.cfg = cfg
        self.embedding = nn.Embedding(vocab_size, cfg.embedding_size, padding_idx=pad_id)
        self.dropout = SequenceDropout(cfg.dropout, cfg.variational)
        self.recurrent_dropout = SequenceDropout(cfg.recurrent_dropout, True)
        feed = memory_size if cfg.input_feeding else 0
        self.cells = nn.ModuleList(
            make_step_cell(cfg.cell, cfg.embedding_size + feed if i == 0 else cfg.hidden_size,
                           cfg.hidden_size, cfg.identity_init)
            for i in range(cfg.num_layers))
        self.attention = make_attention(attention, cfg.hidden_size, memory_size)
        # s_t = cell(c_t, s'_t): the top layer's state after attention, from this step's context
        self.conditional = (make_step_cell(cfg.cell, memory_size, cfg.hidden_size, cfg.identity_init)
                            if cfg.conditional else None)
        norm_names = [f"{side}{i}" for i in range(cfg.num_layers) for side in ("ih", "hh")]
        norm_names += ["cond_ih", "cond_hh"] if cfg.conditional else []
        self.gate_norms = (nn.ModuleDict({name: GateNorm(GATES[cfg.cell], cfg.hidden_size) for name in norm_names})
                           if cfg.layer_norm else None)
        layers_hidden = cfg.num_layers * cfg.hidden_size
        self.bridge = nn.Linear(encoder_final_size, layers_hidden) if cfg.init is Bridge.BRIDGE else None
        self.cell_bridge = (nn.Linear(encoder_final_size, layers_hidden)
                            if cfg.init is Bridge.BRIDGE and cfg.cell is Cell.LSTM and encoder_is_lstm else None)
        readout = cfg.readout_size or cfg.embedding_size
        self.pre_output = nn.Linear(cfg.hidden_size + memory_size + cfg.embedding_size, readout)
        self.output = nn.Linear(readout, vocab_size, bias=False)
        if cfg.tie_embeddings:
            self.output.weight = self.embedding.weight
        self.memory_size = memory_size
        self.int8: Optional[nn.ModuleDict] = None  # int8 layers for the step products (model/quantize.py)

    # ------------------------------------------------------------------ state

    def init_state(self, final_h: Tensor, final_c: Optional[Tensor]) -> DecoderState:
        """From the encoder's final states (batch, enc_final) through the bridge, or zeros."""
        batch, layers, size = final_h.shape[0], self.cfg.num_layers, self.cfg.hidden_size
        as_layers = lambda t: t.view(batch, layers, size).transpose(0, 1).contiguous()  # noqa: E731
        if self.bridge is None:
            hidden = final_h.new_zeros(layers, batch, size)
        else:
            hidden = as_layers(torch.tanh(self.bridge(final_h)))
        cell = None
        if self.cfg.cell is Cell.LSTM:
            cell = (as_layers(torch.tanh(self.cell_bridge(final_c))) if self.cell_bridge is not None
                    else torch.zeros_like(hidden))
        return DecoderState(hidden, cell, final_h.new_zeros(batch, self.memory_size))

    def step_masks(self, batch: int, like: Tensor) -> StepMasks:
        """Fresh dropout masks for decoding `batch` sequences (all None in eval mode)."""
        size = self.cfg.hidden_size
        hidden = like.new_empty(batch, size)
        layers = self.cfg.num_layers
        return StepMasks(self.dropout.mask(like.new_empty(batch, self.cfg.embedding_size)),
                         [self.dropout.mask(hidden) for _ in range(layers - 1)],
                         [self.recurrent_dropout.mask(hidden) for _ in range(layers)],
                         self.dropout.mask(like.new_empty(batch, self.output.in_features)),
                         self.recurrent_dropout.mask(hidden) if self.conditional is not None else None)

    # ------------------------------------------------------------------ one step

    def input_gates(self, embedded: Tensor) -> Tensor:
        """The first layer's input-side gates from the embedding alone (…, gates*hidden): no recurrence."""
        cell = self.cells[0]
        return self._product("input", embedded, cell.weight_ih[:, :self.cfg.embedding_size], cell.bias_ih)

    def _product(self, name: str, x: Tensor, weight: Tensor, bias: Optional[Tensor]) -> Tensor:
        """x W^T + b for one of the recurrent layers' products, or its int8 layer once quantize_int8 made one."""
        if self.int8 is not None:
            return self.int8[name](x)
        return nn.functional.linear(x, weight, bias)

    def _normed(self, name: str, gates: Tensor) -> Tensor:
        """The product's gates after layer normalisation when the decoder has it (batch, gates*hidden)."""
        return gates if self.gate_norms is None else self.gate_norms[name](gates)

    def feed_weight(self) -> Optional[Tensor]:
        """The first layer's input weights for the fed-back context (gates*hidden, memory), or None.

        Slice it once per sequence, not per step: each slice's backward writes a zero-filled copy
        of the whole weight, which per step cost about a tenth of a training update.
        """
        return self.cells[0].weight_ih[:, self.cfg.embedding_size:] if self.cfg.input_feeding else None

    def _advance(self, memory: Memory, state: DecoderState, gates: Tensor, masks: StepMasks,
                 feed_weight: Optional[Tensor]) -> tuple[DecoderState, Tensor]:
        """Run the recurrent layers and attention one step; gates (batch, gates*hidden) from input_gates."""
        if feed_weight is not None:
            gates = gates + self._product("feed", state.context, feed_weight, None)
        hiddens, cells = [], []
        for i, cell in enumerate(self.cells):
            if i > 0:
                below = self.dropout.step(hiddens[-1], masks.between[i - 1])
                gates = self._product(f"ih{i}", below, cell.weight_ih, cell.bias_ih)
            h = state.hidden[i]
            mask = masks.recurrent[i]
            gh = self._product(f"hh{i}", h if mask is None else h * mask, cell.weight_hh, cell.bias_hh)
            h, c = gates_step(self.cfg.cell, self._normed(f"ih{i}", gates), self._normed(f"hh{i}", gh), h,
                              None if state.cell is None else state.cell[i])
            hiddens.append(h)
            cells.append(c)
        context, weights = self.attention(hiddens[-1], memory.keys, memory.states, memory.pad_mask)
        if self.conditional is not None:
            hiddens[-1], cells[-1] = self._conditional(context, hiddens[-1], cells[-1], masks.conditional)
        cell_state = torch.stack(cells) if state.cell is not None else None
        return DecoderState(torch.stack(hiddens), cell_state, context), weights

    def _conditional(self, context: Tensor, h: Tensor, c: Optional[Tensor],
                     mask: Optional[Tensor]) -> tuple[Tensor, Optional[Tensor]]:
        """The conditional cell: this step's context (batch, memory) updates the top state (batch, hidden)."""
        cell = self.conditional
        gx = self._product("cond_ih", context, cell.weight_ih, cell.bias_ih)
        gh = self._product("cond_hh", h if mask is None else h * mask, cell.weight_hh, cell.bias_hh)
        return gates_step(self.cfg.cell, self._normed("cond_ih", gx), self._normed("cond_hh", gh), h, c)

    def readout_features(self, top: Tensor, context: Tensor, embedded: Tensor,
                         mask: Optional[Tensor] = None) -> Tensor:
        """The output layer's input from [state; context; previous embedding]: (batch, readout), or
        (batch, steps, readout) for whole sequences; `mask` is the readout dropout mask of one step."""
        pre = torch.tanh(self.pre_output(torch.cat([top, context, embedded], -1)))
        return self.dropout(pre) if pre.dim() == 3 else self.dropout.step(pre, mask)

    def readout(self, top: Tensor, context: Tensor, embedded: Tensor, mask: Optional[Tensor] = None) -> Tensor:
        """Logits (batch, vocab) or (batch, steps, vocab)."""
        return self.output(self.readout_features(top, context, embedded, mask))

    def step(self, memory: Memory, state: DecoderState, prev: Tensor,
             masks: Optional[StepMasks] = None) -> tuple[DecoderState, Tensor, Tensor]:
        """prev (batch,) tokens -> new state, log-probabilities (batch, vocab), attention (batch, src_len)."""
        state, logits, weights = self._step_logits(memory, state, prev,
                                                   masks or self.step_masks(prev.shape[0], memory.states))
        return state, torch.log_softmax(logits.float(), -1), weights

    def _step_logits(self, memory: Memory, state: DecoderState, prev: Tensor,
                     masks: StepMasks) -> tuple[DecoderState, Tensor, Tensor]:
        """The one step search and scheduled sampling share: embed, advance, read out logits."""
        embedded = self.dropout.step(self.embedding(prev), masks.embedding)
        state, weights = self._advance(memory, state, self.input_gates(embedded), masks, self.feed_weight())
        return state, self.readout(state.hidden[-1], state.context, embedded, masks.readout), weights

    # ------------------------------------------------------------------ whole sequences

    def forward(self, memory: Memory, state: DecoderState, trg_in: Tensor, forcing: float = 1.0) -> Tensor:
        """trg_in (batch, trg_len) starting with <s> -> logits (batch, trg_len, vocab).

        forcing < 1 is scheduled sampling: each step feeds the reference token with that probability,
        else the model's own previous prediction.
        """
        if forcing < 1.0:
            return self._sampled(memory, state, trg_in, forcing, self.step_masks(trg_in.shape[0], memory.states))
        return self.output(self.forced_features(memory, state, trg_in))

    def forced_features(self, memory: Memory, state: DecoderState, trg_in: Tensor) -> Tensor:
        """Teacher forcing up to the output layer: trg_in (batch, trg_len) -> (batch, trg_len, readout)."""
        masks = self.step_masks(trg_in.shape[0], memory.states)
        embedded = self.dropout(self.embedding(trg_in))  # (batch, trg_len, embedding)
        gates = self.input_gates(embedded)  # (batch, trg_len, gates*hidden), all steps at once
        tops, contexts, feed_weight = [], [], self.feed_weight()
        for step_gates in gates.unbind(1):  # unbind: one backward for all steps, not a zero-filled copy per step
            state, _ = self._advance(memory, state, step_gates, masks, feed_weight)
            tops.append(state.hidden[-1])
            contexts.append(state.context)
        return self.readout_features(torch.stack(tops, 1), torch.stack(contexts, 1), embedded)

    def _sampled(self, memory: Memory, state: DecoderState, trg_in: Tensor, forcing: float,
                 masks: StepMasks) -> Tensor:
        """Scheduled sampling (Bengio et al. 2015): each step needs the previous prediction, so the
        output layer runs inside the loop."""
        logits, prev = [], trg_in[:, 0]
        for t in range(trg_in.shape[1]):
            if t > 0:
                use_reference = torch.rand(trg_in.shape[0], device=trg_in.device) < forcing
                prev = torch.where(use_reference, trg_in[:, t], logits[-1].argmax(-1))
            state, step_logits, _ = self._step_logits(memory, state, prev, masks)
            logits.append(step_logits)
        return torch.stack(logits, 1)

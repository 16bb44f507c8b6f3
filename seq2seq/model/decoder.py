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
from .cells import STEP_CELLS, Product, SequenceDropout
from .upgrade import rename_old_keys


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
        step_cell = STEP_CELLS[cfg.cell]
        first_inputs = (cfg.embedding_size, memory_size) if cfg.input_feeding else (cfg.embedding_size,)
        self.cells = nn.ModuleList(
            step_cell(first_inputs if i == 0 else (cfg.hidden_size,), cfg.hidden_size, cfg.layer_norm,
                      cfg.identity_init)
            for i in range(cfg.num_layers))
        self.attention = make_attention(attention, cfg.hidden_size, memory_size)
        # s_t = cell(c_t, s'_t): the top layer's state after attention, from this step's context
        self.conditional = (step_cell((memory_size,), cfg.hidden_size, cfg.layer_norm, cfg.identity_init)
                            if cfg.conditional else None)
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
        self.register_load_state_dict_pre_hook(rename_old_keys)  # checkpoints of older versions load too

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

    def input_products(self) -> tuple[Product, Optional[Product]]:
        """The first layer's input products: from the embedding, and from the fed-back context (None
        without input feeding). Take them once per sequence (StepCell.part_products says why)."""
        products = self.cells[0].part_products()
        return products[0], (products[1] if self.cfg.input_feeding else None)

    def _advance(self, memory: Memory, state: DecoderState, gates: Tensor, masks: StepMasks,
                 feed: Optional[Product]) -> tuple[DecoderState, Tensor]:
        """Run the recurrent layers and attention one step; gates (batch, gates*hidden) from the
        embedding's input product."""
        if feed is not None:
            gates = gates + feed(state.context)
        hiddens, cells = [], []
        for i, cell in enumerate(self.cells):
            if i > 0:
                gates = cell.input_product(self.dropout.step(hiddens[-1], masks.between[i - 1]))
            h, c = cell(gates, state.hidden[i], None if state.cell is None else state.cell[i], masks.recurrent[i])
            hiddens.append(h)
            cells.append(c)
        context, weights = self.attention(hiddens[-1], memory.keys, memory.states, memory.pad_mask)
        if self.conditional is not None:  # this step's context updates the top state
            hiddens[-1], cells[-1] = self.conditional(self.conditional.input_product(context), hiddens[-1],
                                                      cells[-1], masks.conditional)
        cell_state = torch.stack(cells) if state.cell is not None else None
        return DecoderState(torch.stack(hiddens), cell_state, context), weights

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
        from_embedding, feed = self.input_products()
        state, weights = self._advance(memory, state, from_embedding(embedded), masks, feed)
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
        from_embedding, feed = self.input_products()
        gates = from_embedding(embedded)  # (batch, trg_len, gates*hidden), all steps at once
        tops, contexts = [], []
        for step_gates in gates.unbind(1):  # unbind: one backward for all steps, not a zero-filled copy per step
            state, _ = self._advance(memory, state, step_gates, masks, feed)
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

"""Stacked (bi)directional recurrent encoder over embedded source tokens."""
from __future__ import annotations

from typing import Optional

import torch
from torch import Tensor, nn

from ..config import EncoderConfig
from .cells import RecurrentLayer, SequenceDropout


class RecurrentEncoder(nn.Module):
    """Embeddings -> dropout -> [recurrent layer -> dropout] x num_layers."""

    def __init__(self, cfg: EncoderConfig, vocab_size: int, pad_id: int):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, cfg.embedding_size, padding_idx=pad_id)
        self.dropout = SequenceDropout(cfg.dropout, cfg.variational)
        directions = 2 if cfg.bidirectional else 1
        self.layers = nn.ModuleList(
            RecurrentLayer(cfg.cell, cfg.embedding_size if i == 0 else cfg.hidden_size * directions,
                           cfg.hidden_size, cfg.bidirectional, cfg.recurrent_dropout, cfg.identity_init)
            for i in range(cfg.num_layers))
        self.output_size = cfg.hidden_size * directions

    def forward(self, src: Tensor, lengths: Tensor) -> tuple[Tensor, Tensor, Optional[Tensor]]:
        """src (batch, src_len), lengths (batch,) -> states (batch, src_len, dirs*hidden),
        the top layer's final h and c (batch, dirs*hidden), c None unless LSTM."""
        x = self.dropout(self.embedding(src))
        for layer in self.layers:
            x, h, c = layer(x, lengths)
            x = self.dropout(x)
        join = lambda t: torch.cat(tuple(t), 1)  # noqa: E731  (dirs, batch, hidden) -> (batch, dirs*hidden)
        return x, join(h), (join(c) if c is not None else None)

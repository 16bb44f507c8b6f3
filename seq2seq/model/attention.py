"""Attention over encoder states: additive (Bahdanau), and dot / general (Luong) for comparison.

Keys are projected once per batch by `project_keys` and travel in the decoder's Memory, never cached on
the module, so one module serves any number of batches and beams at once. Memory has one row per
sentence; a query may have several rows per sentence (its beams, consecutive), which attend to that
sentence's memory without copying it.
"""
from __future__ import annotations

import torch
from torch import Tensor, nn

from ..config import AttentionConfig, AttentionType


class Attention(nn.Module):
    """Masked softmax over scores, then the weighted sum of encoder states."""

    def project_keys(self, states: Tensor) -> Tensor:
        """states (batch, src_len, memory) -> keys (batch, src_len, key_size)."""
        raise NotImplementedError

    def score(self, query: Tensor, keys: Tensor) -> Tensor:
        """query (batch, beams, query), keys (batch, src_len, key) -> scores (batch, beams, src_len)."""
        raise NotImplementedError

    def forward(self, query: Tensor, keys: Tensor, states: Tensor, pad_mask: Tensor) -> tuple[Tensor, Tensor]:
        """query (batch * beams, query) against memory of batch sentences: keys (batch, src_len, key),
        states (batch, src_len, memory), pad_mask (batch, src_len) -> context (batch * beams, memory),
        weights (batch * beams, src_len): sum to 1 over real tokens, 0 on padding."""
        batch, src_len = pad_mask.shape
        query = query.view(batch, query.shape[0] // batch, query.shape[1])  # (batch, beams, query)
        scores = self.score(query, keys).masked_fill(pad_mask.unsqueeze(1), float("-inf"))
        weights = torch.softmax(scores, dim=-1)  # (batch, beams, src_len)
        context = torch.bmm(weights, states)  # (batch, beams, memory)
        return context.flatten(0, 1), weights.flatten(0, 1)


class AdditiveAttention(Attention):
    """score = v^T tanh(W_q q + W_k k)  (Bahdanau et al. 2015)."""

    def __init__(self, query_size: int, memory_size: int, size: int):
        super().__init__()
        self.key_layer = nn.Linear(memory_size, size, bias=False)
        self.query_layer = nn.Linear(query_size, size)
        self.v = nn.Linear(size, 1, bias=False)

    def project_keys(self, states: Tensor) -> Tensor:
        return self.key_layer(states)

    def score(self, query: Tensor, keys: Tensor) -> Tensor:
        # (batch, 1, src_len, size) + (batch, beams, 1, size) -> (batch, beams, src_len)
        return self.v(torch.tanh(keys.unsqueeze(1) + self.query_layer(query).unsqueeze(2))).squeeze(3)


class DotAttention(Attention):
    """score = q^T k, parameter-free (Luong et al. 2015); needs equal query and memory sizes."""

    def project_keys(self, states: Tensor) -> Tensor:
        return states

    def score(self, query: Tensor, keys: Tensor) -> Tensor:
        return torch.bmm(keys, query.transpose(1, 2)).transpose(1, 2)  # (batch, src_len, beams) turned


class GeneralAttention(DotAttention):
    """score = q^T W k (Luong et al. 2015)."""

    def __init__(self, query_size: int, memory_size: int):
        super().__init__()
        self.key_layer = nn.Linear(memory_size, query_size, bias=False)

    def project_keys(self, states: Tensor) -> Tensor:
        return self.key_layer(states)


def make_attention(cfg: AttentionConfig, query_size: int, memory_size: int) -> Attention:
    if cfg.type is AttentionType.ADDITIVE:
        return AdditiveAttention(query_size, memory_size, cfg.size)
    if cfg.type is AttentionType.GENERAL:
        return GeneralAttention(query_size, memory_size)
    return DotAttention()

"""Several trained models decoding as one: search sees the same encode/step interface as for one model."""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor, nn

from .decoder import DecoderState, Memory
from .seq2seq import Seq2Seq


@dataclass
class EnsembleMemory:
    """Each member's encoder results, reordered together so beams stay aligned across members."""

    parts: list[Memory]

    def index_select(self, order: Tensor) -> "EnsembleMemory":
        return EnsembleMemory([part.index_select(order) for part in self.parts])


@dataclass
class EnsembleState:
    """Each member's decoder state; one beam row means the same hypothesis in every member."""

    parts: list[DecoderState]

    def index_select(self, order: Tensor) -> "EnsembleState":
        return EnsembleState([part.index_select(order) for part in self.parts])


class Ensemble(nn.Module):
    """Averages the members' next-token probabilities at every step (members share both vocabularies)."""

    def __init__(self, models: list[Seq2Seq]):
        super().__init__()
        if len(models) < 2:
            raise ValueError("an ensemble needs at least two models")
        self.members = nn.ModuleList(models)

    def encode(self, src: Tensor, src_lengths: Tensor) -> tuple[EnsembleMemory, EnsembleState]:
        """src (batch, src_len), src_lengths (batch,) -> every member's memory and first decoder state."""
        encoded = [member.encode(src, src_lengths) for member in self.members]
        return EnsembleMemory([m for m, _ in encoded]), EnsembleState([s for _, s in encoded])

    def step(self, memory: EnsembleMemory, state: EnsembleState,
             prev: Tensor) -> tuple[EnsembleState, Tensor, Tensor]:
        """New states, log of the mean probability (batch, vocab), mean attention (batch, src_len)."""
        steps = [member.step(m, s, prev) for member, m, s in zip(self.members, memory.parts, state.parts)]
        log_probs = torch.stack([lp.float() for _, lp, _ in steps])  # (members, batch, vocab)
        mean = torch.logsumexp(log_probs, dim=0) - math.log(len(steps))
        weights = torch.stack([w.float() for _, _, w in steps]).mean(0)  # (batch, src_len)
        return EnsembleState([s for s, _, _ in steps]), mean, weights

    def num_parameters(self) -> int:
        return sum(member.num_parameters() for member in self.members)

"""Decoding as pure functions of a model and a batch; every search drives the model's one `step`."""
from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor

from .model import Seq2Seq


@dataclass
class Hypothesis:
    """One output sentence: token ids without </s>, its total log-probability, its attention."""

    tokens: list[int]
    score: float  # sum of token log-probabilities, </s> included when it was produced
    attention: Tensor  # (output steps, src_len), one row per produced token (</s> included)


def max_output_lengths(src_lengths: Tensor, a: float, b: int) -> Tensor:
    """Per-sentence output budget a * source tokens + b (source length without its </s>)."""
    return (a * (src_lengths - 1).float() + b).floor().long().clamp(min=1)


@torch.no_grad()
def greedy_search(model: Seq2Seq, src: Tensor, src_lengths: Tensor, bos: int, eos: int,
                  max_len_a: float = 1.5, max_len_b: int = 10) -> list[Hypothesis]:
    """Best token at every step; finished sentences leave the batch so the rest run on fewer rows."""
    memory, state = model.encode(src, src_lengths)
    batch, device = src.shape[0], src.device
    limits = max_output_lengths(src_lengths, max_len_a, max_len_b).to(device)  # (batch,)
    longest = int(limits.max())
    tokens = torch.full((batch, longest), eos, dtype=torch.long, device=device)
    attention = torch.zeros(batch, longest, src.shape[1], device=device)
    scores = torch.zeros(batch, device=device)
    lengths = torch.zeros(batch, dtype=torch.long, device=device)
    active = torch.arange(batch, device=device)  # rows of the original batch still decoding
    prev = torch.full((batch,), bos, dtype=torch.long, device=device)
    for t in range(longest):
        state, log_probs, weights = model.step(memory, state, prev)
        best_score, best = log_probs.max(-1)
        tokens[active, t] = best
        attention[active, t] = weights.float()
        scores[active] += best_score
        done = (best == eos) | (limits[active] <= t + 1)
        lengths[active[done]] = t + 1
        if bool(done.all()):
            break
        if bool(done.any()):
            keep = (~done).nonzero().squeeze(1)
            active, prev = active[keep], best[keep]
            memory, state = memory.index_select(keep), state.index_select(keep)
        else:
            prev = best
    results = []
    for i, (row, n) in enumerate(zip(tokens.tolist(), lengths.tolist())):
        ended = row[n - 1] == eos
        results.append(Hypothesis(row[:n - 1] if ended else row[:n], float(scores[i]), attention[i, :n].cpu()))
    return results

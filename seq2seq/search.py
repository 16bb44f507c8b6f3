"""Decoding as pure functions of a model and a batch: one batched beam search; greedy is its beam-1 case."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import torch
from torch import Tensor

from .config import DecodingOptions
from .model import Seq2Seq
from .model.ensemble import Ensemble


@dataclass
class Hypothesis:
    """One output sentence: token ids without </s>, its total log-probability, its attention."""

    tokens: list[int]
    score: float  # sum of token log-probabilities, </s> included when it was produced
    normalized: float  # score / length penalty: what beam search ranks by
    attention: Tensor  # (output steps, source tokens incl. </s>), a row per produced token (</s> included)


def length_penalty(length: int | Tensor, alpha: float) -> float | Tensor:
    """GNMT's ((5 + |Y|) / 6) ** alpha; alpha = 0 ranks by raw log-probability."""
    return ((5 + length) / 6) ** alpha


def max_output_lengths(src_lengths: Tensor, a: float, b: int) -> Tensor:
    """Per-sentence output budget a * source tokens + b (source length without its </s>)."""
    return (a * (src_lengths - 1).float() + b).floor().long().clamp(min=1)


def greedy_search(model: Seq2Seq | Ensemble, src: Tensor, src_lengths: Tensor, bos: int, eos: int,
                  options: DecodingOptions = DecodingOptions()) -> list[Hypothesis]:
    """The best token at every step: beam search with one beam (options give the length limits)."""
    found = beam_search(model, src, src_lengths, bos, eos, options.replace(beam_size=1, n_best=1))
    return [hyps[0] for hyps in found]


@torch.no_grad()
def beam_search(model: Seq2Seq | Ensemble, src: Tensor, src_lengths: Tensor, bos: int, eos: int,
                options: DecodingOptions = DecodingOptions()) -> list[list[Hypothesis]]:
    """The n_best hypotheses of every sentence, best first, searched over (batch x beam) at once.

    Each step extends all live beams, keeps the best beam_size continuations per sentence, and sets aside
    hypotheses that end in </s> among the top beam_size candidates. A sentence stops once n_best are set
    aside and no live beam can still beat them under the length penalty, or at its length limit; it
    then leaves the batch, so the others run on fewer rows. With one beam this is greedy decoding
    (the length penalty is not applied).
    """
    k, n_best, alpha, min_len = options.beam_size, options.n_best, options.alpha, options.min_len
    memory, state = model.encode(src, src_lengths)
    batch, device = src.shape[0], src.device
    rows = torch.arange(batch, device=device).repeat_interleave(k)  # row b*k+j is beam j of sentence b
    memory, state = memory.index_select(rows), state.index_select(rows)
    limits = max_output_lengths(src_lengths, options.max_len_a, options.max_len_b).to(device)  # (batch,)
    scores = torch.full((batch, k), float("-inf"), device=device)
    scores[:, 0] = 0.0  # one live beam at the start, so no duplicate hypotheses
    history = _History(src.shape[1], device)
    prev = torch.full((batch * k,), bos, dtype=torch.long, device=device)
    active = torch.arange(batch, device=device)  # original sentence index of each active sentence
    finished: list[list[Hypothesis]] = [[] for _ in range(batch)]  # per sentence, best first
    src_length_list = src_lengths.tolist()
    for t in range(int(limits.max())):
        state, log_probs, weights = model.step(memory, state, prev)  # (rows, vocab), (rows, src_len)
        vocab = log_probs.shape[1]
        if t < min_len:
            log_probs[:, eos] = float("-inf")
        live = active.shape[0]
        candidates = (scores.view(-1, 1) + log_probs).view(live, k * vocab)
        top_scores, top_index = candidates.topk(min(2 * k, k * vocab), dim=1)  # (live, 2k)
        top_beam, top_token = top_index // vocab, top_index % vocab
        last = (limits[active] <= t + 1).unsqueeze(1)  # (live, 1): at the length limit
        rank = torch.arange(top_index.shape[1], device=device)
        finalize = (rank < k) & (top_token.eq(eos) | last) & top_scores.isfinite()
        # live beams: the best k candidates that do not end the sentence
        order = torch.where(top_token.eq(eos), top_index.shape[1], rank)
        keep = order.argsort(dim=1, stable=True)[:, :k]  # (live, k)
        new_scores = top_scores.gather(1, keep).masked_fill(top_token.gather(1, keep).eq(eos), float("-inf"))
        parent = (torch.arange(live, device=device).unsqueeze(1) * k + top_beam.gather(1, keep)).view(-1)
        _set_aside(finished, active, finalize, top_scores, top_beam, top_token, history, weights,
                   src_length_list, t, k, eos, alpha, n_best)
        best_live = new_scores.max(1).values.masked_fill(last.squeeze(1), float("-inf"))
        bound = best_live / length_penalty(limits[active].float(), alpha)  # best reachable normalized score
        done = _update_done(finished, active, bound, n_best, last.squeeze(1) | best_live.isneginf())
        prev = top_token.gather(1, keep).view(-1)
        history.add(parent, prev, weights)
        state, scores = state.index_select(parent), new_scores
        if done.all():
            break
        if done.any():
            still = (~done).nonzero().squeeze(1)
            keep_rows = (still.unsqueeze(1) * k + torch.arange(k, device=device)).view(-1)
            active, scores = active[still], scores[still]
            memory, state = memory.index_select(keep_rows), state.index_select(keep_rows)
            prev = prev[keep_rows]
            history.keep(keep_rows)
    return finished  # _set_aside keeps at most n_best per sentence, best first


def _set_aside(finished: list[list[Hypothesis]], active: Tensor, finalize: Tensor, top_scores: Tensor,
               top_beam: Tensor, top_token: Tensor, history: "_History", weights: Tensor,
               src_lengths: list[int], t: int, k: int, eos: int, alpha: float, n_best: int) -> None:
    """Move finished candidates (</s>, or any token at the length limit) out of the beam.

    Only a sentence's n_best best are kept: a model that ends a low-ranked candidate at every step of a
    long output would otherwise hold thousands of (steps, src_len) attention copies (tens of GB).
    """
    where = finalize.nonzero()  # (found, 2): (active sentence, candidate rank)
    if where.numel() == 0:
        return
    i, j = where[:, 0], where[:, 1]
    rows = (i * k + top_beam[i, j]).tolist()
    for sentence, row, token, score in zip(active[i].tolist(), rows, top_token[i, j].tolist(),
                                           top_scores[i, j].tolist()):
        normalized, kept = score / length_penalty(t + 1, alpha), finished[sentence]
        if len(kept) >= n_best and normalized <= kept[n_best - 1].normalized:
            continue  # would rank after the n_best kept ones (ties keep the earlier)
        words, seen = history.path(row)
        words = words + ([] if token == eos else [token])
        seen = torch.cat([seen, weights[row].unsqueeze(0)])[:, :src_lengths[sentence]].float().cpu()
        bisect.insort(kept, Hypothesis(words, score, normalized, seen), key=lambda h: -h.normalized)
        del kept[n_best:]


class _History:
    """Backpointers: every step stores its rows' tokens, parents and attention once, in one flat id space.

    Copying each row's whole prefix every step made a step cost grow with the output length (quadratic
    time for long outputs); here a step costs the same at step 3,000 as at step 3, and a hypothesis's
    tokens and attention are gathered only when it finishes.
    """

    def __init__(self, src_len: int, device: torch.device):
        self.tokens: list[int] = []  # by flat id
        self.parents: list[int] = []  # flat id of the previous step's entry; -1 at the first step
        self.weights = torch.empty(64, src_len, device=device)  # (capacity, src_len), grown by doubling
        self.size = 0
        self.ids: list[int] = []  # flat id of each current row's last step; empty before the first step

    def add(self, parent: Tensor, token: Tensor, weights: Tensor) -> None:
        """New rows: row i extends current row parent[i] with token[i], having attended with weights[parent[i]]."""
        n = parent.shape[0]
        if self.size + n > self.weights.shape[0]:
            grown = self.weights.new_empty(2 * (self.size + n), self.weights.shape[1])
            grown[:self.size] = self.weights[:self.size]
            self.weights = grown
        self.weights[self.size:self.size + n] = weights.index_select(0, parent)
        parents = parent.tolist()
        self.parents += [self.ids[p] for p in parents] if self.ids else [-1] * n
        self.tokens += token.tolist()
        self.ids = list(range(self.size, self.size + n))
        self.size += n

    def keep(self, rows: Tensor) -> None:
        """Only these current rows go on (finished sentences left the batch)."""
        self.ids = [self.ids[r] for r in rows.tolist()]

    def path(self, row: int) -> tuple[list[int], Tensor]:
        """Tokens (steps,) and attention (steps, src_len) of current row `row` so far."""
        ids = []
        i = self.ids[row] if self.ids else -1
        while i >= 0:
            ids.append(i)
            i = self.parents[i]
        ids.reverse()
        return [self.tokens[i] for i in ids], self.weights[ids]


def _update_done(finished: list[list[Hypothesis]], active: Tensor, bound: Tensor, n_best: int,
                 over: Tensor) -> Tensor:
    """Done: at the length limit, no live beam left, or the n_best-th finished beats every live future."""
    done = []
    for b, limit, over_i in zip(active.tolist(), bound.tolist(), over.tolist()):
        hyps = finished[b]
        done.append(over_i or (len(hyps) >= n_best and hyps[n_best - 1].normalized >= limit))
    return torch.tensor(done, device=bound.device)

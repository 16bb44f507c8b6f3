"""Decoding as pure functions of a model and a batch: one batched beam search; greedy is its beam-1 case.

The search runs on the model's device over (sentences x beam) rows, with its state in tensors: one
host sync a step (how many sentences are done), none per hypothesis. Encoder memory stays one row per
sentence; attention broadcasts each sentence's memory over its beams (see model/attention.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TypeVar

import torch
from torch import Tensor

from .config import DecodingOptions

Rows = TypeVar("Rows", bound="Reorderable")


class Reorderable(Protocol):
    """Memory or decoder state: rows the search can select and reorder."""

    def index_select(self: Rows, order: Tensor) -> Rows: ...


class Decodable(Protocol):
    """What search needs of a model: Seq2Seq and Ensemble both have it.

    encode gives memory with one row per sentence and a first state with one row per sentence; step
    takes a state with beams x sentences rows (a sentence's beams consecutive) and the memory of those
    sentences, and returns the new state, log-probabilities (rows, vocab) and attention (rows, src_len).
    """

    def encode(self, src: Tensor, src_lengths: Tensor) -> tuple[Reorderable, Reorderable]: ...

    def step(self, memory: Reorderable, state: Reorderable, prev: Tensor) -> tuple[Reorderable, Tensor, Tensor]: ...


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


def greedy_search(model: Decodable, src: Tensor, src_lengths: Tensor, bos: int, eos: int,
                  options: DecodingOptions = DecodingOptions()) -> list[Hypothesis]:
    """The best token at every step: beam search with one beam (options give the length limits)."""
    found = beam_search(model, src, src_lengths, bos, eos, options.replace(beam_size=1, n_best=1))
    return [hyps[0] for hyps in found]


@torch.no_grad()
def beam_search(model: Decodable, src: Tensor, src_lengths: Tensor, bos: int, eos: int,
                options: DecodingOptions = DecodingOptions()) -> list[list[Hypothesis]]:
    """The options.n_best hypotheses of every sentence, best first, searched over (batch x beam) at once.

    Each step extends all live beams, keeps the best beam_size continuations per sentence, and sets aside
    hypotheses that end in </s> among the top beam_size candidates (or reach the length limit). A sentence
    stops once n_best are set aside and no live beam can still beat them under the length penalty, or at
    its length limit; it then leaves the batch, so the others run on fewer rows. With one beam this is
    greedy decoding (no length penalty).
    """
    k, device = options.beam_size, src.device
    memory, state = model.encode(src, src_lengths)
    batch = src.shape[0]
    state = state.index_select(torch.arange(batch, device=device).repeat_interleave(k))  # row b*k+j: beam j of b
    limits = max_output_lengths(src_lengths, options.max_len_a, options.max_len_b).to(device)
    beams = _Beams.start(batch, options, eos, limits)
    prev = torch.full((batch * k,), bos, dtype=torch.long, device=device)
    for t in range(int(limits.max())):
        state, log_probs, weights = model.step(memory, state, prev)  # (rows, vocab), (rows, src_len)
        if t < options.min_len:
            log_probs[:, eos] = float("-inf")
        candidates = beams.expand(log_probs, weights, t)
        beams.set_aside(candidates, t)
        parent, prev = beams.prune(candidates)
        state = state.index_select(parent)
        done = beams.done(candidates)
        finished = int(done.sum())  # the step's one host sync
        if finished == beams.live:
            break
        if finished:
            still = done.to(torch.uint8).argsort(stable=True)[:beams.live - finished]  # the rest, in order
            rows = beams.keep(still)
            memory, state, prev = memory.index_select(still), state.index_select(rows), prev[rows]
    return beams.hypotheses(src_lengths)


@dataclass
class _Candidates:
    """One step's best 2k continuations of each live sentence, best first."""

    scores: Tensor  # (live, 2k) summed log-probabilities
    tokens: Tensor  # (live, 2k)
    parents: Tensor  # (live, 2k) the row each extends
    entries: Tensor  # (live, 2k) their history entries
    last: Tensor  # (live,) True where this step reaches the sentence's length limit


@dataclass
class _Beams:
    """The live search and what it has set aside, as tensors over live sentences and their k rows.

    Set-aside hypotheses are kept per sentence of the batch, at most n_best, best first: a model that
    ends a low-ranked candidate at every step of a long output keeps no more than it can return.
    """

    k: int
    n_best: int
    alpha: float
    eos: int
    sentence: Tensor  # (live,) each live sentence's index in the batch
    limits: Tensor  # (live,) output length limits
    scores: Tensor  # (live, k) summed log-probabilities of the live beams; -inf for an empty beam
    entries: Tensor  # (live * k,) history entry of each row's last token; -1 before the first step
    kept_normalized: Tensor  # (batch, n_best) float64: set-aside hypotheses' ranking scores, -inf where none
    kept_scores: Tensor  # (batch, n_best)
    kept_entries: Tensor  # (batch, n_best) their last history entry, -1 where none
    history: "_History"

    @classmethod
    def start(cls, batch: int, options: DecodingOptions, eos: int, limits: Tensor) -> "_Beams":
        k, device = options.beam_size, limits.device
        scores = torch.full((batch, k), float("-inf"), device=device)
        scores[:, 0] = 0.0  # one live beam at the start, so no duplicate hypotheses
        none = torch.full((batch, options.n_best), float("-inf"), device=device)
        return cls(k, options.n_best, options.length_alpha, eos, torch.arange(batch, device=device), limits, scores,
                   torch.full((batch * k,), -1, dtype=torch.long, device=device), none.double(), none,
                   torch.full((batch, options.n_best), -1, dtype=torch.long, device=device), _History())

    @property
    def live(self) -> int:
        return self.scores.shape[0]

    def expand(self, log_probs: Tensor, weights: Tensor, t: int) -> _Candidates:
        """Every live beam extended by every token; the best 2k per sentence, entered in the history."""
        live, vocab = self.live, log_probs.shape[1]
        top_scores, top_index = (self.scores.view(-1, 1) + log_probs).view(live, -1).topk(
            min(2 * self.k, self.k * vocab), dim=1)  # (live, 2k)
        parents = torch.arange(live, device=top_index.device).unsqueeze(1) * self.k + top_index // vocab
        tokens = top_index % vocab
        entries = self.history.add(self.entries[parents], tokens, parents, weights, t)
        return _Candidates(top_scores, tokens, parents, entries, self.limits <= t + 1)

    def set_aside(self, c: _Candidates, t: int) -> None:
        """Candidates among the top k that end (</s>, or any token at the length limit) join their
        sentence's n_best, which stay sorted; an equal score ranks after the ones already there."""
        rank = torch.arange(c.tokens.shape[1], device=c.tokens.device)
        ending = (rank < self.k) & (c.tokens.eq(self.eos) | c.last.unsqueeze(1)) & c.scores.isfinite()
        # ranked in float64, as the score over a Python float's length penalty
        normalized = (c.scores.double() / length_penalty(t + 1, self.alpha)).masked_fill(~ending, float("-inf"))
        merged = torch.cat([self.kept_normalized[self.sentence], normalized], 1)  # (live, n_best + 2k)
        order = merged.sort(dim=1, descending=True, stable=True).indices[:, :self.n_best]
        pick = lambda kept, new: torch.cat([kept[self.sentence], new], 1).gather(1, order)  # noqa: E731
        self.kept_normalized[self.sentence] = merged.gather(1, order)
        self.kept_scores[self.sentence] = pick(self.kept_scores, c.scores)
        self.kept_entries[self.sentence] = pick(self.kept_entries, c.entries.masked_fill(~ending, -1))

    def prune(self, c: _Candidates) -> tuple[Tensor, Tensor]:
        """The best k candidates that do not end the sentence live on: their parent rows and tokens."""
        rank = torch.arange(c.tokens.shape[1], device=c.tokens.device)
        keep = torch.where(c.tokens.eq(self.eos), c.tokens.shape[1], rank).argsort(dim=1, stable=True)[:, :self.k]
        tokens = c.tokens.gather(1, keep)
        self.scores = c.scores.gather(1, keep).masked_fill(tokens.eq(self.eos), float("-inf"))
        self.entries = c.entries.gather(1, keep).view(-1)
        return c.parents.gather(1, keep).view(-1), tokens.view(-1)

    def done(self, c: _Candidates) -> Tensor:
        """(live,) at the length limit, no live beam left, or the n_best-th set aside beats every live future."""
        best_live = self.scores.max(1).values.masked_fill(c.last, float("-inf"))
        bound = best_live / length_penalty(self.limits.float(), self.alpha)  # best reachable normalized score
        return c.last | best_live.isneginf() | (self.kept_normalized[self.sentence, self.n_best - 1] >= bound.double())

    def keep(self, still: Tensor) -> Tensor:
        """Only these live sentences go on; returns their rows."""
        rows = (still.unsqueeze(1) * self.k + torch.arange(self.k, device=still.device)).view(-1)
        self.sentence, self.limits, self.scores = self.sentence[still], self.limits[still], self.scores[still]
        self.entries = self.entries[rows]
        return rows

    def hypotheses(self, src_lengths: Tensor) -> list[list[Hypothesis]]:
        """Each sentence's set-aside hypotheses, best first, read back from the history at once."""
        entries = self.kept_entries.view(-1)  # (batch * n_best,)
        tokens, attention, steps = self.history.paths(entries)
        normalized, scores = self.kept_normalized.view(-1).tolist(), self.kept_scores.view(-1).tolist()
        tokens, steps, attention = tokens.tolist(), steps.tolist(), attention.float().cpu()
        lengths = src_lengths.tolist()
        results: list[list[Hypothesis]] = [[] for _ in lengths]
        for i, entry in enumerate(entries.tolist()):
            if entry < 0:
                continue  # fewer than n_best were set aside
            sentence, n = i // self.n_best, steps[i]
            words = tokens[i][:n - 1] if tokens[i][n - 1] == self.eos else tokens[i][:n]
            seen = attention[i, :n, :lengths[sentence]].clone()  # its own tensor, not a view of the batch's
            results[sentence].append(Hypothesis(words, scores[i], normalized[i], seen))
        return results


class _History:
    """Backpointers, kept on the search's device: each step enters its candidates (token, parent entry,
    the attention row that produced them) once; a hypothesis's tokens and attention are gathered only
    when the batch is done, so a step costs the same at step 3,000 as at step 3."""

    def __init__(self) -> None:
        self.tokens: list[Tensor] = []  # per step (candidates,): entries are numbered across steps in order
        self.parents: list[Tensor] = []  # the previous step's entry each extends; -1 at the first step
        self.attention_rows: list[Tensor] = []  # per step: which of that step's attention rows produced it
        self.attention: list[Tensor] = []  # per step (rows, src_len)
        self.size = 0

    def add(self, parents: Tensor, tokens: Tensor, rows: Tensor, attention: Tensor, t: int) -> Tensor:
        """Enter step t's candidates (live, 2k); returns their entry numbers, shaped like tokens."""
        assert len(self.tokens) == t
        entries = torch.arange(self.size, self.size + tokens.numel(), device=tokens.device).view(tokens.shape)
        self.tokens.append(tokens.reshape(-1))
        self.parents.append(parents.reshape(-1))
        self.attention_rows.append(rows.reshape(-1))
        self.attention.append(attention)
        self.size += tokens.numel()
        return entries

    def paths(self, entries: Tensor) -> tuple[Tensor, Tensor, Tensor]:
        """For entries (n,), -1 for none: tokens (n, steps), attention (n, steps, src_len), and each
        one's number of steps (n,); rows of an entry shorter than the longest are padding."""
        n, device = entries.shape[0], entries.device
        if not self.tokens or n == 0 or bool((entries < 0).all()):
            return (torch.zeros(n, 0, dtype=torch.long, device=device), torch.zeros(n, 0, 0, device=device),
                    torch.zeros(n, dtype=torch.long, device=device))
        starts = torch.tensor([0] + [len(x) for x in self.tokens], device=device).cumsum(0)
        tokens, parents = torch.cat(self.tokens), torch.cat(self.parents)
        bases = torch.tensor([0] + [len(a) for a in self.attention], device=device).cumsum(0)[:-1]
        step_of = torch.searchsorted(starts, entries.clamp(min=0), right=True) - 1  # (n,) the step it was entered
        rows = torch.cat([r + base for r, base in zip(self.attention_rows, bases)])
        attention = torch.cat(self.attention)  # (all rows of all steps, src_len)
        steps = (step_of + 1).masked_fill(entries < 0, 0)
        width = int(steps.max())
        # a spare last column takes the writes of paths already walked to their start
        out_tokens = torch.zeros(n, width + 1, dtype=torch.long, device=device)
        out_rows = torch.zeros(n, width + 1, dtype=torch.long, device=device)
        every, current = torch.arange(n, device=device), entries.clone()
        for back in range(width):  # walk every path back one step at a time
            position = steps - 1 - back  # (n,) where this step's token goes; < 0 once a path is done
            column = torch.where((position >= 0) & (current >= 0), position, width)
            index = current.clamp(min=0)
            out_tokens[every, column] = tokens[index]
            out_rows[every, column] = rows[index]
            current = torch.where(column < width, parents[index], current)
        return out_tokens[:, :width], attention[out_rows[:, :width]], steps

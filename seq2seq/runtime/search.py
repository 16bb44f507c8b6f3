"""Batched beam search over a bundle's step graph, in numpy: seq2seq/search.py's algorithm, step for step.

The same length penalty, n-best lists, length limits, early stop by bound and removal of finished
sentences, with the same float32/float64 arithmetic, so the runtime chooses the tokens PyTorch chooses
(tests/test_runtime.py compares them on every test sentence). Greedy is the one-beam case.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .bundle import Bundle

_NEG_INF = np.float32(-np.inf)


@dataclass
class Hypothesis:
    """One output sentence: token ids without </s>, its log-probability, its ranking score, its attention."""

    tokens: list[int]
    score: float
    normalized: float
    attention: np.ndarray  # (output steps, source tokens incl. </s>)


def length_penalty(length, alpha: float):
    """GNMT's ((5 + |Y|) / 6) ** alpha, in the caller's precision (a Python float, or float32 arrays)."""
    return ((5 + length) / 6) ** alpha


def max_output_lengths(src_lengths: np.ndarray, a: float, b: int) -> np.ndarray:
    """Per-sentence output budget a * source tokens + b (source length without its </s>), at least 1."""
    return np.maximum(np.floor(np.float32(a) * (src_lengths - 1).astype(np.float32) + b).astype(np.int64), 1)


def _topk(x: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k largest of each row, best first (ties: lower index first), and their indices."""
    if k < x.shape[1]:
        part = np.argpartition(-x, k - 1, axis=1)[:, :k]
    else:
        part = np.broadcast_to(np.arange(x.shape[1]), x.shape)
    values = np.take_along_axis(x, part, 1)
    order = np.lexsort((part, -values), axis=1)
    index = np.take_along_axis(part, order, 1)
    return np.take_along_axis(x, index, 1), index


def _stable_desc(x: np.ndarray) -> np.ndarray:
    """Indices sorting each row descending; equal values keep their order (torch's stable descending sort)."""
    return np.argsort(-x, axis=1, kind="stable")


def beam_search(bundle: Bundle, src: np.ndarray, src_lengths: np.ndarray, beam_size: int, n_best: int,
                alpha: float, min_len: int, max_len_a: float, max_len_b: int) -> list[list[Hypothesis]]:
    """The n_best hypotheses of every sentence of the batch, best first (alpha is the applied exponent: 0
    for greedy, as DecodingOptions.length_alpha gives it)."""
    k, batch, eos = beam_size, src.shape[0], bundle.eos
    memory, state = bundle.encode(src, src_lengths)
    state = bundle.take_state(state, np.repeat(np.arange(batch), k))  # row b*k+j: beam j of b
    limits = max_output_lengths(src_lengths, max_len_a, max_len_b)
    beams = _Beams.start(batch, k, n_best, alpha, eos, limits)
    prev = np.full(batch * k, bundle.bos, dtype=np.int64)
    for t in range(int(limits.max())):
        state, log_probs, weights = bundle.step(memory, state, prev)
        if t < min_len:
            log_probs[:, eos] = _NEG_INF
        candidates = beams.expand(log_probs, weights, t)
        beams.set_aside(candidates, t)
        parent, prev = beams.prune(candidates)
        state = bundle.take_state(state, parent)
        done = beams.done(candidates)
        finished = int(done.sum())
        if finished == beams.live:
            break
        if finished:
            still = np.flatnonzero(~done)
            rows = beams.keep(still)
            memory, state, prev = memory.take(still), bundle.take_state(state, rows), prev[rows]
    return beams.hypotheses(src_lengths)


@dataclass
class _Candidates:
    scores: np.ndarray  # (live, 2k) float32
    tokens: np.ndarray  # (live, 2k)
    parents: np.ndarray  # (live, 2k) rows they extend
    entries: np.ndarray  # (live, 2k) their history entries
    last: np.ndarray  # (live,) this step reaches the sentence's length limit


class _Beams:
    """The live search and what it has set aside: seq2seq/search.py's _Beams over numpy arrays."""

    @classmethod
    def start(cls, batch: int, k: int, n_best: int, alpha: float, eos: int, limits: np.ndarray) -> "_Beams":
        beams = cls()
        beams.k, beams.n_best, beams.alpha, beams.eos = k, n_best, alpha, eos
        beams.sentence, beams.limits = np.arange(batch), limits
        beams.scores = np.full((batch, k), _NEG_INF, dtype=np.float32)
        beams.scores[:, 0] = 0.0
        beams.entries = np.full(batch * k, -1, dtype=np.int64)
        beams.kept_normalized = np.full((batch, n_best), -np.inf)  # float64
        beams.kept_scores = np.full((batch, n_best), _NEG_INF, dtype=np.float32)
        beams.kept_entries = np.full((batch, n_best), -1, dtype=np.int64)
        beams.history = _History()
        return beams

    @property
    def live(self) -> int:
        return self.scores.shape[0]

    def expand(self, log_probs: np.ndarray, weights: np.ndarray, t: int) -> _Candidates:
        live, vocab = self.live, log_probs.shape[1]
        total = (self.scores.reshape(-1, 1) + log_probs).reshape(live, -1)  # float32
        top_scores, top_index = _topk(total, min(2 * self.k, self.k * vocab))
        parents = np.arange(live)[:, None] * self.k + top_index // vocab
        tokens = top_index % vocab
        entries = self.history.add(self.entries[parents], tokens, parents, weights)
        return _Candidates(top_scores, tokens, parents, entries, self.limits <= t + 1)

    def set_aside(self, c: _Candidates, t: int) -> None:
        rank = np.arange(c.tokens.shape[1])
        ending = (rank < self.k) & ((c.tokens == self.eos) | c.last[:, None]) & np.isfinite(c.scores)
        normalized = np.where(ending, c.scores.astype(np.float64) / length_penalty(t + 1, self.alpha), -np.inf)
        merged = np.concatenate([self.kept_normalized[self.sentence], normalized], 1)
        order = _stable_desc(merged)[:, :self.n_best]
        pick = lambda kept, new: np.take_along_axis(np.concatenate([kept[self.sentence], new], 1), order, 1)  # noqa: E731
        self.kept_normalized[self.sentence] = np.take_along_axis(merged, order, 1)
        self.kept_scores[self.sentence] = pick(self.kept_scores, c.scores)
        self.kept_entries[self.sentence] = pick(self.kept_entries, np.where(ending, c.entries, -1))

    def prune(self, c: _Candidates) -> tuple[np.ndarray, np.ndarray]:
        width = c.tokens.shape[1]
        keep = np.argsort(np.where(c.tokens == self.eos, width, np.arange(width)), axis=1, kind="stable")[:, :self.k]
        tokens = np.take_along_axis(c.tokens, keep, 1)
        self.scores = np.where(tokens == self.eos, _NEG_INF, np.take_along_axis(c.scores, keep, 1))
        self.entries = np.take_along_axis(c.entries, keep, 1).reshape(-1)
        return np.take_along_axis(c.parents, keep, 1).reshape(-1), tokens.reshape(-1)

    def done(self, c: _Candidates) -> np.ndarray:
        best_live = np.where(c.last, _NEG_INF, self.scores.max(1))
        bound = best_live / length_penalty(self.limits.astype(np.float32), np.float32(self.alpha))  # float32
        return c.last | np.isneginf(best_live) | (self.kept_normalized[self.sentence, self.n_best - 1]
                                                  >= bound.astype(np.float64))

    def keep(self, still: np.ndarray) -> np.ndarray:
        rows = (still[:, None] * self.k + np.arange(self.k)).reshape(-1)
        self.sentence, self.limits, self.scores = self.sentence[still], self.limits[still], self.scores[still]
        self.entries = self.entries[rows]
        return rows

    def hypotheses(self, src_lengths: np.ndarray) -> list[list[Hypothesis]]:
        results: list[list[Hypothesis]] = [[] for _ in range(len(src_lengths))]
        for sentence in range(len(src_lengths)):
            for rank in range(self.n_best):
                entry = int(self.kept_entries[sentence, rank])
                if entry < 0:
                    continue  # fewer than n_best were set aside
                tokens, attention = self.history.path(entry)
                words = tokens[:-1] if tokens[-1] == self.eos else tokens
                results[sentence].append(Hypothesis(words, float(self.kept_scores[sentence, rank]),
                                                    float(self.kept_normalized[sentence, rank]),
                                                    attention[:, :int(src_lengths[sentence])]))
        return results


class _History:
    """Backpointers: each step's candidates (token, parent entry, attention row) entered once, walked back
    only for the hypotheses returned."""

    def __init__(self) -> None:
        self.starts: list[int] = []  # first entry number of each step
        self.tokens: list[np.ndarray] = []
        self.parents: list[np.ndarray] = []
        self.rows: list[np.ndarray] = []
        self.attention: list[np.ndarray] = []
        self.size = 0

    def add(self, parents: np.ndarray, tokens: np.ndarray, rows: np.ndarray, attention: np.ndarray) -> np.ndarray:
        entries = np.arange(self.size, self.size + tokens.size).reshape(tokens.shape)
        self.starts.append(self.size)
        self.tokens.append(tokens.reshape(-1))
        self.parents.append(parents.reshape(-1))
        self.rows.append(rows.reshape(-1))
        self.attention.append(attention)
        self.size += tokens.size
        return entries

    def path(self, entry: int) -> tuple[list[int], np.ndarray]:
        """Tokens and attention rows (steps, src_len) from the first step to this entry."""
        step = int(np.searchsorted(self.starts, entry, side="right")) - 1
        tokens, rows = [], []
        while entry >= 0:
            i = entry - self.starts[step]
            tokens.append(int(self.tokens[step][i]))
            rows.append(self.attention[step][self.rows[step][i]])
            entry, step = int(self.parents[step][i]), step - 1
        width = max(r.shape[0] for r in rows)
        attention = np.zeros((len(rows), width), dtype=np.float32)
        for j, row in enumerate(reversed(rows)):
            attention[j, :row.shape[0]] = row
        return tokens[::-1], attention

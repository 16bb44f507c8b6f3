"""Token-bounded, length-bucketed batches whose order is a pure function of (seed, epoch)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Optional, Sequence

import torch
from torch.nn.utils.rnn import pad_sequence

from .dataset import IndexedSide, ParallelDataset
from .vocabulary import SPECIALS, Vocabulary


@dataclass
class Batch:
    """Padded tensors for one batch; the source ends in </s>, so even an empty sentence has length 1."""

    src: torch.Tensor  # (batch, src_len) long
    src_lengths: torch.Tensor  # (batch,) long, on the CPU (packing needs it there)
    trg_in: Optional[torch.Tensor]  # (batch, trg_len): <s> y1 .. yn
    trg_out: Optional[torch.Tensor]  # (batch, trg_len): y1 .. yn </s>
    indices: list[int]  # positions of these sentences in their corpus
    n_src_tokens: int
    n_trg_tokens: int  # real target tokens, </s> included

    def with_token_dropout(self, src_rate: float, trg_rate: float) -> "Batch":
        """Real tokens replaced by <unk> at these rates (Sennrich & Zhang 2019): the model must not
        lean on any single word. Only the inputs change (source and decoder input), never the labels;
        padding, <s> and </s> are kept. Draws from torch's global generator, so a seeded run repeats."""
        return dataclasses.replace(self, src=_drop_tokens(self.src, src_rate),
                                   trg_in=None if self.trg_in is None else _drop_tokens(self.trg_in, trg_rate))

    def to(self, device: torch.device) -> "Batch":
        move = lambda t: None if t is None else t.to(device, non_blocking=True)  # noqa: E731
        return Batch(move(self.src), self.src_lengths, move(self.trg_in), move(self.trg_out),
                     self.indices, self.n_src_tokens, self.n_trg_tokens)


def _drop_tokens(ids: torch.Tensor, rate: float) -> torch.Tensor:
    if rate == 0.0:
        return ids
    real = ids >= len(SPECIALS)  # (batch, len): not <pad>, <unk>, <s> or </s>
    return ids.masked_fill(real & (torch.rand(ids.shape) < rate), Vocabulary.unk_id)


def pair_widths(data: ParallelDataset) -> list[int]:
    """Each pair's longest side plus its </s> (or <s>): the width it adds to a padded batch."""
    return [max(s, t) + 1 for s, t in zip(data.src.lengths, data.trg.lengths)]


def token_batches(src_lengths: Sequence[int], trg_lengths: Optional[Sequence[int]], batch_tokens: int,
                  seed: int = 0, epoch: int = 0, shuffle: bool = True) -> list[list[int]]:
    """Group sentences of similar length so that size x longest side <= batch_tokens.

    Sorting by length (random order among equal lengths) keeps padding low; shuffling the batches,
    not the sentences, mixes lengths across the epoch. A sentence longer than the budget rides alone.
    """
    n = len(src_lengths)
    src = torch.as_tensor(src_lengths, dtype=torch.long)
    trg = torch.as_tensor(trg_lengths, dtype=torch.long) if trg_lengths is not None else torch.zeros_like(src)
    generator = torch.Generator().manual_seed(seed * 100_003 + epoch)
    order = torch.randperm(n, generator=generator) if shuffle else torch.arange(n)
    order = order[torch.argsort(trg[order], stable=True)]
    order = order[torch.argsort(src[order], stable=True)].tolist()
    longest = torch.maximum(src, trg).tolist()
    batches, current, widest = [], [], 0
    for i in order:
        w = max(widest, longest[i])
        if current and w * (len(current) + 1) > batch_tokens:
            batches.append(current)
            current, w = [], longest[i]
        current.append(i)
        widest = w
    if current:
        batches.append(current)
    if shuffle:
        batches = [batches[i] for i in torch.randperm(len(batches), generator=generator).tolist()]
    return batches


def collate(src: IndexedSide, trg: Optional[IndexedSide], indices: list[int], vocab_pad: int = Vocabulary.pad_id,
            bos: int = Vocabulary.bos_id, eos: int = Vocabulary.eos_id) -> Batch:
    """Pad the chosen sentences into a Batch (targets are omitted when `trg` is None)."""
    eos_t = torch.tensor([eos], dtype=torch.long)
    bos_t = torch.tensor([bos], dtype=torch.long)
    src_seqs = [torch.cat([src[i].long(), eos_t]) for i in indices]
    src_lengths = torch.tensor([len(s) for s in src_seqs], dtype=torch.long)
    src_pad = pad_sequence(src_seqs, batch_first=True, padding_value=vocab_pad)
    if trg is None:
        return Batch(src_pad, src_lengths, None, None, indices, int(src_lengths.sum()), 0)
    trg_seqs = [trg[i].long() for i in indices]
    trg_in = pad_sequence([torch.cat([bos_t, t]) for t in trg_seqs], batch_first=True, padding_value=vocab_pad)
    trg_out = pad_sequence([torch.cat([t, eos_t]) for t in trg_seqs], batch_first=True, padding_value=vocab_pad)
    n_trg = sum(len(t) + 1 for t in trg_seqs)
    return Batch(src_pad, src_lengths, trg_in, trg_out, indices, int(src_lengths.sum()), n_trg)

"""Tokenized, indexed corpora stored flat (one int32 tensor per side), so large corpora stay compact."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Sequence

import torch

from .tokenizers import Tokenizer
from .vocabulary import Vocabulary

log = logging.getLogger(__name__)


@dataclass
class IndexedSide:
    """Variable-length index sequences: sentence i is ids[offsets[i]:offsets[i+1]]."""

    ids: torch.Tensor  # (total_tokens,) int32
    offsets: torch.Tensor  # (n + 1,) int64

    @classmethod
    def from_lists(cls, sequences: Sequence[Sequence[int]]) -> "IndexedSide":
        lengths = torch.tensor([len(s) for s in sequences], dtype=torch.long)
        offsets = torch.zeros(len(sequences) + 1, dtype=torch.long)
        torch.cumsum(lengths, 0, out=offsets[1:])
        ids = torch.tensor([i for s in sequences for i in s], dtype=torch.int32)
        return cls(ids, offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> torch.Tensor:
        return self.ids[self.offsets[i]:self.offsets[i + 1]]

    @property
    def lengths(self) -> list[int]:
        return (self.offsets[1:] - self.offsets[:-1]).tolist()


@dataclass
class ParallelDataset:
    """Source and target index sequences (without <s> or </s>, which batching adds)."""

    src: IndexedSide
    trg: IndexedSide

    def __len__(self) -> int:
        return len(self.src)


def tokenize_all(lines: Sequence[str], tokenizer: Tokenizer) -> list[list[str]]:
    return tokenizer.encode_all(list(lines))


def length_filter(src: list[list[str]], trg: list[list[str]], min_length: int, max_length: int,
                  what: str = "training") -> list[int]:
    """Indices of pairs whose two sides both have min_length..max_length tokens; logs what it drops."""
    keep = [i for i, (s, t) in enumerate(zip(src, trg))
            if min_length <= len(s) <= max_length and min_length <= len(t) <= max_length]
    dropped = len(src) - len(keep)
    log.info("%s data: kept %d pairs, dropped %d outside %d..%d tokens", what, len(keep), dropped,
             min_length, max_length)
    return keep


def index_pairs(src: list[list[str]], trg: list[list[str]], src_vocab: Vocabulary,
                trg_vocab: Vocabulary) -> ParallelDataset:
    return ParallelDataset(IndexedSide.from_lists([src_vocab.encode(s) for s in src]),
                           IndexedSide.from_lists([trg_vocab.encode(t) for t in trg]))

"""Data layer: text in, index tensors out; knows no model."""
from .batching import Batch, collate, pair_widths, token_batches
from .dataset import IndexedSide, ParallelDataset
from .vocabulary import Vocabulary

__all__ = ["Batch", "collate", "pair_widths", "token_batches", "IndexedSide", "ParallelDataset", "Vocabulary"]

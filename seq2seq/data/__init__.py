"""Data layer: text in, index tensors out; knows no model."""
from .batching import Batch, collate, token_batches
from .dataset import IndexedSide, ParallelDataset
from .vocabulary import Vocabulary

__all__ = ["Batch", "collate", "token_batches", "IndexedSide", "ParallelDataset", "Vocabulary"]

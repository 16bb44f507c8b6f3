"""Where one model's text side lives; the model directory (seq2seq/model_dir.py) decides the paths."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TextFiles:
    """A model's two vocabularies and two sentencepiece models (the same file twice when joint)."""

    src_vocab: Path
    trg_vocab: Path
    src_pieces: Path
    trg_pieces: Path

    @property
    def joint(self) -> bool:
        return self.src_pieces == self.trg_pieces

    def all(self, sentencepiece: bool) -> list[Path]:
        """The files a trained model needs, each once: vocabularies, and sentencepiece models if it uses them."""
        files = [self.src_vocab, self.trg_vocab]
        return files + (list(dict.fromkeys((self.src_pieces, self.trg_pieces))) if sentencepiece else [])

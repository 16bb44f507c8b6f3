"""Token <-> index maps with fixed specials, saved as plain text so a model directory is readable."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import Seq2SeqError

PAD, UNK, BOS, EOS = "<pad>", "<unk>", "<s>", "</s>"
SPECIALS = (PAD, UNK, BOS, EOS)


class Vocabulary:
    """Specials first (<pad>=0, <unk>=1, <s>=2, </s>=3), then tokens by falling frequency."""

    pad_id, unk_id, bos_id, eos_id = 0, 1, 2, 3

    def __init__(self, tokens: Sequence[str]):
        if tuple(tokens[:4]) != SPECIALS:
            raise ValueError(f"a vocabulary must start with {SPECIALS}")
        self.itos: list[str] = list(tokens)
        self.stoi: dict[str, int] = {t: i for i, t in enumerate(self.itos)}
        if len(self.stoi) != len(self.itos):
            raise ValueError("vocabulary tokens must be unique")

    @classmethod
    def build(cls, sentences: Iterable[Sequence[str]], max_size: int | None = None,
              min_freq: int = 1) -> "Vocabulary":
        """Most frequent tokens first; ties broken alphabetically so the result is deterministic."""
        counts: Counter = Counter()
        for sentence in sentences:
            counts.update(sentence)
        return cls.from_counts(counts, max_size, min_freq)

    @classmethod
    def from_counts(cls, counts: Counter, max_size: int | None = None, min_freq: int = 1) -> "Vocabulary":
        """build's vocabulary from token counts already made (a corpus counted in parts)."""
        counts = Counter(counts)
        for special in SPECIALS:
            counts.pop(special, None)
        ranked = sorted((t for t, c in counts.items() if c >= min_freq), key=lambda t: (-counts[t], t))
        if max_size is not None:
            ranked = ranked[:max(0, max_size - len(SPECIALS))]
        return cls(list(SPECIALS) + ranked)

    @classmethod
    def from_tokens(cls, tokens: Iterable[str]) -> "Vocabulary":
        """Specials, then `tokens` in the given order (duplicates and specials dropped)."""
        return cls(list(SPECIALS) + [t for t in dict.fromkeys(tokens) if t not in SPECIALS])

    def __len__(self) -> int:
        return len(self.itos)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocabulary) and self.itos == other.itos

    def encode(self, tokens: Iterable[str]) -> list[int]:
        """Token ids; a special's spelling in the text (a literal "</s>" word) is <unk>, never the special."""
        first_real = len(SPECIALS)
        return [i if (i := self.stoi.get(t, self.unk_id)) >= first_real else self.unk_id for t in tokens]

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Tokens up to the first </s>, without specials other than <unk>."""
        out = []
        for i in ids:
            if i == self.eos_id:
                break
            if i not in (self.pad_id, self.bos_id):
                out.append(self.itos[i])
        return out

    def save(self, path: str | Path) -> None:
        Path(path).write_text("".join(t + "\n" for t in self.itos), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "Vocabulary":
        try:
            tokens = Path(path).read_text(encoding="utf-8").split("\n")
        except FileNotFoundError:
            raise Seq2SeqError(f"vocabulary file not found: {path}") from None
        except OSError as error:  # no permission, a directory in its place, ...
            raise Seq2SeqError(f"cannot read vocabulary {path}: {error.strerror or error}") from None
        except UnicodeDecodeError:
            raise Seq2SeqError(f"{path}: not a seq2seq vocabulary (not UTF-8 text)") from None
        if tokens and tokens[-1] == "":
            tokens.pop()
        if tuple(tokens[:4]) != SPECIALS:
            raise Seq2SeqError(f"{path}: not a seq2seq vocabulary (first lines must be {' '.join(SPECIALS)})")
        seen: set[str] = set()
        for line, token in enumerate(tokens, 1):
            if token in seen:
                raise Seq2SeqError(f"{path}, line {line}: token {token!r} appears twice; a vocabulary lists "
                                   "each token once (was the file edited or merged by hand?)")
            seen.add(token)
        return cls(tokens)

"""Text <-> token ids as the trained model saw them: the bundle's vocabularies and tokenizers.

These mirror seq2seq/data (vocabulary.py, tokenizers.py, corpus.decode_lines), which import torch and so
cannot be used here; tests/test_runtime.py holds each equal to its original.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from ..errors import Seq2SeqError

SPACE = "\u2581"  # the character level's visible space, as sentencepiece marks one
_SURROGATES = re.compile("[\ud800-\udfff]")


class Vocabulary:
    """Token <-> id, specials first (<pad> <unk> <s> </s>), read from a bundle's .vocab file."""

    def __init__(self, path: Path, specials: dict[str, int]):
        tokens = path.read_text(encoding="utf-8").split("\n")
        if tokens and tokens[-1] == "":
            tokens.pop()
        self.itos = tokens
        self.stoi = {t: i for i, t in enumerate(tokens)}
        self.unk, self.pad, self.bos, self.eos = specials["unk"], specials["pad"], specials["bos"], specials["eos"]
        self.first_real = len(specials)  # the specials come first

    def encode(self, tokens: Iterable[str]) -> list[int]:
        """Ids; a special's spelling in the text is <unk>, never the special."""
        return [i if (i := self.stoi.get(t, self.unk)) >= self.first_real else self.unk for t in tokens]

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Tokens up to the first </s>, without specials other than <unk>."""
        out = []
        for i in ids:
            if i == self.eos:
                break
            if i not in (self.pad, self.bos):
                out.append(self.itos[i])
        return out


class Tokenizer:
    """One side's tokenization: sentencepiece pieces, whitespace words or characters, lowercased if trained so."""

    def __init__(self, level: str, lowercase: bool, pieces: Optional[Path] = None):
        self.level, self.lowercase = level, lowercase
        self.processor = None
        if level == "sentencepiece":
            import sentencepiece as spm

            try:
                self.processor = spm.SentencePieceProcessor(model_file=str(pieces))
            except (OSError, RuntimeError) as error:
                raise Seq2SeqError(f"cannot load sentencepiece model {pieces}: {error}") from None
        elif level not in ("word", "char"):
            raise Seq2SeqError(f"unknown tokenization level {level!r} in the bundle's manifest; export it again")

    def encode(self, text: str) -> list[str]:
        text = text.lower() if self.lowercase else text
        if self.processor is not None:
            return self.processor.encode(text, out_type=str)
        if self.level == "word":
            return text.split()
        return [SPACE if c == " " else c for c in " ".join(text.split())]

    def decode(self, tokens: list[str]) -> str:
        if self.processor is not None:
            return self.processor.decode_pieces(tokens)
        return " ".join(tokens) if self.level == "word" else "".join(tokens).replace(SPACE, " ")


def text_only(text: str) -> str:
    """Each lone surrogate as U+FFFD: sentencepiece and UTF-8 writers refuse them."""
    return _SURROGATES.sub("\ufffd", text)


def one_line(text: str) -> str:
    """An output that holds no line break of any kind (what str.splitlines splits on), as translate writes it."""
    return " ".join(text_only(text).splitlines())


def sides(folder: Path, text: dict[str, Any], specials: dict[str, int]) -> tuple[Vocabulary, Vocabulary, Tokenizer,
                                                                                    Tokenizer]:
    """Source and target vocabularies and tokenizers of a bundle."""
    pieces = lambda side: folder / text[f"{side}_pieces"] if f"{side}_pieces" in text else None  # noqa: E731
    return (Vocabulary(folder / text["src_vocab"], specials), Vocabulary(folder / text["trg_vocab"], specials),
            Tokenizer(text["level"], text["lowercase"], pieces("src")),
            Tokenizer(text["level"], text["lowercase"], pieces("trg")))


def decode_lines(raw_lines: Iterable[bytes]) -> Iterator[str]:
    """UTF-8 lines without their ending (split on \\n only, a leading byte-order mark dropped); undecodable
    bytes become U+FFFD, so every input line still gives its output line."""
    for number, raw in enumerate(raw_lines, 1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        yield raw.decode("utf-8", "replace").rstrip("\n").rstrip("\r")

"""Raw text in, raw text out with a bundle: the runtime's counterpart of seq2seq/translate.py's Translator."""
from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, TextIO

import numpy as np

from ..config import DecodingOptions
from .bundle import Bundle
from .search import Hypothesis, beam_search
from .text import one_line, sides, text_only

CHUNK_LINES = 10_000  # lines read, sorted by length and translated together, as `seq2seq translate` does


class BundleTranslator:
    """A bundle with its tokenizers and vocabularies; decoding options default to the recipe's `testing`."""

    def __init__(self, folder: str | Path, threads: Optional[int] = None):
        self.bundle = Bundle(folder, threads)
        manifest = self.bundle.manifest
        self.src_vocab, self.trg_vocab, self.src_tokenizer, self.trg_tokenizer = sides(
            self.bundle.folder, manifest["text"], manifest["specials"])

    def options(self, **overrides: Any) -> DecodingOptions:
        """The bundle's decoding defaults with these in their place (None keeps one), checked as the CLI's are."""
        defaults = self.bundle.manifest["decoding"]
        return DecodingOptions(**{**defaults, **{k: v for k, v in overrides.items() if v is not None}})

    def search(self, sentences: list[str], options: Optional[DecodingOptions] = None) -> list[list[Hypothesis]]:
        """The options.n_best hypotheses of every sentence, in input order; a blank one gets none."""
        options = options or self.options()
        pieces = [self.src_tokenizer.encode(text_only(s)) if s.strip() else [] for s in sentences]
        todo = [i for i, p in enumerate(pieces) if p]
        ids = [self.src_vocab.encode(pieces[i]) for i in todo]
        results: list[list[Hypothesis]] = [[] for _ in sentences]
        for batch in _token_batches([(len(i) + 1) * options.beam_size for i in ids], options.batch_tokens):
            for j, hyps in zip(batch, self._search_batch([ids[j] for j in batch], options)):
                results[todo[j]] = hyps
        return results

    def _search_batch(self, ids: list[list[int]], options: DecodingOptions) -> list[list[Hypothesis]]:
        lengths = np.array([len(i) + 1 for i in ids], dtype=np.int64)  # with </s>
        src = np.full((len(ids), int(lengths.max())), self.bundle.pad, dtype=np.int64)
        for row, sentence in enumerate(ids):
            src[row, :len(sentence)] = sentence
            src[row, len(sentence)] = self.bundle.eos
        return beam_search(self.bundle, src, lengths, options.beam_size, options.n_best, options.length_alpha,
                           options.min_len, options.max_len_a, options.max_len_b)

    def detokenize(self, hypothesis: Optional[Hypothesis]) -> str:
        if hypothesis is None:
            return ""
        return one_line(self.trg_tokenizer.decode(self.trg_vocab.decode(hypothesis.tokens)))

    def translate(self, sentences: list[str], options: Optional[DecodingOptions] = None) -> list[str]:
        """Best translation of each sentence, one per input, in order; an empty input gives ''."""
        if isinstance(sentences, str):
            raise TypeError("BundleTranslator.translate takes a list of sentences, not one string")
        return [self.detokenize(h[0] if h else None) for h in self.search(list(sentences), options)]

    def translate_stream(self, lines: Iterable[str], out: TextIO, options: Optional[DecodingOptions] = None,
                         chunk_lines: int = CHUNK_LINES, progress: bool = False, summary: bool = True) -> dict:
        """One output line per input line (n_best > 1: n_best lines `index<TAB>score<TAB>text` per input),
        chunk by chunk, flushed as each is done."""
        options = options or self.options()
        start, sentences, tokens = time.perf_counter(), 0, 0
        for chunk in _chunks(lines, chunk_lines):
            found = self.search(chunk, options)
            for index, hyps in enumerate(found, sentences):
                if options.n_best == 1:
                    out.write(self.detokenize(hyps[0] if hyps else None) + "\n")
                    continue
                for rank in range(options.n_best):
                    hyp = hyps[rank] if rank < len(hyps) else None
                    score = f"{hyp.normalized:.4f}" if hyp is not None else "-inf"
                    out.write(f"{index}\t{score}\t{self.detokenize(hyp)}\n")
            out.flush()
            sentences += len(chunk)
            tokens += sum(len(h[0].tokens) for h in found if h)
            if progress:
                print(f"\r{sentences} sentences", end="", file=sys.stderr, flush=True)
        seconds = time.perf_counter() - start
        rate = round(sentences / max(seconds, 1e-9), 2)
        if summary:
            print(f"{chr(13) if progress else ''}translated {sentences} sentences, {tokens} tokens in {seconds:.1f} s "
                  f"({rate} sentences/s)", file=sys.stderr)
        return {"sentences": sentences, "tokens": tokens, "seconds": round(seconds, 3), "sentences_per_second": rate}


def _token_batches(widths: list[int], batch_tokens: int) -> list[list[int]]:
    """Sentences sorted by width (stable), packed so count x widest <= batch_tokens: the batches
    seq2seq/data/batching.token_batches makes for translation (shuffle off), so the same shapes meet."""
    batches: list[list[int]] = []
    current: list[int] = []
    widest = 0
    for i in sorted(range(len(widths)), key=widths.__getitem__):
        w = max(widest, widths[i])
        if current and w * (len(current) + 1) > batch_tokens:
            batches.append(current)
            current, w = [], widths[i]
        current.append(i)
        widest = w
    if current:
        batches.append(current)
    return batches


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(lines)
    while chunk := list(itertools.islice(it, size)):
        yield chunk

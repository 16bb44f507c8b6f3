"""Raw text in, raw text out: loads a model directory and translates lines in token-bounded batches."""
from __future__ import annotations

import itertools
import logging
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence, Sized, TextIO

import torch
from tqdm import tqdm

from .config import DecodingOptions, Recipe
from .data import Vocabulary, collate, token_batches
from .data.dataset import IndexedSide
from .data.tokenizers import SentencePieceTokenizer, Tokenizer
from .devices import pick_device
from .errors import Seq2SeqError
from .model import Seq2Seq
from .model.ensemble import Ensemble
from .model.quantize import quantize_int8
from .model_dir import ModelDir
from .search import Hypothesis, beam_search

log = logging.getLogger(__name__)
_SURROGATES = re.compile("[\ud800-\udfff]")  # lone surrogates: not text, and no UTF-8 for them (surrogateescape)


def _text_only(text: str) -> str:
    """text with each lone surrogate as U+FFFD: tokenizers (sentencepiece) and UTF-8 writers refuse them."""
    return _SURROGATES.sub("\ufffd", text)


def _text(model_dir: ModelDir, recipe: Recipe) -> tuple[Vocabulary, Vocabulary, Tokenizer, Tokenizer]:
    """A model directory's source and target vocabularies and tokenizers."""
    text = (*model_dir.vocabularies(recipe.data), *model_dir.tokenizers(recipe.data))
    if recipe.data.sentencepiece.all_pieces:  # the vocabulary is every piece: it must be this model's
        files = model_dir.text_files(recipe.data)
        for vocab, tokenizer, vocab_file, pieces_file in ((text[0], text[2], files.src_vocab, files.src_pieces),
                                                          (text[1], text[3], files.trg_vocab, files.trg_pieces)):
            if vocab != Vocabulary.from_tokens(tokenizer.pieces()):
                raise Seq2SeqError(f"{pieces_file} is not the sentencepiece model of {vocab_file} (the model was "
                                   "trained with data.sentencepiece.all_pieces: its vocabulary is every piece); "
                                   "restore the model directory's own")
    return text


def _interface(recipe: Recipe, text: tuple[Vocabulary, Vocabulary, Tokenizer, Tokenizer]) -> dict[str, object]:
    """What ensemble members must share to read and write the same token ids; keys name it in errors."""
    src_vocab, trg_vocab, *tokenizers = text
    pieces = tuple(t.scored_pieces() if isinstance(t, SentencePieceTokenizer) else () for t in tokenizers)
    return {"source vocabularies": src_vocab, "target vocabularies": trg_vocab,
            "tokenizations": (recipe.data.level, recipe.data.lowercase, pieces)}


def _load_member(model_dir: ModelDir, first: ModelDir, first_interface: dict[str, object], checkpoint: str) -> Seq2Seq:
    """Another ensemble member's model, once its vocabularies and tokenization match the first model's."""
    recipe = model_dir.recipe()
    text = _text(model_dir, recipe)
    theirs = _interface(recipe, text)
    differ = [what for what, value in first_interface.items() if theirs[what] != value]
    if differ:
        raise Seq2SeqError(f"cannot ensemble {first.path} with {model_dir.path}: their {' and '.join(differ)} "
                           "differ; ensemble only models trained with the same data settings and subword model")
    return model_dir.load_model(recipe, checkpoint, len(text[0]), len(text[1]))


class Translator:
    """A trained model with its tokenizers and vocabularies; the Python API behind `seq2seq translate`."""

    def __init__(self, recipe: Recipe, model: Seq2Seq | Ensemble, src_tokenizer: Tokenizer,
                 trg_tokenizer: Tokenizer, src_vocab: Vocabulary, trg_vocab: Vocabulary, device: torch.device):
        self.recipe, self.model, self.device = recipe, model, device
        self.src_tokenizer, self.trg_tokenizer = src_tokenizer, trg_tokenizer
        self.src_vocab, self.trg_vocab = src_vocab, trg_vocab

    @classmethod
    def load(cls, model_dir: str | Path, checkpoint: str = "best", device: Optional[str] = "auto",
             int8: bool = False, ensemble_with: Sequence[str | Path] = ()) -> "Translator":
        """A model directory ready to translate; int8 quantizes its linear and recurrent layers (CPU only).

        ensemble_with: more model directories with the same vocabularies and tokenizers, decoded together
        with this one (their next-token probabilities averaged); the first model's recipe gives the defaults.
        """
        if isinstance(ensemble_with, (str, Path)):
            raise TypeError("ensemble_with takes a list of model directories, not one path")
        if ensemble_with and not ModelDir.is_checkpoint_name(checkpoint):
            raise Seq2SeqError(f"checkpoint {checkpoint} is a file, but an ensemble needs a name that every model "
                               f"directory has (best, last, averaged, step_N)")
        model_dir = ModelDir(model_dir)
        recipe = model_dir.recipe()
        text = _text(model_dir, recipe)
        src_vocab, trg_vocab, src_tok, trg_tok = text
        target = pick_device("cpu" if int8 and device in (None, "auto") else device)
        if int8 and target.type != "cpu":
            raise Seq2SeqError(f"int8 translation runs on the CPU only, not on {target}; drop --int8 or use --device cpu")
        models = [model_dir.load_model(recipe, checkpoint, len(src_vocab), len(trg_vocab))]
        if ensemble_with:
            interface = _interface(recipe, text)  # once, whatever the number of members
            models += [_load_member(ModelDir(other), model_dir, interface, checkpoint) for other in ensemble_with]
        models = [model.to(target).eval() for model in models]
        if int8:
            models = [quantize_int8(model) for model in models]
        model = models[0] if len(models) == 1 else Ensemble(models).eval()
        return cls(recipe, model, src_tok, trg_tok, src_vocab, trg_vocab, target)

    def options(self, **overrides: Any) -> DecodingOptions:
        """The recipe's `testing` settings with these in their place (None keeps one), checked once."""
        return DecodingOptions.from_testing(self.recipe.testing, **overrides)

    def source_pieces(self, sentence: str) -> list[str]:
        """A sentence's source subwords (tokens), none for a blank one: what the model reads, </s> aside."""
        return self.src_tokenizer.encode(_text_only(sentence)) if sentence.strip() else []

    def search_batch(self, ids: list[list[int]], options: DecodingOptions) -> list[list[Hypothesis]]:
        """One beam search over these non-empty source id lists together (the server's cross-request
        batches, and each of search's): a sentence's result does not depend on its batch-mates."""
        batch = collate(IndexedSide.from_lists(ids), None, list(range(len(ids)))).to(self.device)
        return beam_search(self.model, batch.src, batch.src_lengths, Vocabulary.bos_id, Vocabulary.eos_id, options)

    def search(self, sentences: list[str], options: Optional[DecodingOptions] = None,
               progress: bool | tqdm = False) -> list[list[Hypothesis]]:
        """The options.n_best hypotheses of every sentence, in input order; an empty sentence gets none.

        options default to the recipe's `testing` section. Batches bound source tokens x beam by
        options.batch_tokens, so the work per batch stays the same whatever the beam size. progress: True
        for a bar of its own, or a caller's tqdm bar to advance by one per sentence.
        """
        options = options or self.options()
        pieces = [self.source_pieces(s) for s in sentences]
        todo = [i for i, p in enumerate(pieces) if p]
        ids = [self.src_vocab.encode(pieces[i]) for i in todo]
        results: list[list[Hypothesis]] = [[] for _ in sentences]
        was_training = self.model.training
        self.model.eval()
        own_bar = not isinstance(progress, tqdm)
        bar = tqdm(total=len(sentences), unit="sent", disable=not progress, file=sys.stderr, leave=False) \
            if own_bar else progress
        bar.update(len(sentences) - len(todo))  # empty lines are done at once
        widths = [(len(i) + 1) * options.beam_size for i in ids]
        for batch_ids in token_batches(widths, None, options.batch_tokens, shuffle=False):
            for j, hyps in zip(batch_ids, self.search_batch([ids[j] for j in batch_ids], options)):
                results[todo[j]] = hyps
            bar.update(len(batch_ids))
        if own_bar:
            bar.close()
        self.model.train(was_training)
        return results

    def detokenize(self, hypothesis: Optional[Hypothesis]) -> str:
        """Raw text of a hypothesis (empty for None); never contains a line break of any kind (what
        str.splitlines() splits on) nor a lone surrogate, so it is one line of UTF-8 text."""
        if hypothesis is None:
            return ""
        text = self.trg_tokenizer.decode(self.trg_vocab.decode(hypothesis.tokens))
        return " ".join(_text_only(text).splitlines())

    def translate(self, sentences: list[str], options: Optional[DecodingOptions] = None) -> list[str]:
        """Best translation of each sentence, one per input, in order; an empty input gives ''."""
        if isinstance(sentences, str):
            raise TypeError("Translator.translate takes a list of sentences, not one string")
        return [self.detokenize(hyps[0] if hyps else None) for hyps in self.search(list(sentences), options)]


CHUNK_LINES = 10_000  # lines read, sorted by length and translated together: memory, and what --resume restarts


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    """Consecutive lists of up to `size` lines, read lazily."""
    it = iter(lines)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _write_hypotheses(translator: Translator, found: list[list[Hypothesis]], out: TextIO, n_best: int,
                      first_index: int) -> None:
    """One line per input, or exactly n_best lines per input with its index counted from the input's start."""
    for index, hyps in enumerate(found, first_index):
        if n_best == 1:
            out.write(translator.detokenize(hyps[0] if hyps else None) + "\n")
            continue
        for rank in range(n_best):  # pad with empty entries when fewer were found (e.g. empty input)
            hyp = hyps[rank] if rank < len(hyps) else None
            score = f"{hyp.normalized:.4f}" if hyp is not None else "-inf"
            out.write(f"{index}\t{score}\t{translator.detokenize(hyp)}\n")


def _skipped(lines: Iterator[str], skip: int) -> Iterator[str]:
    """lines after the first `skip`, which must be there."""
    read = sum(1 for _ in itertools.islice(lines, skip))
    if read < skip:
        raise Seq2SeqError(f"the input ends after {read} lines, but {skip} were translated before: it is not the "
                           "input the output was begun from")
    return lines


def translate_stream(translator: Translator, lines: Iterable[str], out: TextIO, *,
                     options: Optional[DecodingOptions] = None, progress: bool = True,
                     chunk_lines: int = CHUNK_LINES, skip: int = 0, sync: bool = False) -> dict:
    """Translate `lines` to `out`: one line per input, or with options.n_best > 1 exactly n_best lines per
    input as `index<TAB>score<TAB>translation` (index from 0, score = length-normalized log-probability).

    Reads, translates and writes chunk_lines lines at a time, so a corpus of any size needs the memory
    of one chunk, and output arrives as each chunk is done (flushed; with sync, also fsync'ed: on disk).
    skip: the first `skip` lines were translated before (a resumed job): they are read and passed over,
    and n-best indices still count from the input's first line.
    """
    if chunk_lines < 1:
        raise ValueError(f"chunk_lines must be at least 1, not {chunk_lines}")
    if skip < 0:
        raise ValueError(f"skip must be at least 0, not {skip}")
    options = options or translator.options()
    start = time.perf_counter()
    sentences = tokens = 0
    total = max(len(lines) - skip, 0) if isinstance(lines, Sized) else None
    source = (line.rstrip("\n").rstrip("\r") for line in lines)
    chunks = _chunks(_skipped(source, skip) if skip else source, chunk_lines)
    first = list(itertools.islice(chunks, 1))  # read before any bar is drawn: bad input is a clean one-line error
    with tqdm(total=total, unit="sent", disable=not progress, file=sys.stderr, leave=False) as bar:
        for chunk in itertools.chain(first, chunks):
            found = translator.search(chunk, options, progress=bar)
            _write_hypotheses(translator, found, out, options.n_best, skip + sentences)
            out.flush()
            if sync:
                os.fsync(out.fileno())
            sentences += len(chunk)
            tokens += sum(len(hyps[0].tokens) for hyps in found if hyps)
    seconds = time.perf_counter() - start
    summary = {"sentences": sentences, "tokens": tokens, "seconds": round(seconds, 3),
               "sentences_per_second": round(sentences / max(seconds, 1e-9), 2)}
    after = f" after the {skip} translated before" if skip else ""
    print(f"translated {sentences} sentences{after}, {tokens} tokens in {seconds:.1f} s "
          f"({summary['sentences_per_second']} sentences/s)", file=sys.stderr)
    return summary

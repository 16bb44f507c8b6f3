"""Raw text in, raw text out: loads a model directory and translates lines in token-bounded batches."""
from __future__ import annotations

import dataclasses
import itertools
import json
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

    def search(self, sentences: list[str], options: Optional[DecodingOptions] = None,
               progress: bool | tqdm = False) -> list[list[Hypothesis]]:
        """The options.n_best hypotheses of every sentence, in input order; an empty sentence gets none.

        options default to the recipe's `testing` section. Batches bound source tokens x beam by
        options.batch_tokens, so the work per batch stays the same whatever the beam size. progress: True
        for a bar of its own, or a caller's tqdm bar to advance by one per sentence.
        """
        options = options or self.options()
        pieces = [self.src_tokenizer.encode(_text_only(s)) if s.strip() else [] for s in sentences]
        todo = [i for i, p in enumerate(pieces) if p]
        side = IndexedSide.from_lists([self.src_vocab.encode(pieces[i]) for i in todo])
        results: list[list[Hypothesis]] = [[] for _ in sentences]
        was_training = self.model.training
        self.model.eval()
        own_bar = not isinstance(progress, tqdm)
        bar = tqdm(total=len(sentences), unit="sent", disable=not progress, file=sys.stderr, leave=False) \
            if own_bar else progress
        bar.update(len(sentences) - len(todo))  # empty lines are done at once
        widths = [(n + 1) * options.beam_size for n in side.lengths]
        for batch_ids in token_batches(widths, None, options.batch_tokens, shuffle=False):
            batch = collate(side, None, batch_ids).to(self.device)
            found = beam_search(self.model, batch.src, batch.src_lengths, Vocabulary.bos_id, Vocabulary.eos_id,
                                options)
            for j, hyps in zip(batch_ids, found):
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


# ---------------------------------------------------------------- an output file that can be resumed

PARTIAL_FORMAT = 1  # of the F.partial.json record
_FLAGS = {"input": "--input", "models": "--model", "checkpoint": "--checkpoint", "chunk_lines": "--chunk-lines",
          "int8": "--int8"}


def _file_id(path: str | Path) -> dict:
    """Where a file is and what tells that it changed: its size, and for a checkpoint its time (training
    rewrites best.pt with the same size)."""
    stat = os.stat(path)
    return {"path": str(Path(path).resolve()), "bytes": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def resume_settings(input: Optional[str | Path], models: Sequence[str | Path], checkpoint: str,
                    options: DecodingOptions, chunk_lines: int, int8: bool) -> dict:
    """What must be the same for a resumed translation to continue the output byte for byte: the input
    (path and size; None: standard input), the model directories, the checkpoint (name and files),
    every decoding option (n-best and batch size included), the chunk size and int8."""
    model_dirs = [ModelDir(m).require("--model") for m in models]
    checkpoint_files = [_file_id(d.find_checkpoint(checkpoint)) for d in model_dirs]
    given = {"path": str(Path(input).resolve()), "bytes": os.stat(input).st_size} if input else "standard input"
    return {"format": PARTIAL_FORMAT, "input": given, "models": [str(d.path.resolve()) for d in model_dirs],
            "checkpoint": checkpoint if ModelDir.is_checkpoint_name(checkpoint) else str(Path(checkpoint).resolve()),
            "checkpoint_files": [{k: f[k] for k in ("path", "bytes", "mtime_ns")} for f in checkpoint_files],
            "options": dataclasses.asdict(options), "chunk_lines": chunk_lines, "int8": int8}


def _describe(key: str, value: Any) -> str:
    if key == "input":
        return value if isinstance(value, str) else f"--input {value['path']} ({value['bytes']} bytes)"
    if key == "int8":
        return "--int8" if value else "no --int8"
    if key == "models":
        return " ".join(f"--model {m}" for m in value)
    return f"{_FLAGS.get(key, key)} {value}"


def settings_difference(before: dict, now: dict) -> Optional[str]:
    """The first setting in which two resume_settings differ, in words, or None when they are the same."""
    if before.get("format") != now.get("format"):
        return f"another version's record (format {before.get('format')}, not {now.get('format')})"
    for key, value in now.items():
        old = before.get(key)
        if key == "options":
            for name, setting in value.items():
                if (old or {}).get(name) != setting:
                    flag = "--" + name.replace("_", "-")
                    return f"{flag} {(old or {}).get(name)}, now {flag} {setting}"
        elif key == "checkpoint_files":
            for was, is_ in zip(old or [], value):
                if was != is_:
                    return f"the checkpoint file {is_['path']} as it was then; it has been rewritten since"
            if len(old or []) != len(value):
                return f"{len(old or [])} checkpoint files, now {len(value)}"
        elif old != value:
            return f"{_describe(key, old)}, now {_describe(key, value)}"
    return None


def _sync_folder(folder: Path) -> None:
    """fsync a folder, so a rename in it is on disk too (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def whole_chunks(path: str | Path, lines_per_chunk: int, block: int = 1 << 20) -> tuple[int, int]:
    """(lines, bytes) of the longest start of a file that is whole chunks of lines_per_chunk complete lines
    (each ending in \n): what a resumed translation keeps; read a block at a time."""
    lines = kept_lines = kept_bytes = position = 0
    with open(path, "rb") as f:
        while data := f.read(block):
            count = data.count(b"\n")
            last = (lines + count) // lines_per_chunk * lines_per_chunk  # the last chunk end so far
            if last > lines:  # it is in this block: the (count - (lines + count - last))-th newline here
                end = len(data)
                for _ in range(lines + count - last + 1):
                    end = data.rfind(b"\n", 0, end)
                kept_lines, kept_bytes = last, position + end + 1
            lines += count
            position += len(data)
    return kept_lines, kept_bytes


@dataclasses.dataclass(frozen=True)
class ResumePoint:
    inputs: int  # input lines whose translations F.partial holds in whole chunks
    offset: int  # bytes of F.partial that hold them; the rest is cut off


class PartialOutput:
    """`--output F` written as F.partial and renamed to F once complete (flushed and fsync'ed first), with
    F.partial.json recording the settings a resume must share; a resume continues F.partial after its
    last whole chunk, so the finished F equals an uninterrupted run's byte for byte."""

    def __init__(self, output: str | Path, settings: dict):
        self.output = Path(output)
        self.partial = self.output.with_name(self.output.name + ".partial")
        self.record = self.output.with_name(self.output.name + ".partial.json")
        self.settings = json.loads(json.dumps(settings))  # as it reads back from the record

    def resume_point(self) -> Optional[ResumePoint]:
        """Where a resume continues F.partial, or None when there is no F.partial; a one-line error when it
        was begun with other settings or has no readable record of them."""
        if not self.partial.exists():
            return None
        try:
            before = json.loads(self.record.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise Seq2SeqError(f"cannot resume {self.partial}: {self.record}, the record of its settings, is "
                               "missing; run without --resume to start again") from None
        except (OSError, ValueError) as error:
            raise Seq2SeqError(f"cannot resume {self.partial}: cannot read {self.record} ({error}); run without "
                               "--resume to start again") from None
        differ = settings_difference(before, self.settings) if isinstance(before, dict) else "an unreadable record"
        if differ:
            raise Seq2SeqError(f"cannot resume {self.partial}: it was begun with {differ}; resume with the same "
                               "settings, or run without --resume to start again")
        n_best, chunk_lines = self.settings["options"]["n_best"], self.settings["chunk_lines"]
        try:
            lines, offset = whole_chunks(self.partial, n_best * chunk_lines)
        except OSError as error:
            raise Seq2SeqError(f"cannot read {self.partial}: {error.strerror}") from None
        return ResumePoint(lines // n_best, offset)

    def _open(self, at: Optional[ResumePoint]) -> TextIO:
        """F.partial to write: new (its record first), or cut to the resume point and appended to."""
        try:
            if at is None:
                staged = self.record.with_name(self.record.name + ".tmp")
                staged.write_text(json.dumps(self.settings, indent=1) + "\n", encoding="utf-8")
                os.replace(staged, self.record)
                return open(self.partial, "w", encoding="utf-8", newline="\n")
            with open(self.partial, "r+b") as raw:
                raw.truncate(at.offset)
            return open(self.partial, "a", encoding="utf-8", newline="\n")
        except OSError as error:
            raise Seq2SeqError(f"cannot write {error.filename or self.partial}: {error.strerror}") from None

    def write(self, translator: Translator, lines: Iterable[str], options: DecodingOptions,
              at: Optional[ResumePoint] = None, progress: bool = True) -> dict:
        """Translate `lines` into F (see translate_stream) with the options and chunk size of the settings,
        from the start or from a resume point."""
        if json.loads(json.dumps(dataclasses.asdict(options))) != self.settings["options"]:
            raise ValueError("options differ from the settings this output was made with")
        out = self._open(at)
        try:
            summary = translate_stream(translator, lines, out, options=options, progress=progress,
                                       chunk_lines=self.settings["chunk_lines"], skip=at.inputs if at else 0,
                                       sync=True)
        except BaseException as error:  # F.partial stays, flushed, with every chunk finished so far
            try:
                out.close()
            except OSError:
                pass
            if at is None and isinstance(error, Seq2SeqError) and self.partial.stat().st_size == 0:
                self.partial.unlink(missing_ok=True)  # bad input before any output: nothing to resume
                self.record.unlink(missing_ok=True)
            if isinstance(error, KeyboardInterrupt):
                print(f"seq2seq translate: stopped; the output so far is in {self.partial}: run the same command "
                      "with --resume to continue it", file=sys.stderr)
            if isinstance(error, OSError):  # e.g. the disk is full
                raise Seq2SeqError(f"cannot write {self.partial}: {error.strerror or error}; what was written "
                                   "stays there: rerun with --resume to continue it") from None
            raise
        try:
            out.flush()
            os.fsync(out.fileno())
            out.close()
            os.replace(self.partial, self.output)
            _sync_folder(self.output.parent)
        except OSError as error:
            raise Seq2SeqError(f"cannot write {self.output}: {error.strerror or error}") from None
        self.record.unlink(missing_ok=True)
        return summary

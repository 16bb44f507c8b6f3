"""The layout of a model directory, in one place: what `train` writes there and every other job reads.

    recipe.yaml            the resolved recipe the model was trained with
    src_vocab.txt          vocabularies, one token a line
    trg_vocab.txt
    spm.joint.model        sentencepiece model(s): spm.joint.model, or spm.src.model and spm.trg.model
    train.log              the training log
    validations.jsonl      one JSON record per validation
    corpus/                the training corpus tokenized and indexed (data/prepared.py), with its manifest
    checkpoints/           best.pt, last.pt (with optimizer and training state), step_N.pt, averaged.pt, ...
"""
from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import pickle
import shutil
import socket
import time
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import torch

from . import __version__
from .config import DataConfig, Recipe, load_recipe, save_recipe
from .data import Vocabulary
from .data.text_files import TextFiles
from .data.tokenizers import Tokenizer, load_tokenizers
from .errors import Seq2SeqError
from .model import Seq2Seq

_LOAD_ERRORS = (OSError, zipfile.BadZipFile, pickle.UnpicklingError, RuntimeError, KeyError, TypeError, EOFError,
                ValueError)


def check_makeable(path: str | Path, what: str) -> Path:
    """An output folder that exists, or could be made (its nearest existing parent is a writable folder);
    else one error naming the setting (`what`) to change. For jobs that make it only after their work."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise Seq2SeqError(f"{what} {path} is a file, not a directory: choose another {what}")
    existing = next(p for p in (path.absolute(), *path.absolute().parents) if p.exists())
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        why = "permission denied" if existing.is_dir() else "not a directory"
        raise Seq2SeqError(f"cannot create {what} {path}: {why} ({existing})")
    return path


def make_dir(path: str | Path, what: str) -> Path:
    """Create an output folder, following a symbolic link to one not yet made (runs kept on another
    disk); a file in its place is an error naming the setting (`what`) to change."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise Seq2SeqError(f"{what} {path} is a file, not a directory: choose another {what}")
    try:
        path.resolve().mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise Seq2SeqError(f"cannot create {what} {path}: {error.strerror or error}") from None
    return path


@contextlib.contextmanager
def removed_on_error(folder: Path) -> Iterator[None]:
    """What a job adds to `folder` (the folder itself, when the job makes it) is removed again if the job
    fails on bad input (a line that is not UTF-8, sides of unequal length), so a failed preparation leaves
    no half-made model directory behind. Files it rewrote (prepare --overwrite) stay rewritten."""
    target = folder.resolve()  # a link to a folder not yet made: the folder, not the link
    before = set(target.iterdir()) if target.is_dir() else None
    try:
        yield
    except Seq2SeqError:
        if before is None:
            shutil.rmtree(target, ignore_errors=True)
        elif target.is_dir():
            for path in set(target.iterdir()) - before:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)
        raise


FORMAT = 1  # of the model directories and checkpoints this code writes; 0: written before formats were numbered


def fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable (not every file system can sync a directory)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_durably(target: Path, data: bytes) -> Path:
    """Write `data` to a temporary file beside target, flush and fsync it, rename it to target and fsync
    the directory: a crash or kill at any moment leaves either the old file or the new one, whole. A
    failed write (disk full, no permission) leaves no temporary file and the old target as it was."""
    partial = target.with_name(target.name + ".tmp")
    try:
        with open(partial, "wb") as f:
            half = len(data) // 2
            f.write(data[:half])
            if _PAUSE_MID_WRITE:  # tests only: a window in which a kill lands inside a checkpoint write
                f.flush()
                time.sleep(_PAUSE_MID_WRITE)
            f.write(data[half:])
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, target)
    except BaseException as error:
        partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise Seq2SeqError(f"cannot write {target}: {error.strerror or error}; the {target.name} there before "
                               "(if any) is intact; free space or make the folder writable and run again "
                               "(a training run: with --resume)") from None
        raise
    fsync_dir(target.parent)
    return target


_PAUSE_MID_WRITE = float(os.environ.get("SEQ2SEQ_TEST_PAUSE_MID_WRITE", "0") or 0)


def serialize(payload: Any) -> bytes:
    """A checkpoint payload as torch.save writes it, stamped with the format and the package version."""
    buffer = io.BytesIO()
    torch.save({**payload, "format": FORMAT, "seq2seq_version": __version__}, buffer)
    return buffer.getvalue()


def atomic_save(payload: Any, target: Path) -> Path:
    """torch.save, durably and atomically (write_durably)."""
    return write_durably(target, serialize(payload))


def check_format(path: Path, found: Any, version: Any) -> None:
    """Refuse a model directory or checkpoint written in a newer format than this code reads."""
    if isinstance(found, int) and found > FORMAT:
        raise Seq2SeqError(f"{path} was written by seq2seq {version} in format {found}; this is seq2seq "
                           f"{__version__}, which reads formats up to {FORMAT}: upgrade seq2seq to use it")


def _check_integrity(path: Path) -> None:
    """Every record of a checkpoint (a zip archive) against its CRC-32: torch.load alone reads a file with
    a damaged byte in its tensors without a word."""
    if not zipfile.is_zipfile(path):
        return  # not a zip at all: torch.load says what it is
    with zipfile.ZipFile(path) as archive:
        damaged = archive.testzip()
    if damaged is not None:
        raise ValueError(f"record {damaged} fails its CRC-32 check")


class ModelDir:
    """A model directory: its files' names, the one 'is this a model directory' check, checkpoint
    names and files, and the one atomic save."""

    RECIPE, LOG, VALIDATIONS, CHECKPOINTS, CORPUS = ("recipe.yaml", "train.log", "validations.jsonl", "checkpoints",
                                                     "corpus")
    FORMAT = "format.json"  # the format and package version that wrote the directory
    LOCK = "train.lock"  # held by the run training here (training_lock)
    STEP = "step_"  # step checkpoints are step_N.pt

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"ModelDir({str(self.path)!r})"

    @property
    def recipe_file(self) -> Path:
        return self.path / self.RECIPE

    @property
    def log_file(self) -> Path:
        return self.path / self.LOG

    @property
    def validations_file(self) -> Path:
        return self.path / self.VALIDATIONS

    @property
    def checkpoints(self) -> Path:
        return self.path / self.CHECKPOINTS

    @property
    def corpus(self) -> Path:
        return self.path / self.CORPUS

    def text_files(self, data: DataConfig) -> TextFiles:
        """Where this directory keeps its vocabularies and sentencepiece models (one file when joint)."""
        if data.sentencepiece.joint:
            src_pieces = trg_pieces = self.path / "spm.joint.model"
        else:
            src_pieces, trg_pieces = self.path / "spm.src.model", self.path / "spm.trg.model"
        return TextFiles(self.path / "src_vocab.txt", self.path / "trg_vocab.txt", src_pieces, trg_pieces)

    # ------------------------------------------------------------------ reading a trained model

    def exists(self) -> bool:
        """Is this a model directory (training wrote its recipe here)?"""
        return self.recipe_file.is_file()

    def require(self, role: str = "") -> "ModelDir":
        """This directory, or the one error every job gives for a folder that is not a model directory
        (or one written in a newer format than this code reads)."""
        if not self.exists():
            prefix = f"{role}: " if role else ""
            raise Seq2SeqError(f"{prefix}{self.path} is not a model directory (no {self.RECIPE}); "
                               "give the model_dir of a trained model, or train one first")
        stamp = self.path / self.FORMAT
        if stamp.is_file():  # directories from before formats were numbered have none
            try:
                written = json.loads(stamp.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise Seq2SeqError(f"cannot read {stamp}: {error}") from None
            check_format(self.path, written.get("format"), written.get("seq2seq_version"))
        return self

    def recipe(self) -> Recipe:
        return load_recipe(self.require().recipe_file)

    def save_recipe(self, recipe: Recipe) -> None:
        """The recipe, and the format stamp that tells older code this directory is newer than it."""
        stamp = {"format": FORMAT, "seq2seq_version": __version__}
        write_durably(self.path / self.FORMAT, (json.dumps(stamp) + "\n").encode())
        save_recipe(recipe, self.recipe_file)

    def vocabularies(self, data: DataConfig) -> tuple[Vocabulary, Vocabulary]:
        files = self.text_files(data)
        return Vocabulary.load(files.src_vocab), Vocabulary.load(files.trg_vocab)

    def tokenizers(self, data: DataConfig) -> tuple[Tokenizer, Tokenizer]:
        return load_tokenizers(data, self.text_files(data))

    # ------------------------------------------------------------------ checkpoints

    @staticmethod
    def is_checkpoint_name(checkpoint: str) -> bool:
        """A name in a model's checkpoints/ (best, last, averaged, step_300), not a file path."""
        return Path(checkpoint).name == checkpoint and not checkpoint.endswith(".pt")

    @classmethod
    def step_of(cls, path: Path) -> Optional[int]:
        """N for a step_N.pt file, else None: the one parser of step checkpoint names."""
        number = path.stem[len(cls.STEP):]
        return int(number) if path.stem.startswith(cls.STEP) and number.isdigit() else None

    def checkpoint(self, name: str) -> Path:
        """The file of checkpoint `name` (best, last, step_N, averaged, ...), whether or not it exists yet."""
        return self.checkpoints / f"{name}.pt"

    def has_checkpoint(self, name: str) -> bool:
        return self.checkpoint(name).is_file()

    def find_checkpoint(self, checkpoint: str) -> Path:
        """best | last | another name in checkpoints/ (averaged, step_N) | a file path; a missing one is a
        clear error listing what the directory has."""
        path = self.checkpoint(checkpoint) if self.is_checkpoint_name(checkpoint) else Path(checkpoint)
        if not path.is_file():
            have = sorted(p.stem for p in self.checkpoints.glob("*.pt"))
            raise Seq2SeqError(f"checkpoint not found: {path} (is {self.path} a trained model directory? "
                               f"its checkpoints: {', '.join(have) or 'none'})")
        return path

    def step_checkpoints(self) -> list[Path]:
        """The step_N.pt files, oldest first (training keeps `training.keep_last` of them)."""
        steps = [(self.step_of(p), p) for p in self.checkpoints.glob(f"{self.STEP}*.pt")]
        return [p for n, p in sorted((n, p) for n, p in steps if n is not None)]

    def save_checkpoint(self, name: str, payload: dict | bytes) -> Path:
        """A checkpoint, durably and atomically; payload: a dict, or one already serialized (to write once
        and save under several names)."""
        self.checkpoints.mkdir(parents=True, exist_ok=True)
        return write_durably(self.checkpoint(name), payload if isinstance(payload, bytes) else serialize(payload))

    def resumable(self) -> list[Path]:
        """The checkpoints a resume may start from, newest first: last.pt, then the step checkpoints."""
        return [p for p in [self.checkpoint("last"), *reversed(self.step_checkpoints())] if p.is_file()]

    def prune_steps(self, keep: int) -> None:
        """Delete all but the `keep` newest step checkpoints."""
        for old in self.step_checkpoints()[:-keep]:
            old.unlink()

    def load_checkpoint(self, checkpoint: str, full: bool = False) -> dict:
        """A checkpoint's payload, on the CPU; full: with optimizer and RNG state (only files we wrote)."""
        path = self.find_checkpoint(checkpoint)
        try:
            _check_integrity(path)
            payload = torch.load(path, map_location="cpu", weights_only=not full)
        except _LOAD_ERRORS as error:
            reason = str(error).splitlines()[0].split(". ")[0][:200] if str(error) else type(error).__name__
            raise Seq2SeqError(f"cannot read {path}: not a seq2seq checkpoint, or a damaged one ({reason})") from None
        if not isinstance(payload, dict) or "model" not in payload:
            raise Seq2SeqError(f"cannot read {path}: not a seq2seq checkpoint (no model weights in it)")
        check_format(path, payload.get("format"), payload.get("seq2seq_version"))
        return payload

    def load_model(self, recipe: Recipe, checkpoint: str, src_size: int, trg_size: int) -> Seq2Seq:
        """The model `recipe` describes, with the weights of one of this directory's checkpoints, on the CPU."""
        model = Seq2Seq(recipe.model, src_size, trg_size, Vocabulary.pad_id)
        path = self.find_checkpoint(checkpoint)
        weights = self.load_checkpoint(checkpoint)["model"]
        files = self.text_files(recipe.data)
        for key, size, vocab, side in (("encoder.embedding.weight", src_size, files.src_vocab, "source"),
                                       ("decoder.embedding.weight", trg_size, files.trg_vocab, "target")):
            rows = weights[key].shape[0] if key in weights else size
            if rows != size:
                raise Seq2SeqError(f"{vocab} has {size} tokens but {path} was trained with {rows} {side} embeddings: "
                                   "the vocabulary is not the one this model was trained with; restore the model "
                                   "directory's own")
        try:
            model.load_state_dict(weights)
        except _LOAD_ERRORS as error:
            raise Seq2SeqError(f"{path} does not fit the model section it is loaded into "
                               f"({str(error).splitlines()[0][:200]}); sizes, cells and options must be those in "
                               f"{self.recipe_file} (dropout may differ)") from None
        return model

    # ------------------------------------------------------------------ a run's record

    def append_validation(self, record: dict) -> None:
        try:
            with self.validations_file.open("a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
        except OSError as error:
            raise Seq2SeqError(f"cannot write {self.validations_file}: {error.strerror or error}; free space or "
                               "make the folder writable, then train with --resume") from None

    def forget_validations_after(self, step: int) -> None:
        """Drop the records of validations after `step` (and a torn last line): a run resumed from an earlier
        checkpoint than its last validation will make them again."""
        if not self.validations_file.is_file():
            return
        lines = self.validations_file.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = []
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # cut short by a kill
            if line.endswith("\n") and record.get("step", 0) <= step:
                kept.append(line)
        if kept != lines:
            write_durably(self.validations_file, "".join(kept).encode("utf-8"))

    @contextlib.contextmanager
    def training_lock(self) -> Iterator[None]:
        """Held while a run trains here: a second `train` on the same directory (a requeued job while the
        first is still running) is refused instead of writing over its checkpoints."""
        path = self.path / self.LOCK
        with open(path, "a+", encoding="utf-8") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                f.seek(0)
                holder = f.read().strip() or "another process"
                raise Seq2SeqError(f"{self.path} is being trained by {holder} (it holds {path}); wait for that run "
                                   "to end or stop it, then run again") from None
            f.seek(0)
            f.truncate()
            f.write(f"process {os.getpid()} on {socket.gethostname()}\n")
            f.flush()
            try:
                yield
            finally:
                f.seek(0)
                f.truncate()

    def clear_run(self) -> None:
        """Forget an earlier run (train --overwrite): its checkpoints, validation record and prepared corpus."""
        shutil.rmtree(self.checkpoints, ignore_errors=True)
        shutil.rmtree(self.corpus, ignore_errors=True)
        self.validations_file.unlink(missing_ok=True)

"""`translate --output F`: written as F.partial and renamed once complete, with F.partial.json recording
the settings a `--resume` must share; a resume continues after the last whole chunk."""
from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, TextIO

from .config import DecodingOptions
from .errors import Seq2SeqError
from .model_dir import ModelDir, fsync_dir, write_durably
from .translate import Translator, translate_stream

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
    given = _file_id(input) if input else "standard input"
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
            if at is None:  # an old partial goes first: it never sits beside a record of other settings
                self.partial.unlink(missing_ok=True)
                write_durably(self.record, (json.dumps(self.settings, indent=1) + "\n").encode("utf-8"))
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
            fsync_dir(self.output.parent)
        except OSError as error:
            raise Seq2SeqError(f"cannot write {self.output}: {error.strerror or error}") from None
        self.record.unlink(missing_ok=True)
        return summary

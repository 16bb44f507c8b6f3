"""Reads parallel text: plain files (optionally gzip) or any corpus the `datasets` library can load."""
from __future__ import annotations

import gzip
import logging
import zlib
from pathlib import Path
from typing import Iterable, Iterator

from ..config import CorpusFormat, DataConfig
from ..errors import Seq2SeqError

log = logging.getLogger(__name__)


def find_side(prefix: str, lang: str, key: str = "data.train / data.valid") -> Path:
    """PREFIX.LANG, or PREFIX.LANG.gz when only the compressed file exists; `key` is the recipe key that
    names the prefix, for the error."""
    candidates = (Path(f"{prefix}.{lang}"), Path(f"{prefix}.{lang}.gz"))
    for path in candidates:
        if path.is_file():
            return path
    for path in candidates:
        if path.is_dir():
            raise Seq2SeqError(f"corpus file {path} is a directory, not a file; check {key} and the language codes")
    raise Seq2SeqError(f"corpus file not found: {prefix}.{lang} (nor {prefix}.{lang}.gz); "
                       f"check {key} and the language codes")


def check_corpora(cfg: DataConfig) -> None:
    """Every local file of the training and validation corpora a recipe names is there and readable, or an
    error naming the file and its recipe key: for a job to call before it creates anything."""
    if cfg.format is CorpusFormat.TEXT:
        files = [(f"data.{which}", find_side(getattr(cfg, which), lang, f"data.{which}"))
                 for which in ("train", "valid") for lang in (cfg.src_lang, cfg.trg_lang)]
    else:  # a hub dataset has no local files; datasets itself reports a missing split
        files = [(f"data.data_files.{split}", Path(f)) for split, f in (cfg.data_files or {}).items()]
    for key, path in files:
        try:
            open(path, "rb").close()
        except OSError as error:
            raise Seq2SeqError(f"cannot read {path} ({key}): {error.strerror or error}") from None


def decode_lines(raw_lines: Iterable[bytes], name: str | Path, errors: str = "strict") -> Iterator[str]:
    """UTF-8 lines without their ending (split on \\n only, a leading byte-order mark dropped).

    errors="strict" (training data): a line that is not UTF-8 is an error naming the source and the line.
    errors="replace" (text to translate): its undecodable bytes become U+FFFD, so the line still gives
    its one output line; the first such line is named in one warning.
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    warned = False
    for number, raw in enumerate(raw_lines, 1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            if errors == "strict":
                raise Seq2SeqError(f"{name} line {number}: not UTF-8 text ({error.reason})") from None
            if not warned:
                log.warning("%s line %d: not UTF-8 text (%s); its undecodable bytes are read as U+FFFD and the "
                            "line is translated (so are any later such lines, without another warning)",
                            name, number, error.reason)
                warned = True
            text = raw.decode("utf-8", "replace")
        yield text.rstrip("\n").rstrip("\r")


def iter_lines(path: str | Path, errors: str = "strict") -> Iterator[str]:
    """Lines of a plain or gzip text file (see decode_lines; errors as there)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as f:
            yield from decode_lines(f, path, errors)
    except (OSError, EOFError, zlib.error) as error:  # zlib.error: a gzip file damaged after its header
        raise Seq2SeqError(f"cannot read {path}: {error}") from None


def read_lines(path: str | Path) -> list[str]:
    return list(iter_lines(path))


def read_text_pairs(prefix: str, src_lang: str, trg_lang: str) -> tuple[list[str], list[str]]:
    """Both sides of a plain-text corpus; different line counts are an error, never a silent cut."""
    src_path, trg_path = find_side(prefix, src_lang), find_side(prefix, trg_lang)
    src, trg = read_lines(src_path), read_lines(trg_path)
    if len(src) != len(trg):
        raise Seq2SeqError(f"{src_path} has {len(src)} lines but {trg_path} has {len(trg)}; "
                           "a parallel corpus needs one line per sentence on both sides")
    return src, trg


def column_value(row: dict, column: str, where: str,
                 hint: str = "set data.src_column and data.trg_column") -> str:
    """Value of a possibly dotted column name, e.g. translation.en; a missing or null one is an error."""
    value = row
    for part in column.split("."):
        if not isinstance(value, dict) or part not in value:
            keys = ", ".join(row) if isinstance(row, dict) else type(row).__name__
            raise Seq2SeqError(f"{where}: no column '{column}' (row keys: {keys}); {hint}")
        value = value[part]
    if value is None:  # "" would silently drop or shift a pair
        raise Seq2SeqError(f"{where}: column '{column}' is empty (null); clean the corpus or drop the row")
    return str(value)


def read_dataset_pairs(cfg: DataConfig, split: str) -> tuple[list[str], list[str]]:
    """One split of a `datasets` corpus: a hub name, or a builder (json, csv, …) with local data_files."""
    import datasets  # heavy import, only when asked for
    from datasets.exceptions import DatasetsError

    src_col = cfg.src_column or f"translation.{cfg.src_lang}"
    trg_col = cfg.trg_column or f"translation.{cfg.trg_lang}"
    where = f"dataset {cfg.dataset} split {split}"
    try:
        table = datasets.load_dataset(cfg.dataset, cfg.dataset_config, data_files=cfg.data_files,
                                      split=split)
    except (FileNotFoundError, ValueError, ConnectionError, DatasetsError) as error:  # e.g. a bad JSON line
        raise Seq2SeqError(f"cannot load {where}: {error}") from None
    src, trg = [], []
    for i, row in enumerate(table):
        here = f"{where} row {i}"
        src.append(column_value(row, src_col, here))
        trg.append(column_value(row, trg_col, here))
    log.info("read %d pairs from %s", len(src), where)
    return src, trg


def read_pairs(cfg: DataConfig, which: str) -> tuple[list[str], list[str]]:
    """The `train` or `valid` corpus a recipe names."""
    location = getattr(cfg, which)
    if cfg.format is CorpusFormat.DATASETS:
        return read_dataset_pairs(cfg, location)
    return read_text_pairs(location, cfg.src_lang, cfg.trg_lang)

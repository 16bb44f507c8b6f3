#!/usr/bin/env python3
"""Export any parallel corpus that `datasets` can load to plain text, the layout prepare_multi30k.py writes.

Writes OUT/NAME.SRC and OUT/NAME.TRG, one sentence a line, for every --split DATASET_SPLIT=NAME, so
a recipe can say `train: OUT/train`. Examples (the hub needs internet access; local files do not):

    python data_scripts/prepare_hf.py --dataset iwslt2017 --config iwslt2017-en-de --src-lang en \\
        --trg-lang de --split train=train --split validation=val --split test=test --out data/iwslt17
    python data_scripts/prepare_hf.py --dataset wmt14 --config de-en --src-lang en --trg-lang de \\
        --split train=train --split validation=val --split test=test --out data/wmt14
    python data_scripts/prepare_hf.py --dataset json --data-file train=pairs.jsonl --src-column en \\
        --trg-column de --src-lang en --trg-lang de --split train=train --out data/mine

Rows stream from `datasets` to disk (streaming=True), so a corpus larger than memory is never held
whole; a progress bar counts rows. Columns may be dotted (default translation.SRC / translation.TRG,
the WMT and IWSLT layout). A line break inside a sentence would shift every later line, so it becomes a
space, and the count of such rows is reported. A missing value or column is an error naming the row.
Exit codes: 0 done (or already done), 1 the corpus cannot be loaded or read.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Iterable, Optional

from tqdm import tqdm

from seq2seq.data.corpus import column_value
from seq2seq.errors import Seq2SeqError

# \n and \r, plus what str.splitlines() also breaks on: a sentence must stay on one line everywhere
COLUMN_HINT = "pass --src-column / --trg-column"  # what a missing column's error tells the user
LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


class PrepareError(Seq2SeqError):
    """The corpus cannot be loaded or a row cannot be exported; exit code 1."""


def log(message: str) -> None:
    print(f"prepare_hf: {message}", file=sys.stderr)


def one_line(text: str) -> tuple[str, bool]:
    """The text with any line break turned into a space; True when it had one."""
    flat = LINE_BREAKS.sub(" ", text)
    return flat, flat != text


def load_rows(dataset: str, config: Optional[str], split: str,
              data_files: Optional[dict[str, str | list[str]]]):
    """A streaming iterable of rows, and the row count when the dataset knows it."""
    import datasets  # heavy import, only when run
    from datasets.exceptions import DatasetsError

    try:
        rows = datasets.load_dataset(dataset, config, data_files=data_files, split=split, streaming=True)
    except (ValueError, OSError, StopIteration, RuntimeError, DatasetsError) as error:  # e.g. an unreadable file
        raise PrepareError(f"cannot load dataset {dataset} split {split}: "
                           f"{error or type(error).__name__}") from None
    total = None
    info = getattr(rows, "info", None)
    if info is not None and info.splits and split in info.splits:
        total = info.splits[split].num_examples or None
    return rows, total


def export_split(rows: Iterable[dict], total: Optional[int], where: str, src_col: str, trg_col: str,
                 src_path: Path, trg_path: Path) -> tuple[int, int]:
    """Stream rows into the two files (written to .tmp, renamed when complete); -> (rows, flattened rows)."""
    src_tmp, trg_tmp = src_path.with_name(src_path.name + ".tmp"), trg_path.with_name(trg_path.name + ".tmp")
    count = flattened = 0
    try:
        with open(src_tmp, "w", encoding="utf-8", newline="\n") as src_out, \
                open(trg_tmp, "w", encoding="utf-8", newline="\n") as trg_out:
            for row in tqdm(rows, total=total, unit="rows", desc=where, file=sys.stderr):
                here = f"{where} row {count}"
                src, src_flat = one_line(column_value(row, src_col, here, COLUMN_HINT))
                trg, trg_flat = one_line(column_value(row, trg_col, here, COLUMN_HINT))
                src_out.write(src + "\n")
                trg_out.write(trg + "\n")
                count += 1
                flattened += src_flat or trg_flat
        if count == 0:
            raise PrepareError(f"{where}: no rows")
    except BaseException as error:  # nothing half-written stays behind
        src_tmp.unlink(missing_ok=True)
        trg_tmp.unlink(missing_ok=True)
        from datasets.exceptions import DatasetsError

        if isinstance(error, (ValueError, OSError, StopIteration, RuntimeError, DatasetsError)):  # while streaming
            raise PrepareError(f"{where}: cannot read the rows after row {count} "
                               f"({error or type(error).__name__})") from None
        raise
    os.replace(src_tmp, src_path)
    os.replace(trg_tmp, trg_path)
    return count, flattened


def prepare(out_dir: str | os.PathLike, dataset: str, src_lang: str, trg_lang: str, splits: dict[str, str],
            config: Optional[str] = None, data_files: Optional[dict[str, str | list[str]]] = None,
            src_column: Optional[str] = None, trg_column: Optional[str] = None,
            force: bool = False) -> list[Path]:
    """Export every split (dataset split -> output name); return the files written (none if already done)."""
    out = Path(out_dir)
    if src_lang == trg_lang:
        raise PrepareError(f"--src-lang and --trg-lang are both {src_lang!r}, so both sides would go to one file; "
                           "give two codes (they are the file suffixes) and pick the columns with --src-column "
                           "and --trg-column")
    names = list(splits.values())
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise PrepareError(f"--split: two splits would both be written as {twice[0]}.{src_lang}; "
                           "give each split its own output name")
    src_col, trg_col = src_column or f"translation.{src_lang}", trg_column or f"translation.{trg_lang}"
    written = []
    for split, name in splits.items():
        src_path, trg_path = out / f"{name}.{src_lang}", out / f"{name}.{trg_lang}"
        if not force and src_path.is_file() and trg_path.is_file():
            log(f"{src_path} and {trg_path} exist; skipped (use --force to redo)")
            continue
        out.mkdir(parents=True, exist_ok=True)
        rows, total = load_rows(dataset, config, split, data_files)
        where = f"{dataset} {split}"
        count, flattened = export_split(rows, total, where, src_col, trg_col, src_path, trg_path)
        log(f"wrote {src_path} and {trg_path} ({count} lines"
            + (f"; {flattened} rows had line breaks inside a sentence, now spaces" if flattened else "") + ")")
        written += [src_path, trg_path]
    return written


def key_values(items: list[str], flag: str) -> list[tuple[str, str]]:
    """KEY=VALUE arguments, with a clear error for a malformed one."""
    out = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise PrepareError(f"{flag} {item!r}: expected KEY=VALUE, e.g. {flag} train=train")
        out.append((key, value))
    return out


def pairs(items: list[str], flag: str) -> dict[str, str]:
    """KEY=VALUE arguments -> dict; a key given twice is an error, never a silently replaced value."""
    out: dict[str, str] = {}
    for key, value in key_values(items, flag):
        if key in out:
            raise PrepareError(f"{flag} {key}= is given twice ({out[key]!r} and {value!r}); give each key once")
        out[key] = value
    return out


def file_lists(items: list[str], flag: str) -> dict[str, list[str]]:
    """SPLIT=PATH arguments -> every file of each split, in the order given (a split may have several)."""
    out: dict[str, list[str]] = {}
    for key, value in key_values(items, flag):
        out.setdefault(key, []).append(value)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", required=True, help="hub name (wmt14, iwslt2017) or a builder (json, csv, parquet)")
    parser.add_argument("--config", help="dataset configuration, e.g. de-en or iwslt2017-en-de")
    parser.add_argument("--data-file", action="append", default=[], metavar="SPLIT=PATH",
                        help="local file for a split (with --dataset json/csv/parquet); repeatable, also for one "
                             "split: its files are read in the order given")
    parser.add_argument("--src-lang", required=True)
    parser.add_argument("--trg-lang", required=True)
    parser.add_argument("--src-column", help="column of the source text (default translation.SRC_LANG)")
    parser.add_argument("--trg-column", help="column of the target text (default translation.TRG_LANG)")
    parser.add_argument("--split", action="append", required=True, metavar="DATASET_SPLIT=NAME",
                        help="export this split as OUT/NAME.LANG, e.g. validation=val; repeatable")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--force", action="store_true", help="rewrite outputs that already exist")
    args = parser.parse_args(argv)
    try:
        prepare(args.out, args.dataset, args.src_lang, args.trg_lang, pairs(args.split, "--split"),
                args.config, file_lists(args.data_file, "--data-file") or None, args.src_column, args.trg_column,
                args.force)
    except Seq2SeqError as error:  # PrepareError, or a missing / null column
        log(f"error: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

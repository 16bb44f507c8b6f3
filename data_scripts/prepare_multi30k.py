#!/usr/bin/env python3
"""Put Multi30k task-1 raw text (en, de, fr, cs) into OUT as plain, count-checked files.

Usage:
    python data_scripts/prepare_multi30k.py --out data/multi30k [--source DIR] [--force]

Without --source the raw files are downloaded from the public multi30k/dataset
GitHub repository into OUT/.download/. Exit codes: 0 done (or already done),
1 missing input or download failure, 2 line-count mismatch.
"""
from __future__ import annotations

import argparse
import gzip
import http.client
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

LANGS: tuple[str, ...] = ("en", "de", "fr", "cs")
# Output split name -> file stem used upstream (and in local copies).
SPLITS: dict[str, str] = {"train": "train", "val": "val", "test2016": "test_2016_flickr"}
# Module-level so tests can monkeypatch it to run on a tiny fake corpus;
# a split mapped to None is only checked for equal counts across languages.
EXPECTED_LINES: dict[str, int | None] = {"train": 29_000, "val": 1_014, "test2016": 1_000}
BASE_URL = "https://github.com/multi30k/dataset/raw/master/data/task1/raw/"
DOWNLOAD_DIR = ".download"
TIMEOUT_S = 60


class PrepareError(Exception):
    """An input could not be found or fetched; exit code 1."""


class CountError(PrepareError):
    """A file has the wrong number of lines; exit code 2."""


def log(message: str) -> None:
    """Progress goes to stderr so stdout stays clean for callers."""
    print(f"prepare_multi30k: {message}", file=sys.stderr)


def count_lines(path: Path) -> int:
    """Count newline-terminated lines, the unit every split size is given in."""
    with open(path, "rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))


def output_path(out_dir: Path, split: str, lang: str) -> Path:
    """One place that names the output files."""
    return out_dir / f"{split}.{lang}"


def is_prepared(out_dir: Path) -> bool:
    """True when every output exists with the expected line count, so work can be skipped."""
    for split in SPLITS:
        counts = set()
        for lang in LANGS:
            path = output_path(out_dir, split, lang)
            if not path.is_file():
                return False
            counts.add(count_lines(path))
        expected = EXPECTED_LINES.get(split)
        if len(counts) != 1 or (expected is not None and counts != {expected}):
            return False
    return True


def find_local(source: Path, stem: str, lang: str) -> Path:
    """Pick `stem.lang` or `stem.lang.gz` in a local copy (plain text wins if both exist)."""
    for name in (f"{stem}.{lang}", f"{stem}.{lang}.gz"):
        if (source / name).is_file():
            return source / name
    raise PrepareError(f"missing {source / f'{stem}.{lang}'}[.gz] in --source copy")


def download(url: str, dest: Path) -> Path:
    """Fetch url to dest once (atomically, so an interrupted download is never reused)."""
    if dest.is_file():
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    log(f"downloading {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "seq2seq-prepare-multi30k"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            data = response.read()
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PrepareError(
            f"could not download {url} ({reason}); "
            "if you have a local copy of the raw files, pass --source DIR"
        ) from exc
    write_atomic(dest, data)
    return dest


def fetch_remote(cache: Path, stem: str, lang: str) -> Path:
    """Download one upstream raw file into the cache folder."""
    name = f"{stem}.{lang}.gz"
    return download(BASE_URL + name, cache / name)


def read_lines(path: Path) -> list[str]:
    """Read a (possibly gzipped) UTF-8 file as lines with `\\r` line endings removed.

    Splits on '\\n' only: str.splitlines() would also break on characters such
    as U+2028 or U+0085 and silently change the line count.
    """
    raw = path.read_bytes()
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise PrepareError(f"{path} is not a valid gzip file ({exc})") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PrepareError(f"{path} is not valid UTF-8 ({exc})") from exc
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def check_split(split: str, texts: dict[str, list[str]], files: dict[str, Path]) -> None:
    """Raise CountError naming the first file whose line count is off."""
    expected = EXPECTED_LINES.get(split)
    if expected is None:  # no fixed size: all languages must agree with the first
        expected = len(texts[LANGS[0]])
    for lang in LANGS:
        found = len(texts[lang])
        if found != expected:
            raise CountError(f"{files[lang]}: found {found} lines, expected {expected}")


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder and os.replace, so readers never see half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # plain open() keeps umask permissions
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def prepare(out_dir: str | os.PathLike, source: str | os.PathLike | None = None,
            force: bool = False) -> list[Path]:
    """Create OUT/{train,val,test2016}.{en,de,fr,cs}; return the paths written (empty if already done)."""
    out = Path(out_dir)
    if not force and is_prepared(out):
        log(f"{out} already prepared with the expected line counts; nothing to do (use --force to redo)")
        return []
    # Read and check everything before writing anything, so a bad input leaves OUT untouched.
    loaded: dict[str, dict[str, list[str]]] = {}
    for split, stem in SPLITS.items():
        if source is not None:
            files = {lang: find_local(Path(source), stem, lang) for lang in LANGS}
        else:
            files = {lang: fetch_remote(out / DOWNLOAD_DIR, stem, lang) for lang in LANGS}
        loaded[split] = {lang: read_lines(path) for lang, path in files.items()}
        check_split(split, loaded[split], files)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for split, texts in loaded.items():
        for lang in LANGS:
            path = output_path(out, split, lang)
            write_atomic(path, "".join(line + "\n" for line in texts[lang]).encode("utf-8"))
            log(f"wrote {path} ({len(texts[lang])} lines)")
            written.append(path)
    return written


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line interface."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="output folder, e.g. data/multi30k")
    parser.add_argument("--source", help="local folder with train/val/test_2016_flickr.LANG[.gz]; "
                                         "default: download from github.com/multi30k/dataset")
    parser.add_argument("--force", action="store_true", help="rewrite outputs even if they look complete")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Entry point; maps failures to one stderr line and an exit code."""
    args = parse_args(argv)
    try:
        prepare(args.out, source=args.source, force=args.force)
    except CountError as exc:
        log(f"error: {exc}")
        return 2
    except PrepareError as exc:
        log(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

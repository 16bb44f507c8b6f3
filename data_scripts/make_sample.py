#!/usr/bin/env python3
"""Build the small en-de sample shipped in data/sample from a Multi30k task-1 copy (the raw files, which
`prepare_multi30k.py --out data/multi30k` downloads into data/multi30k/.download/).

Usage:
    python data_scripts/make_sample.py --source data/multi30k/.download --out data/sample
        [--train 5000 --valid 300 --test 300 --seed 1]

Takes a seeded random subset of the training pairs (kept in corpus order, en and de
aligned) and the first N lines of val and test_2016_flickr. Writes gzip files with
mtime=0 so that rerunning the same command gives byte-identical output.
"""
from __future__ import annotations

import argparse
import gzip
import os
import random
import sys
from pathlib import Path

LANGS = ("en", "de")
# Output split name -> Multi30k file stem.
STEMS = {"train": "train", "valid": "val", "test": "test_2016_flickr"}

README = """\
# data/sample: small Multi30k en-de sample

A small English-German sample for examples and tests, taken from
**Multi30k task 1** (Elliott et al., 2016, "Multi30K: Multilingual
English-German Image Descriptions", Proceedings of the 5th Workshop on Vision
and Language), raw files from the public repository
https://github.com/multi30k/dataset (`data/task1/raw/`). See that repository
for the data's terms of use.

| file | lines | taken from |
|------|-------|------------|
| train.{{en,de}}.gz | {train} | random subset (seed {seed}) of train.{{en,de}}, in corpus order |
| valid.{{en,de}}.gz | {valid} | first {valid} lines of val.{{en,de}} |
| test.{{en,de}}.gz  | {test} | first {test} lines of test_2016_flickr.{{en,de}} |

Text is unchanged apart from line endings (`\\r` removed); one sentence a line.

Made with:

    {command}
"""


def find_input(source: Path, stem: str, lang: str) -> Path:
    """Pick `stem.lang` or `stem.lang.gz` from the Multi30k copy."""
    for name in (f"{stem}.{lang}", f"{stem}.{lang}.gz"):
        if (source / name).is_file():
            return source / name
    raise FileNotFoundError(f"missing {source / f'{stem}.{lang}'}[.gz]")


def read_lines(path: Path) -> list[str]:
    """Read UTF-8 lines split on '\\n' only (splitlines() would also split on U+2028 etc.)."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    lines = raw.decode("utf-8").split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def read_pair(source: Path, stem: str) -> dict[str, list[str]]:
    """Read the en and de sides of one split and make sure they align."""
    texts = {lang: read_lines(find_input(source, stem, lang)) for lang in LANGS}
    counts = {lang: len(lines) for lang, lines in texts.items()}
    if len(set(counts.values())) != 1:
        raise ValueError(f"{stem}: en and de line counts differ: {counts}")
    return texts


def select(texts: dict[str, list[str]], indices: list[int]) -> dict[str, list[str]]:
    """Take the same lines from every language so pairs stay aligned."""
    return {lang: [lines[i] for i in indices] for lang, lines in texts.items()}


def pick_indices(total: int, n: int, seed: int | None) -> list[int]:
    """Seeded random subset in corpus order (seed=None means the first n lines)."""
    if not 0 <= n <= total:
        raise ValueError(f"asked for {n} lines; need 0 <= n <= {total} (lines available)")
    if seed is None:
        return list(range(n))
    return sorted(random.Random(seed).sample(range(total), n))


def write_gzip(path: Path, lines: list[str]) -> None:
    """Write gzip with mtime=0 and no stored file name, so reruns are byte-identical."""
    data = gzip.compress("".join(line + "\n" for line in lines).encode("utf-8"),
                         compresslevel=9, mtime=0)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def make_sample(source: str | os.PathLike, out_dir: str | os.PathLike, n_train: int = 5000,
                n_valid: int = 300, n_test: int = 300, seed: int = 1,
                command: str | None = None) -> None:
    """Write OUT/{train,valid,test}.{en,de}.gz and OUT/README.md."""
    src, out = Path(source), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sizes = {"train": (n_train, seed), "valid": (n_valid, None), "test": (n_test, None)}
    for split, (n, split_seed) in sizes.items():
        texts = read_pair(src, STEMS[split])
        chosen = select(texts, pick_indices(len(texts["en"]), n, split_seed))
        for lang in LANGS:
            path = out / f"{split}.{lang}.gz"
            write_gzip(path, chosen[lang])
            print(f"make_sample: wrote {path} ({n} lines)", file=sys.stderr)
    if command is None:
        command = (f"python data_scripts/make_sample.py --source {src} --out {out} "
                   f"--train {n_train} --valid {n_valid} --test {n_test} --seed {seed}")
    readme = README.format(train=n_train, valid=n_valid, test=n_test, seed=seed, command=command)
    (out / "README.md").write_text(readme, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="folder with Multi30k train/val/"
                                                        "test_2016_flickr.{en,de}[.gz]")
    parser.add_argument("--out", required=True, help="output folder, e.g. data/sample")
    parser.add_argument("--train", type=int, default=5000, help="training pairs to sample")
    parser.add_argument("--valid", type=int, default=300, help="first N lines of val")
    parser.add_argument("--test", type=int, default=300, help="first N lines of test_2016_flickr")
    parser.add_argument("--seed", type=int, default=1, help="seed for the training subset")
    args = parser.parse_args(argv)
    try:
        make_sample(args.source, args.out, n_train=args.train, n_valid=args.valid,
                    n_test=args.test, seed=args.seed)
    except (OSError, ValueError) as exc:
        print(f"make_sample: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate the synthetic sequence-reversal task, a quick sanity check that a model can learn.

Usage:
    python data_scripts/make_toy_reverse.py --out data/toy_reverse [--seed 1]
        [--train 6000 --valid 200 --test 200] [--vocab 20] [--min-len 3 --max-len 12]

Each source line is space-separated symbols from a fixed alphabet (a, b, c, ...);
the target line is the same symbols in reverse order. Writes OUT/{train,valid,test}.{src,trg}.
The output depends only on the arguments (random.Random(seed)).
"""
from __future__ import annotations

import argparse
import os
import random
import string
import sys
from pathlib import Path


def alphabet(vocab: int) -> list[str]:
    """The first `vocab` lowercase letters: vocab 20 gives a..t."""
    if not 1 <= vocab <= len(string.ascii_lowercase):
        raise ValueError(f"vocab must be between 1 and 26, got {vocab}")
    return list(string.ascii_lowercase[:vocab])


def make_pairs(rng: random.Random, n: int, symbols: list[str],
               min_len: int, max_len: int) -> list[tuple[str, str]]:
    """Draw n (source, reversed source) pairs."""
    pairs = []
    for _ in range(n):
        tokens = [rng.choice(symbols) for _ in range(rng.randint(min_len, max_len))]
        pairs.append((" ".join(tokens), " ".join(reversed(tokens))))
    return pairs


def write_lines(path: Path, lines: list[str]) -> None:
    """Write one line each, via a temp file so a crash never leaves half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.replace(tmp, path)


def write_reverse_task(out_dir: str | os.PathLike, seed: int = 1, n_train: int = 6000,
                       n_valid: int = 200, n_test: int = 200, vocab: int = 20,
                       min_len: int = 3, max_len: int = 12) -> None:
    """Write OUT/{train,valid,test}.{src,trg} for the reversal task."""
    if not 1 <= min_len <= max_len:
        raise ValueError(f"need 1 <= min_len <= max_len, got {min_len}, {max_len}")
    if min(n_train, n_valid, n_test) < 0:
        raise ValueError("split sizes must not be negative")
    symbols = alphabet(vocab)
    rng = random.Random(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # Splits are drawn in a fixed order from one generator, so each split depends on the seed
    # and on the sizes of the splits before it.
    for split, n in (("train", n_train), ("valid", n_valid), ("test", n_test)):
        pairs = make_pairs(rng, n, symbols, min_len, max_len)
        write_lines(out / f"{split}.src", [src for src, _ in pairs])
        write_lines(out / f"{split}.trg", [trg for _, trg in pairs])
        print(f"make_toy_reverse: wrote {out}/{split}.src/.trg ({n} lines)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="output folder, e.g. data/toy_reverse")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--train", type=int, default=6000, help="number of training pairs")
    parser.add_argument("--valid", type=int, default=200, help="number of validation pairs")
    parser.add_argument("--test", type=int, default=200, help="number of test pairs")
    parser.add_argument("--vocab", type=int, default=20, help="alphabet size (letters a.., at most 26)")
    parser.add_argument("--min-len", type=int, default=3, help="shortest sequence, in tokens")
    parser.add_argument("--max-len", type=int, default=12, help="longest sequence, in tokens")
    args = parser.parse_args(argv)
    try:
        write_reverse_task(args.out, seed=args.seed, n_train=args.train, n_valid=args.valid,
                           n_test=args.test, vocab=args.vocab, min_len=args.min_len,
                           max_len=args.max_len)
    except ValueError as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    sys.exit(main())

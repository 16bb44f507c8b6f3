"""python -m seq2seq.runtime BUNDLE [options] < input > output: translate with an exported bundle, no torch."""
from __future__ import annotations

import argparse
import io
import os
import sys
from typing import Optional, Sequence

from ..errors import Seq2SeqError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m seq2seq.runtime",
                                description="Translate with a bundle written by `seq2seq export` (onnxruntime, no torch).")
    p.add_argument("bundle", help="bundle folder written by `seq2seq export`")
    p.add_argument("--input", help="input file, one sentence a line (default: stdin)")
    p.add_argument("--output", help="output file (default: stdout)")
    p.add_argument("--beam-size", type=int, help="beam width; 1 is greedy (default: the recipe's testing.beam_size)")
    p.add_argument("--alpha", type=float, help="length penalty ((5+len)/6)^alpha; 0 = raw log-probability")
    p.add_argument("--n-best", type=int, default=1, help="write N lines per input: index<TAB>score<TAB>text")
    p.add_argument("--min-len", type=int, default=0, help="minimum output length in tokens")
    p.add_argument("--batch-tokens", type=int, help="source tokens x beam per batch (default: testing.batch_tokens)")
    p.add_argument("--max-len-a", type=float, help="output length limit a * source length + b: a")
    p.add_argument("--max-len-b", type=int, help="output length limit a * source length + b: b")
    p.add_argument("--threads", type=int, help="onnxruntime intra-op threads (default: onnxruntime's, the cores)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    return p


def _run(args: argparse.Namespace) -> None:
    from .text import decode_lines
    from .translator import BundleTranslator

    if args.threads is not None and args.threads < 1:
        raise Seq2SeqError(f"--threads {args.threads}: allowed: a number >= 1")
    translator = BundleTranslator(args.bundle, args.threads)
    options = translator.options(beam_size=args.beam_size, alpha=args.alpha, n_best=args.n_best,
                                 min_len=args.min_len, batch_tokens=args.batch_tokens, max_len_a=args.max_len_a,
                                 max_len_b=args.max_len_b)
    try:
        source = open(args.input, "rb") if args.input else sys.stdin.buffer
        target = open(args.output, "w", encoding="utf-8", newline="\n") if args.output else \
            io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    except OSError as error:
        raise Seq2SeqError(f"cannot open {error.filename}: {error.strerror}") from None
    try:
        translator.translate_stream(decode_lines(source), target, options, progress=not args.quiet,
                                    summary=not args.quiet)
        target.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): end quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    finally:
        if args.output:
            target.close()
        else:
            target.detach()


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        _run(args)
    except Seq2SeqError as error:
        print(f"seq2seq.runtime: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("seq2seq.runtime: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())

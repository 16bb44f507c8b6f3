"""Command line: parse arguments, call a job, print user errors on one line with exit code 2."""
from __future__ import annotations

import argparse
import io
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .errors import Interrupted, Seq2SeqError, Terminated


def _decoding_options(args: argparse.Namespace, model_dir: str):
    """The first model's recipe `testing` settings with the command line's decoding flags, checked before
    any model is loaded or output file created."""
    from .config import DecodingOptions
    from .model_dir import ModelDir

    flags = {name: getattr(args, name, None) for name in ("beam_size", "alpha", "n_best", "min_len", "max_len_a",
                                                          "max_len_b", "batch_tokens")}
    return DecodingOptions.from_testing(ModelDir(model_dir).recipe().testing, **flags)


# ---------------------------------------------------------------- train


def _train(args: argparse.Namespace) -> None:
    from .config import load_recipe
    from .training import train

    recipe = load_recipe(args.recipe, args.set)
    train(recipe, resume=args.resume, overwrite=args.overwrite)


def _add_train(jobs) -> None:
    train = jobs.add_parser("train", help="train a model from a YAML recipe")
    train.add_argument("recipe", help="recipe file (YAML)")
    train.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                       help="override a recipe key, e.g. --set model.encoder.cell=lstm (repeatable)")
    train.add_argument("--resume", action="store_true", help="continue from the model directory's last checkpoint")
    train.add_argument("--overwrite", action="store_true", help="discard checkpoints already in the model directory")
    train.set_defaults(run=_train)


def _prepare(args: argparse.Namespace) -> None:
    from .config import load_recipe
    from .prepare import prepare

    print(f"prepared {prepare(load_recipe(args.recipe, args.set), args.overwrite, args.workers)}", file=sys.stderr)


def _add_prepare(jobs) -> None:
    pr = jobs.add_parser("prepare", help="tokenize and index a recipe's training corpus into its model directory")
    pr.add_argument("recipe", help="recipe file (YAML)")
    pr.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a recipe key")
    pr.add_argument("--overwrite", action="store_true",
                    help="make the tokenizers, vocabularies and corpus anew (refused once a model is trained)")
    pr.add_argument("--workers", type=int, help="worker processes (default: the machine's cores)")
    pr.set_defaults(run=_prepare)


# ---------------------------------------------------------------- translate


def _translate(args: argparse.Namespace) -> None:
    from .data.corpus import decode_lines, iter_lines
    from .partial_output import PartialOutput, resume_settings
    from .translate import CHUNK_LINES, Translator, translate_stream

    options = _decoding_options(args, args.model[0])
    if args.chunk_lines is None:
        args.chunk_lines = CHUNK_LINES
    if args.chunk_lines < 1:
        raise Seq2SeqError(f"--chunk-lines {args.chunk_lines}: allowed: a positive number")
    if args.resume and not args.output:
        raise Seq2SeqError("--resume needs --output F: it continues F.partial, which an interrupted "
                           "`translate --output F` leaves")
    if args.input:
        try:
            open(args.input, "rb").close()  # fail before --output is created
        except OSError as error:
            raise Seq2SeqError(f"cannot read --input {args.input}: {error.strerror}") from None
    target, resume_at = None, None
    if args.output:  # checked, and a --resume planned, before the model loads or any file is made
        target = PartialOutput(args.output, resume_settings(args.input, args.model, args.checkpoint, options,
                                                            args.chunk_lines, args.int8))
        for written in (target.output, target.partial):
            if args.input and written.exists() and os.path.samefile(args.input, written):
                raise Seq2SeqError(f"--output {args.output}: {written} is the --input file: writing would erase "
                                   "the input; give another output file")
        folder = target.output.parent
        if target.output.is_dir():
            raise Seq2SeqError(f"cannot write --output {args.output}: it is a folder")
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            why = "no such folder" if not folder.is_dir() else "permission denied"
            raise Seq2SeqError(f"cannot write --output {args.output}: {why} ({folder})")
        if args.resume:
            resume_at = target.resume_point()
            if resume_at is None and target.output.exists():
                target.record.unlink(missing_ok=True)  # a record left by a job stopped just after its rename
                print(f"seq2seq translate: {args.output} is already complete (there is no {target.partial} to "
                      "resume); nothing to do (run without --resume to translate it again)", file=sys.stderr)
                return
            if resume_at is None:
                print(f"seq2seq translate: there is no {target.partial} to resume: translating from the first "
                      "line", file=sys.stderr)
            else:
                print(f"seq2seq translate: resuming {target.partial} after its first {resume_at.inputs} "
                      "translated input lines", file=sys.stderr)
    translator = Translator.load(args.model[0], args.checkpoint, args.device, int8=args.int8,
                                 ensemble_with=args.model[1:])
    # read lazily (plain or .gz), split on \n only, so output lines match input lines one to one; bytes that
    # are not UTF-8 are read as U+FFFD (with one warning) so that every line still gets its output line
    if args.input:
        lines = iter_lines(args.input, errors="replace")
    else:
        lines = decode_lines(sys.stdin.buffer, "standard input", errors="replace")
    if target is not None:
        target.write(translator, lines, options, resume_at, progress=not args.quiet)
        return
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    try:
        translate_stream(translator, lines, out, options=options, progress=not args.quiet,
                         chunk_lines=args.chunk_lines)
        out.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): end quietly, as other Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)  # what is still buffered goes nowhere, without a second error
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    finally:
        out.detach()  # leave sys.stdout open for the caller


def _add_translate(jobs) -> None:
    tr = jobs.add_parser("translate", help="translate text with a trained model (stdin -> stdout by default)")
    tr.add_argument("--model", action="append", required=True,
                    help="model directory written by `seq2seq train`; repeat it to decode with an ensemble "
                         "(same vocabularies; next-token probabilities averaged; the first gives the defaults)")
    tr.add_argument("--checkpoint", default="best",
                    help="best, last, averaged (see `average`), step_N, or a checkpoint file (default: best); "
                         "with several --model, a name each of them has")
    tr.add_argument("--input", help="input file, one sentence a line (default: stdin)")
    tr.add_argument("--output", help="output file (default: stdout), written as F.partial and renamed to F "
                                     "when complete")
    tr.add_argument("--resume", action="store_true",
                    help="with --output F: continue F.partial, which an interrupted run left, after its last "
                         "complete chunk (same input and settings; the result equals an uninterrupted run's)")
    tr.add_argument("--chunk-lines", type=int,  # default translate.CHUNK_LINES (not imported here: torch)
                    help="lines read, sorted by length and translated together: memory and the unit --resume "
                         "restarts from (default: 10000)")
    tr.add_argument("--beam-size", type=int, help="beam width; 1 is greedy (default: the recipe's testing.beam_size)")
    tr.add_argument("--alpha", type=float, help="length penalty ((5+len)/6)^alpha; 0 = raw log-probability")
    tr.add_argument("--n-best", type=int, default=1, help="write N lines per input: index<TAB>score<TAB>text")
    tr.add_argument("--min-len", type=int, default=0,
                    help="minimum output length in tokens (the length limit, --max-len-a/b, still caps it)")
    tr.add_argument("--batch-tokens", type=int, help="source tokens x beam per batch (default: testing.batch_tokens)")
    tr.add_argument("--max-len-a", type=float, help="output length limit a * source length + b: a")
    tr.add_argument("--max-len-b", type=int, help="output length limit a * source length + b: b")
    tr.add_argument("--device", default="auto", help="auto, cpu or cuda[:N] (default: auto)")
    tr.add_argument("--int8", action="store_true",
                    help="int8 weights in linear and recurrent layers: faster on CPU, BLEU within 0.3 (bench/)")
    tr.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    tr.set_defaults(run=_translate)


# ---------------------------------------------------------------- export


def _export(args: argparse.Namespace) -> None:
    from .export import export_bundle

    out = export_bundle(args.model, args.out, args.checkpoint, args.int8)
    print(f"wrote {out}; translate with: python -m seq2seq.runtime {out} < input > output", file=sys.stderr)


def _add_export(jobs) -> None:
    ex = jobs.add_parser("export", help="write a bundle that translates without PyTorch (ONNX Runtime)")
    ex.add_argument("--model", required=True, help="model directory written by `seq2seq train`")
    ex.add_argument("--checkpoint", default="best", help="best, last, averaged, step_N, or a checkpoint file")
    ex.add_argument("--out", required=True, help="bundle folder to create (new, or empty)")
    ex.add_argument("--int8", action="store_true", help="int8 weights in the graphs' matrix products (faster on CPU)")
    ex.set_defaults(run=_export)


# ---------------------------------------------------------------- serve


def _serve(args: argparse.Namespace) -> None:
    try:
        from .serve import ServeSettings, serve
    except ImportError as missing:
        raise Seq2SeqError(f"serve needs FastAPI and uvicorn ({missing}): pip install 'seq2seq[serve]'") from None
    settings = ServeSettings(max_batch_tokens=args.max_batch_tokens, max_delay_ms=args.max_delay_ms,
                             max_queue=args.max_queue, max_sentences=args.max_sentences, max_chars=args.max_chars,
                             max_beam=args.max_beam, log_text=args.verbose)
    if args.log_level == "debug" or args.verbose:  # one line per batch (sentence text only with -v)
        for handler in logging.getLogger("seq2seq").handlers:
            handler.setLevel(logging.DEBUG)
    serve(args.model, args.host, args.port, settings, args.checkpoint, args.device, args.int8,
          debug=args.log_level == "debug")


def _add_serve(jobs) -> None:
    sv = jobs.add_parser("serve", help="serve models over HTTP: a JSON API with cross-request batching, and a page")
    sv.add_argument("--model", action="append", required=True,
                    help="model directory; repeat it to serve several (requests pick one by its directory's name)")
    sv.add_argument("--checkpoint", default="best", help="best, last, averaged or step_N (default: best)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine "
                                                        "only; 0.0.0.0 for every interface)")
    sv.add_argument("--port", type=int, default=8080, help="port (default: 8080; 0: a free one, printed)")
    sv.add_argument("--device", default="auto", help="auto, cpu or cuda[:N] (default: auto)")
    sv.add_argument("--int8", action="store_true", help="int8 weights in linear and recurrent layers (CPU)")
    sv.add_argument("--max-batch-tokens", type=int, default=4000,
                    help="padded source tokens x beam per batch of concurrent requests' sentences (default: 4000)")
    sv.add_argument("--max-delay-ms", type=float, default=10.0,
                    help="how long a sentence may wait for its batch to fill (default: 10; 0: no waiting)")
    sv.add_argument("--max-queue", type=int, default=1000,
                    help="sentences waiting, all requests together; more get HTTP 429 (default: 1000)")
    sv.add_argument("--max-sentences", type=int, default=64, help="sentences per request (default: 64)")
    sv.add_argument("--max-chars", type=int, default=2000, help="characters per sentence (default: 2000)")
    sv.add_argument("--max-beam", type=int, default=16, help="largest beam_size a request may ask for (default: 16)")
    sv.add_argument("--log-level", choices=("info", "debug"), default="info",
                    help="debug: one line per batch and per HTTP request (never sentence text: that needs -v)")
    sv.set_defaults(run=_serve)


# ---------------------------------------------------------------- evaluate


def _evaluate(args: argparse.Namespace) -> None:
    from .evaluate import evaluate_files, evaluate_model
    from .model_dir import check_makeable
    from .report import write_report

    if args.bootstrap < 1:
        raise Seq2SeqError(f"evaluate --bootstrap {args.bootstrap}: give the number of bootstrap samples, at least 1 "
                           "(1 means no confidence intervals)")
    check_makeable(args.report, "report folder")  # a bad --report fails now, not after minutes of work
    if args.model:
        if not args.src:
            raise Seq2SeqError("evaluate --model needs --src, the source side of the test set")
        report = evaluate_model(args.model[0], args.src, args.ref, args.report, args.hyp, args.checkpoint, args.device,
                                legacy_lang=args.legacy_bleu, ensemble_with=args.model[1:], n_bootstrap=args.bootstrap,
                                options=_decoding_options(args, args.model[0]))
    elif args.hyp:
        report = evaluate_files(args.hyp, args.ref, args.src, n_bootstrap=args.bootstrap, legacy_lang=args.legacy_bleu)
    else:
        raise Seq2SeqError("evaluate needs --model MODEL_DIR --src F, or one or more --hyp files")
    print(f"wrote {write_report(report, args.report)}/report.html, report.md and report.json", file=sys.stderr)


def _add_evaluate(jobs) -> None:
    ev = jobs.add_parser("evaluate", help="score translations with sacrebleu and compare systems")
    ev.add_argument("--model", action="append",
                    help="translate --src with this model directory first (its output is the baseline); "
                         "repeat it to evaluate an ensemble")
    ev.add_argument("--checkpoint", default="best",
                    help="with --model: best, last, averaged (see `average`), step_N, or a checkpoint file")
    ev.add_argument("--src", help="source side of the test set (needed with --model; gives length buckets)")
    ev.add_argument("--hyp", action="append", default=[], help="a system's output file (repeatable)")
    ev.add_argument("--ref", action="append", required=True, help="reference file (repeatable)")
    ev.add_argument("--report", required=True, help="folder for report.json and report.md")
    ev.add_argument("--beam-size", type=int, help="with --model: beam width")
    ev.add_argument("--alpha", type=float, help="with --model: length penalty")
    ev.add_argument("--legacy-bleu", metavar="LANG",
                    help="also report the older literature's BLEU: Moses-normalized, lowercased, Moses-tokenized "
                         "text in target language LANG (not comparable with sacreBLEU's default)")
    ev.add_argument("--bootstrap", type=int, default=1000,
                    help="bootstrap samples for the 95%% confidence intervals; 1 for none (default: 1000)")
    ev.add_argument("--device", default="auto", help="with --model: auto, cpu or cuda[:N]")
    ev.set_defaults(run=_evaluate)


# ---------------------------------------------------------------- average, sweep, curves


def _average(args: argparse.Namespace) -> None:
    from .averaging import average_checkpoints

    target = average_checkpoints(args.model, args.last, args.name)
    print(f"wrote {target}; translate with --checkpoint {args.name}", file=sys.stderr)


def _add_average(jobs) -> None:
    av = jobs.add_parser("average", help="average a model's last step checkpoints into checkpoints/NAME.pt")
    av.add_argument("--model", required=True, help="model directory written by `seq2seq train`")
    av.add_argument("--last", type=int, required=True, help="how many of the newest step_N.pt checkpoints to average")
    av.add_argument("--name", default="averaged",
                    help="output checkpoint name, then `translate --checkpoint NAME` (default: averaged)")
    av.set_defaults(run=_average)


def _sweep(args: argparse.Namespace) -> None:
    from .sweep import sweep

    sweep(args.recipe, args.grid, args.src, args.ref, args.out, args.set)
    print(f"wrote {args.out}/report.html, report.md and report.json", file=sys.stderr)


def _add_sweep(jobs) -> None:
    sw = jobs.add_parser("sweep", help="train and evaluate every combination of recipe values, compare them")
    sw.add_argument("recipe", help="the base recipe (YAML)")
    sw.add_argument("--grid", action="append", required=True, metavar="KEY=V1,V2",
                    help="values to try for one recipe key, or for KEY1+KEY2 together (repeatable: the grid is "
                         "every combination)")
    sw.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override for every variant")
    sw.add_argument("--src", required=True, help="test source file")
    sw.add_argument("--ref", action="append", required=True, help="test reference file (repeatable)")
    sw.add_argument("--out", required=True, help="sweep folder: one model directory per variant, and the report")
    sw.set_defaults(run=_sweep)


def _curves(args: argparse.Namespace) -> None:
    from .curves import compare_runs

    metrics = [m.strip() for m in args.metrics.split(",") if m.strip()]
    sys.stdout.write(compare_runs(args.runs, args.name, metrics, args.plot))
    if args.plot:
        print(f"wrote {args.plot}", file=sys.stderr)


def _add_curves(jobs) -> None:
    cu = jobs.add_parser("curves", help="validation curves of training runs side by side, as a markdown table")
    cu.add_argument("runs", nargs="+", metavar="RUN",
                    help="model directory written by `seq2seq train`, or a validations.jsonl file; "
                         "the first is the baseline of the comparison lines")
    cu.add_argument("--name", action="append", default=[],
                    help="a run's name in the table, once per run in order (default: the directory's name)")
    cu.add_argument("--metrics", default="valid_loss,bleu,chrf",
                    help="comma-separated: valid_loss, bleu, chrf, valid_ppl, train_loss (default: valid_loss,bleu,chrf)")
    cu.add_argument("--plot", help="also draw the curves into this PNG file")
    cu.set_defaults(run=_curves)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="seq2seq", description="Recurrent neural machine translation.")
    parser.add_argument("--version", action="version", version=f"seq2seq {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages to stderr")
    jobs = parser.add_subparsers(dest="job", required=True, metavar="JOB")
    for add in (_add_prepare, _add_train, _add_translate, _add_export, _add_serve, _add_evaluate, _add_average, _add_sweep,
                _add_curves):
        add(jobs)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.setLevel(logging.DEBUG if args.verbose else logging.INFO)
    logging.getLogger("seq2seq").addHandler(handler)
    logging.getLogger("seq2seq").setLevel(logging.DEBUG)
    before = _terminate_as_interrupt()
    try:
        args.run(args)
    except Seq2SeqError as error:
        print(f"seq2seq {args.job}: error: {error}", file=sys.stderr)
        return 2
    except Interrupted as stop:  # training saved last.pt first
        print(f"seq2seq {args.job}: {stop}", file=sys.stderr)
        return stop.exit_code
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (Terminated): files are closed on the way out
        print(f"seq2seq {args.job}: interrupted", file=sys.stderr)
        return 143 if isinstance(stop, Terminated) else 130
    finally:
        logging.getLogger("seq2seq").removeHandler(handler)
        if before is not None:
            signal.signal(signal.SIGTERM, before)
    return 0


def _terminate_as_interrupt():
    """SIGTERM unwinds a job as Ctrl-C does (a translation keeps its F.partial, its message says how to
    resume), then exits 143; training's loop has its own handler. Returns the handler it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def terminated(signum, frame):
        raise Terminated()

    return signal.signal(signal.SIGTERM, terminated)

"""Translation throughput of a trained model: greedy and beam 5, fp32 and int8, each with its BLEU.

    python bench/translate_speed.py MODEL_DIR --src test.en [--ref test.de] [--rounds 1]

Times `Translator.translate` over the whole file (tokenizing, batching, search, detokenizing; model
loading excluded and reported apart), so speed never hides a quality loss: with --ref every setting
prints its sacreBLEU too. The last line of stdout is one JSON object.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import sacrebleu
import torch

from common import emit, peak_rss_mib
from seq2seq.data.corpus import read_lines
from seq2seq.translate import Translator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model_dir")
    parser.add_argument("--src", required=True, help="source sentences, one a line (.gz allowed)")
    parser.add_argument("--ref", help="references for BLEU")
    parser.add_argument("--checkpoint", default="best")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (default 2)")
    parser.add_argument("--device", default="cpu", help="cpu (default), cuda or auto; int8 runs on the CPU")
    parser.add_argument("--beams", default="1,5", help="beam sizes, comma-separated (default 1,5)")
    parser.add_argument("--precisions", default="fp32,int8", help="fp32, int8 or both (default both)")
    parser.add_argument("--rounds", type=int, default=1, help="timed passes per setting; the fastest counts")
    parser.add_argument("--save", help="write each setting's output to SAVE.<setting>.txt")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    sources = read_lines(args.src)
    refs = read_lines(args.ref) if args.ref else None
    if refs is not None and len(refs) != len(sources):
        sys.exit(f"--src has {len(sources)} lines but --ref has {len(refs)}")
    settings = []
    for precision in args.precisions.split(","):
        start = time.perf_counter()
        int8 = precision == "int8"
        device = "cpu" if int8 else args.device
        translator = Translator.load(args.model_dir, args.checkpoint, device=device, int8=int8)
        load_s = time.perf_counter() - start
        # warm-up: thread pool, allocator, weight packing
        translator.translate(sources[:20], translator.options(beam_size=5))
        for beam in (int(b) for b in args.beams.split(",")):
            best, found = float("inf"), []
            for _ in range(args.rounds):
                start = time.perf_counter()
                found = translator.search(sources, translator.options(beam_size=beam))
                hyps = [translator.detokenize(h[0] if h else None) for h in found]
                best = min(best, time.perf_counter() - start)
            tokens = sum(len(h[0].tokens) for h in found if h)  # the search's own tokens, </s> not counted
            name = f"{'greedy' if beam == 1 else f'beam{beam}'}_{precision}"
            row = {"setting": name, "beam": beam, "precision": precision, "seconds": round(best, 2),
                   "sentences_per_s": round(len(sources) / best, 2), "target_tokens_per_s": round(tokens / best, 1),
                   "load_seconds": round(load_s, 2)}
            if refs is not None:
                row["bleu"] = round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2)
            if args.save:
                Path(f"{args.save}.{name}.txt").write_text("".join(h + "\n" for h in hyps), encoding="utf-8")
            settings.append(row)
            print(f"{name}: {len(sources)} sentences in {best:.1f} s = {row['sentences_per_s']} sentences/s, "
                  f"{row['target_tokens_per_s']} target tokens/s" + (f", BLEU {row['bleu']}" if refs else ""),
                  flush=True)
    by_name = {row["setting"]: row for row in settings}
    ratios = {f"{name}_int8_over_fp32": round(by_name[f"{name}_int8"]["sentences_per_s"]
                                               / by_name[f"{name}_fp32"]["sentences_per_s"], 3)
              for name in {row["setting"].rsplit("_", 1)[0] for row in settings}
              if f"{name}_int8" in by_name and f"{name}_fp32" in by_name}
    for key, value in ratios.items():
        print(f"{key}: {value}x")
    emit({"bench": "translate_speed", "model_dir": args.model_dir, "src": args.src, "threads": args.threads,
          "sentences": len(sources), "settings": settings, "ratios": ratios, "peak_rss_mib": round(peak_rss_mib(), 1)})


if __name__ == "__main__":
    main()

"""Training throughput of a recipe: tokens/s over fixed steps after warm-up, peak memory, FLOP/s vs matmul peak.

    python bench/train_speed.py recipes/multi30k_en_de_gru.yaml --steps 40 [--set key=value ...]

Runs exactly the updates `seq2seq train` runs (Trainer.update on the recipe's own batches, epoch 0 in
order), without validation or checkpoints. The last line of stdout is one JSON object.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

import torch
from torch.utils.flop_counter import FlopCounterMode

from common import emit, matmul_peak_flops, peak_rss_mib
from seq2seq.config import load_recipe
from seq2seq.data import collate, pair_widths, token_batches
from seq2seq.training import Update, make_trainer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("recipe")
    parser.add_argument("--steps", type=int, default=40, help="timed updates (default 40)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed updates first (default 5)")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (default 2)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="recipe override")
    parser.add_argument("--work", help="model directory for tokenizers and vocabularies (default: a temp dir)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    torch.set_num_threads(args.threads)
    peak = matmul_peak_flops()
    work = args.work or tempfile.mkdtemp(prefix="train_speed_")
    Path(work).mkdir(parents=True, exist_ok=True)
    recipe = load_recipe(args.recipe, [*args.set, f"model_dir={work}", f"training.threads={args.threads}"])
    start = time.perf_counter()
    trainer = make_trainer(recipe)
    prepare_s = time.perf_counter() - start
    data, cfg = trainer.epoch_data(0), recipe.training
    batches = token_batches(pair_widths(data), None, cfg.batch_tokens, cfg.seed, 0)
    needed = args.warmup + args.steps
    if len(batches) < needed:
        sys.exit(f"the corpus has only {len(batches)} batches; lower --steps or --warmup")
    batches = [collate(data.src, data.trg, ids).to(trainer.device) for ids in batches[:needed]]
    trainer.model.train()
    losses = []
    for i, batch in enumerate(batches):
        if i == args.warmup:
            start = time.perf_counter()
        trainer.state.step = i + 1
        losses.append(float(trainer.update(Update.of(batch), cfg.learning_rate)) / batch.n_trg_tokens)
    seconds = time.perf_counter() - start
    timed = batches[args.warmup:]
    trg_tokens = sum(b.n_trg_tokens for b in timed)
    src_tokens = sum(b.n_src_tokens for b in timed)
    rss = peak_rss_mib()
    counted = timed[:min(5, len(timed))]  # FLOPs per target token, from a few of the same batches
    with FlopCounterMode(display=False) as counter:
        for batch in counted:
            trainer.update(Update.of(batch), cfg.learning_rate)
    flops_per_token = counter.get_total_flops() / sum(b.n_trg_tokens for b in counted)
    achieved = flops_per_token * trg_tokens / seconds
    result = {
        "bench": "train_speed", "recipe": args.recipe, "overrides": args.set, "threads": args.threads,
        "parameters": trainer.model.num_parameters(), "batch_tokens": cfg.batch_tokens,
        "steps": args.steps, "seconds": round(seconds, 3), "prepare_seconds": round(prepare_s, 1),
        "target_tokens_per_s": round(trg_tokens / seconds, 1), "source_tokens_per_s": round(src_tokens / seconds, 1),
        "target_tokens_per_step": round(trg_tokens / args.steps, 1), "seconds_per_step": round(seconds / args.steps, 4),
        "peak_rss_mib": round(rss, 1), "model_gflops_per_s": round(achieved / 1e9, 2),
        "matmul_peak_gflops_per_s": round(peak / 1e9, 2), "fraction_of_peak": round(achieved / peak, 4),
        "losses": [round(loss, 4) for loss in losses],  # per target token, label-smoothed, every update from 1
    }
    print(f"{args.recipe}: {result['parameters']:,} parameters, {args.steps} steps in {seconds:.1f} s: "
          f"{result['target_tokens_per_s']:.0f} target tokens/s ({result['source_tokens_per_s']:.0f} source), "
          f"{result['target_tokens_per_step']:.0f} target tokens/step, peak RSS {rss:.0f} MiB, "
          f"{result['model_gflops_per_s']} GFLOP/s = {100 * result['fraction_of_peak']:.1f}% of the "
          f"{result['matmul_peak_gflops_per_s']} GFLOP/s matmul peak")
    emit(result)


if __name__ == "__main__":
    main()

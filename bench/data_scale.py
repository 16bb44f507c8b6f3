"""Corpora larger than memory: `seq2seq prepare` and the start of training on N-pair corpora.

    python bench/data_scale.py [--pairs 1000000,4000000] [--work DIR] [--recipe recipes/multi30k_en_de_gru.yaml]

Builds each corpus by repeating Multi30k's training pairs (data/multi30k, from
data_scripts/prepare_multi30k.py) with light perturbation (words swapped or dropped, deterministically),
in a temporary folder that is deleted afterwards. For each: runs `seq2seq prepare` in a subprocess
(pairs/s, wall time, peak resident memory of its whole process tree, sampled) and then `seq2seq train`
for 20 updates (time from its start to the first update, peak RSS). Baselines in the same run: training
on Multi30k itself, and the in-memory path (the corpus read and tokenized whole, as before `prepare`
existed) on the first corpus. The last line of stdout is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from common import emit

ROOT = Path(__file__).resolve().parents[1]
IN_MEMORY = ("import sys; from seq2seq import training; from seq2seq.config import load_recipe; "
             "original = training.prepare_training_data; "
             "training.prepare_training_data = lambda *a, **k: original(*a, **{**k, 'corpus': None}); "
             "training.train(load_recipe(sys.argv[1], sys.argv[2:]))")


def make_corpus(prefix: Path, pairs: int, seed: int = 1) -> None:
    """`pairs` lines per side: Multi30k's pairs again and again, each copy after the first perturbed."""
    src = (ROOT / "data/multi30k/train.en").read_text(encoding="utf-8").splitlines()
    trg = (ROOT / "data/multi30k/train.de").read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)

    def perturb(line: str) -> str:
        words = line.split()
        if len(words) > 3:
            i = rng.randrange(len(words) - 1)
            if rng.random() < 0.5:
                words[i], words[i + 1] = words[i + 1], words[i]
            else:
                del words[i]
        return " ".join(words)

    with open(f"{prefix}.en", "w", encoding="utf-8") as s, open(f"{prefix}.de", "w", encoding="utf-8") as t:
        for n in range(pairs):
            k = n % len(src)
            first = n < len(src)
            s.write((src[k] if first else perturb(src[k])) + "\n")
            t.write((trg[k] if first else perturb(trg[k])) + "\n")


def _tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants now, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total / 2**20


def run(command: list[str], log: Path) -> dict:
    """Run a command; its wall time and the peak RSS of its process tree (sampled every 0.1 s)."""
    started = time.perf_counter()
    with open(log, "w") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        peak = [0.0]

        def sample() -> None:
            while process.poll() is None:
                peak[0] = max(peak[0], _tree_rss_mib(process.pid))
                time.sleep(0.1)
        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
        code = process.wait()
        watcher.join()
    if code != 0:
        sys.exit(f"{' '.join(command)} failed ({code}); see {log}")
    return {"seconds": round(time.perf_counter() - started, 1), "peak_rss_mib": round(peak[0], 1)}


def first_update_seconds(model_dir: Path, started: float) -> float:
    """Seconds from a training process's start to its first update, from train.log's timestamps."""
    for line in (model_dir / "train.log").read_text(encoding="utf-8").splitlines():
        if re.search(r" step 1 loss ", line):
            stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
            return round(stamp - started, 1)
    raise SystemExit(f"no first update in {model_dir / 'train.log'}")


def train(recipe: str, overrides: list[str], model_dir: Path, log: Path, in_memory: bool = False) -> dict:
    sets = [*overrides, f"model_dir={model_dir}", "training.max_steps=20", "training.valid_every=1000000",
            "training.log_every=1", "training.threads=2"]
    if in_memory:
        command = [sys.executable, "-c", IN_MEMORY, recipe, *sets]
    else:
        command = [sys.executable, "-m", "seq2seq", "train", recipe, *[a for s in sets for a in ("--set", s)]]
    started = time.time()
    result = run(command, log)
    return {**result, "first_update_seconds": first_update_seconds(model_dir, started)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", default="1000000,4000000", help="corpus sizes, comma-separated")
    parser.add_argument("--recipe", default="recipes/multi30k_en_de_gru.yaml")
    parser.add_argument("--work", help="folder for corpora and model directories (default: a temporary one)")
    args = parser.parse_args()
    if not (ROOT / "data/multi30k/train.en").is_file():
        sys.exit("needs data/multi30k: python data_scripts/prepare_multi30k.py --out data/multi30k")
    work = Path(args.work or tempfile.mkdtemp(prefix="data_scale_"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"bench": "data_scale", "recipe": args.recipe, "cores": os.cpu_count(), "corpora": []}
    try:
        base = train(args.recipe, [], work / "multi30k", work / "multi30k.log")
        results["multi30k_train"] = base
        print(f"Multi30k (29,000 pairs): train starts its first update after {base['first_update_seconds']} s, "
              f"peak RSS {base['peak_rss_mib']} MiB", flush=True)
        for i, n in enumerate(int(p) for p in args.pairs.split(",")):
            prefix = work / f"corpus{n}"
            make_corpus(prefix, n)
            data = [f"data.train={prefix}"]
            model_dir = work / f"model{n}"
            sets = [a for s in [*data, f"model_dir={model_dir}"] for a in ("--set", s)]
            prep = run([sys.executable, "-m", "seq2seq", "prepare", args.recipe, *sets], work / f"prepare{n}.log")
            manifest = json.loads((model_dir / "corpus" / "manifest.json").read_text())
            prep["pairs_per_s"] = round(n / prep["seconds"])
            trained = train(args.recipe, data, model_dir, work / f"train{n}.log")
            row = {"pairs": n, "kept": manifest["kept"], "prepare": prep, "train": trained}
            print(f"{n:,} pairs: prepare {prep['seconds']} s = {prep['pairs_per_s']:,} pairs/s, peak RSS "
                  f"{prep['peak_rss_mib']} MiB (all processes); train: first update after "
                  f"{trained['first_update_seconds']} s, peak RSS {trained['peak_rss_mib']} MiB", flush=True)
            if i == 0:
                memory = train(args.recipe, data, work / f"memory{n}", work / f"memory{n}.log", in_memory=True)
                row["in_memory_train"] = memory
                print(f"{n:,} pairs, read and tokenized in memory (the path before prepare): first update after "
                      f"{memory['first_update_seconds']} s, peak RSS {memory['peak_rss_mib']} MiB", flush=True)
            results["corpora"].append(row)
            shutil.rmtree(model_dir)
            for side in ("en", "de"):
                Path(f"{prefix}.{side}").unlink()
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    emit(results)


if __name__ == "__main__":
    main()

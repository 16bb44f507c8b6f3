"""Load test of `seq2seq serve`: N concurrent clients on loopback, each sending one sentence a request, against
the same server with cross-request batching off (the baseline) and on, in one run.

    python bench/serve_load.py --model models/multi30k_en_de_cpu60 --src data/multi30k/test2016.en

Prints sentences/s, p50/p95/p99 latency and errors per mode and client count, the batched/unbatched
throughput ratio, and whether any sentence's result differs between the two modes; draws the plot.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit  # noqa: E402

MODES = {"unbatched": ["--max-delay-ms", "0", "--max-batch-tokens", "1"],  # every sentence a batch of its own
         "batched": []}  # the defaults: --max-delay-ms 10 --max-batch-tokens 4000


def start_server(model: str, flags: list[str], log: Path) -> tuple[subprocess.Popen, int]:
    """`seq2seq serve` on a free port, once /ready says so."""
    with open(log, "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "seq2seq", "serve", "--model", model, "--port", "0", *flags],
                                stderr=err, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while " at http://" not in log.read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the server did not start: {log.read_text()}")
        time.sleep(0.2)
    port = int(log.read_text().split(" at http://", 1)[1].split()[0].rsplit(":", 1)[1])
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/ready")
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            pass
        time.sleep(0.2)


def client(port: int, sentences: list[str], first: int, step: int, until: float, beam: int, out: dict) -> None:
    """Send sentences first, first + step, ... one per request until `until`; record latencies and results."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    i = first
    while time.perf_counter() < until:
        index = i % len(sentences)
        body = json.dumps({"sentences": [sentences[index]], "beam_size": beam})
        start = time.perf_counter()
        try:
            conn.request("POST", "/v1/translate", body, {"Content-Type": "application/json"})
            r = conn.getresponse()
            answer = json.loads(r.read())
        except (OSError, http.client.HTTPException, ValueError):
            out["errors"] += 1
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        out["latency"].append(time.perf_counter() - start)
        if r.status != 200:
            out["errors"] += 1
        else:
            t = answer["translations"][0]
            out["results"][index] = (t["text"], t["score"])
        i += step


def load(port: int, sentences: list[str], clients: int, seconds: float, beam: int) -> dict:
    """N clients for `seconds`: throughput, latency percentiles, errors and every result."""
    outs = [{"latency": [], "errors": 0, "results": {}} for _ in range(clients)]
    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(port, sentences, c, clients, start + seconds, beam, outs[c]))
               for c in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    latency = np.array([x for o in outs for x in o["latency"]])
    done = len(latency) - sum(o["errors"] for o in outs)
    return {"clients": clients, "sentences_per_s": done / wall, "requests": int(len(latency)),
            "p50_s": float(np.percentile(latency, 50)), "p95_s": float(np.percentile(latency, 95)),
            "p99_s": float(np.percentile(latency, 99)), "errors": sum(o["errors"] for o in outs),
            "results": {k: v for o in outs for k, v in o["results"].items()}}


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.5))
    for mode in MODES:
        mine = [r for r in rows if r["mode"] == mode]
        a.plot([r["clients"] for r in mine], [r["sentences_per_s"] for r in mine], "o-", label=mode)
        b.plot([r["clients"] for r in mine], [r["p99_s"] for r in mine], "o-", label=mode)
    for ax, title in ((a, "throughput (sentences/s)"), (b, "p99 latency (s)")):
        ax.set_xscale("log", base=2)
        ax.set_xlabel("concurrent clients")
        ax.set_title(title)
        ax.grid(alpha=.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--src", required=True, help="one sentence a line, e.g. data/multi30k/test2016.en")
    parser.add_argument("--clients", default="1,4,16,64")
    parser.add_argument("--seconds", type=float, default=20.0, help="per client count and mode")
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--plot", default="bench/serve_load.png")
    args = parser.parse_args()
    sentences = [s for s in Path(args.src).read_text(encoding="utf-8").splitlines() if s.strip()]
    rows, results = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode, flags in MODES.items():
            proc, port = start_server(args.model, flags, Path(tmp) / f"{mode}.log")
            try:
                for n in map(int, args.clients.split(",")):
                    row = load(port, sentences, n, args.seconds, args.beam)
                    for index, value in row.pop("results").items():
                        results.setdefault(index, {})[mode] = value
                    rows.append({"mode": mode, **row})
                    print(f"{mode:>9} {n:>3} clients: {row['sentences_per_s']:7.1f} sentences/s, p50 "
                          f"{row['p50_s']:.3f} s, p95 {row['p95_s']:.3f} s, p99 {row['p99_s']:.3f} s, "
                          f"{row['errors']} errors", file=sys.stderr, flush=True)
            finally:
                proc.terminate()
                proc.wait(60)
    both = [v for v in results.values() if len(v) == 2]
    differ = sum(1 for v in both if v["batched"][0] != v["unbatched"][0]
                 or abs(v["batched"][1] - v["unbatched"][1]) > 1e-4)
    print("\n| clients | unbatched sent/s | batched sent/s | ratio | unbatched p50 / p95 / p99 (s) | "
          "batched p50 / p95 / p99 (s) | errors |\n|---:|---:|---:|---:|---:|---:|---:|")
    ratios = {}
    for n in sorted({r["clients"] for r in rows}):
        u, b = (next(r for r in rows if r["mode"] == m and r["clients"] == n) for m in ("unbatched", "batched"))
        ratios[n] = b["sentences_per_s"] / u["sentences_per_s"]
        print(f"| {n} | {u['sentences_per_s']:.1f} | {b['sentences_per_s']:.1f} | {ratios[n]:.2f}x | "
              f"{u['p50_s']:.3f} / {u['p95_s']:.3f} / {u['p99_s']:.3f} | {b['p50_s']:.3f} / {b['p95_s']:.3f} / "
              f"{b['p99_s']:.3f} | {u['errors']} / {b['errors']} |")
    print(f"\n{len(both)} sentences translated in both modes; {differ} differ (text, or score by more than 1e-4)")
    plot(rows, Path(args.plot))
    print(f"plot: {args.plot} (threads: {os.cpu_count()} cores)")
    emit({"rows": rows, "ratios": ratios, "compared": len(both), "differ": differ})


if __name__ == "__main__":
    main()

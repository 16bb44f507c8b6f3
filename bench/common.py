"""What the benchmarks share: a matmul peak measured in the same run, peak memory, and the JSON last line."""
from __future__ import annotations

import json
import resource
import sys
import time

import torch


def matmul_peak_flops(size: int = 1536, repeats: int = 6) -> float:
    """Best fp32 matmul FLOP/s of this machine at the current thread count (the ceiling to compare with)."""
    a, b = torch.randn(size, size), torch.randn(size, size)
    torch.mm(a, b)  # warm-up: thread pool, allocator
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        torch.mm(a, b)
        best = min(best, time.perf_counter() - start)
    return 2 * size ** 3 / best


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(result: dict) -> None:
    """The machine-readable summary: always the last line of stdout."""
    sys.stdout.flush()
    print(json.dumps(result, sort_keys=True), flush=True)

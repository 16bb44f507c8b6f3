"""Several training processes as one job, on torch.distributed as torchrun launches it.

torchrun sets RANK, WORLD_SIZE, LOCAL_RANK and MASTER_ADDR/PORT; `World.join` reads them. One process
alone (no torchrun) is a World of one, and nothing here does anything for it. Every rank sees the same
epoch batch order (a function of seed and epoch); an update is the next N x A batches of it and rank r
takes batches r, r+N, ... of those (`share`). Only rank 0 writes files and validates; the state it
decides is broadcast, so all ranks stop together.
"""
from __future__ import annotations

import datetime
import logging
import os
from dataclasses import dataclass
from typing import Any, Optional

import torch
import torch.distributed as dist

from .config import TrainingConfig
from .errors import Seq2SeqError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class World:
    """This process's place in the job: its rank of `size`, and its rank on its machine."""

    rank: int = 0
    size: int = 1
    local_rank: int = 0

    @property
    def main(self) -> bool:
        """Rank 0: the one that writes files, logs and validates."""
        return self.rank == 0

    @classmethod
    def join(cls, cfg: TrainingConfig) -> "World":
        """The job torchrun's environment describes (a process group is set up), or a World of one."""
        size = int(os.environ.get("WORLD_SIZE", "1"))
        if size == 1:
            return cls()
        backend = cfg.distributed_backend or ("nccl" if torch.cuda.is_available() else "gloo")
        if not dist.is_initialized():
            if torch.cuda.is_available():
                torch.cuda.set_device(int(os.environ.get("LOCAL_RANK", "0")))
            dist.init_process_group(backend, timeout=datetime.timedelta(seconds=cfg.distributed_timeout_s))
        world = cls(dist.get_rank(), dist.get_world_size(), int(os.environ.get("LOCAL_RANK", "0")))
        log.info("process %d of %d (backend %s)", world.rank, world.size, backend)
        return world

    def leave(self, finished: bool = True) -> None:
        """End this process's part; after a finished job the ranks first wait for each other (tearing the
        group down while another rank still uses it aborts that one)."""
        if self.size > 1 and dist.is_initialized():
            if finished:
                self.barrier()
            dist.destroy_process_group()

    def broadcast(self, value: Any) -> Any:
        """Rank 0's value, on every rank (a picklable object: a stop reason, a training state)."""
        if self.size == 1:
            return value
        box = [value]
        _collective(dist.broadcast_object_list, box, src=0)
        return box[0]

    def gather(self, value: Any) -> Optional[list[Any]]:
        """Every rank's value, in rank order, on rank 0 (None elsewhere)."""
        if self.size == 1:
            return [value]
        values = [None] * self.size if self.main else None
        _collective(dist.gather_object, value, values, dst=0)
        return values

    def sum(self, tensor: torch.Tensor) -> torch.Tensor:
        """The tensor summed over every rank (on every rank)."""
        if self.size == 1:
            return tensor
        total = tensor.clone()
        _collective(dist.all_reduce, total)
        return total

    def barrier(self) -> None:
        if self.size > 1:
            _collective(dist.barrier)

    def threads(self, configured: Optional[int]) -> int:
        """CPU threads for this process: training.threads, else the machine's cores shared by its processes."""
        if configured:
            return configured
        local = int(os.environ.get("LOCAL_WORLD_SIZE", str(self.size)))
        return max(1, (os.cpu_count() or 1) // max(local, 1))


_TRANSPORT = ("gloo", "nccl", "connection reset", "connection closed", "timed out", "timeout")


def lost_peer(error: BaseException) -> Optional[Seq2SeqError]:
    """The clear error for a failure of another rank (killed, crashed, timed out), if `error` is one:
    raised by a collective here, or by DistributedDataParallel's gradient exchange in backward."""
    text = str(error).lower()
    if isinstance(error, dist.DistBackendError) or (isinstance(error, RuntimeError) and
                                                    any(word in text for word in _TRANSPORT)):
        return Seq2SeqError(f"another process of this training job stopped or is unreachable "
                            f"({str(error).splitlines()[0][:200]}); the whole job ends here: fix the cause "
                            "and continue with --resume")
    return None


def _collective(function, *args, **kwargs) -> Any:
    try:
        return function(*args, **kwargs)
    except RuntimeError as error:
        raise (lost_peer(error) or error) from None


def share(start: int, available: int, world: World, accumulate: int) -> tuple[list[int], int, int]:
    """One update from epoch position `start` with `available` batches left: the positions this rank
    takes (start + rank, start + rank + N, ...), the number of batches every rank processes (the most
    any takes: a rank with fewer pads with a batch that weighs nothing), and how many the update takes."""
    take = min(world.size * accumulate, available)
    mine = list(range(start + world.rank, start + take, world.size))
    return mine, -(-take // world.size), take


def rank_seed(seed: int, rank: int) -> int:
    """The seed of rank r's own randomness (dropout, token dropout) after the model is built alike on
    every rank; rank 0 keeps the seed, so one process trains as rank 0 of many would."""
    return seed if rank == 0 else (seed * 1_000_003 + rank) % (2**63 - 1)

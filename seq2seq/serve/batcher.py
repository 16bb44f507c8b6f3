"""Cross-request dynamic batching: concurrent requests' sentences searched together, each given its own result.

Requests put their sentences in one bounded queue and wait; a worker takes the oldest waiting sentence,
adds others with the same decoding options and similar length while the batch's padded size (sentences
x longest source x beam) stays within max_batch_tokens, and runs one beam search in the search thread.
It waits up to max_delay for a batch to fill; while a batch is searched, the next one gathers. Beam
search is batch-invariant (tests/test_search.py), so batching never changes anyone's translation.
"""
from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..config import DecodingOptions
from ..search import Hypothesis

log = logging.getLogger(__name__)

Search = Callable[[list[list[int]], DecodingOptions], list[list[Hypothesis]]]


class QueueFull(Exception):
    """The queue has no room for a request's sentences: the client should retry later (HTTP 429)."""


@dataclass(eq=False)
class _Sentence:
    """One waiting sentence: its source ids (without </s>), options, and where its result goes."""

    ids: list[int]
    options: DecodingOptions
    result: asyncio.Future
    arrived: float = field(default_factory=time.perf_counter)

    def cost(self) -> int:
        """Source tokens x beam, </s> included: its share of a batch's work."""
        return (len(self.ids) + 1) * self.options.beam_size


@dataclass
class BatchRecord:
    """What the worker did for one batch, for metrics and the debug log."""

    sentences: int
    padded_tokens: int  # sentences x longest source x beam
    waited_ms: float  # the oldest sentence's time in the queue
    search_ms: float


class RequestBatcher:
    """The queue and the worker that empties it for one model; search runs in `executor`."""

    def __init__(self, search: Search, executor: Executor, max_batch_tokens: int, max_delay_s: float,
                 max_queue: int, on_batch: Optional[Callable[[BatchRecord], None]] = None,
                 on_dropped: Optional[Callable[[int], None]] = None):
        self.search, self.executor = search, executor
        self.max_batch_tokens, self.max_delay_s, self.max_queue = max_batch_tokens, max_delay_s, max_queue
        self.on_batch = on_batch or (lambda record: None)
        self.on_dropped = on_dropped or (lambda n: None)  # sentences whose client went away while they waited
        self.waiting: list[_Sentence] = []  # arrival order
        self._arrived = asyncio.Event()
        self._worker: Optional[asyncio.Task] = None

    def start(self) -> None:
        self._worker = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            await asyncio.gather(self._worker, return_exceptions=True)
        for sentence in self.waiting:
            sentence.result.cancel()
        self.waiting.clear()

    @property
    def depth(self) -> int:
        """Sentences waiting for a batch (not those being searched)."""
        return len(self.waiting)

    async def translate(self, ids: list[list[int]], options: DecodingOptions) -> list[list[Hypothesis]]:
        """The hypotheses of each non-empty id list, in order, searched in batches with other requests'.

        Raises QueueFull when the queue cannot take them all. If the caller is cancelled (its client went
        away), its sentences still waiting leave the queue: no work is done for nobody.
        """
        if len(self.waiting) + len(ids) > self.max_queue:
            raise QueueFull(f"{len(self.waiting)} sentences are waiting and the queue holds {self.max_queue}")
        loop = asyncio.get_running_loop()
        mine = [_Sentence(i, options, loop.create_future()) for i in ids]
        self.waiting.extend(mine)
        self._arrived.set()
        try:
            return list(await asyncio.gather(*(s.result for s in mine)))
        except BaseException as stop:  # cancelled (client gone), or a batch of ours failed: the rest need no work
            gone = set(mine)
            before = len(self.waiting)
            self.waiting = [s for s in self.waiting if s not in gone]
            for s in mine:
                s.result.cancel()
            if isinstance(stop, asyncio.CancelledError):
                self.on_dropped(before - len(self.waiting))
            self._arrived.set()  # the worker may be waiting on one of them
            raise

    def _full(self, first: _Sentence) -> bool:
        """Whether sentences like `first` already fill a batch, so waiting longer gains nothing."""
        return sum(s.cost() for s in self.waiting if s.options == first.options) >= self.max_batch_tokens

    def _take(self) -> list[_Sentence]:
        """The oldest sentence and, nearest its length first, others with its options that fit the budget."""
        first = self.waiting[0]
        alike = sorted((s for s in self.waiting[1:] if s.options == first.options),
                       key=lambda s: abs(len(s.ids) - len(first.ids)))
        batch, longest = [first], len(first.ids) + 1
        for s in alike:
            wider = max(longest, len(s.ids) + 1)
            if wider * (len(batch) + 1) * first.options.beam_size > self.max_batch_tokens:
                continue
            batch.append(s)
            longest = wider
        chosen = set(batch)
        self.waiting = [s for s in self.waiting if s not in chosen]
        return batch

    async def _run(self) -> None:
        """Forever: wait for a sentence, let a batch fill for up to max_delay, search it, hand out results."""
        loop = asyncio.get_running_loop()
        while True:
            while not self.waiting:
                self._arrived.clear()
                await self._arrived.wait()
            first = self.waiting[0]
            while not self._full(first):
                left = first.arrived + self.max_delay_s - time.perf_counter()
                if left <= 0:
                    break
                self._arrived.clear()
                try:
                    await asyncio.wait_for(self._arrived.wait(), left)
                except asyncio.TimeoutError:
                    break
                if not self.waiting or self.waiting[0] is not first:  # it left (client gone): start over
                    break
            if not self.waiting or self.waiting[0] is not first:
                continue
            await self._search(loop, self._take())

    async def _search(self, loop: asyncio.AbstractEventLoop, batch: list[_Sentence]) -> None:
        """One beam search in the executor; each sentence's result, or the error, to its request."""
        options = batch[0].options
        started = time.perf_counter()
        try:
            found = await loop.run_in_executor(self.executor, self.search, [s.ids for s in batch], options)
        except Exception as error:  # the requests fail (500); the worker, and the server, go on
            log.exception("a batch of %d sentences failed", len(batch))
            for s in batch:
                if not s.result.done():
                    s.result.set_exception(error)
            return
        record = BatchRecord(len(batch), len(batch) * max(len(s.ids) + 1 for s in batch) * options.beam_size,
                             (started - batch[0].arrived) * 1000, (time.perf_counter() - started) * 1000)
        log.debug("batch: %d sentences, %d padded source tokens x beam, oldest waited %.1f ms, search %.1f ms",
                  record.sentences, record.padded_tokens, record.waited_ms, record.search_ms)
        self.on_batch(record)
        for s, hyps in zip(batch, found):
            if not s.result.done():
                s.result.set_result(hyps)

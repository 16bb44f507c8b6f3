"""The cross-request batcher (serve/batcher.py) over a recording fake search: what it batches, when, and
what a full queue, a departed client or a failed batch do."""
from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("fastapi")

from seq2seq.config import DecodingOptions  # noqa: E402
from seq2seq.search import Hypothesis  # noqa: E402
from seq2seq.serve.batcher import QueueFull, RequestBatcher  # noqa: E402

BEAM5 = DecodingOptions(beam_size=5)


class FakeSearch:
    """Returns each sentence's ids back as its one hypothesis, and records every batch it was given."""

    def __init__(self, seconds: float = 0.0, fail_on: int = -1):
        self.batches: list[list[list[int]]] = []
        self.options: list[DecodingOptions] = []
        self.seconds, self.fail_on = seconds, fail_on

    def __call__(self, ids: list[list[int]], options: DecodingOptions) -> list[list[Hypothesis]]:
        self.batches.append(ids)
        self.options.append(options)
        time.sleep(self.seconds)
        if any(self.fail_on in i for i in ids):
            raise RuntimeError("boom")
        return [[Hypothesis(list(i), -float(len(i)), -float(len(i)), None)] for i in ids]


def run(coro):
    return asyncio.run(coro)


async def started(search, **kw) -> RequestBatcher:
    settings = dict(max_batch_tokens=1000, max_delay_s=0.05, max_queue=100) | kw
    b = RequestBatcher(search, ThreadPoolExecutor(1), settings["max_batch_tokens"], settings["max_delay_s"],
                       settings["max_queue"], on_dropped=kw.get("on_dropped"))
    b.start()
    return b


def test_concurrent_requests_share_one_batch_and_each_gets_its_own_results():
    async def main():
        search = FakeSearch()
        b = await started(search, max_delay_s=0.2)
        got = await asyncio.gather(b.translate([[1, 2], [3]], BEAM5), b.translate([[4, 5, 6]], BEAM5),
                                   b.translate([[7]], BEAM5))
        await b.stop()
        return search, got
    search, got = run(main())
    assert [[h[0].tokens for h in r] for r in got] == [[[1, 2], [3]], [[4, 5, 6]], [[7]]]
    assert len(search.batches) == 1 and sorted(map(tuple, search.batches[0])) == [(1, 2), (3,), (4, 5, 6), (7,)]


def test_a_batch_never_exceeds_the_token_budget_and_a_long_sentence_rides_alone():
    async def main():
        search = FakeSearch()
        b = await started(search, max_batch_tokens=40, max_delay_s=0.1)  # beam 5: 8 padded source tokens
        sentences = [[1] * 3, [2] * 3, [3] * 3, [4] * 20, [5], [6, 6]]
        got = await b.translate(sentences, BEAM5)
        await b.stop()
        return search, sentences, got
    search, sentences, got = run(main())
    assert [h[0].tokens for h in got] == sentences
    for batch in search.batches:
        padded = len(batch) * (max(map(len, batch)) + 1) * 5
        assert padded <= 40 or len(batch) == 1
    assert [[4] * 20] in search.batches
    assert sum(len(batch) for batch in search.batches) == len(sentences)


def test_sentences_with_different_options_are_never_searched_together():
    async def main():
        search = FakeSearch()
        b = await started(search, max_delay_s=0.1)
        await asyncio.gather(b.translate([[1], [2]], BEAM5), b.translate([[3]], DecodingOptions(beam_size=2)),
                             b.translate([[4]], BEAM5))
        await b.stop()
        return search
    search = run(main())
    assert sorted(len(batch) for batch in search.batches) == [1, 3]
    for batch, options in zip(search.batches, search.options):
        assert options.beam_size == (2 if batch == [[3]] else 5)


def test_without_delay_the_first_sentence_does_not_wait_for_company():
    async def main():
        search = FakeSearch()
        b = await started(search, max_delay_s=10.0, max_batch_tokens=10)  # full at once: no waiting
        start = time.perf_counter()
        await b.translate([[1]], BEAM5)
        full = time.perf_counter() - start
        await b.stop()
        b = await started(search, max_delay_s=0.0)
        start = time.perf_counter()
        await b.translate([[1]], BEAM5)
        await b.stop()
        return full, time.perf_counter() - start
    full, no_delay = run(main())
    assert full < 5 and no_delay < 5  # neither waited the 10 s delay


def test_a_full_queue_refuses_a_request_without_losing_the_waiting_ones():
    async def main():
        search = FakeSearch()
        b = await started(search, max_queue=3, max_delay_s=0.3)
        first = asyncio.ensure_future(b.translate([[1], [2]], BEAM5))
        await asyncio.sleep(0.01)
        with pytest.raises(QueueFull, match="2 sentences are waiting and the queue holds 3"):
            await b.translate([[3], [4]], BEAM5)
        done = await first
        await b.stop()
        return done
    assert [h[0].tokens for h in run(main())] == [[1], [2]]


def test_a_cancelled_request_leaves_the_queue_and_is_never_searched():
    dropped = []

    async def main():
        search = FakeSearch()
        b = await started(search, max_delay_s=0.3, on_dropped=dropped.append)
        gone = asyncio.ensure_future(b.translate([[1], [2]], BEAM5))
        await asyncio.sleep(0.01)
        assert b.depth == 2
        gone.cancel()
        await asyncio.gather(gone, return_exceptions=True)
        depth = b.depth
        kept = await b.translate([[3]], BEAM5)
        await b.stop()
        return search, depth, kept
    search, depth, kept = run(main())
    assert depth == 0 and dropped == [2]
    assert search.batches == [[[3]]] and kept[0][0].tokens == [3]


def test_a_failed_batch_fails_its_requests_and_the_worker_goes_on():
    async def main():
        search = FakeSearch(fail_on=99)
        b = await started(search, max_delay_s=0.0)
        with pytest.raises(RuntimeError, match="boom"):
            await b.translate([[99]], BEAM5)
        after = await b.translate([[1]], BEAM5)
        await b.stop()
        return after
    assert run(main())[0][0].tokens == [1]


def test_while_a_batch_is_searched_the_next_one_gathers():
    async def main():
        search = FakeSearch(seconds=0.2)
        b = await started(search, max_delay_s=0.0)
        first = asyncio.ensure_future(b.translate([[1]], BEAM5))
        await asyncio.sleep(0.05)  # the first batch is being searched
        rest = [asyncio.ensure_future(b.translate([[i]], BEAM5)) for i in range(2, 6)]
        await asyncio.gather(first, *rest)
        await b.stop()
        return search
    search = run(main())
    assert search.batches == [[[1]], [[2], [3], [4], [5]]]

"""The server's Prometheus metrics, in a registry of its own (two servers in one process do not mix)."""
from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from .batcher import BatchRecord


class ServerMetrics:
    """Requests, sentences, queue depth, batch sizes, latency and errors, by model where it applies."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter("seq2seq_requests", "Translation requests answered, by HTTP status",
                                ["status"], registry=r)
        self.sentences = Counter("seq2seq_sentences", "Sentences translated (empty ones included)",
                                 ["model"], registry=r)
        self.dropped = Counter("seq2seq_dropped_sentences", "Waiting sentences dropped because their client "
                               "went away", ["model"], registry=r)
        self.queue_depth = Gauge("seq2seq_queue_depth", "Sentences waiting for a batch", ["model"], registry=r)
        self.batch_sentences = Histogram("seq2seq_batch_sentences", "Sentences per searched batch", ["model"],
                                         buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256), registry=r)
        self.batch_seconds = Histogram("seq2seq_batch_search_seconds", "Beam search time per batch", ["model"],
                                       buckets=(.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10), registry=r)
        self.latency = Histogram("seq2seq_request_latency_seconds", "Time from a translation request to its "
                                 "answer", buckets=(.01, .025, .05, .1, .25, .5, 1, 2, 5, 10, 30), registry=r)
        self.errors = Counter("seq2seq_errors", "Requests that failed, by kind (invalid, queue_full, "
                              "client_gone, internal)", ["kind"], registry=r)

    def batch(self, model: str, record: BatchRecord) -> None:
        self.batch_sentences.labels(model).observe(record.sentences)
        self.batch_seconds.labels(model).observe(record.search_ms / 1000)

    def text(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)

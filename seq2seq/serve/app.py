"""The HTTP API around served models: translate, health, readiness, metrics, model info and the page."""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from typing import Annotated, Any, Optional

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

from .. import __version__
from ..config import DecodingOptions
from ..errors import Seq2SeqError
from .batcher import QueueFull, RequestBatcher
from .metrics import ServerMetrics
from .models import ServedModel

log = logging.getLogger(__name__)
Finite = Annotated[float, Field(allow_inf_nan=False, strict=True)]
OPTIONS = ("beam_size", "n_best", "alpha", "min_len", "max_len_a", "max_len_b")


@dataclasses.dataclass(frozen=True)
class ServeSettings:
    """Limits and batching of one server; the command line's flags, checked once."""

    max_batch_tokens: int = 4000  # padded source tokens x beam per batch
    max_delay_ms: float = 10.0  # how long the oldest waiting sentence may wait for a batch to fill
    max_queue: int = 1000  # sentences waiting, all requests together; beyond: 429
    max_sentences: int = 64  # per request
    max_chars: int = 2000  # per sentence
    max_beam: int = 16  # per request: a bound on the work one request can ask for
    log_text: bool = False  # log each request's sentences and translations (debug level): only with -v

    def __post_init__(self) -> None:
        for name, low in (("max_batch_tokens", 1), ("max_delay_ms", 0), ("max_queue", 1), ("max_sentences", 1),
                          ("max_chars", 1), ("max_beam", 1)):
            if getattr(self, name) < low:
                raise Seq2SeqError(f"serve --{name.replace('_', '-')} {getattr(self, name)}: allowed: a number "
                                   f">= {low}")
        if self.max_sentences > self.max_queue:
            raise Seq2SeqError(f"serve --max-sentences {self.max_sentences} is more than --max-queue "
                               f"{self.max_queue}: a full request could never be queued; raise --max-queue")


class TranslateRequest(BaseModel):
    """POST /v1/translate: sentences and decoding options (unset ones come from the model's recipe)."""

    model_config = ConfigDict(extra="forbid")
    sentences: list[StrictStr]
    model: Optional[StrictStr] = None  # a name from GET /v1/models; default: the first --model
    beam_size: Optional[StrictInt] = None
    n_best: Optional[StrictInt] = None
    alpha: Optional[Finite] = None
    min_len: Optional[StrictInt] = None
    max_len_a: Optional[Finite] = None
    max_len_b: Optional[StrictInt] = None
    attention: StrictBool = False


class Invalid(Exception):
    """A request that parses but breaks a limit: 422 naming the field, as FastAPI's own validation does."""

    def __init__(self, loc: tuple, msg: str):
        self.detail = [{"loc": ["body", *loc], "msg": msg, "type": "value_error"}]


def _check(body: TranslateRequest, models: dict[str, ServedModel],
           settings: ServeSettings) -> tuple[ServedModel, DecodingOptions]:
    """The model a valid request asks for and its decoding options; Invalid names the first field out of
    its limits."""
    name = body.model or next(iter(models))
    if name not in models:
        raise Invalid(("model",), f"unknown model {name!r}; served: {', '.join(models)} (GET /v1/models)")
    if len(body.sentences) > settings.max_sentences:
        raise Invalid(("sentences",), f"{len(body.sentences)} sentences: at most {settings.max_sentences} a "
                                      "request (--max-sentences); split the request")
    for i, sentence in enumerate(body.sentences):
        if len(sentence) > settings.max_chars:
            raise Invalid(("sentences", i), f"{len(sentence)} characters: at most {settings.max_chars} a "
                                            "sentence (--max-chars)")
    if body.beam_size is not None and body.beam_size > settings.max_beam:
        raise Invalid(("beam_size",), f"{body.beam_size}: at most {settings.max_beam} (--max-beam)")
    served = models[name]
    overrides = {k: getattr(body, k) for k in OPTIONS if getattr(body, k) is not None}
    values = dataclasses.asdict(served.options()) | overrides
    for field, allowed in DecodingOptions.broken_limits(values).items():
        raise Invalid((field,), f"{values[field]}: allowed: {allowed}")
    return served, served.options(**overrides)


async def _client_gone(request: Request) -> None:
    """Returns when the client disconnects (the body has been read: the next message is the disconnect)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


def create_app(models: list[ServedModel], settings: ServeSettings = ServeSettings()) -> FastAPI:
    """The ASGI app serving these loaded models; ready once each has done a warm-up translation."""
    by_name = {m.name: m for m in models}
    if len(by_name) != len(models):
        raise Seq2SeqError(f"two served models share a name: {', '.join(m.name for m in models)}")
    metrics = ServerMetrics()
    executor = ThreadPoolExecutor(1, thread_name_prefix="search")  # one search at a time: it uses every core
    state: dict[str, Any] = {"ready": False, "warm_up_error": None}
    batchers: dict[str, RequestBatcher] = {}

    async def warm_up() -> None:
        loop = asyncio.get_running_loop()
        try:
            for m in models:
                await loop.run_in_executor(executor, m.warm_up)
        except Exception as error:  # /ready says so; /health stays up for a look at the logs
            log.exception("warm-up failed")
            state["warm_up_error"] = f"{type(error).__name__}: {error}"
            return
        state["ready"] = True
        log.info("ready: %s", ", ".join(by_name))

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        for m in models:
            b = RequestBatcher(m.translator.search_batch, executor, settings.max_batch_tokens,
                               settings.max_delay_ms / 1000, settings.max_queue,
                               on_batch=lambda record, n=m.name: metrics.batch(n, record),
                               on_dropped=lambda k, n=m.name: metrics.dropped.labels(n).inc(k))
            metrics.queue_depth.labels(m.name).set_function(lambda b=b: b.depth)
            b.start()
            batchers[m.name] = b
        warming = asyncio.get_running_loop().create_task(warm_up())
        yield
        warming.cancel()
        for b in batchers.values():
            await b.stop()
        executor.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(title="seq2seq", version=__version__, lifespan=lifespan)

    def error(status: int, kind: str, content: Any, headers: Optional[dict] = None) -> JSONResponse:
        metrics.requests.labels(str(status)).inc()
        metrics.errors.labels(kind).inc()
        return JSONResponse(jsonable_encoder(content), status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_json(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
        return error(422, "invalid", {"detail": fields})  # not the input back: it may be long, or not JSON (NaN)

    @app.exception_handler(Invalid)
    async def invalid_value(request: Request, exc: Invalid) -> JSONResponse:
        return error(422, "invalid", {"detail": exc.detail})

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error on %s: %s: %s", request.url.path, type(exc).__name__, exc)
        return error(500, "internal", {"detail": f"internal error ({type(exc).__name__}); the server goes on"})

    @app.post("/v1/translate")
    async def translate(body: TranslateRequest, request: Request) -> Response:
        started = time.perf_counter()
        served, options = _check(body, by_name, settings)
        pieces = [served.translator.source_pieces(s) for s in body.sentences]
        todo = [i for i, p in enumerate(pieces) if p]  # empty sentences never reach the model
        work = asyncio.ensure_future(batchers[served.name].translate([served.source_ids(pieces[i]) for i in todo],
                                                                     options))
        gone = asyncio.ensure_future(_client_gone(request))
        await asyncio.wait({work, gone}, return_when=asyncio.FIRST_COMPLETED)
        if not work.done():  # the client went away: its waiting sentences leave the queue
            work.cancel()
            await asyncio.gather(work, return_exceptions=True)
            return error(499, "client_gone", {"detail": "client closed the connection"})
        gone.cancel()
        try:
            found = work.result()
        except QueueFull as full:
            return error(429, "queue_full", {"detail": f"the server is busy ({full}); retry later"},
                         headers={"Retry-After": "1"})
        except Exception as failure:  # the batch's search failed (logged by the batcher); the server goes on
            return error(500, "internal", {"detail": f"translation failed ({type(failure).__name__}); the server "
                                                     "goes on"})
        hyps: list[list] = [[] for _ in body.sentences]
        for i, h in zip(todo, found):
            hyps[i] = h
        results = [served.result(p, h, body.attention) for p, h in zip(pieces, hyps)]
        if settings.log_text:
            log.debug("translated %r -> %r", body.sentences, [r["text"] for r in results])
        seconds = time.perf_counter() - started
        metrics.requests.labels("200").inc()
        metrics.sentences.labels(served.name).inc(len(body.sentences))
        metrics.latency.observe(seconds)
        return JSONResponse({"translations": results,
                             "model": {"name": served.name, "checkpoint_sha256": served.checkpoint_sha256},
                             "timing_ms": round(seconds * 1000, 2)})

    @app.get("/health")
    async def health() -> dict:
        return {"status": "ok"}

    @app.get("/ready")
    async def ready() -> JSONResponse:
        body = {"ready": state["ready"], "models": list(by_name)}
        if state["warm_up_error"]:
            body["error"] = state["warm_up_error"]
        return JSONResponse(body, 200 if state["ready"] else 503)

    @app.get("/metrics")
    async def prometheus() -> Response:
        return Response(metrics.text(), media_type=metrics.content_type)

    @app.get("/v1/models")
    async def model_info() -> dict:
        return {"models": [m.info() for m in models]}

    page = resources.files(__package__).joinpath("page.html").read_text(encoding="utf-8")

    @app.get("/", response_class=HTMLResponse)
    async def index() -> HTMLResponse:
        return HTMLResponse(page)

    return app

"""The HTTP API (serve/app.py) over the toy model, on a real server: results equal Translator's however
requests are split, bad input is a 4xx naming the field and the server goes on, and the operational
endpoints (ready, metrics, models, queue limits, departed clients) say what they should."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx")

from seq2seq.serve import ServeSettings, ServedModel, create_app  # noqa: E402
from serving import running  # noqa: E402

OPTIONS = {"beam_size": 4, "n_best": 3, "alpha": 0.6}


@pytest.fixture(scope="module")
def served(trained_model) -> ServedModel:
    return ServedModel.load(trained_model.dir, "toy")


@pytest.fixture(scope="module")
def server(served):
    with running(create_app([served], ServeSettings(max_sentences=40, max_chars=200))) as url:
        yield url


@pytest.fixture(scope="module")
def sentences(trained_model) -> list[str]:
    lines = (trained_model.data / "test.src").read_text(encoding="utf-8").splitlines()[:32]
    return lines[:10] + ["", "   "] + lines[10:]  # empty and blank ones in the middle


def post(url: str, body: dict, timeout: float = 60) -> httpx.Response:
    return httpx.post(f"{url}/v1/translate", json=body, timeout=timeout)


def expected(served: ServedModel, sentences: list[str], **options) -> list[dict]:
    """What Translator itself gives: text, score and the n-best list of each sentence."""
    t = served.translator
    found = t.search(sentences, t.options(**options))
    return [{"text": t.detokenize(h[0]) if h else "", "score": h[0].normalized if h else None,
             "n_best": [(t.detokenize(x), x.normalized) for x in h]} for h in found]


def same(got: list[dict], want: list[dict]) -> None:
    assert len(got) == len(want)
    for i, (g, w) in enumerate(zip(got, want)):
        assert g["text"] == w["text"], i
        assert [x["text"] for x in g["n_best"]] == [x[0] for x in w["n_best"]], i
        if w["score"] is None:
            assert g["score"] is None and g["n_best"] == [], i
        else:  # batch-invariant search: equal up to float summation order across batch shapes
            assert g["score"] == pytest.approx(w["score"], abs=1e-5), i
            assert [x["score"] for x in g["n_best"]] == pytest.approx([x[1] for x in w["n_best"]], abs=1e-5), i


def test_results_equal_translator_alone_in_one_request_and_across_16_concurrent_requests(server, served, sentences):
    want = expected(served, sentences, **OPTIONS)
    whole = post(server, {"sentences": sentences, **OPTIONS})
    assert whole.status_code == 200, whole.text
    same(whole.json()["translations"], want)
    alone = [post(server, {"sentences": [s], **OPTIONS}).json()["translations"][0] for s in sentences[:6]]
    same(alone, want[:6])
    parts = [sentences[i::16] for i in range(16)]
    barrier = threading.Barrier(16)

    def send(part):
        barrier.wait()
        return post(server, {"sentences": part, **OPTIONS}).json()["translations"]
    with ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(send, parts))
    got = [None] * len(sentences)
    for i, answer in enumerate(answers):
        got[i::16] = answer
    same(got, want)


def test_empty_and_blank_sentences_return_empty_text_and_keep_their_places(server):
    answer = post(server, {"sentences": ["", "a b c", "  \t ", "d e"]}).json()["translations"]
    assert [a["text"] for a in answer][::2] == ["", ""]
    assert answer[1]["text"] and answer[3]["text"]
    only_empty = post(server, {"sentences": ["", " "]}).json()
    assert [a["text"] for a in only_empty["translations"]] == ["", ""]
    assert post(server, {"sentences": []}).json()["translations"] == []


def test_options_default_to_the_recipe_and_n_best_gives_that_many_best_first(server, served):
    body = post(server, {"sentences": ["a b c d e"]}).json()
    assert len(body["translations"][0]["n_best"]) == 1
    defaults = served.options()
    same(body["translations"], expected(served, ["a b c d e"], beam_size=defaults.beam_size))
    five = post(server, {"sentences": ["a b c d e"], "beam_size": 5, "n_best": 5}).json()["translations"][0]
    scores = [h["score"] for h in five["n_best"]]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True) and five["score"] == scores[0]
    assert body["model"] == {"name": "toy", "checkpoint_sha256": served.checkpoint_sha256}
    assert body["timing_ms"] > 0


def test_attention_is_target_by_source_tokens_and_each_row_sums_to_one(server):
    answer = post(server, {"sentences": ["a b c d", "e f g h i j k"], "attention": True}).json()["translations"]
    for result, source in zip(answer, (["a", "b", "c", "d"], ["e", "f", "g", "h", "i", "j", "k"])):
        assert result["source_tokens"] == source + ["</s>"]
        matrix = result["attention"]
        assert len(matrix) == len(result["target_tokens"]) and result["target_tokens"][-1] == "</s>"
        assert " ".join(result["target_tokens"][:-1]) == result["text"]
        assert all(len(row) == len(result["source_tokens"]) for row in matrix)
        assert all(sum(row) == pytest.approx(1, abs=1e-4) for row in matrix)
    assert "attention" not in post(server, {"sentences": ["a b"]}).json()["translations"][0]


BAD = [
    ({"sentences": "a b c"}, ["body", "sentences"]),
    ({"sentences": ["a", 3]}, ["body", "sentences", 1]),
    ({"sentences": ["a", None]}, ["body", "sentences", 1]),
    ({}, ["body", "sentences"]),
    ({"sentences": ["a"] * 41}, ["body", "sentences"]),
    ({"sentences": ["a", "b " * 101]}, ["body", "sentences", 1]),
    ({"sentences": ["a"], "beam_size": 0}, ["body", "beam_size"]),
    ({"sentences": ["a"], "beam_size": 17}, ["body", "beam_size"]),
    ({"sentences": ["a"], "beam_size": "5"}, ["body", "beam_size"]),
    ({"sentences": ["a"], "beam_size": 2.5}, ["body", "beam_size"]),
    ({"sentences": ["a"], "beam_size": 2, "n_best": 3}, ["body", "n_best"]),
    ({"sentences": ["a"], "n_best": 0}, ["body", "n_best"]),
    ({"sentences": ["a"], "alpha": -1}, ["body", "alpha"]),
    ({"sentences": ["a"], "max_len_a": -0.5}, ["body", "max_len_a"]),
    ({"sentences": ["a"], "min_len": -1}, ["body", "min_len"]),
    ({"sentences": ["a"], "attention": "yes"}, ["body", "attention"]),
    ({"sentences": ["a"], "beem_size": 3}, ["body", "beem_size"]),
    ({"sentences": ["a"], "model": "nope"}, ["body", "model"]),
]


@pytest.mark.parametrize("body,loc", BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_input_is_a_422_naming_the_field_and_the_server_goes_on(server, body, loc):
    r = post(server, body)
    assert r.status_code == 422, r.text
    assert loc in [e["loc"] for e in r.json()["detail"]], r.json()
    assert post(server, {"sentences": ["a b"]}).status_code == 200


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b"null", b'{"sentences": ["a"], "alpha": NaN}',
                                 b'{"sentences": ["a"], "alpha": Infinity}', b'{"sentences": ["a"]'])
def test_a_body_that_is_not_a_request_is_a_422_and_the_server_goes_on(server, raw):
    r = httpx.post(f"{server}/v1/translate", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert post(server, {"sentences": ["a b"]}).status_code == 200


@pytest.mark.parametrize("raw", ['{"sentences": ["a \\ud800 b", "c"]}'.encode(),
                                 '{"sentences": ["a \udcff b", "c"]}'.encode("utf-8", "surrogatepass")])
def test_text_that_is_not_valid_unicode_is_translated_as_the_cli_does_with_one_result_each(server, raw):
    """A lone surrogate (escaped, or bytes that are not UTF-8) becomes U+FFFD, as in `seq2seq translate`."""
    r = httpx.post(f"{server}/v1/translate", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text
    assert len(r.json()["translations"]) == 2


def test_health_models_metrics_and_the_page(server, served):
    assert httpx.get(f"{server}/health").json() == {"status": "ok"}
    assert httpx.get(f"{server}/ready").json()["ready"] is True
    [info] = httpx.get(f"{server}/v1/models").json()["models"]
    assert info["name"] == "toy" and info["parameters"] == served.translator.model.num_parameters()
    assert info["decoding_defaults"]["beam_size"] == served.options().beam_size and len(info["recipe_sha256"]) == 16
    post(server, {"sentences": ["a b", "c"]})
    post(server, {"sentences": ["a"], "beam_size": 0})
    text = httpx.get(f"{server}/metrics").text
    for name in ("seq2seq_requests_total{status=\"200\"}", "seq2seq_requests_total{status=\"422\"}",
                 "seq2seq_sentences_total{model=\"toy\"}", "seq2seq_queue_depth{model=\"toy\"} 0.0",
                 "seq2seq_batch_sentences_count", "seq2seq_request_latency_seconds_bucket",
                 "seq2seq_errors_total{kind=\"invalid\"}"):
        assert name in text, name
    page = httpx.get(f"{server}/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "http://" not in page.text and "https://" not in page.text and "//cdn" not in page.text  # offline


def test_ready_is_false_until_the_warm_up_translation_is_done(served, monkeypatch):
    release = threading.Event()
    warm_up = ServedModel.warm_up

    def slow_warm_up(self):
        release.wait(30)
        warm_up(self)
    monkeypatch.setattr(ServedModel, "warm_up", slow_warm_up)
    with running(create_app([served]), wait_ready=False) as url:
        assert httpx.get(f"{url}/health").status_code == 200
        r = httpx.get(f"{url}/ready")
        assert r.status_code == 503 and r.json()["ready"] is False
        release.set()
        deadline = time.monotonic() + 30
        while httpx.get(f"{url}/ready").status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.05)


def _depth(url: str) -> float:
    line = next(l for l in httpx.get(f"{url}/metrics").text.splitlines() if l.startswith("seq2seq_queue_depth"))
    return float(line.split()[-1])


def _wait_depth(url: str, depth: float) -> None:
    deadline = time.monotonic() + 10
    while _depth(url) != depth:
        assert time.monotonic() < deadline, f"queue depth {_depth(url)}, expected {depth}"
        time.sleep(0.02)


def test_a_full_queue_answers_429_with_retry_after(served):
    with running(create_app([served], ServeSettings(max_queue=3, max_sentences=3, max_delay_ms=3000))) as url:
        with ThreadPoolExecutor(1) as pool:
            first = pool.submit(post, url, {"sentences": ["a b", "c d", "e"]})
            _wait_depth(url, 3)
            r = post(url, {"sentences": ["f"]})
            assert r.status_code == 429 and r.headers["retry-after"] == "1" and "busy" in r.json()["detail"]
            assert first.result().status_code == 200  # the waiting request was not harmed
        assert post(url, {"sentences": ["f"]}).status_code == 200


def test_a_client_that_goes_away_has_its_sentences_dropped(served):
    with running(create_app([served], ServeSettings(max_delay_ms=5000))) as url:
        body = b'{"sentences": ["a b c", "d e f"]}'
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"POST /v1/translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            _wait_depth(url, 2)
        _wait_depth(url, 0)  # gone well before the 5 s delay would have searched them
        text = httpx.get(f"{url}/metrics").text
        assert 'seq2seq_dropped_sentences_total{model="toy"} 2.0' in text
        assert 'seq2seq_batch_sentences_count{model="toy"}' not in text  # no batch was searched for nobody


def _no_sigint():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_the_command_serves_on_a_free_port_and_stops_gracefully_on_sigterm(trained_model, tmp_path):
    log = tmp_path / "serve.log"
    with open(log, "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "seq2seq", "serve", "--model", str(trained_model.dir),
                                 "--port", "0"], stderr=err, stdout=subprocess.DEVNULL, preexec_fn=_no_sigint)
    try:
        deadline = time.monotonic() + 60
        while " at http://" not in log.read_text():
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        url = log.read_text().split(" at ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        while httpx.get(f"{url}/ready").status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert post(url, {"sentences": ["a b c"]}).json()["translations"][0]["text"]
        proc.send_signal(signal.SIGTERM)  # a graceful shutdown, then the exit status of SIGTERM, as every command
        assert proc.wait(30) == 143
        assert "Traceback" not in log.read_text()
    finally:
        proc.kill()


@pytest.mark.parametrize("args,message", [
    (["--max-sentences", "10", "--max-queue", "5"], "--max-sentences 10 is more than --max-queue 5"),
    (["--max-delay-ms", "-1"], "--max-delay-ms -1.0: allowed: a number >= 0"),
    (["--checkpoint", "step_999"], "checkpoint not found"),
])
def test_bad_settings_are_one_line_errors(trained_model, args, message):
    r = subprocess.run([sys.executable, "-m", "seq2seq", "serve", "--model", str(trained_model.dir), *args],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_a_port_in_use_is_a_one_line_error(trained_model):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "seq2seq", "serve", "--model", str(trained_model.dir),
                            "--port", str(port)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1

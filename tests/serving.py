"""A real uvicorn server on a free loopback port, in a thread of the test process (for the serve tests)."""
from __future__ import annotations

import contextlib
import threading
import time
from typing import Iterator

import httpx
import uvicorn

from seq2seq.serve.server import bind


@contextlib.contextmanager
def running(app, wait_ready: bool = True) -> Iterator[str]:
    """The base URL of `app` served until the block ends; with wait_ready, once /ready says so."""
    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        deadline = time.monotonic() + 60
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
            time.sleep(0.02)
        while wait_ready and httpx.get(f"{url}/ready").status_code != 200:
            assert time.monotonic() < deadline, "the server did not get ready"
            time.sleep(0.05)
        yield url
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()

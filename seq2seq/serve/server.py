"""`seq2seq serve`: load the models, bind the address, run uvicorn until Ctrl-C or SIGTERM."""
from __future__ import annotations

import logging
import socket
import sys
from pathlib import Path
from typing import Optional, Sequence

import uvicorn

from ..errors import Seq2SeqError
from .app import ServeSettings, create_app
from .models import ServedModel

log = logging.getLogger(__name__)


def model_names(model_dirs: Sequence[str | Path]) -> list[str]:
    """Each model's name for requests: its directory's name, or its whole path where two names clash."""
    names = [Path(d).resolve().name for d in model_dirs]
    return [n if names.count(n) == 1 else str(Path(d)) for n, d in zip(names, model_dirs)]


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: a free one), or one line saying why not."""
    try:
        return socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET,
                                    backlog=2048)
    except OSError as error:
        raise Seq2SeqError(f"cannot listen on {host}:{port} ({error.strerror or error}); is another server "
                           "using it? give another --port or --host") from None


def serve(model_dirs: Sequence[str | Path], host: str = "127.0.0.1", port: int = 8080,
          settings: ServeSettings = ServeSettings(), checkpoint: str = "best", device: Optional[str] = "auto",
          int8: bool = False, debug: bool = False) -> None:
    """Serve these model directories over HTTP until interrupted; models load before the port opens."""
    models = [ServedModel.load(d, name, checkpoint, device, int8) for d, name in zip(model_dirs, model_names(model_dirs))]
    sock = bind(host, port)
    app = create_app(models, settings)
    address = sock.getsockname()
    url = f"http://{'[' + address[0] + ']' if ':' in address[0] else address[0]}:{address[1]}"
    print(f"serving {', '.join(m.name for m in models)} at {url} (the page: {url}/, readiness: {url}/ready)",
          file=sys.stderr, flush=True)
    config = uvicorn.Config(app, log_level="debug" if debug else "warning", access_log=debug,
                            timeout_graceful_shutdown=5)
    uvicorn.Server(config).run(sockets=[sock])

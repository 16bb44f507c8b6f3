"""SIGINT and SIGTERM during training (Ctrl-C, a scheduler's pre-emption): stop cleanly, once asked; at once, twice."""
from __future__ import annotations

import os
import signal
import threading
import time
from types import FrameType
from typing import Optional

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopRequests:
    """While active, the first SIGINT or SIGTERM is only noted (`signum`), so the training loop can finish
    its update and write last.pt; another one more than REPEAT_S later ends the process at once, as the
    signal would have. Closer ones are the same request (torchrun passes its own on to every process, and
    a scheduler may signal each process as well). A signal that was being ignored stays ignored."""

    REPEAT_S = 1.0

    def __init__(self) -> None:
        self.signum = 0  # the first stop signal received; 0: none
        self._first = 0.0
        self._before: dict[int, object] = {}

    def __enter__(self) -> "StopRequests":
        if threading.current_thread() is threading.main_thread():  # Python handles signals there only
            self._before = {s: signal.signal(s, self._handle) for s in STOP_SIGNALS
                            if signal.getsignal(s) is not signal.SIG_IGN}
        return self

    def __exit__(self, *exc) -> None:
        for s, handler in self._before.items():
            signal.signal(s, handler)
        self._before = {}

    def _handle(self, signum: int, frame: Optional[FrameType]) -> None:
        if self.signum:
            if time.monotonic() - self._first > self.REPEAT_S:  # asked again: no more waiting
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)
            return
        self.signum, self._first = signum, time.monotonic()
        os.write(2, f"\n{signal.Signals(signum).name}: stopping after this update (again to stop at once)\n".encode())

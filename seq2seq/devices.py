"""Device choice, for every job that runs a model: 'auto' takes CUDA when present, a missing one is a clear error."""
from __future__ import annotations

from typing import Optional

import torch

from .errors import Seq2SeqError


def pick_device(name: Optional[str] = "auto") -> torch.device:
    """'auto' (or None) takes CUDA when present; an explicit device that is missing is a clear error."""
    if name in (None, "auto"):
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        device = torch.device(name)
    except RuntimeError:
        raise Seq2SeqError(f"device {name!r} is not a device name; use auto, cpu, cuda or cuda:N") from None
    if device.type not in ("cpu", "cuda"):
        raise Seq2SeqError(f"device {name!r}: only cpu and cuda are supported; use auto, cpu, cuda or cuda:N")
    if device.type == "cuda" and not torch.cuda.is_available():
        raise Seq2SeqError(f"device {name} asked for, but no CUDA device is available; use cpu or auto")
    if device.type == "cuda" and device.index is not None and device.index >= torch.cuda.device_count():
        raise Seq2SeqError(f"device {name} asked for, but this machine has {torch.cuda.device_count()} CUDA "
                           "device(s), numbered from 0")
    return device

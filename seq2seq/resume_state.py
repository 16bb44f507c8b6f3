"""What an exact resume needs besides weights and optimizer: every random state, a fingerprint that
shows the ranks hold the same weights, and the newest intact checkpoint to start from."""
from __future__ import annotations

import hashlib
import logging
import random
from pathlib import Path
from typing import Optional

import torch
from torch import nn

from .errors import Seq2SeqError
from .model_dir import ModelDir

log = logging.getLogger("seq2seq")


def fingerprint(model: nn.Module) -> str:
    """A hash of every weight's bytes: equal on every rank, or the ranks have drifted apart."""
    digest = hashlib.sha256()
    for tensor in model.state_dict().values():
        digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return digest.hexdigest()


def rng_state() -> dict:
    rng = {"torch": torch.get_rng_state(), "python": random.getstate()}
    if torch.cuda.is_available():
        rng["cuda"] = torch.cuda.get_rng_state_all()
    return rng


def set_rng_state(rng: dict) -> None:
    torch.set_rng_state(rng["torch"])
    random.setstate(rng["python"])
    if "cuda" in rng and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(rng["cuda"])


def load_resumable(model_dir: ModelDir) -> dict:
    """The newest intact checkpoint a resume can start from: last.pt, unless a step_N.pt is newer (a kill
    between the two writes of a validation), or else the newest intact step_N.pt; what was damaged is
    said; none intact is an error."""
    broken = [] if model_dir.has_checkpoint("last") else [f"{model_dir.checkpoint('last')} is missing"]
    found: Optional[tuple[Path, dict]] = None
    for path in model_dir.resumable():  # last.pt, then the step checkpoints, newest first
        step = ModelDir.step_of(path)
        if found is not None and (step is None or step <= found[1]["state"]["step"]):
            break  # nothing older is needed
        saved = _intact(model_dir, path, broken)
        if saved is not None and (found is None or saved["state"]["step"] > found[1]["state"]["step"]):
            found = (path, saved)
            if step is not None or found[1]["state"]["step"] >= _newest_step(model_dir):
                break
    if found is None:
        raise Seq2SeqError(f"cannot resume: no intact checkpoint to resume from in {model_dir.checkpoints} "
                           f"({'; '.join(broken) or 'it has none'}); train with --overwrite to start again")
    path, saved = found
    if path != model_dir.checkpoint("last"):
        log.warning("resuming from %s (step %d) instead", path.name, saved["state"]["step"])
    return saved


def _newest_step(model_dir: ModelDir) -> int:
    steps = model_dir.step_checkpoints()
    return ModelDir.step_of(steps[-1]) if steps else -1


def _intact(model_dir: ModelDir, path: Path, broken: list[str]) -> Optional[dict]:
    """A checkpoint's full payload, or None (its reason added to `broken`) when it cannot resume a run."""
    try:
        saved = model_dir.load_checkpoint(str(path), full=True)
    except Seq2SeqError as error:
        broken.append(str(error))
        log.warning("%s; trying another checkpoint", error)
        return None
    if "optimizer" not in saved or "state" not in saved:
        broken.append(f"{path} holds weights only (written by an older version)")
        return None
    return saved

"""What an exact resume needs besides weights and optimizer: every random state, a fingerprint that
shows the ranks hold the same weights, and the newest intact checkpoint to start from."""
from __future__ import annotations

import hashlib
import logging
import random

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
    """The newest intact checkpoint a resume can start from: last.pt, or else the newest step_N.pt,
    saying which was damaged; none intact is an error."""
    broken = [] if model_dir.has_checkpoint("last") else [f"{model_dir.checkpoint('last')} is missing"]
    for path in model_dir.resumable():
        try:
            saved = model_dir.load_checkpoint(str(path), full=True)
        except Seq2SeqError as error:
            broken.append(str(error))
            log.warning("%s; trying an older checkpoint", error)
            continue
        if "optimizer" not in saved or "state" not in saved:
            broken.append(f"{path} holds weights only (written by an older version)")
            continue
        if broken:
            log.warning("resuming from %s (step %d) instead", path.name, saved["state"]["step"])
        return saved
    raise Seq2SeqError(f"cannot resume: no intact checkpoint to resume from in {model_dir.checkpoints} "
                       f"({'; '.join(broken) or 'it has none'}); train with --overwrite to start again")

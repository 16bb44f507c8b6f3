"""Checkpoint averaging: the mean of the last few saved weights is often a better model than any one of them."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

import torch

from .errors import Seq2SeqError
from .model.upgrade import upgrade_state_dict
from .model_dir import ModelDir

log = logging.getLogger(__name__)


def average_state_dicts(states: Sequence[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """Element-wise mean of floating-point tensors (summed in float64); other tensors must agree and are kept.

    The result lists the weights in the last (newest) state's order; the others may list the same ones in
    another order (a run resumed across versions saved its older checkpoints in the older order)."""
    if not states:
        raise Seq2SeqError("no checkpoints to average")
    keys = list(states[-1])
    for i, state in enumerate(states):
        if set(state) != set(keys):
            raise Seq2SeqError(f"checkpoint {i} holds different weights from checkpoint {len(states) - 1}: "
                               "average only checkpoints of one model")
    averaged = {}
    for key in keys:
        tensors = [state[key] for state in states]
        if any(t.shape != tensors[0].shape for t in tensors):
            raise Seq2SeqError(f"weight {key} has different shapes across checkpoints: "
                               "average only checkpoints of one model")
        if tensors[0].is_floating_point():
            total = torch.stack([t.double() for t in tensors]).sum(0)
            averaged[key] = (total / len(tensors)).to(tensors[0].dtype)
        elif all(torch.equal(t, tensors[0]) for t in tensors):
            averaged[key] = tensors[0].clone()
        else:
            raise Seq2SeqError(f"non-float weight {key} differs across checkpoints; cannot average it")
    return averaged


def average_checkpoints(model_dir: str | Path, last: int, name: str = "averaged") -> Path:
    """Average the last `last` step checkpoints into checkpoints/NAME.pt; `translate --checkpoint NAME` uses it."""
    if last < 1:
        raise Seq2SeqError(f"--last must be at least 1, not {last}")
    reserved = name.lower() in ("best", "last") or name.lower().startswith(ModelDir.STEP)
    if reserved or not name.replace("_", "").replace("-", "").isalnum():
        raise Seq2SeqError(f"cannot name the average {name!r}: pick a new plain name such as 'averaged'")
    directory = ModelDir(model_dir).require()
    paths = directory.step_checkpoints()
    if len(paths) < last:
        raise Seq2SeqError(f"{model_dir} holds {len(paths)} step checkpoint(s) "
                           f"({', '.join(p.name for p in paths) or 'none'}), fewer than the {last} asked for; "
                           "train with a larger training.keep_last or average fewer")
    chosen = paths[-last:]
    states, steps = [], []
    for path in chosen:
        try:  # the one checkpoint reader: its CRC and format checks included
            saved = directory.load_checkpoint(str(path))
        except Seq2SeqError as error:
            raise Seq2SeqError(f"{error}; average fewer with a smaller --last") from None
        states.append(upgrade_state_dict(saved["model"]))  # an older version's names, if it saved them
        steps.append(int(saved["step"]))
    payload = {"model": average_state_dicts(states), "step": max(steps),
               "averaged_steps": steps}
    target = directory.save_checkpoint(name, payload)
    log.info("averaged %d checkpoints (steps %s) into %s", len(chosen), ", ".join(map(str, steps)), target)
    return target

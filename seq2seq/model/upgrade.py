"""Checkpoints of older versions, read by this one: parameter names that moved, and the optimizer
state that is stored by parameter position.

Up to commit d08da82 the decoder kept its gate layer norms apart from its cells, in
`decoder.gate_norms.{ih0,hh0,...,cond_ih,cond_hh}`; each cell now owns them (`cells.0.norm_ih`,
`conditional.norm_hh`). Renaming changes nothing else: the tensors are the same.
"""
from __future__ import annotations

import re

import torch
from torch import nn

_RENAMES = ((re.compile(r"^(.*)gate_norms\.(ih|hh)(\d+)\."), r"\1cells.\3.norm_\2."),
            (re.compile(r"^(.*)gate_norms\.cond_(ih|hh)\."), r"\1conditional.norm_\2."))


def renamed(key: str) -> str:
    """A parameter's name in this version, given its name in any earlier one."""
    for pattern, replacement in _RENAMES:
        key = pattern.sub(replacement, key)
    return key


def upgrade_state_dict(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """A whole model's state dict with this version's names, in the same order."""
    return {renamed(key): value for key, value in state.items()}


def rename_old_keys(module: nn.Module, state_dict: dict, prefix: str, *args) -> None:
    """load_state_dict pre-hook: rename an older version's keys under `prefix` in place."""
    for key in [k for k in state_dict if k.startswith(prefix) and renamed(k) != k]:
        state_dict[renamed(key)] = state_dict.pop(key)


def _parameter_names(state: dict[str, torch.Tensor]) -> list[str]:
    """The names of a saved model's parameters in the order its optimizer numbered them: state-dict
    order, each shared tensor (tied embeddings) once, under its first name, as named_parameters does."""
    seen, names = set(), []
    for name, tensor in state.items():
        where = (tensor.untyped_storage().data_ptr(), tensor.storage_offset(), tuple(tensor.shape))
        if where not in seen:
            seen.add(where)
            names.append(name)
    return names


def upgrade_optimizer_state(optimizer_state: dict, saved_model: dict[str, torch.Tensor], model: nn.Module) -> dict:
    """An optimizer state saved with `saved_model`, renumbered for `model`'s parameter order.

    Optimizers number their state by parameter position; when a version moved parameters to other
    modules (see above), an older checkpoint's numbers point at other tensors. Unchanged otherwise.
    """
    old = [renamed(name) for name in _parameter_names(saved_model)]
    new = [name for name, _ in model.named_parameters()]
    if old == new:
        return optimizer_state
    if sorted(old) != sorted(new):
        raise ValueError("the saved optimizer state belongs to a model with other parameters")
    position = {name: i for i, name in enumerate(new)}
    moved = {i: position[name] for i, name in enumerate(old)}
    groups = [{**group, "params": sorted(moved[i] for i in group["params"])}
              for group in optimizer_state["param_groups"]]
    return {"state": {moved[i]: value for i, value in optimizer_state["state"].items()}, "param_groups": groups}

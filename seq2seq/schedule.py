"""Training schedules as pure functions: the learning rate and teacher forcing of a step, and what a
validation changes in the training state (best, patience, plateau decay) and whether training stops."""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Optional

from .config import ForcingSchedule, Metric, Schedule, TrainingConfig


def learning_rate(cfg: TrainingConfig, step: int, plateau_scale: float = 1.0) -> float:
    """Rate for update `step` (1-based): linear warmup, then the recipe's schedule."""
    warm = cfg.warmup_steps
    scale = min(1.0, step / warm) if warm else 1.0
    if cfg.schedule is Schedule.INVERSE_SQRT and warm and step > warm:
        scale = math.sqrt(warm / step)
    elif cfg.schedule is Schedule.INVERSE_SQRT and not warm:
        scale = 1.0 / math.sqrt(max(step, 1))
    elif cfg.schedule is Schedule.COSINE and step > warm:
        total = max(cfg.max_steps or 0, warm + 1)
        progress = min(1.0, (step - warm) / (total - warm))
        floor = cfg.min_learning_rate / cfg.learning_rate
        scale = floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * progress))
    elif cfg.schedule is Schedule.PLATEAU:
        scale *= plateau_scale
    return cfg.learning_rate * scale


def teacher_forcing(cfg: TrainingConfig, step: int) -> float:
    """Probability of feeding the reference token at `step`: constant, linear or inverse-sigmoid decay."""
    start, low, k = cfg.teacher_forcing, cfg.teacher_forcing_min, cfg.teacher_forcing_decay_steps
    if cfg.teacher_forcing_schedule is ForcingSchedule.LINEAR:
        return max(low, start - (start - low) * step / k)
    if cfg.teacher_forcing_schedule is ForcingSchedule.INVERSE_SIGMOID:
        return max(low, start * k / (k + math.exp(min(step / k, 700.0))))  # Bengio et al. 2015
    return start


# ---------------------------------------------------------------- training state and its decisions


@dataclass
class TrainState:
    """Everything besides weights and optimizer that an exact resume needs."""

    step: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0  # batches of `epoch` already consumed
    best_score: Optional[float] = None  # of every validation: picks best.pt
    best_step: int = 0
    scheduled_best: Optional[float] = None  # of scheduled validations only: drives patience and plateau decay
    bad_validations: int = 0  # since the last improvement (early stopping)
    plateau_bad: int = 0  # since the last improvement or decay (plateau schedule)
    plateau_scale: float = 1.0
    elapsed: float = 0.0  # seconds of training up to the last checkpoint
    validated_step: int = -1  # step of the last validation
    target_tokens: int = 0
    skipped_updates: int = 0  # updates skipped for a non-finite loss or gradient norm, in all
    bad_updates_in_row: int = 0  # of those, the ones since the last good update (training.max_bad_updates)

    @classmethod
    def from_dict(cls, saved: dict) -> "TrainState":
        """The state a checkpoint saved, also from versions that had fewer fields."""
        saved = {"scheduled_best": saved.get("best_score"), **saved}
        return cls(**{f.name: saved[f.name] for f in dataclasses.fields(cls) if f.name in saved})


@dataclass(frozen=True)
class ValidationResult:
    """One validation's measurements: loss on the validation set, greedy translations and their scores."""

    loss: float  # mean per-token negative log-likelihood, no label smoothing
    bleu: float
    chrf: float
    hypotheses: list[str]

    def score(self, metric: Metric) -> float:
        """Higher is better, whatever the metric."""
        return {Metric.BLEU: self.bleu, Metric.CHRF: self.chrf, Metric.LOSS: -self.loss}[metric]


def after_validation(cfg: TrainingConfig, state: TrainState, score: float,
                     scheduled: bool) -> tuple[TrainState, bool]:
    """The state after a validation that scored `score` (higher is better): best, patience, plateau
    scale; and whether it is the best so far (best.pt).

    Only scheduled validations (every valid_every steps) count for plateau decay and early stopping,
    so the extra one at the end of a budget does not make a resumed run differ from a straight one.
    """
    new = dataclasses.replace(state, validated_step=state.step)
    improved = state.best_score is None or score > state.best_score
    if improved:
        new.best_score, new.best_step = score, state.step
    if not scheduled:
        return new, improved
    if state.scheduled_best is None or score > state.scheduled_best:
        new.scheduled_best, new.bad_validations, new.plateau_bad = score, 0, 0
    else:
        new.bad_validations, new.plateau_bad = state.bad_validations + 1, state.plateau_bad + 1
    if cfg.schedule is Schedule.PLATEAU and new.plateau_bad > cfg.decay_patience:
        new.plateau_scale, new.plateau_bad = state.plateau_scale * cfg.decay_factor, 0
    return new, improved


def budget_spent(cfg: TrainingConfig, state: TrainState, elapsed: float) -> Optional[str]:
    """Which of training's budgets (steps, minutes, epochs) is used up, if one is."""
    if cfg.max_steps and state.step >= cfg.max_steps:
        return f"reached training.max_steps ({cfg.max_steps})"
    if cfg.max_minutes and elapsed >= cfg.max_minutes * 60:
        return f"reached training.max_minutes ({cfg.max_minutes})"
    if cfg.max_epochs and state.epoch >= cfg.max_epochs:
        return f"reached training.max_epochs ({cfg.max_epochs})"
    return None


def validations_decided(cfg: TrainingConfig, state: TrainState) -> Optional[str]:
    """Whether the validations so far end training: early stopping, or the plateau schedule's floor."""
    if cfg.early_stopping_patience is not None and state.bad_validations >= cfg.early_stopping_patience:
        return f"early stopping (no improvement in {cfg.early_stopping_patience} validations)"
    if cfg.schedule is Schedule.PLATEAU and cfg.learning_rate * state.plateau_scale < cfg.min_learning_rate:
        return "the plateau schedule took the learning rate below training.min_learning_rate"
    return None


def stop_reason(cfg: TrainingConfig, state: TrainState, elapsed: float) -> Optional[str]:
    """Why training stops now, if it does: a budget first, then what the validations decided.

    From the state (and the training time) alone, so a resumed run decides as the straight one did.
    """
    return budget_spent(cfg, state, elapsed) or validations_decided(cfg, state)

"""Learning-rate and teacher-forcing schedules as pure functions of the step (plus plateau state)."""
from __future__ import annotations

import math

from .config import ForcingSchedule, Schedule, TrainingConfig


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

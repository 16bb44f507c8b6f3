"""Learning-rate and teacher-forcing schedules: pure functions of the step."""
from __future__ import annotations

import math

import pytest

from seq2seq.config import ForcingSchedule, Schedule, TrainingConfig
from seq2seq.schedule import learning_rate, teacher_forcing

LR = 0.002


def cfg(**kw) -> TrainingConfig:
    return TrainingConfig(**{"learning_rate": LR, "max_steps": 1000, **kw})


@pytest.mark.parametrize("schedule", list(Schedule))
def test_warmup_is_linear_up_to_the_full_rate(schedule):
    c = cfg(schedule=schedule, warmup_steps=100)
    for step in (1, 10, 37, 50, 99, 100):
        assert learning_rate(c, step) == pytest.approx(LR * step / 100, rel=1e-12)


def test_no_warmup_starts_at_the_full_rate():
    assert learning_rate(cfg(schedule=Schedule.CONSTANT), 1) == pytest.approx(LR)
    assert learning_rate(cfg(schedule=Schedule.COSINE), 1) == pytest.approx(LR, rel=1e-4)


def test_constant_stays_after_warmup():
    c = cfg(schedule=Schedule.CONSTANT, warmup_steps=10)
    assert all(learning_rate(c, s) == pytest.approx(LR) for s in (10, 11, 500, 1000, 5000))
    assert learning_rate(c, 500, plateau_scale=0.25) == pytest.approx(LR)  # plateau scale is plateau's own


def test_inverse_sqrt_decays_as_sqrt_of_warmup_over_step():
    c = cfg(schedule=Schedule.INVERSE_SQRT, warmup_steps=100)
    for step in (100, 101, 400, 2500, 10_000):
        assert learning_rate(c, step) == pytest.approx(LR * math.sqrt(100 / step), rel=1e-12)
    assert learning_rate(c, 400) == pytest.approx(LR / 2)


def test_inverse_sqrt_without_warmup():
    c = cfg(schedule=Schedule.INVERSE_SQRT, warmup_steps=0)
    for step in (1, 4, 100):
        assert learning_rate(c, step) == pytest.approx(LR / math.sqrt(step))


def test_cosine_falls_from_the_rate_to_min_learning_rate_at_max_steps():
    c = cfg(schedule=Schedule.COSINE, warmup_steps=100, max_steps=1100, min_learning_rate=1e-5)
    assert learning_rate(c, 100) == pytest.approx(LR)
    middle = 100 + 1000 // 2
    assert learning_rate(c, middle) == pytest.approx(1e-5 + (LR - 1e-5) / 2)
    assert learning_rate(c, 1100) == pytest.approx(1e-5, rel=1e-9)
    assert learning_rate(c, 5000) == pytest.approx(1e-5, rel=1e-9)  # stays at the floor past max_steps
    rates = [learning_rate(c, s) for s in range(100, 1101)]
    assert all(a >= b for a, b in zip(rates, rates[1:]))


def test_plateau_scale_multiplies_the_rate_warmup_included():
    c = cfg(schedule=Schedule.PLATEAU, warmup_steps=10)
    assert learning_rate(c, 500) == pytest.approx(LR)
    assert learning_rate(c, 500, plateau_scale=0.25) == pytest.approx(LR * 0.25)
    assert learning_rate(c, 5, plateau_scale=0.5) == pytest.approx(LR * 0.5 * 0.5)


# ---------------------------------------------------------------------- teacher forcing


def test_teacher_forcing_constant_stays():
    c = cfg(teacher_forcing=0.75, teacher_forcing_schedule=ForcingSchedule.CONSTANT, teacher_forcing_min=0.1)
    assert {teacher_forcing(c, s) for s in (0, 1, 1000, 10**6)} == {0.75}


def test_teacher_forcing_linear_reaches_the_min_at_decay_steps():
    c = cfg(teacher_forcing=1.0, teacher_forcing_schedule=ForcingSchedule.LINEAR, teacher_forcing_min=0.2,
            teacher_forcing_decay_steps=400)
    assert teacher_forcing(c, 0) == pytest.approx(1.0)
    assert teacher_forcing(c, 100) == pytest.approx(0.8)
    assert teacher_forcing(c, 200) == pytest.approx(0.6)
    assert teacher_forcing(c, 400) == pytest.approx(0.2)
    assert teacher_forcing(c, 401) == pytest.approx(0.2)
    assert teacher_forcing(c, 10**6) == pytest.approx(0.2)
    values = [teacher_forcing(c, s) for s in range(0, 500)]
    assert all(a >= b for a, b in zip(values, values[1:]))


def test_teacher_forcing_inverse_sigmoid_follows_k_over_k_plus_exp():
    k = 50
    c = cfg(teacher_forcing=1.0, teacher_forcing_schedule=ForcingSchedule.INVERSE_SIGMOID,
            teacher_forcing_min=0.0, teacher_forcing_decay_steps=k)
    for step in (0, 1, 100, 195, 250, 500):
        assert teacher_forcing(c, step) == pytest.approx(k / (k + math.exp(step / k)), rel=1e-12)
    assert teacher_forcing(c, 10**7) == pytest.approx(0.0, abs=1e-12)  # no overflow far out


def test_teacher_forcing_inverse_sigmoid_never_goes_below_the_min():
    c = cfg(teacher_forcing=1.0, teacher_forcing_schedule=ForcingSchedule.INVERSE_SIGMOID,
            teacher_forcing_min=0.3, teacher_forcing_decay_steps=50)
    assert teacher_forcing(c, 10_000) == pytest.approx(0.3)
    assert teacher_forcing(c, 0) == pytest.approx(50 / 51)

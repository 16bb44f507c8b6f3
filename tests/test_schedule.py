"""Learning-rate and teacher-forcing schedules: pure functions of the step."""
from __future__ import annotations

import dataclasses
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


# ---------------------------------------------------------------- what a validation decides


def test_after_validation_is_pure_and_tracks_the_best():
    from seq2seq.schedule import TrainState, after_validation

    c = cfg(schedule=Schedule.CONSTANT)
    start = TrainState(step=10)
    state, improved = after_validation(c, start, 30.0, scheduled=True)
    assert improved and (state.best_score, state.best_step, state.validated_step) == (30.0, 10, 10)
    assert start == TrainState(step=10)  # the input state is left as it was
    later = dataclasses.replace(state, step=20)
    worse, improved = after_validation(c, later, 29.0, scheduled=True)
    assert not improved and (worse.best_score, worse.best_step, worse.bad_validations) == (30.0, 10, 1)


def test_plateau_decays_after_its_patience_and_restarts_counting():
    from seq2seq.schedule import TrainState, after_validation

    c = cfg(schedule=Schedule.PLATEAU, decay_patience=1, decay_factor=0.5)
    state, _ = after_validation(c, TrainState(step=1), 10.0, scheduled=True)
    scales = []
    for step, score in enumerate([9.0, 9.0, 9.0, 11.0, 10.0], start=2):
        state, _ = after_validation(c, dataclasses.replace(state, step=step), score, scheduled=True)
        scales.append(state.plateau_scale)
    assert scales == [1.0, 0.5, 0.5, 0.5, 0.5]
    assert state.bad_validations == 1 and state.scheduled_best == 11.0


def test_an_unscheduled_validation_may_give_best_pt_but_never_counts_for_patience():
    from seq2seq.schedule import TrainState, after_validation

    c = cfg(schedule=Schedule.PLATEAU, decay_patience=0)
    state, _ = after_validation(c, TrainState(step=5), 10.0, scheduled=True)
    extra, improved = after_validation(c, dataclasses.replace(state, step=7), 12.0, scheduled=False)
    assert improved and extra.best_step == 7
    assert (extra.scheduled_best, extra.bad_validations, extra.plateau_scale) == (10.0, 0, 1.0)
    extra, improved = after_validation(c, dataclasses.replace(state, step=7), 1.0, scheduled=False)
    assert not improved and (extra.bad_validations, extra.plateau_scale) == (0, 1.0)


def test_stop_reason_names_budgets_first_then_what_validations_decided():
    from seq2seq.schedule import TrainState, stop_reason

    c = cfg(max_steps=100, max_minutes=1.0, max_epochs=3, early_stopping_patience=2)
    assert stop_reason(c, TrainState(step=5), elapsed=10.0) is None
    assert "max_steps" in stop_reason(c, TrainState(step=100, bad_validations=2), elapsed=100.0)
    assert "max_minutes" in stop_reason(c, TrainState(step=5), elapsed=60.0)
    assert "max_epochs" in stop_reason(c, TrainState(step=5, epoch=3), elapsed=1.0)
    assert "early stopping" in stop_reason(c, TrainState(step=5, bad_validations=2), elapsed=1.0)
    floor = cfg(schedule=Schedule.PLATEAU, min_learning_rate=1e-4)
    assert "below training.min_learning_rate" in stop_reason(floor, TrainState(plateau_scale=0.01), elapsed=0.0)


def test_a_checkpoint_from_before_scheduled_best_resumes_with_its_best_score():
    from seq2seq.schedule import TrainState

    state = TrainState.from_dict({"step": 3, "best_score": 12.5, "best_step": 3})
    assert (state.step, state.scheduled_best, state.best_score) == (3, 12.5, 12.5)

"""What a run survives (seq2seq/training.py, model_dir.py, signals.py): SIGKILL at random moments (some
inside a checkpoint write), SIGTERM and SIGINT, a damaged last.pt, non-finite losses, a full disk. Each
time the run ends with the weights of one that was never disturbed, bit for bit.

Real subprocesses where a signal is involved; in-process runs of the tiny toy model elsewhere.
"""
from __future__ import annotations

import errno
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from seq2seq.errors import Seq2SeqError
from seq2seq.training import TrainingLoss, Trainer, train

ROOT = Path(__file__).resolve().parents[1]
RECIPE = ROOT / "recipes" / "toy_reverse.yaml"


def weights(model_dir: Path, name: str = "last") -> dict:
    return torch.load(model_dir / "checkpoints" / f"{name}.pt", map_location="cpu", weights_only=False)["model"]


def assert_same_weights(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    assert [k for k in a if not torch.equal(a[k], b[k])] == []


class Run(subprocess.Popen):
    """`seq2seq train` in a process of its own; its stderr (progress bar included) goes to a file, which
    never fills up as a pipe would."""

    def __init__(self, overrides: list[str], resume: bool = False, **env: str):
        sets = [arg for override in overrides for arg in ("--set", override)]
        command = [sys.executable, "-m", "seq2seq", "train", str(RECIPE), *sets, *(["--resume"] if resume else [])]
        self.log = Path(next(o for o in overrides if o.startswith("model_dir="))[len("model_dir="):]).with_suffix(
            f".stderr{time.monotonic_ns()}")
        with open(self.log, "wb") as err:
            # a shell's background job (CI under nohup, `cmd &`) ignores SIGINT, and so would its children
            super().__init__(command, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=err,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

    def err(self) -> str:
        return self.log.read_text(errors="replace")


start = Run


def wait_for(condition, process: Run, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, f"exited {process.returncode} early: {process.err()[-2000:]}"
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def logged_step(model_dir: Path, step: int):
    """True once train.log shows the training loss of `step` (log_every divides it)."""
    log = model_dir / "train.log"
    return lambda: log.is_file() and f"step {step} loss" in log.read_text()


# ---------------------------------------------------------------------- SIGKILL at random moments


def test_a_run_killed_at_five_random_moments_ends_with_the_weights_of_an_unbroken_one(toy_overrides, tmp_path):
    steps = ["training.max_steps=200", "training.valid_every=50"]
    unbroken = train_in_process(toy_overrides(tmp_path / "unbroken", *steps))
    # last.pt every update or so, each write paused half-way: a kill often lands inside one
    killed = tmp_path / "killed"
    overrides = toy_overrides(killed, *steps, "training.checkpoint_every_minutes=0.005")
    moments = random.Random(47)
    last, partial = killed / "checkpoints" / "last.pt", killed / "checkpoints" / "last.pt.tmp"
    steps_at_kills, inside_a_write = [0], 0
    for kill in range(5):
        began = time.time_ns()
        process = start(overrides, resume=kill > 0, SEQ2SEQ_TEST_PAUSE_MID_WRITE="0.15")
        # this process has trained and saved since it started (not merely found the last one's files)
        wait_for(lambda: last.is_file() and last.stat().st_mtime_ns > began, process)
        if kill % 2:  # inside a checkpoint write: this process's temporary file, half written
            wait_for(lambda: partial.is_file() and partial.stat().st_mtime_ns > last.stat().st_mtime_ns, process)
        else:
            time.sleep(moments.uniform(0.1, 0.6))
        assert process.poll() is None, "the run ended before its kill: make it longer"
        inside_a_write += partial.is_file() and partial.stat().st_mtime_ns > last.stat().st_mtime_ns
        process.kill()
        process.wait(timeout=30)
        steps_at_kills.append(torch.load(last, weights_only=False)["state"]["step"])  # never torn
    assert inside_a_write >= 2
    assert steps_at_kills == sorted(set(steps_at_kills)) and steps_at_kills[-1] < 200  # each run got further
    done = start(overrides, resume=True)
    assert done.wait(timeout=240) == 0, done.err()[-2000:]
    state = torch.load(killed / "checkpoints" / "last.pt", weights_only=False)["state"]
    assert state["step"] == 200
    assert_same_weights(weights(unbroken), weights(killed))
    assert_same_weights(weights(unbroken, "best"), weights(killed, "best"))


def train_in_process(overrides: list[str]) -> Path:
    from seq2seq.config import load_recipe

    return train(load_recipe(RECIPE, overrides))


# ---------------------------------------------------------------------- signals


@pytest.mark.parametrize("stop, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stop_signal_saves_last_pt_exits_with_its_code_and_resume_continues_exactly(toy_overrides, tmp_path,
                                                                                      stop, code):
    steps = ["training.max_steps=150", "training.valid_every=50", "training.log_every=10",
             "training.checkpoint_every_minutes=null"]
    unbroken = train_in_process(toy_overrides(tmp_path / "unbroken", *steps))
    cut = tmp_path / "cut"
    process = start(toy_overrides(cut, *steps))
    wait_for(logged_step(cut, 20), process)
    process.send_signal(stop)
    sent = time.monotonic()
    assert process.wait(timeout=30) == code and time.monotonic() - sent < 30
    err = process.err()
    state = torch.load(cut / "checkpoints" / "last.pt", weights_only=False)["state"]
    assert 20 <= state["step"] < 150
    assert f"interrupted by {stop.name} at step {state['step']}" in err and "--resume" in err
    assert "Traceback" not in err
    assert f"interrupted at step {state['step']}; continue with --resume" in (cut / "train.log").read_text()
    done = start(toy_overrides(cut, *steps), resume=True)
    assert done.wait(timeout=240) == 0, done.err()[-2000:]
    assert_same_weights(weights(unbroken), weights(cut))


def test_a_second_signal_ends_the_run_at_once_and_leaves_the_old_last_pt_whole(toy_overrides, tmp_path):
    cut = tmp_path / "cut"
    overrides = toy_overrides(cut, "training.max_steps=300", "training.valid_every=10", "training.log_every=10",
                              "training.checkpoint_every_minutes=null")
    process = start(overrides, SEQ2SEQ_TEST_PAUSE_MID_WRITE="3")  # each checkpoint write takes 3 s
    last = cut / "checkpoints" / "last.pt"
    wait_for(last.is_file, process)
    before = last.read_bytes()
    wait_for(logged_step(cut, 20), process)
    process.send_signal(signal.SIGINT)  # the first: the run writes last.pt (slowly) ...
    first = time.monotonic()
    process.send_signal(signal.SIGINT)  # (a repeat within a second is the same request: torchrun's, a scheduler's)
    wait_for((cut / "checkpoints" / "last.pt.tmp").is_file, process)
    time.sleep(max(0.0, first + 1.3 - time.monotonic()))
    assert process.poll() is None
    process.send_signal(signal.SIGINT)  # ... and a second one ends it during that write
    assert process.wait(timeout=10) == -signal.SIGINT
    assert last.read_bytes() == before


def test_a_second_run_in_the_same_model_directory_is_refused_while_the_first_trains(toy_recipe, tmp_path):
    from seq2seq.model_dir import ModelDir

    recipe = toy_recipe(tmp_path / "m", "training.max_steps=2", "training.valid_every=2")
    model_dir = train(recipe)
    last = (model_dir / "checkpoints" / "last.pt").read_bytes()
    with ModelDir(model_dir).training_lock():  # as a run still training there holds it
        for again in (dict(resume=True), dict(overwrite=True)):
            with pytest.raises(Seq2SeqError, match=rf"{model_dir} is being trained by process {os.getpid()}"):
                train(recipe, **again)
    assert (model_dir / "checkpoints" / "last.pt").read_bytes() == last  # --overwrite cleared nothing
    train(toy_recipe(tmp_path / "m", "training.max_steps=4", "training.valid_every=2"), resume=True)  # free again


# ---------------------------------------------------------------------- a damaged last.pt


def _damage(path: Path, how: str, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncate":
        del data[rng.randrange(len(data)):]
    else:  # one byte of its weights changed
        data[rng.randrange(len(data) // 4, len(data) * 3 // 4)] ^= 0x5A
    path.write_bytes(bytes(data))


def test_resume_falls_back_from_a_damaged_last_pt_and_ends_as_an_unbroken_run(toy_recipe, tmp_path, caplog):
    steps = ("training.valid_every=4", "training.keep_last=2")
    unbroken = train(toy_recipe(tmp_path / "unbroken", "training.max_steps=12", *steps))
    first = train(toy_recipe(tmp_path / "first", "training.max_steps=8", *steps))  # step_4, step_8, last (8)
    rng = random.Random(47)
    for case, (how, also_step_8) in enumerate([("truncate", False), ("truncate", False), ("flip", False),
                                               ("truncate", True)]):
        run = tmp_path / f"run{case}"
        shutil.copytree(first, run)
        _damage(run / "checkpoints" / "last.pt", how, rng)
        if also_step_8:
            _damage(run / "checkpoints" / "step_8.pt", "flip", rng)
        caplog.clear()
        train(toy_recipe(run, "training.max_steps=12", *steps), resume=True)
        said = caplog.text
        assert "last.pt: not a seq2seq checkpoint, or a damaged one" in said
        assert f"resuming from step_{4 if also_step_8 else 8}.pt (step {4 if also_step_8 else 8}) instead" in said
        assert_same_weights(weights(unbroken), weights(run))


def test_resume_takes_a_step_checkpoint_newer_than_last_pt_and_forgets_later_validations(toy_recipe, tmp_path,
                                                                                         caplog):
    # a kill between step_8.pt and last.pt of the validation at step 8: last.pt is still step 4's
    steps = ("training.valid_every=4", "training.keep_last=2")
    unbroken = train(toy_recipe(tmp_path / "unbroken", "training.max_steps=12", *steps))
    cut = train(toy_recipe(tmp_path / "cut", "training.max_steps=8", *steps))
    shutil.copyfile(cut / "checkpoints" / "step_4.pt", cut / "checkpoints" / "last.pt")
    with (cut / "validations.jsonl").open("a") as f:
        f.write('{"step": 9, "bleu": 1.0}\n{"step": 10, "bl')  # a record from beyond it, and a torn one
    train(toy_recipe(cut, "training.max_steps=12", *steps), resume=True)
    assert "resuming from step_8.pt (step 8) instead" in caplog.text
    assert_same_weights(weights(unbroken), weights(cut))
    steps_recorded = [json.loads(line)["step"] for line in (cut / "validations.jsonl").read_text().splitlines()]
    assert steps_recorded == [4, 8, 12]


def test_resume_with_no_intact_checkpoint_is_one_error_naming_each(toy_recipe, tmp_path):
    recipe = toy_recipe(tmp_path / "m", "training.max_steps=4", "training.valid_every=2", "training.keep_last=2")
    model_dir = train(recipe)
    for checkpoint in (model_dir / "checkpoints").glob("*.pt"):
        checkpoint.write_bytes(checkpoint.read_bytes()[:100])
    with pytest.raises(Seq2SeqError) as caught:
        train(recipe, resume=True)
    message = str(caught.value)
    assert message.startswith("cannot resume: no intact checkpoint") and "\n" not in message
    assert all(name in message for name in ("last.pt", "step_2.pt", "step_4.pt"))


# ---------------------------------------------------------------------- non-finite losses


def _poison(monkeypatch, bad_updates: set[int]) -> None:
    """The training loss is NaN at these updates (1-based, counting every update tried)."""
    real, calls = TrainingLoss.forward, [0]

    def forward(self, *args):
        calls[0] += 1
        loss = real(self, *args)
        return loss * float("nan") if calls[0] in bad_updates else loss

    monkeypatch.setattr(TrainingLoss, "forward", forward)


def _leave_out(monkeypatch, dropped: set[int]) -> None:
    """Updates at these positions (1-based) of the batch order are drawn but never trained on."""
    real, drawn = Trainer.next_update, [0]

    def next_update(self):
        while True:
            work = real(self)
            if work is None:
                return None
            drawn[0] += 1
            if drawn[0] not in dropped:
                return work

    monkeypatch.setattr(Trainer, "next_update", next_update)


def test_updates_with_a_non_finite_loss_are_skipped_as_if_their_batches_were_left_out(toy_recipe, tmp_path,
                                                                                      monkeypatch, caplog):
    extra = ("training.max_steps=10", "training.valid_every=5", "model.encoder.dropout=0", "model.decoder.dropout=0")
    with monkeypatch.context() as patch:
        _leave_out(patch, {3, 7})
        skipping = train(toy_recipe(tmp_path / "skipping", *extra))
    with monkeypatch.context() as patch:
        _poison(patch, {3, 7})
        poisoned = train(toy_recipe(tmp_path / "poisoned", *extra))
    a, b = (torch.load(d / "checkpoints" / "last.pt", weights_only=False) for d in (skipping, poisoned))
    assert_same_weights(a["model"], b["model"])
    assert a["optimizer"]["state"][0]["step"] == b["optimizer"]["state"][0]["step"] == 10  # Adam: 10 steps each
    assert b["state"]["step"] == 10 and b["state"]["skipped_updates"] == 2 and b["state"]["bad_updates_in_row"] == 0
    assert "update 3 (epoch 1, up to batch 3): non-finite loss or gradient norm" in caplog.text
    records = [json.loads(line) for line in (poisoned / "validations.jsonl").read_text().splitlines()]
    assert [r["skipped_updates"] for r in records] == [1, 2]  # update 3 before step 5, update 7 after


def test_too_many_bad_updates_in_a_row_stop_the_run_and_keep_the_last_good_checkpoint(toy_recipe, tmp_path,
                                                                                      monkeypatch):
    recipe = toy_recipe(tmp_path / "m", "training.max_steps=20", "training.valid_every=2", "training.max_bad_updates=3")
    _poison(monkeypatch, set(range(4, 100)))
    last = Path(recipe.model_dir) / "checkpoints" / "last.pt"
    with pytest.raises(Seq2SeqError, match=r"stopped at step 3: 3 updates in a row had a non-finite loss") as caught:
        train(recipe)
    assert str(last) in str(caught.value)
    saved = torch.load(last, weights_only=False)
    assert saved["state"]["step"] == 2  # the last checkpoint, from before the bad updates, as it was


# ---------------------------------------------------------------------- a full disk


def test_a_disk_that_fills_up_during_training_is_one_error_and_the_previous_checkpoint_stays(toy_recipe, tmp_path,
                                                                                            monkeypatch):
    recipe = toy_recipe(tmp_path / "m", "training.max_steps=8", "training.valid_every=4")
    real_open, written = open, []

    def open_on_a_filling_disk(path, mode="r", *args, **kwargs):
        if str(path).endswith(".pt.tmp"):
            written.append(path)
            if len(written) > 3:  # step_4.pt, best.pt and last.pt fit; nothing after them does
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", open_on_a_filling_disk)
    with pytest.raises(Seq2SeqError, match=r"cannot write .*step_8.pt: No space left on device; the step_8.pt there "
                                           r"before \(if any\) is intact"):
        train(recipe)
    monkeypatch.undo()
    checkpoints = Path(recipe.model_dir) / "checkpoints"
    assert torch.load(checkpoints / "last.pt", weights_only=False)["state"]["step"] == 4
    assert not list(checkpoints.glob("*.tmp"))


# ---------------------------------------------------------------------- last.pt on the clock


@pytest.mark.parametrize("minutes, between", [("0.000001", [1, 2, 3, 4, 5]), ("null", [])])
def test_last_pt_is_also_written_on_the_clock_between_validations(toy_recipe, tmp_path, monkeypatch, minutes,
                                                                  between):
    from seq2seq.model_dir import ModelDir

    saved, real = [], ModelDir.save_checkpoint

    def save_checkpoint(self, name, payload):
        saved.append((name, torch.load(io.BytesIO(payload), weights_only=False)["step"]) if isinstance(
            payload, bytes) else (name, payload["step"]))
        return real(self, name, payload)

    monkeypatch.setattr(ModelDir, "save_checkpoint", save_checkpoint)
    train(toy_recipe(tmp_path / "m", "training.max_steps=6", "training.valid_every=6",
                     f"training.checkpoint_every_minutes={minutes}"))
    assert saved == [("last", step) for step in between] + [("step_6", 6), ("best", 6), ("last", 6)]


def test_a_signal_the_job_was_started_ignoring_stays_ignored():
    from seq2seq.signals import StopRequests

    before = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as `nohup cmd &` starts a job
    try:
        with StopRequests():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL  # SIGTERM is handled
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)

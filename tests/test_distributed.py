"""Training as several processes (seq2seq/distributed.py): real subprocesses on gloo, one thread each.

An update is the next N x A batches of the epoch's order whatever the layout, so 2 ranks x A equal 1
process x 2A; the ranks end with the same weights; a rank that dies ends the job; a resumed job continues
exactly; early stopping and budgets stop every rank together.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from seq2seq.distributed import World, rank_seed, share

ROOT = Path(__file__).resolve().parents[1]
# dropout and token dropout off: each rank draws its own masks, so only their absence makes layouts comparable
EXACT = ["model.encoder.dropout=0", "model.decoder.dropout=0", "training.threads=1", "training.optimizer=sgd",
         "training.learning_rate=0.5", "training.batch_tokens=300", "training.log_every=5"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _train_command(overrides: list[str], resume: bool = False) -> list[str]:
    sets = [arg for override in overrides for arg in ("--set", override)]
    return [sys.executable, "-m", "seq2seq", "train", str(ROOT / "recipes" / "toy_reverse.yaml"), *sets,
            *(["--resume"] if resume else [])]


def launch(ranks: int, overrides: list[str], resume: bool = False) -> list[subprocess.Popen]:
    """`ranks` processes of one job, with the environment torchrun would give them."""
    port = _free_port()
    processes = []
    for rank in range(ranks):
        env = {**os.environ, "RANK": str(rank), "WORLD_SIZE": str(ranks), "LOCAL_RANK": str(rank),
               "LOCAL_WORLD_SIZE": str(ranks), "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port),
               "OMP_NUM_THREADS": "1"}
        processes.append(subprocess.Popen(_train_command(overrides, resume), env=env, cwd=ROOT,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    return processes


def finish(processes: list[subprocess.Popen], timeout: float = 240) -> list[tuple[int, str]]:
    results = []
    for process in processes:
        _, err = process.communicate(timeout=timeout)
        results.append((process.returncode, err.decode(errors="replace")))
    return results


def run_job(ranks: int, overrides: list[str], resume: bool = False) -> list[str]:
    results = finish(launch(ranks, overrides, resume))
    for rank, (code, err) in enumerate(results):
        assert code == 0, f"rank {rank} exited {code}:\n{err[-3000:]}"
    return [err for _, err in results]


def last(model_dir: Path) -> dict:
    return torch.load(model_dir / "checkpoints" / "last.pt", map_location="cpu", weights_only=False)


def toy(toy_data: Path, model_dir: Path, *extra: str) -> list[str]:
    return [f"data.train={toy_data / 'train'}", f"data.valid={toy_data / 'valid'}", f"model_dir={model_dir}",
            "model.encoder.embedding_size=16", "model.encoder.hidden_size=24", "model.decoder.embedding_size=16",
            "model.decoder.hidden_size=24", "model.attention.size=24", *EXACT, *extra]


def assert_close_weights(a: dict, b: dict, atol: float = 1e-5) -> None:
    assert a.keys() == b.keys()
    worst = max(float((a[k] - b[k]).abs().max()) for k in a)
    assert worst <= atol, f"largest difference {worst}"


# ---------------------------------------------------------------------- the update's definition


def test_each_rank_takes_every_nth_batch_of_the_update_and_all_take_as_many_steps():
    two = [World(rank, 2) for rank in range(2)]
    assert [share(10, 100, w, 3)[0] for w in two] == [[10, 12, 14], [11, 13, 15]]
    assert [share(10, 100, w, 3)[1:] for w in two] == [(3, 6), (3, 6)]
    # the epoch's last update: 3 batches left for 2 ranks x 2; rank 1 takes one and pads one weightless step
    assert [share(10, 3, w, 2) for w in two] == [([10, 12], 2, 3), ([11], 2, 3)]
    assert share(7, 5, World(), 4) == ([7, 8, 9, 10], 4, 4)
    assert rank_seed(42, 0) == 42 and len({rank_seed(42, r) for r in range(8)}) == 8


def test_two_ranks_train_the_same_model_as_one_process_accumulating_their_batches(toy_data, tmp_path):
    for ranks, accumulate in ((2, 1), (2, 2)):
        steps = ["training.max_steps=10", "training.valid_every=10"]
        one = tmp_path / f"one_{ranks}x{accumulate}"
        run_job(1, toy(toy_data, one, *steps, f"training.accumulate={ranks * accumulate}"))
        job = tmp_path / f"job_{ranks}x{accumulate}"
        logs = run_job(ranks, toy(toy_data, job, *steps, f"training.accumulate={accumulate}"))
        assert "the weights are identical on all 2 processes" in (job / "train.log").read_text()
        assert last(one)["state"]["target_tokens"] == last(job)["state"]["target_tokens"]
        assert last(one)["state"]["batch_in_epoch"] == last(job)["state"]["batch_in_epoch"] == 10 * ranks * accumulate
        assert_close_weights(last(one)["model"], last(job)["model"])
        assert "process 1 of 2" in logs[1] and "validation" not in logs[1]  # rank 1 neither logs nor validates
        # the logged training loss is every process's, per target token: as the single process logs it
        losses = [re.findall(r"step 10 loss ([0-9.]+)", (d / "train.log").read_text()) for d in (one, job)]
        assert float(losses[0][0]) == pytest.approx(float(losses[1][0]), rel=1e-4)


def test_the_batches_of_one_update_hold_different_numbers_of_target_tokens(toy_data, tmp_path):
    # what makes the equivalence above bite: normalising each batch (or rank) by its own tokens would differ
    from seq2seq.config import load_recipe
    from seq2seq.training import make_trainer

    (tmp_path / "m").mkdir()
    trainer = make_trainer(load_recipe(ROOT / "recipes" / "toy_reverse.yaml", toy(toy_data, tmp_path / "m")))
    tokens = [trainer.next_update().target_tokens for _ in range(20)]  # the batches the test above trains on
    assert len(set(tokens)) > 5 and max(tokens) > 1.2 * min(tokens)


# ---------------------------------------------------------------------- resume, failures, stopping


def test_a_resumed_job_continues_exactly_as_an_uninterrupted_one(toy_data, tmp_path):
    dropout = ["model.encoder.dropout=0.3", "model.decoder.dropout=0.3", "training.src_token_dropout=0.1"]
    straight = tmp_path / "straight"
    run_job(2, toy(toy_data, straight, "training.max_steps=12", "training.valid_every=6", *dropout))
    resumed = tmp_path / "resumed"
    run_job(2, toy(toy_data, resumed, "training.max_steps=6", "training.valid_every=6", *dropout))
    assert len(last(resumed)["ranks_rng"]) == 2  # each rank's random state
    run_job(2, toy(toy_data, resumed, "training.max_steps=12", "training.valid_every=6", *dropout), resume=True)
    a, b = last(straight), last(resumed)
    assert all(torch.equal(a["model"][k], b["model"][k]) for k in a["model"])
    assert a["state"]["target_tokens"] == b["state"]["target_tokens"]


def test_a_killed_rank_ends_the_whole_job_within_the_timeout(toy_data, tmp_path):
    model_dir = tmp_path / "m"
    processes = launch(2, toy(toy_data, model_dir, "training.max_steps=100000", "training.valid_every=5",
                              "training.distributed_timeout_s=20"))
    deadline = time.time() + 120
    while not (model_dir / "checkpoints" / "last.pt").is_file():  # mid-run: it has validated once
        assert time.time() < deadline and processes[0].poll() is None, "the job never reached its first checkpoint"
        time.sleep(0.2)
    processes[1].send_signal(signal.SIGKILL)
    started = time.time()
    (code, err), _ = finish(processes, timeout=90)
    assert code != 0 and time.time() - started < 60
    assert "another process of this training job stopped or is unreachable" in err, err[-2000:]


@pytest.mark.parametrize("stop", [
    ["training.early_stopping_patience=1", "training.learning_rate=1e-12", "training.valid_every=3",
     "training.schedule=constant"],
    ["training.max_minutes=0.05", "training.valid_every=1000000"],
], ids=["early_stopping", "max_minutes"])
def test_early_stopping_and_the_time_budget_stop_every_rank_together(toy_data, tmp_path, stop):
    model_dir = tmp_path / "m"
    started = time.time()
    run_job(2, toy(toy_data, model_dir, "training.max_steps=100000", *stop))
    assert time.time() - started < 200
    log = (model_dir / "train.log").read_text()
    assert ("early stopping" if "training.early_stopping_patience=1" in stop else "reached training.max_minutes") in log


def test_torchrun_launches_the_cli_as_a_job(toy_data, tmp_path):
    model_dir = tmp_path / "m"
    sets = [arg for override in toy(toy_data, model_dir, "training.max_steps=4", "training.valid_every=4")
            for arg in ("--set", override)]
    done = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2",
                           "-m", "seq2seq", "train", str(ROOT / "recipes" / "toy_reverse.yaml"), *sets],
                          cwd=ROOT, capture_output=True, timeout=240)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    assert "the weights are identical on all 2 processes" in (model_dir / "train.log").read_text()


def test_an_epochs_uneven_last_update_is_shared_without_a_hang(toy_data, tmp_path):
    # one epoch of batches that 2 ranks x 2 do not divide: the last update is short, a rank pads it
    from seq2seq.config import load_recipe
    from seq2seq.data import pair_widths, token_batches
    from seq2seq.training import make_trainer

    epoch = ["training.max_epochs=1", "training.max_steps=null", "training.valid_every=1000000",
             "training.batch_tokens=350"]
    (tmp_path / "count").mkdir()
    recipe = load_recipe(ROOT / "recipes" / "toy_reverse.yaml", toy(toy_data, tmp_path / "count", *epoch))
    trainer = make_trainer(recipe)
    batches = len(token_batches(pair_widths(trainer.data.train), None, 350, seed=trainer.cfg.seed))
    assert batches % 4 in (1, 2, 3)
    one, job = tmp_path / "one", tmp_path / "job"
    run_job(1, toy(toy_data, one, *epoch, "training.accumulate=4"))
    run_job(2, toy(toy_data, job, *epoch, "training.accumulate=2"))
    assert last(job)["state"]["step"] == last(one)["state"]["step"] == -(-batches // 4)
    assert last(job)["state"]["target_tokens"] == sum(n + 1 for n in trainer.data.train.trg.lengths)
    assert_close_weights(last(one)["model"], last(job)["model"])

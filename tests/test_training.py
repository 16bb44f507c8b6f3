"""The training job: files it writes, determinism, exact resume, refusals, early stopping, levels, learning."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import torch

from seq2seq.config import load_recipe
from seq2seq.errors import Seq2SeqError
from seq2seq.training import train
from seq2seq.translate import Translator


def records(model_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (model_dir / "validations.jsonl").read_text().splitlines()]


def checkpoint(model_dir: Path, name: str = "last") -> dict:
    return torch.load(model_dir / "checkpoints" / f"{name}.pt", map_location="cpu", weights_only=False)


def assert_same_tensors(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    different = [k for k in a if not torch.equal(a[k], b[k])]
    assert not different, f"tensors differ: {different}"


def assert_same_nested(a, b, path: str = "") -> None:
    """Equal structure, equal plain values, bit-identical tensors."""
    if isinstance(a, torch.Tensor):
        assert isinstance(b, torch.Tensor) and torch.equal(a, b), f"tensor {path} differs"
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), f"keys of {path} differ"
        for k in a:
            assert_same_nested(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, (list, tuple)):
        assert type(a) is type(b) and len(a) == len(b), f"{path} differs in length"
        for i, (x, y) in enumerate(zip(a, b)):
            assert_same_nested(x, y, f"{path}[{i}]")
    else:
        assert a == b, f"{path}: {a!r} != {b!r}"


# ---------------------------------------------------------------------- the model directory


def test_run_writes_recipe_vocabularies_and_log(trained_model):
    d = trained_model.dir
    assert load_recipe(d / "recipe.yaml") == trained_model.recipe
    for name in ("src_vocab.txt", "trg_vocab.txt"):
        tokens = (d / name).read_text(encoding="utf-8").split("\n")[:-1]
        assert tokens[:4] == ["<pad>", "<unk>", "<s>", "</s>"]
        assert set(tokens[4:]) == set("abcdefghijklmnopqrst")
    log = (d / "train.log").read_text(encoding="utf-8")
    assert "training stopped at step 300" in log


def test_validations_jsonl_has_one_record_per_validation(trained_model):
    rows = records(trained_model.dir)
    assert [r["step"] for r in rows] == [100, 200, 300]
    for r in rows:
        assert {"step", "valid_loss", "bleu", "chrf", "lr"} <= r.keys()
        assert r["valid_loss"] > 0 and 0 <= r["bleu"] <= 100 and 0 <= r["chrf"] <= 100
        assert r["lr"] == pytest.approx(0.02)


def test_checkpoints_best_last_and_keep_last(trained_model):
    d = trained_model.dir / "checkpoints"
    assert (d / "best.pt").is_file() and (d / "last.pt").is_file()
    steps = sorted(p.name for p in d.glob("step_*.pt"))
    assert len(steps) <= trained_model.recipe.training.keep_last == 2
    assert steps == ["step_200.pt", "step_300.pt"]  # the most recent ones
    assert checkpoint(trained_model.dir, "last")["step"] == 300
    best_step = max(r["step"] for r in records(trained_model.dir) if r["best"])
    best = checkpoint(trained_model.dir, "best")
    assert best["step"] == best_step
    assert_same_tensors(best["model"], checkpoint(trained_model.dir, f"step_{best_step}")["model"])


def test_trained_toy_model_reverses_held_out_sequences(trained_model):
    src = (trained_model.data / "test.src").read_text(encoding="utf-8").splitlines()
    ref = (trained_model.data / "test.trg").read_text(encoding="utf-8").splitlines()
    hyps = Translator.load(trained_model.dir, device="cpu").translate(src)
    exact = sum(h == r for h, r in zip(hyps, ref)) / len(ref)
    assert exact >= 0.8, f"exact match {exact:.2f} on held-out reversal data"


# ---------------------------------------------------------------------- determinism and resume


def test_same_recipe_and_seed_give_identical_weights(toy_recipe, tmp_path):
    a = train(toy_recipe(tmp_path / "a"))
    b = train(toy_recipe(tmp_path / "b"))
    assert_same_tensors(checkpoint(a)["model"], checkpoint(b)["model"])


def test_different_seeds_give_different_weights(toy_recipe, tmp_path):
    a = train(toy_recipe(tmp_path / "a", "training.max_steps=2", "training.valid_every=2"))
    b = train(toy_recipe(tmp_path / "b", "training.max_steps=2", "training.valid_every=2", "training.seed=2"))
    assert not torch.equal(checkpoint(a)["model"]["decoder.output.weight"],
                           checkpoint(b)["model"]["decoder.output.weight"])


@pytest.mark.parametrize("key", ["training.src_token_dropout", "training.trg_token_dropout"])
def test_token_dropout_reaches_the_training_batches(toy_recipe, tmp_path, key):
    short = ("training.max_steps=2", "training.valid_every=2")
    plain = train(toy_recipe(tmp_path / "plain", *short))
    dropped = train(toy_recipe(tmp_path / "dropped", *short, f"{key}=0.5"))
    assert not torch.equal(checkpoint(plain)["model"]["decoder.output.weight"],
                           checkpoint(dropped)["model"]["decoder.output.weight"])


# 30 steps cross two epoch boundaries (about 12 batches an epoch) and the half run stops mid-epoch;
# dropout (the recipe's 0.1), token dropout and scheduled sampling all draw from the RNG that a
# resume must restore.
RESUME = ("training.valid_every=5", "training.teacher_forcing_schedule=linear",
          "training.teacher_forcing_min=0.5", "training.teacher_forcing_decay_steps=30",
          "training.src_token_dropout=0.1", "training.trg_token_dropout=0.1")


@pytest.fixture(scope="module")
def resumed_pair(toy_recipe, tmp_path_factory):
    root = tmp_path_factory.mktemp("resume")
    full = train(toy_recipe(root / "full", "training.max_steps=30", *RESUME))
    half = train(toy_recipe(root / "half", "training.max_steps=15", *RESUME))
    train(toy_recipe(root / "half", "training.max_steps=30", *RESUME), resume=True)
    return full, half


def test_resume_gives_bit_identical_weights(resumed_pair):
    full, half = resumed_pair
    assert checkpoint(half)["step"] == 30
    assert_same_tensors(checkpoint(full)["model"], checkpoint(half)["model"])


def test_resume_gives_identical_optimizer_and_training_state(resumed_pair):
    full, half = (checkpoint(d) for d in resumed_pair)
    assert_same_nested(full["optimizer"], half["optimizer"], "optimizer")
    a, b = dict(full["state"]), dict(half["state"])
    a.pop("elapsed"), b.pop("elapsed")
    assert a == b


def test_resume_continues_the_validation_record(resumed_pair):
    full, half = (records(d) for d in resumed_pair)
    keys = ("step", "epoch", "target_tokens", "valid_loss", "bleu", "chrf", "lr", "best")
    assert [[r[k] for k in keys] for r in full] == [[r[k] for k in keys] for r in half]


def test_checkpoint_keeps_the_training_time(resumed_pair):
    full, half = resumed_pair
    assert checkpoint(full)["state"]["elapsed"] > 0
    assert checkpoint(half)["state"]["elapsed"] > 0


SAMPLING = ("data.level=sentencepiece", "data.sentencepiece.vocab_size=32", "data.sentencepiece.all_pieces=true",
            "data.sentencepiece.sampling_alpha=0.3", "training.valid_every=5")


def test_subword_sampling_trains_another_model_and_resumes_bit_identically(toy_recipe, tmp_path):
    """30 steps reach a second, resegmented epoch; the half run stops in the middle of the first."""
    best = train(toy_recipe(tmp_path / "best", "training.max_steps=30", *SAMPLING[:3], SAMPLING[4]))
    full = train(toy_recipe(tmp_path / "full", "training.max_steps=30", *SAMPLING))
    half = train(toy_recipe(tmp_path / "half", "training.max_steps=13", *SAMPLING))
    assert checkpoint(half)["state"]["epoch"] == 0 < checkpoint(half)["state"]["batch_in_epoch"]
    train(toy_recipe(tmp_path / "half", "training.max_steps=30", *SAMPLING), resume=True)
    assert_same_tensors(checkpoint(full)["model"], checkpoint(half)["model"])
    assert not torch.equal(checkpoint(full)["model"]["decoder.output.weight"],
                           checkpoint(best)["model"]["decoder.output.weight"])
    log = (full / "train.log").read_text(encoding="utf-8")
    assert re.search(r"epoch 2: sampled segmentations, \+\d", log), log


def test_resume_is_exact_when_the_first_run_stops_between_validations(toy_recipe, tmp_path):
    extra = ("training.valid_every=5", "training.schedule=plateau", "training.decay_patience=0")
    full = train(toy_recipe(tmp_path / "full", "training.max_steps=30", *extra))
    half = train(toy_recipe(tmp_path / "half", "training.max_steps=12", *extra))
    train(toy_recipe(tmp_path / "half", "training.max_steps=30", *extra), resume=True)
    assert checkpoint(full)["state"]["plateau_scale"] == checkpoint(half)["state"]["plateau_scale"]
    assert_same_tensors(checkpoint(full)["model"], checkpoint(half)["model"])


def test_a_validation_between_scheduled_ones_does_not_change_later_decisions(toy_recipe, tmp_path, monkeypatch):
    # validation BLEU scripted by step: the extra validation at step 12 (the first run's budget) scores
    # best of all; step 15 beats every *scheduled* validation before it, so the straight run keeps its rate
    from types import SimpleNamespace

    from seq2seq import training

    scores, current = {5: 5.0, 10: 7.0, 12: 9.0, 15: 8.0}, {}
    validate = training.Trainer.validate

    def scripted(self, *args, **kwargs):
        current["step"] = self.state.step
        return validate(self, *args, **kwargs)

    monkeypatch.setattr(training.Trainer, "validate", scripted)
    monkeypatch.setattr(training.sacrebleu, "corpus_bleu",
                        lambda hyps, refs: SimpleNamespace(score=scores.get(current["step"], 1.0)))
    extra = ("training.valid_every=5", "training.schedule=plateau", "training.decay_patience=0")
    full = train(toy_recipe(tmp_path / "full", "training.max_steps=20", *extra))
    train(toy_recipe(tmp_path / "half", "training.max_steps=12", *extra))
    half = train(toy_recipe(tmp_path / "half", "training.max_steps=20", *extra), resume=True)
    assert checkpoint(full)["state"]["plateau_scale"] == checkpoint(half)["state"]["plateau_scale"] == 0.5
    assert_same_tensors(checkpoint(full)["model"], checkpoint(half)["model"])
    assert checkpoint(half, "best")["step"] == 12  # best.pt is still the best checkpoint this run saw


def test_resuming_a_finished_run_changes_nothing(toy_recipe, tmp_path):
    recipe = toy_recipe(tmp_path / "m", "training.max_steps=4", "training.valid_every=2")
    d = train(recipe)
    before, state = records(d), checkpoint(d)["state"]
    train(recipe, resume=True)
    assert [r["step"] for r in records(d)] == [r["step"] for r in before] == [2, 4]
    assert checkpoint(d)["state"]["bad_validations"] == state["bad_validations"]


def test_resume_without_any_checkpoint_is_a_clear_error(toy_recipe, tmp_path):
    recipe = toy_recipe(tmp_path / "m", "training.max_steps=2", "training.valid_every=2")
    d = train(recipe)
    for checkpoint in (d / "checkpoints").glob("*.pt"):
        checkpoint.unlink()
    with pytest.raises(Seq2SeqError, match="cannot resume"):
        train(recipe, resume=True)


def test_resume_in_an_empty_directory_says_there_is_nothing_to_resume(toy_recipe, tmp_path):
    with pytest.raises(Seq2SeqError, match="cannot resume"):
        train(toy_recipe(tmp_path / "none"), resume=True)


def test_existing_checkpoints_refuse_a_new_run(toy_recipe, tmp_path):
    recipe = toy_recipe(tmp_path / "m", "training.max_steps=2", "training.valid_every=2")
    train(recipe)
    last = (Path(recipe.model_dir) / "checkpoints" / "last.pt").read_bytes()
    with pytest.raises(Seq2SeqError, match=r"--resume.*--overwrite"):
        train(recipe)
    assert (Path(recipe.model_dir) / "checkpoints" / "last.pt").read_bytes() == last  # untouched
    assert [r["step"] for r in records(Path(recipe.model_dir))] == [2]
    train(recipe, overwrite=True)  # starts again: the old validation record is discarded
    assert [r["step"] for r in records(Path(recipe.model_dir))] == [2]


def test_model_dir_may_be_a_link_to_a_directory_not_yet_made(toy_recipe, tmp_path):
    """Runs kept on another disk: model_dir links there before the run creates the target."""
    (tmp_path / "m").symlink_to(tmp_path / "elsewhere" / "m")
    train(toy_recipe(tmp_path / "m", "training.max_steps=2", "training.valid_every=2"))
    assert (tmp_path / "elsewhere" / "m" / "checkpoints" / "last.pt").is_file()


def test_model_dir_that_is_a_file_is_a_clear_error(toy_recipe, tmp_path):
    (tmp_path / "m").write_text("not a model\n")
    with pytest.raises(Seq2SeqError, match=r"is a file, not a directory.*model_dir"):
        train(toy_recipe(tmp_path / "m", "training.max_steps=2", "training.valid_every=2"))


# ---------------------------------------------------------------------- stopping, levels, filtering


def test_early_stopping_stops_when_the_metric_cannot_improve(toy_recipe, tmp_path):
    patience = 2
    recipe = toy_recipe(tmp_path / "m", "training.learning_rate=1e-9", "training.max_steps=200",
                        "training.valid_every=2", f"training.early_stopping_patience={patience}",
                        "training.early_stopping_metric=bleu")
    d = train(recipe)
    rows = records(d)
    # the first validation sets the best score; `patience` more without improvement stop the run
    assert [r["step"] for r in rows] == [2, 4, 6]
    assert [r["best"] for r in rows] == [True, False, False]
    assert checkpoint(d)["step"] == 6 < 200
    assert "early stopping (no improvement in 2 validations)" in (d / "train.log").read_text(encoding="utf-8")
    train(recipe, resume=True)  # a run that stopped early stays stopped: no more updates or validations
    assert records(d) == rows and checkpoint(d)["step"] == 6


@pytest.mark.parametrize("level, extra", [
    ("word", ()),
    ("char", ()),
    ("sentencepiece", ("data.sentencepiece.vocab_size=32",)),
])
def test_every_level_trains_and_translates(toy_recipe, tmp_path, level, extra):
    recipe = toy_recipe(tmp_path / level, f"data.level={level}", "training.max_steps=2", "training.valid_every=2",
                        *extra)
    d = train(recipe)
    assert (d / "checkpoints" / "last.pt").is_file()
    assert records(d)[-1]["step"] == 2
    if level == "sentencepiece":
        assert (d / "spm.joint.model").is_file()
    out = Translator.load(d, checkpoint="last", device="cpu").translate(["a b c", "", "t s r q p"])
    assert len(out) == 3 and out[1] == ""
    assert all(isinstance(s, str) and "\n" not in s for s in out)


def test_length_filter_logs_how_many_pairs_it_dropped(toy_recipe, toy_data, tmp_path):
    src = (toy_data / "train.src").read_text(encoding="utf-8").splitlines()
    trg = (toy_data / "train.trg").read_text(encoding="utf-8").splitlines()
    too_long = sum(1 for s, t in zip(src, trg) if len(s.split()) > 8 or len(t.split()) > 8)
    assert 0 < too_long < len(src)
    d = train(toy_recipe(tmp_path / "m", "data.max_length=8", "training.max_steps=2", "training.valid_every=2"))
    log = (d / "train.log").read_text(encoding="utf-8")
    found = re.search(r"training data: kept (\d+) pairs, dropped (\d+)", log)
    assert found, log
    assert (int(found[1]), int(found[2])) == (len(src) - too_long, too_long)


def test_bf16_autocast_trains_with_fp32_weights_and_a_finite_falling_loss(toy_recipe, tmp_path):
    """training.precision: bf16 on the CPU, a documented speed option where the cores have bf16 instructions."""
    model_dir = train(toy_recipe(tmp_path / "bf16", "training.precision=bf16", "training.max_steps=60",
                                 "training.valid_every=30", "training.log_every=10"))
    weights = checkpoint(model_dir)["model"]
    assert all(t.dtype == torch.float32 for t in weights.values() if t.is_floating_point())
    losses = [r["train_loss"] for r in records(model_dir)]
    assert all(torch.isfinite(torch.tensor(losses))) and losses[-1] < losses[0]


def test_shared_embeddings_train_save_one_matrix_and_translate(toy_recipe, tmp_path):
    d = train(toy_recipe(tmp_path / "shared", "data.level=sentencepiece", "data.sentencepiece.vocab_size=32",
                         "data.sentencepiece.all_pieces=true", "model.share_embeddings=true",
                         "training.max_steps=4", "training.valid_every=2", "training.keep_last=2"))
    weights = checkpoint(d)["model"]
    assert torch.equal(weights["encoder.embedding.weight"], weights["decoder.embedding.weight"])
    first = checkpoint(d, "step_2")["model"]["encoder.embedding.weight"]
    assert not torch.equal(first, weights["encoder.embedding.weight"])  # trained, not frozen
    translator = Translator.load(d, checkpoint="last", device="cpu")
    assert translator.model.encoder.embedding.weight is translator.model.decoder.embedding.weight
    assert len(translator.translate(["a b c", "t s"])) == 2


# ---------------------------------------------------------------------- gradient accumulation


def _trainer(toy_recipe, model_dir: Path, *extra: str):
    from seq2seq.training import make_trainer

    model_dir.mkdir(parents=True, exist_ok=True)
    return make_trainer(toy_recipe(model_dir, "model.encoder.dropout=0", "model.decoder.dropout=0", *extra))


def test_an_accumulated_update_equals_one_update_on_the_union_of_its_batches(toy_recipe, tmp_path):
    from seq2seq.data import collate, pair_widths, token_batches
    from seq2seq.training import Update

    sgd = ("training.label_smoothing=0.1", "training.optimizer=sgd")  # Adam's first step would amplify rounding
    trainer = _trainer(toy_recipe, tmp_path / "a", *sgd)
    train = trainer.data.train
    batches = token_batches(pair_widths(train), None, 120, seed=3)
    by_length = sorted(batches, key=lambda ids: len(train.trg[ids[0]]))
    short, long = by_length[0], by_length[-1]
    first, second = collate(train.src, train.trg, short), collate(train.src, train.trg, long)
    assert first.n_trg_tokens != second.n_trg_tokens  # per-batch normalisation would weight them alike
    union = collate(train.src, train.trg, short + long)
    twin = _trainer(toy_recipe, tmp_path / "b", *sgd)
    assert all(torch.equal(p, q) for p, q in zip(trainer.model.parameters(), twin.model.parameters()))
    both = first.n_trg_tokens + second.n_trg_tokens
    accumulated = trainer.update(Update([first, second], [1.0, 1.0], both), 0.5)
    together = twin.update(Update.of(union), 0.5)
    assert float(accumulated) == pytest.approx(float(together), rel=1e-5)
    for (name, p), q in zip(trainer.model.named_parameters(), twin.model.parameters()):
        torch.testing.assert_close(p, q, atol=1e-6, rtol=1e-5, msg=name)


def test_accumulation_consumes_the_epoch_in_groups_and_counts_every_target_token(toy_recipe, tmp_path):
    from seq2seq.data import pair_widths, token_batches

    recipe = toy_recipe(tmp_path / "m", "training.accumulate=4", "training.max_epochs=1", "training.max_steps=null",
                        "training.valid_every=1000", "training.batch_tokens=400")
    d = train(recipe)
    state = checkpoint(d)["state"]
    trainer = _trainer(toy_recipe, tmp_path / "count", "training.batch_tokens=400")
    batches = token_batches(pair_widths(trainer.data.train), None, 400, seed=recipe.training.seed)
    assert state["step"] == -(-len(batches) // 4) and len(batches) % 4  # the last update has fewer batches
    assert state["target_tokens"] == sum(n + 1 for n in trainer.data.train.trg.lengths)
    # the run ends with an unscheduled validation, whose best score the last log line reports
    assert re.search(r"reached training.max_epochs \(1\); best bleu \d+\.\d\d at step 9", (d / "train.log").read_text())


def test_an_accumulating_run_resumes_exactly(toy_recipe, tmp_path):
    extra = ("training.accumulate=2", "training.valid_every=4")
    straight = train(toy_recipe(tmp_path / "straight", "training.max_steps=12", *extra))
    train(toy_recipe(tmp_path / "resumed", "training.max_steps=4", *extra))
    resumed = train(toy_recipe(tmp_path / "resumed", "training.max_steps=12", *extra), resume=True)
    a, b = checkpoint(straight)["state"], checkpoint(resumed)["state"]
    assert (a["step"], a["epoch"], a["batch_in_epoch"], a["target_tokens"]) == \
        (b["step"], b["epoch"], b["batch_in_epoch"], b["target_tokens"])
    assert a["epoch"] >= 1  # the run crossed an epoch's end, where an update may hold fewer batches
    assert_same_tensors(checkpoint(straight)["model"], checkpoint(resumed)["model"])

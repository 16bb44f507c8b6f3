"""Sweeps: a 2x2 grid trains four variants, compares them in one report, and a restart skips finished ones."""
from __future__ import annotations

import json

import pytest

from seq2seq import sweep as sweep_module
from seq2seq.cli import main
from seq2seq.errors import Seq2SeqError
from seq2seq.sweep import grid_variants, variant_name

from conftest import RECIPE


def test_grid_is_every_combination_first_values_first():
    grid = grid_variants(["model.encoder.cell=gru,lstm", "model.encoder.bidirectional=true,false"])
    assert grid == [["model.encoder.cell=gru", "model.encoder.bidirectional=true"],
                    ["model.encoder.cell=gru", "model.encoder.bidirectional=false"],
                    ["model.encoder.cell=lstm", "model.encoder.bidirectional=true"],
                    ["model.encoder.cell=lstm", "model.encoder.bidirectional=false"]]
    assert variant_name(grid[1]) == "encoder.cell-gru_encoder.bidirectional-false"
    with pytest.raises(Seq2SeqError, match="KEY=V1,V2"):
        grid_variants(["model.encoder.cell"])
    with pytest.raises(Seq2SeqError, match="KEY=V1,V2"):
        grid_variants(["model.encoder.cell+=gru"])


def test_keys_joined_by_plus_take_the_same_value_together():
    grid = grid_variants(["model.encoder.cell+model.decoder.cell=gru,lstm", "training.seed=1,2"])
    assert grid == [["model.encoder.cell=gru", "model.decoder.cell=gru", "training.seed=1"],
                    ["model.encoder.cell=gru", "model.decoder.cell=gru", "training.seed=2"],
                    ["model.encoder.cell=lstm", "model.decoder.cell=lstm", "training.seed=1"],
                    ["model.encoder.cell=lstm", "model.decoder.cell=lstm", "training.seed=2"]]


def test_two_by_two_sweep_end_to_end_and_restart(toy_overrides, toy_data, tmp_path, monkeypatch, capsys):
    out = tmp_path / "sweep"
    sets = [a for s in toy_overrides(tmp_path / "unused", "training.max_steps=8", "training.valid_every=4")
            if not s.startswith("model_dir=") for a in ("--set", s)]
    args = ["sweep", str(RECIPE), "--grid", "model.encoder.cell=gru,lstm", "--grid",
            "model.decoder.cell=gru,rnn_tanh", *sets, "--src", str(toy_data / "test.src"),
            "--ref", str(toy_data / "test.trg"), "--out", str(out)]
    assert main(args) == 0
    report = json.loads((out / "report.json").read_text())
    names = [f"encoder.cell-{e}_decoder.cell-{d}" for e in ("gru", "lstm") for d in ("gru", "rnn_tanh")]
    assert [s["name"] for s in report["systems"]] == names
    assert [v["name"] for v in report["variants"]] == names
    assert report["significance"]["paired_bootstrap"]["BLEU"][0] is None  # the first variant is the baseline
    assert all(len(p) == 4 and p[1] is not None for p in report["significance"]["paired_bootstrap"].values()
               if isinstance(p, list))
    for v in report["variants"]:
        assert v["parameters"] > 0 and v["target_tokens_per_second"] > 0 and [p["step"] for p in v["curve"]] == [4, 8]
    assert (out / "variants_bleu.png").is_file() and "Variants" in (out / "report.md").read_text()
    # each variant's saved recipe holds its own values
    from seq2seq.config import load_recipe
    model = load_recipe(out / "encoder.cell-lstm_decoder.cell-rnn_tanh" / "recipe.yaml").model
    assert (model.encoder.cell.value, model.decoder.cell.value) == ("lstm", "rnn_tanh")

    # restarted: nothing is trained again, the report is rebuilt from what is there
    def refuse(*a, **k):
        raise AssertionError("a finished variant was trained again")
    monkeypatch.setattr(sweep_module, "_train_variant", refuse)
    (out / "report.json").unlink()
    assert main(args) == 0
    assert json.loads((out / "report.json").read_text())["variants"] == report["variants"]

    # restarted with other settings: the finished folders are not passed off as the new settings' results
    changed = [a.replace("training.max_steps=8", "training.max_steps=12") for a in args]
    assert changed != args
    assert main(changed) == 2
    assert "training.max_steps=8, but this sweep sets 12" in capsys.readouterr().err


def test_only_a_trained_folder_must_match_and_device_or_threads_may_differ(toy_overrides, tmp_path):
    from seq2seq.config import load_recipe, save_recipe
    from seq2seq.sweep import DONE, check_same_settings
    folder = tmp_path / "variant"
    folder.mkdir()
    old = load_recipe(RECIPE, toy_overrides(folder, "training.max_steps=8"))
    save_recipe(old, folder / "recipe.yaml")
    new = load_recipe(RECIPE, toy_overrides(folder, "training.max_steps=12"))
    check_same_settings(new, folder)  # failed before its first checkpoint: nothing to reuse, trained afresh
    (folder / DONE).write_text("{}")
    with pytest.raises(Seq2SeqError, match="training.max_steps=8, but this sweep sets 12"):
        check_same_settings(new, folder)
    elsewhere = load_recipe(RECIPE, toy_overrides(tmp_path / "moved", "training.max_steps=8",
                                                  "training.device=cpu", "training.threads=1"))
    assert (elsewhere.training.device, elsewhere.training.threads) != (old.training.device, old.training.threads)
    check_same_settings(elsewhere, folder)  # where and on how many threads it runs does not change the model

"""Model directories saved by an older version (tests/data/legacy_models, made by the code of commit
d08da82 with make_legacy_models.py there) still load and translate to the same bytes: greedy, beam, beam
with a minimum length, int8, and an ensemble of two of them; n-best lists the same, their scores to their
printed precision; an old run resumes and its checkpoints average with new ones."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from seq2seq.translate import Translator, translate_stream

LEGACY = Path(__file__).resolve().parent / "data" / "legacy_models"
EXPECTED = json.loads((LEGACY / "expected.json").read_text(encoding="utf-8"))


def _inputs(kind: str) -> list[str]:
    return (LEGACY / f"inputs.{kind}.txt").read_text(encoding="utf-8").split("\n")[:-1]


def _translated(translator: Translator, lines: list[str], **options) -> str:
    out = io.StringIO()
    translate_stream(translator, lines, out, options=translator.options(**options), progress=False)
    return out.getvalue()


def _assert_same_n_best(got: str, expected: str) -> None:
    """The same lines, indices and translations; each score equal to its printed precision. Beam search now
    attends with a sentence's memory for all its beams in one product instead of a copy per beam, which
    moves a score by float rounding (about 1e-6), enough to turn its fourth decimal now and then."""
    got_rows, expected_rows = [g.split("\t") for g in got.splitlines()], [e.split("\t") for e in expected.splitlines()]
    assert [(g[0], g[2]) for g in got_rows] == [(e[0], e[2]) for e in expected_rows]
    assert all(g[1] == e[1] or abs(float(g[1]) - float(e[1])) <= 1.0001e-4 for g, e in zip(got_rows, expected_rows))


@pytest.mark.parametrize("name", list(EXPECTED["models"]))
def test_an_old_model_directory_translates_to_the_same_bytes(name):
    translator = Translator.load(LEGACY / name, device="cpu")
    for option, kwargs in EXPECTED["options"].items():
        expected = (LEGACY / name / f"expected.{option}.txt").read_text(encoding="utf-8")
        got = _translated(translator, _inputs(EXPECTED["models"][name]), **kwargs)
        if kwargs.get("n_best", 1) == 1:
            assert got == expected, option
        else:
            _assert_same_n_best(got, expected)


@pytest.mark.parametrize("name", EXPECTED["int8"])
def test_an_old_model_directory_translates_to_the_same_bytes_in_int8(name):
    translator = Translator.load(LEGACY / name, int8=True)
    expected = (LEGACY / name / "expected.int8.beam5.txt").read_text(encoding="utf-8")
    assert _translated(translator, _inputs(EXPECTED["models"][name])) == expected


def test_an_ensemble_of_old_model_directories_translates_to_the_same_bytes():
    pair = Translator.load(LEGACY / "toy_gru_conditional_layernorm", device="cpu",
                           ensemble_with=[LEGACY / "toy_lstm_general"])
    expected = (LEGACY / "expected.ensemble.beam5.txt").read_text(encoding="utf-8")
    assert _translated(pair, _inputs("toy")) == expected


def test_an_old_run_resumes_with_each_optimizer_moment_on_its_own_parameter(tmp_path):
    # the old layout kept the gate norms apart from their cells, so its optimizer numbered them elsewhere
    import shutil

    import torch

    from seq2seq.config import load_recipe
    from seq2seq.model.upgrade import renamed, upgrade_optimizer_state
    from seq2seq.training import train

    old = torch.load(LEGACY / "toy_gru_conditional_layernorm" / "checkpoints" / "last.pt", weights_only=False)
    assert any(key.startswith("decoder.gate_norms.") for key in old["model"])
    translator = Translator.load(LEGACY / "toy_gru_conditional_layernorm", device="cpu")
    model = translator.model
    names = [name for name, _ in model.named_parameters()]
    assert names != [renamed(name) for name in old["model"] if name != "decoder.output.weight"]  # the order moved
    state = upgrade_optimizer_state(old["optimizer"], old["model"], model)
    old_names = [name for name in old["model"] if name != "decoder.output.weight"]  # tied to the embedding
    for old_index, name in enumerate(old_names):
        moments = state["state"][names.index(renamed(name))]
        for moment in ("exp_avg", "exp_avg_sq", "step"):
            assert torch.equal(moments[moment], old["optimizer"]["state"][old_index][moment])
        assert moments["exp_avg"].shape == dict(model.named_parameters())[renamed(name)].shape
    copy = tmp_path / "run"
    shutil.copytree(LEGACY / "toy_gru_conditional_layernorm", copy)
    root = LEGACY.parents[2]
    recipe = load_recipe(copy / "recipe.yaml", [f"model_dir={copy}", f"data.train={root}/data/toy_reverse/train",
                                                f"data.valid={root}/data/toy_reverse/valid", "training.max_steps=250"])
    train(recipe, resume=True)
    resumed = torch.load(copy / "checkpoints" / "last.pt", weights_only=False)
    assert resumed["step"] == 250 and not any("gate_norms" in key for key in resumed["model"])


def test_step_checkpoints_from_before_and_after_the_upgrade_average_together(tmp_path):
    # a run resumed across versions holds step checkpoints in both layouts (and both key orders)
    import shutil

    import torch

    from seq2seq.averaging import average_checkpoints
    from seq2seq.model_dir import ModelDir

    copy = tmp_path / "run"
    shutil.copytree(LEGACY / "toy_gru_conditional_layernorm", copy)
    old = torch.load(copy / "checkpoints" / "best.pt", weights_only=True)
    new = Translator.load(copy, device="cpu").model.state_dict()
    assert list(old["model"]) != list(new)
    directory = ModelDir(copy)
    directory.save_checkpoint("step_100", old)
    directory.save_checkpoint("step_200", {"model": new, "step": 200})
    average_checkpoints(copy, last=2)
    averaged = torch.load(directory.checkpoint("averaged"), weights_only=True)["model"]
    assert list(averaged) == list(new)  # the newest checkpoint's layout
    assert all(torch.equal(averaged[key], new[key]) for key in new)  # the same weights twice: their mean
    assert _translated(Translator.load(copy, "averaged", device="cpu"), _inputs("toy")) == \
        (LEGACY / "toy_gru_conditional_layernorm" / "expected.beam5.txt").read_text(encoding="utf-8")

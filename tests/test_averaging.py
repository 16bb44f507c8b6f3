"""Checkpoint averaging (seq2seq/averaging.py): exact means, a loadable result, clear errors."""
from __future__ import annotations

import shutil

import pytest
import torch

from seq2seq.averaging import average_checkpoints, average_state_dicts
from seq2seq.cli import main
from seq2seq.errors import Seq2SeqError
from seq2seq.model_dir import ModelDir
from seq2seq.translate import Translator


@pytest.fixture
def model_copy(trained_model, tmp_path):
    """A private copy of the session's trained model (keep_last 2: step_200 and step_300)."""
    return shutil.copytree(trained_model.dir, tmp_path / "model")


def test_mean_of_float_weights_and_equal_integer_buffers_kept():
    a = {"w": torch.tensor([1.0, 2.0]), "n": torch.tensor(3)}
    b = {"w": torch.tensor([3.0, 6.0]), "n": torch.tensor(3)}
    out = average_state_dicts([a, b])
    assert torch.equal(out["w"], torch.tensor([2.0, 4.0])) and out["w"].dtype == torch.float32
    assert out["n"].item() == 3


@pytest.mark.parametrize("first, other, message", [
    ({"w": torch.zeros(2)}, {"v": torch.zeros(2)}, "different weights"),
    ({"w": torch.zeros(2)}, {"w": torch.zeros(3)}, "different shapes"),
    ({"n": torch.tensor([1, 2])}, {"n": torch.tensor([1, 3])}, "non-float weight n differs"),
])
def test_checkpoints_of_different_models_are_refused(first, other, message):
    with pytest.raises(Seq2SeqError, match=message):
        average_state_dicts([first, other])


def test_averaged_checkpoint_is_the_mean_of_the_last_ones_and_translates(model_copy):
    paths = ModelDir(model_copy).step_checkpoints()
    assert [p.stem for p in paths] == ["step_200", "step_300"]
    states = [torch.load(p, weights_only=True)["model"] for p in paths]
    target = average_checkpoints(model_copy, last=2)
    saved = torch.load(target, weights_only=True)
    assert saved["averaged_steps"] == [200, 300]
    for key, value in saved["model"].items():
        torch.testing.assert_close(value, (states[0][key] + states[1][key]) / 2)
    translator = Translator.load(model_copy, "averaged", device="cpu")
    assert len(translator.translate(["a b c", "", "d e"])) == 3


def test_averaging_one_checkpoint_gives_it_back(model_copy):
    newest = torch.load(ModelDir(model_copy).step_checkpoints()[-1], weights_only=True)["model"]
    saved = torch.load(average_checkpoints(model_copy, last=1, name="newest"), weights_only=True)["model"]
    assert all(torch.equal(saved[key], newest[key]) for key in newest)


@pytest.mark.parametrize("name", ["best", "LAST", "step_7", "../elsewhere", ""])
def test_a_reserved_or_unsafe_name_is_refused(model_copy, name):
    before = {p.name: p.read_bytes() for p in (model_copy / "checkpoints").glob("*.pt")}
    with pytest.raises(Seq2SeqError, match="cannot name"):
        average_checkpoints(model_copy, last=2, name=name)
    assert {p.name: p.read_bytes() for p in (model_copy / "checkpoints").glob("*.pt")} == before  # untouched


def test_too_few_or_unreadable_checkpoints_or_no_model_dir_is_a_clear_error(model_copy, tmp_path):
    with pytest.raises(Seq2SeqError, match="fewer than the 3 asked for.*keep_last"):
        average_checkpoints(model_copy, last=3)
    torch.save({"weights": {}}, model_copy / "checkpoints" / "step_300.pt")
    with pytest.raises(Seq2SeqError, match="step_300.pt: not a seq2seq checkpoint.*average fewer"):
        average_checkpoints(model_copy, last=2)
    data = bytearray((model_copy / "checkpoints" / "step_200.pt").read_bytes())
    data[len(data) // 2] ^= 0x5A  # one byte of its weights: torch.load alone would average it
    (model_copy / "checkpoints" / "step_300.pt").write_bytes(bytes(data))
    with pytest.raises(Seq2SeqError, match="step_300.pt: not a seq2seq checkpoint, or a damaged one.*CRC-32"):
        average_checkpoints(model_copy, last=2)
    with pytest.raises(Seq2SeqError, match="not a model directory"):
        average_checkpoints(tmp_path / "typo", last=2)


def test_cli_average_then_translate_with_it(model_copy, tmp_path, capsys):
    assert main(["average", "--model", str(model_copy), "--last", "2"]) == 0
    source, output = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_text("a b c\nd e f g\n")
    assert main(["translate", "--model", str(model_copy), "--checkpoint", "averaged", "-q",
                 "--input", str(source), "--output", str(output)]) == 0
    expected = Translator.load(model_copy, "averaged", device="cpu").translate(["a b c", "d e f g"])
    assert output.read_text().splitlines() == expected
    assert main(["average", "--model", str(model_copy), "--last", "5"]) == 2
    assert "keep_last" in capsys.readouterr().err


def test_the_same_weights_listed_in_another_order_average_in_the_newest_order():
    older = {"b": torch.tensor([1.0]), "a": torch.tensor([4.0])}
    newer = {"a": torch.tensor([2.0]), "b": torch.tensor([3.0])}
    averaged = average_state_dicts([older, newer])
    assert list(averaged) == ["a", "b"]
    assert averaged["a"].item() == 3.0 and averaged["b"].item() == 2.0

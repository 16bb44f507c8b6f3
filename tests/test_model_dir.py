"""seq2seq/model_dir.py: one owner of a model directory's layout: its file names, the one 'not a model
directory' check, checkpoint names (step_N parsed one way), saves that never leave a cut-short file."""
from __future__ import annotations

import pytest
import torch

from seq2seq.config import DataConfig, SentencePieceConfig
from seq2seq.errors import Seq2SeqError
from seq2seq.model_dir import ModelDir, atomic_save, make_dir


def _data(joint: bool) -> DataConfig:
    return DataConfig(train="t", valid="v", src_lang="en", trg_lang="de",
                      sentencepiece=SentencePieceConfig(joint=joint))


def test_layout_names_every_file_training_writes(tmp_path):
    d = ModelDir(tmp_path)
    assert (d.recipe_file.name, d.log_file.name, d.validations_file.name) == ("recipe.yaml", "train.log",
                                                                               "validations.jsonl")
    assert d.checkpoint("best") == tmp_path / "checkpoints" / "best.pt"
    joint, separate = d.text_files(_data(joint=True)), d.text_files(_data(joint=False))
    assert joint.src_pieces == joint.trg_pieces == tmp_path / "spm.joint.model" and joint.joint
    assert (separate.src_pieces.name, separate.trg_pieces.name) == ("spm.src.model", "spm.trg.model")
    assert (joint.src_vocab.name, joint.trg_vocab.name) == ("src_vocab.txt", "trg_vocab.txt")
    assert joint.all(sentencepiece=True) == [joint.src_vocab, joint.trg_vocab, joint.src_pieces]  # each file once
    assert separate.all(sentencepiece=False) == [separate.src_vocab, separate.trg_vocab]


def test_a_folder_without_a_recipe_is_not_a_model_directory(tmp_path):
    assert not ModelDir(tmp_path).exists()
    with pytest.raises(Seq2SeqError, match=rf"^{tmp_path} is not a model directory \(no recipe.yaml\)"):
        ModelDir(tmp_path).require()
    with pytest.raises(Seq2SeqError, match=r"^training.init_from: .* is not a model directory"):
        ModelDir(tmp_path).require("training.init_from")  # the setting that named it comes first
    (tmp_path / "recipe.yaml").write_text("{}\n")
    assert ModelDir(tmp_path).require().exists()


def test_step_checkpoints_are_parsed_one_way_and_sorted_by_number(tmp_path):
    d = ModelDir(tmp_path)
    for name in ("step_900", "step_1000", "step_20", "step_x", "best", "last", "steps_5"):
        d.save_checkpoint(name, {"step": 1})
    assert [p.name for p in d.step_checkpoints()] == ["step_20.pt", "step_900.pt", "step_1000.pt"]
    assert [ModelDir.step_of(p) for p in d.step_checkpoints()] == [20, 900, 1000]
    assert ModelDir.step_of(d.checkpoint("step_x")) is None and ModelDir.step_of(d.checkpoint("best")) is None
    d.prune_steps(keep=2)
    assert [p.name for p in d.step_checkpoints()] == ["step_900.pt", "step_1000.pt"]
    assert d.has_checkpoint("best") and d.has_checkpoint("step_x")  # only step checkpoints are pruned


def test_a_missing_checkpoint_lists_what_the_directory_has(tmp_path):
    d = ModelDir(tmp_path)
    d.save_checkpoint("best", {"step": 3})
    with pytest.raises(Seq2SeqError, match=r"checkpoint not found: .*last.pt .*its checkpoints: best"):
        d.find_checkpoint("last")
    assert d.find_checkpoint(str(d.checkpoint("best"))) == d.checkpoint("best")  # a file path works too
    assert ModelDir.is_checkpoint_name("averaged") and not ModelDir.is_checkpoint_name("x/best.pt")


def test_a_save_that_fails_leaves_the_previous_checkpoint_whole(tmp_path):
    d = ModelDir(tmp_path)
    d.save_checkpoint("last", {"step": 1, "weights": torch.ones(3)})
    with pytest.raises(Exception):
        d.save_checkpoint("last", {"step": 2, "unpicklable": lambda: None})
    assert d.load_checkpoint("last", full=True)["step"] == 1
    d.save_checkpoint("step_4", {"step": 4})
    d.copy_checkpoint("step_4", "best")
    assert d.load_checkpoint("best")["step"] == 4 and not list(d.checkpoints.glob("*.tmp"))  # no partial files


def test_atomic_save_writes_through_a_temporary_file(tmp_path, monkeypatch):
    seen = []
    real = torch.save
    monkeypatch.setattr(torch, "save", lambda obj, path: (seen.append(path.name), real(obj, path)))
    atomic_save({"a": 1}, tmp_path / "x.pt")
    assert seen == ["x.tmp"] and (tmp_path / "x.pt").is_file() and not (tmp_path / "x.tmp").exists()


def test_an_unreadable_checkpoint_is_a_clear_error(tmp_path):
    d = ModelDir(tmp_path)
    d.checkpoints.mkdir()
    d.checkpoint("last").write_bytes(b"not a checkpoint")
    with pytest.raises(Seq2SeqError, match=r"cannot read .*last.pt: not a seq2seq checkpoint"):
        d.load_checkpoint("last")


def test_clear_run_forgets_checkpoints_and_validations_but_keeps_the_rest(tmp_path):
    d = ModelDir(tmp_path)
    d.save_checkpoint("last", {"step": 1})
    d.append_validation({"step": 1})
    d.append_validation({"step": 2})
    assert d.validations_file.read_text().count("\n") == 2
    (tmp_path / "src_vocab.txt").write_text("x\n")
    d.clear_run()
    assert not d.checkpoints.exists() and not d.validations_file.exists() and (tmp_path / "src_vocab.txt").exists()


def test_make_dir_makes_parents_and_refuses_a_file(tmp_path):
    assert make_dir(tmp_path / "a" / "b", "model_dir").is_dir()
    (tmp_path / "f").write_text("")
    with pytest.raises(Seq2SeqError, match="model_dir .* is a file, not a directory"):
        make_dir(tmp_path / "f", "model_dir")

"""seq2seq/model_dir.py: one owner of a model directory's layout: its file names, the one 'not a model
directory' check, checkpoint names (step_N parsed one way), saves that never leave a cut-short file."""
from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
import torch

from seq2seq import __version__
from seq2seq.config import DataConfig, SentencePieceConfig
from seq2seq.errors import Seq2SeqError
from seq2seq.model_dir import FORMAT, ModelDir, atomic_save, make_dir


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
    d.save_checkpoint("last", {"step": 1, "model": {"w": torch.ones(3)}})
    with pytest.raises(Exception):
        d.save_checkpoint("last", {"step": 2, "unpicklable": lambda: None})
    assert d.load_checkpoint("last", full=True)["step"] == 1
    assert not list(d.checkpoints.glob("*.tmp"))  # no partial files


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_full_or_unwritable_disk_is_one_error_naming_the_file_and_the_old_checkpoint_stays(tmp_path, monkeypatch,
                                                                                            code):
    d = ModelDir(tmp_path)
    d.save_checkpoint("last", {"step": 1, "model": {"w": torch.ones(3)}})
    real_open = open

    class FillsUp:
        """A file that takes the first bytes of a write, then fails as a full (or read-only) disk does."""

        def __init__(self, path, mode):
            self.f = real_open(path, mode)

        def write(self, data):
            self.f.write(data[:10])
            raise OSError(code, os.strerror(code))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    monkeypatch.setattr("builtins.open", lambda path, mode="r", *a, **k: FillsUp(path, mode) if str(path).endswith(
        ".tmp") else real_open(path, mode, *a, **k))
    with pytest.raises(Seq2SeqError) as caught:
        d.save_checkpoint("last", {"step": 2, "model": {"w": torch.zeros(3)}})
    message = str(caught.value)
    assert str(d.checkpoint("last")) in message and os.strerror(code) in message and "\n" not in message
    monkeypatch.undo()
    assert d.load_checkpoint("last")["step"] == 1 and not list(d.checkpoints.glob("*.tmp"))


def test_a_checkpoint_is_flushed_synced_renamed_and_its_folder_synced(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append(("fsync", os.path.basename(
        os.readlink(f"/proc/self/fd/{fd}")))), real_fsync(fd)))
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append(("rename", Path(a).name, Path(b).name)),
                                                     real_replace(a, b)))
    d = ModelDir(tmp_path)
    d.save_checkpoint("best", {"model": {"w": torch.ones(2)}, "step": 3})
    assert events == [("fsync", "best.pt.tmp"), ("rename", "best.pt.tmp", "best.pt"), ("fsync", "checkpoints")]
    assert d.load_checkpoint("best")["step"] == 3


def test_atomic_save_writes_through_a_temporary_file(tmp_path, monkeypatch):
    seen = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (seen.append(Path(a).name), real(a, b)))
    atomic_save({"a": 1}, tmp_path / "x.pt")
    assert seen == ["x.pt.tmp"] and (tmp_path / "x.pt").is_file() and not (tmp_path / "x.pt.tmp").exists()


def test_every_checkpoint_carries_its_format_and_the_package_version(tmp_path):
    d = ModelDir(tmp_path)
    d.save_checkpoint("last", {"model": {}, "step": 1})
    saved = torch.load(d.checkpoint("last"), weights_only=True)
    assert saved["format"] == FORMAT and saved["seq2seq_version"] == __version__


def test_a_checkpoint_or_model_directory_of_a_newer_format_is_refused_naming_both_versions(tmp_path, trained_model):
    d = ModelDir(tmp_path)
    d.checkpoints.mkdir()
    torch.save({"model": {}, "format": FORMAT + 1, "seq2seq_version": "9.0"}, d.checkpoint("best"))
    with pytest.raises(Seq2SeqError, match=rf"written by seq2seq 9.0 in format {FORMAT + 1}; this is seq2seq "
                                           rf"{__version__}, which reads formats up to {FORMAT}: upgrade"):
        d.load_checkpoint("best")
    newer = tmp_path / "newer"
    shutil.copytree(trained_model.dir, newer)
    assert ModelDir(newer).require() and json.loads((newer / "format.json").read_text())["format"] == FORMAT
    (newer / "format.json").write_text(json.dumps({"format": FORMAT + 1, "seq2seq_version": "9.0"}))
    with pytest.raises(Seq2SeqError, match="written by seq2seq 9.0 in format"):
        ModelDir(newer).recipe()


def test_a_newer_format_is_one_line_and_exit_2_on_the_command_line(tmp_path, trained_model, capsys):
    from seq2seq.cli import main

    newer = tmp_path / "newer"
    shutil.copytree(trained_model.dir, newer)
    (newer / "format.json").write_text(json.dumps({"format": FORMAT + 1, "seq2seq_version": "9.0"}))
    for argv in (["translate", "--model", str(newer), "-q"], ["average", "--model", str(newer), "--last", "1"]):
        assert main(argv) == 2
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and "seq2seq 9.0" in lines[0] and "upgrade seq2seq" in lines[0]


def test_a_checkpoint_from_before_formats_were_numbered_still_loads(tmp_path):
    d = ModelDir(tmp_path)
    d.checkpoints.mkdir()
    torch.save({"model": {"w": torch.ones(1)}, "step": 5}, d.checkpoint("best"))  # as version 0.1 wrote them
    assert d.load_checkpoint("best")["step"] == 5


def test_an_unreadable_checkpoint_is_a_clear_error(tmp_path):
    d = ModelDir(tmp_path)
    d.checkpoints.mkdir()
    d.checkpoint("last").write_bytes(b"not a checkpoint")
    with pytest.raises(Seq2SeqError, match=r"cannot read .*last.pt: not a seq2seq checkpoint"):
        d.load_checkpoint("last")


def test_clear_run_forgets_checkpoints_and_validations_but_keeps_the_rest(tmp_path):
    d = ModelDir(tmp_path)
    d.save_checkpoint("last", {"step": 1, "model": {}})
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

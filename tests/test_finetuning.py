"""Fine-tuning (training.init_from): the parent's token ids and weights, exact resume, clear refusals."""
from __future__ import annotations

from pathlib import Path

import pytest
import torch

from seq2seq.errors import Seq2SeqError
from seq2seq.training import train

from test_training import assert_same_tensors, checkpoint, records

# The shared trained model's architecture (conftest TRAINED), so its weights fit.
SAME_MODEL = ("model.encoder.dropout=0.0", "model.decoder.dropout=0.0")


def subset_corpus(toy_data: Path, out: Path, without: str) -> Path:
    """The toy training pairs that never use the symbol `without`, as a new corpus prefix."""
    src = (toy_data / "train.src").read_text(encoding="utf-8").splitlines()
    trg = (toy_data / "train.trg").read_text(encoding="utf-8").splitlines()
    keep = [(s, t) for s, t in zip(src, trg) if without not in s.split()]
    out.mkdir(parents=True, exist_ok=True)
    (out / "train.src").write_text("".join(s + "\n" for s, _ in keep), encoding="utf-8")
    (out / "train.trg").write_text("".join(t + "\n" for _, t in keep), encoding="utf-8")
    return out / "train"


def test_fine_tuning_starts_from_the_parent_weights_and_keeps_its_vocabulary(trained_model, toy_recipe, tmp_path):
    corpus = subset_corpus(trained_model.data, tmp_path / "data", without="t")
    recipe = toy_recipe(tmp_path / "child", *SAME_MODEL, f"data.train={corpus}",
                        f"training.init_from={trained_model.dir}", "training.learning_rate=1e-9",
                        "training.max_steps=10", "training.valid_every=10")
    child = train(recipe)
    for name in ("src_vocab.txt", "trg_vocab.txt"):  # rebuilt from the subset, they would lack "t"
        assert (child / name).read_bytes() == (trained_model.dir / name).read_bytes()
    parent = checkpoint(trained_model.dir, "best")["model"]
    tuned = checkpoint(child)["model"]
    assert all(torch.allclose(parent[k], tuned[k], atol=1e-6) for k in parent)
    parent_best = max(r["bleu"] for r in records(trained_model.dir))
    assert records(child)[0]["bleu"] > parent_best - 1.0  # a fresh model scores near 0 after 10 updates
    assert "fine-tuning from" in (child / "train.log").read_text(encoding="utf-8")


def test_fine_tuning_counts_its_own_steps_from_zero(trained_model, toy_recipe, tmp_path):
    child = train(toy_recipe(tmp_path / "child", *SAME_MODEL, f"training.init_from={trained_model.dir}",
                             "training.init_checkpoint=last", "training.max_steps=10", "training.valid_every=5"))
    assert [r["step"] for r in records(child)] == [5, 10]  # the parent stopped at 300: steps restart at 0
    assert not torch.equal(checkpoint(child)["model"]["decoder.output.weight"],
                           checkpoint(trained_model.dir, "last")["model"]["decoder.output.weight"])


def test_resuming_a_fine_tuning_run_is_exact(trained_model, toy_recipe, tmp_path):
    def recipe(name: str, steps: int):
        return toy_recipe(tmp_path / name, *SAME_MODEL, f"training.init_from={trained_model.dir}",
                          "model.decoder.dropout=0.2", f"training.max_steps={steps}", "training.valid_every=5")
    full = train(recipe("full", 20))
    half = train(recipe("half", 10))
    train(recipe("half", 20), resume=True)  # must continue its own run, not restart from the parent
    assert_same_tensors(checkpoint(full)["model"], checkpoint(half)["model"])


def test_fine_tuning_copies_the_parents_sentencepiece_model(toy_recipe, toy_data, tmp_path):
    spm = ("data.level=sentencepiece", "data.sentencepiece.vocab_size=32")
    parent = train(toy_recipe(tmp_path / "parent", *spm, "training.max_steps=2", "training.valid_every=2"))
    corpus = subset_corpus(toy_data, tmp_path / "data", without="a")
    child = train(toy_recipe(tmp_path / "child", *spm, f"data.train={corpus}", f"training.init_from={parent}",
                             "training.init_checkpoint=last", "training.max_steps=2", "training.valid_every=2"))
    assert (child / "spm.joint.model").read_bytes() == (parent / "spm.joint.model").read_bytes()
    assert (child / "trg_vocab.txt").read_bytes() == (parent / "trg_vocab.txt").read_bytes()


def test_a_parent_without_its_sentencepiece_model_is_refused_before_overwrite(toy_recipe, tmp_path):
    spm = ("data.level=sentencepiece", "data.sentencepiece.vocab_size=32", "training.max_steps=2",
           "training.valid_every=2")
    parent = train(toy_recipe(tmp_path / "parent", *spm))
    (parent / "spm.joint.model").unlink()
    first = train(toy_recipe(tmp_path / "run", *spm))
    with pytest.raises(Seq2SeqError, match="spm.joint.model is missing"):
        train(toy_recipe(first, *spm, f"training.init_from={parent}", "training.init_checkpoint=last"),
              overwrite=True)
    assert (first / "checkpoints" / "last.pt").is_file()


def test_subword_sampling_needs_a_parent_with_every_piece_in_its_vocabulary(toy_recipe, toy_data, tmp_path):
    spm = ("data.level=sentencepiece", "data.sentencepiece.vocab_size=32", "training.max_steps=2",
           "training.valid_every=2")
    counted = train(toy_recipe(tmp_path / "counted", *spm))
    sampling = (*spm, "data.sentencepiece.all_pieces=true", "data.sentencepiece.sampling_alpha=0.3")
    with pytest.raises(Seq2SeqError, match="trained without data.sentencepiece.all_pieces"):
        train(toy_recipe(tmp_path / "child", *sampling, f"training.init_from={counted}"))
    whole = train(toy_recipe(tmp_path / "whole", *spm, "data.sentencepiece.all_pieces=true"))
    child = train(toy_recipe(tmp_path / "child2", *sampling, f"training.init_from={whole}",
                             "training.init_checkpoint=last"))
    assert "epoch 1: sampled segmentations" in (child / "train.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("extra, message", [
    (("model.decoder.hidden_size=48",), "does not fit the model section"),
    (("data.level=char",), "another data.level"),
    (("training.init_checkpoint=step_7",), "checkpoint not found"),
])
def test_a_parent_that_does_not_fit_is_refused_before_overwrite(trained_model, toy_recipe, tmp_path, extra, message):
    first = train(toy_recipe(tmp_path / "run", "training.max_steps=2", "training.valid_every=2", *extra))
    with pytest.raises(Seq2SeqError, match=message):
        train(toy_recipe(first, *SAME_MODEL, *extra, f"training.init_from={trained_model.dir}"), overwrite=True)
    assert (first / "checkpoints" / "last.pt").is_file()


def test_init_from_must_be_another_trained_model_directory(toy_recipe, tmp_path):
    with pytest.raises(Seq2SeqError, match="not a model directory"):
        train(toy_recipe(tmp_path / "child", f"training.init_from={tmp_path / 'nowhere'}"))
    first = train(toy_recipe(tmp_path / "run", "training.max_steps=2", "training.valid_every=2"))
    with pytest.raises(Seq2SeqError, match="own model_dir"):
        train(toy_recipe(first, "training.max_steps=2", f"training.init_from={first}"), overwrite=True)
    assert (first / "checkpoints" / "last.pt").is_file()


def test_a_parent_with_separate_embeddings_cannot_be_fine_tuned_into_shared_ones(trained_model, toy_recipe, tmp_path):
    child = toy_recipe(tmp_path / "child", "data.level=sentencepiece", "data.sentencepiece.all_pieces=true",
                       "model.share_embeddings=true", f"training.init_from={trained_model.dir}")
    with pytest.raises(Seq2SeqError, match="share_embeddings: false.*cannot be merged"):
        train(child)
    assert not (tmp_path / "child" / "checkpoints").exists()

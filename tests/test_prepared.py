"""The prepared training corpus (seq2seq/data/prepared.py, seq2seq/prepare.py): the same ids as the
in-memory path for every pair, whether made in this process or by workers; a model trained from it
memory-mapped equals one trained the in-memory way; a changed source, setting or vocabulary is refused."""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
import torch

from seq2seq.config import DataConfig, SentencePieceConfig, load_recipe
from seq2seq.data import prepared
from seq2seq.data.preparation import prepare_training_data
from seq2seq.errors import Seq2SeqError
from seq2seq.model_dir import ModelDir

ROOT = Path(__file__).resolve().parents[1]


def _pairs(side) -> list[list[int]]:
    return [side[i].tolist() for i in range(len(side))]


def _configs(toy_data: Path) -> dict[str, DataConfig]:
    base = DataConfig(train=str(toy_data / "train"), valid=str(toy_data / "valid"), src_lang="src", trg_lang="trg",
                      level="word", max_length=9, min_length=4)  # some pairs too short, some too long
    spm = SentencePieceConfig(vocab_size=40)
    return {"word": base,
            "char_lowercase": replace(base, level="char", lowercase=True, min_length=6, max_length=20),
            "sentencepiece_counted": replace(base, level="sentencepiece", sentencepiece=spm, vocab_min_freq=2),
            "sentencepiece_all_pieces": replace(base, level="sentencepiece",
                                                sentencepiece=replace(spm, all_pieces=True, joint=False))}


@pytest.mark.parametrize("name", ["word", "char_lowercase", "sentencepiece_counted", "sentencepiece_all_pieces"])
def test_the_prepared_corpus_holds_the_in_memory_paths_ids_for_every_pair(toy_data, tmp_path, name):
    cfg = _configs(toy_data)[name]
    memory_dir, prepared_dir = ModelDir(tmp_path / "memory"), ModelDir(tmp_path / "prepared")
    memory_dir.path.mkdir()
    prepared_dir.path.mkdir()
    in_memory = prepare_training_data(cfg, memory_dir.text_files(cfg), seed=3)
    on_disk = prepare_training_data(cfg, prepared_dir.text_files(cfg), seed=3, corpus=prepared_dir.corpus)
    assert on_disk.src_vocab == in_memory.src_vocab and on_disk.trg_vocab == in_memory.trg_vocab
    assert _pairs(on_disk.train.src) == _pairs(in_memory.train.src) and _pairs(on_disk.train.trg) == \
        _pairs(in_memory.train.trg)
    manifest = json.loads((prepared_dir.corpus / "manifest.json").read_text())
    assert manifest["kept"] == len(in_memory.train) and manifest["pairs"] == 1500
    assert manifest["dropped"]["too_short"] > 0 and manifest["dropped"]["too_long"] > 0
    assert manifest["kept"] + sum(manifest["dropped"].values()) == manifest["pairs"]


def test_worker_processes_write_the_same_corpus_as_one_process(toy_data, tmp_path, monkeypatch):
    cfg = _configs(toy_data)["sentencepiece_counted"]
    one, many = ModelDir(tmp_path / "one"), ModelDir(tmp_path / "many")
    for d in (one, many):
        d.path.mkdir()
    prepared.prepare_corpus(cfg, one.text_files(cfg), one.corpus, seed=3, workers=1)
    monkeypatch.setattr(prepared, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(prepared, "CHUNK", 128)  # many chunks, several in flight at once
    prepared.prepare_corpus(cfg, many.text_files(cfg), many.corpus, seed=3, workers=2)
    for name in ("src.ids", "src.offsets", "trg.ids", "trg.offsets"):
        assert (one.corpus / name).read_bytes() == (many.corpus / name).read_bytes(), name
    assert (one.path / "src_vocab.txt").read_bytes() == (many.path / "src_vocab.txt").read_bytes()


def test_a_model_trained_from_the_memory_mapped_corpus_equals_one_trained_in_memory(toy_recipe, tmp_path,
                                                                                      monkeypatch):
    from seq2seq import training

    def run(model_dir: Path) -> dict:
        d = training.train(toy_recipe(model_dir, "training.max_steps=12", "training.valid_every=6"))
        return torch.load(d / "checkpoints" / "last.pt", weights_only=False)["model"]

    memory_mapped = run(tmp_path / "mapped")
    assert (tmp_path / "mapped" / "corpus" / "manifest.json").is_file()
    original = training.prepare_training_data
    monkeypatch.setattr(training, "prepare_training_data",
                        lambda *args, **kwargs: original(*args, **{**kwargs, "corpus": None}))
    in_memory = run(tmp_path / "memory")
    assert not (tmp_path / "memory" / "corpus").exists()
    assert all(torch.equal(memory_mapped[k], in_memory[k]) for k in memory_mapped)


def _recipe(toy_data: Path, model_dir: Path, *extra: str):
    return load_recipe(ROOT / "recipes" / "toy_reverse.yaml", [f"data.train={toy_data / 'train'}",
                                                               f"data.valid={toy_data / 'valid'}",
                                                               f"model_dir={model_dir}", *extra])


def test_prepare_then_train_reads_the_prepared_files_and_a_second_prepare_changes_nothing(toy_data, tmp_path):
    from seq2seq.cli import main
    from seq2seq.training import make_trainer

    recipe = _recipe(toy_data, tmp_path / "m")
    sets = [f"--set=data.train={toy_data / 'train'}", f"--set=data.valid={toy_data / 'valid'}",
            f"--set=model_dir={tmp_path / 'm'}"]
    assert main(["prepare", str(ROOT / "recipes" / "toy_reverse.yaml"), *sets]) == 0
    ids = (tmp_path / "m" / "corpus" / "src.ids").stat().st_mtime_ns
    assert main(["prepare", str(ROOT / "recipes" / "toy_reverse.yaml"), *sets]) == 0  # up to date: untouched
    assert (tmp_path / "m" / "corpus" / "src.ids").stat().st_mtime_ns == ids
    trainer = make_trainer(recipe)
    assert len(trainer.data.train) == json.loads((tmp_path / "m" / "corpus" / "manifest.json").read_text())["kept"]
    assert (tmp_path / "m" / "corpus" / "src.ids").stat().st_mtime_ns == ids  # opened, not rewritten


def test_a_changed_source_setting_or_vocabulary_is_refused_and_overwrite_rebuilds(toy_data, tmp_path):
    from seq2seq.prepare import prepare
    from seq2seq.training import make_trainer

    data = tmp_path / "data"
    data.mkdir()
    for name in ("train.src", "train.trg", "valid.src", "valid.trg"):
        (data / name).write_bytes((toy_data / name).read_bytes())
    recipe = _recipe(data, tmp_path / "m")
    prepare(recipe)
    with pytest.raises(Seq2SeqError, match=r"data.max_length was 50 then and is 30 now.*--overwrite"):
        make_trainer(replace(recipe, data=replace(recipe.data, max_length=30)))
    vocab = tmp_path / "m" / "src_vocab.txt"
    vocab.write_text(vocab.read_text() + "extra\n")
    with pytest.raises(Seq2SeqError, match="a vocabulary or sentencepiece model changed"):
        make_trainer(recipe)
    with (data / "train.src").open("a") as f:
        f.write("a b c\n")
    (data / "train.trg").write_text((data / "train.trg").read_text() + "c b a\n")
    with pytest.raises(Seq2SeqError, match="a source file changed since"):
        prepare(recipe)
    prepare(recipe, overwrite=True)
    assert json.loads((tmp_path / "m" / "corpus" / "manifest.json").read_text())["pairs"] == 1501
    assert len(make_trainer(recipe).data.train) == 1501


def test_unequal_sides_are_found_while_streaming(toy_data, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "train.src").write_text("a b\nc d\ne f\n")
    (data / "train.trg").write_text("b a\nd c\n")
    cfg = replace(_configs(toy_data)["word"], train=str(data / "train"))
    with pytest.raises(Seq2SeqError, match=r"train.src has more lines than .*train.trg \(.* ends after line 2\)"):
        list(prepared.iter_pairs(cfg))


def test_prepare_refuses_what_it_cannot_do(toy_data, tmp_path):
    from seq2seq.prepare import prepare

    sampling = _recipe(toy_data, tmp_path / "s", "data.level=sentencepiece", "data.sentencepiece.all_pieces=true",
                       "data.sentencepiece.sampling_alpha=0.5", "data.sentencepiece.vocab_size=40")
    with pytest.raises(Seq2SeqError, match="sampling_alpha.* train directly"):
        prepare(sampling)
    os.makedirs(tmp_path / "t" / "checkpoints")
    with pytest.raises(Seq2SeqError, match="already holds a trained model"):
        prepare(_recipe(toy_data, tmp_path / "t"), overwrite=True)


def test_preparing_in_this_process_leaves_the_training_threads_alone(toy_data, tmp_path):
    cfg = _configs(toy_data)["word"]
    folder = ModelDir(tmp_path)
    torch.set_num_threads(2)
    prepared.prepare_corpus(cfg, folder.text_files(cfg), folder.corpus, seed=3, workers=1)
    assert torch.get_num_threads() == 2

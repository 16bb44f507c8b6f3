"""Shared fixtures: one small toy-reversal corpus and one tiny trained toy model per test session."""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pytest

from seq2seq.config import DataConfig, Recipe, load_recipe
from seq2seq.data.text_files import TextFiles
from seq2seq.model_dir import ModelDir

ROOT = Path(__file__).resolve().parents[1]
RECIPE = ROOT / "recipes" / "toy_reverse.yaml"

# Small enough for a couple of seconds per short run on 2 CPU cores.
TINY = [
    "model.encoder.embedding_size=16", "model.encoder.hidden_size=32",
    "model.decoder.embedding_size=16", "model.decoder.hidden_size=32",
    "model.attention.size=32",
    "training.max_steps=20", "training.valid_every=10", "training.log_every=10",
]
# What the shared trained model adds: enough steps and a high enough rate to learn reversal well.
TRAINED = [
    "training.max_steps=300", "training.valid_every=100", "training.learning_rate=0.02",
    "training.keep_last=2", "model.encoder.dropout=0.0", "model.decoder.dropout=0.0",
]


def in_folder(cfg: DataConfig, folder: Path) -> tuple[DataConfig, TextFiles]:
    """cfg, and where a model directory in `folder` keeps the vocabularies and sentencepiece models cfg asks for."""
    return cfg, ModelDir(folder).text_files(cfg)


@pytest.fixture
def offline_datasets(tmp_path, monkeypatch):
    """The datasets library with its cache in tmp_path and no hub access."""
    datasets = pytest.importorskip("datasets")
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", tmp_path / "hf_cache")
    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(datasets.config, "HF_DATASETS_OFFLINE", True, raising=False)
    return datasets


def load_script(name: str):
    """Import data_scripts/NAME.py by path (data_scripts is not a package)."""
    spec = importlib.util.spec_from_file_location(f"_script_{name}", ROOT / "data_scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def toy_data(tmp_path_factory) -> Path:
    """Folder with {train,valid,test}.{src,trg}: 1,500 / 100 / 100 reversal pairs of 3..12 symbols a..t."""
    out = tmp_path_factory.mktemp("toy_reverse")
    load_script("make_toy_reverse").write_reverse_task(out, seed=7, n_train=1500, n_valid=100, n_test=100)
    return out


@pytest.fixture(scope="session")
def toy_overrides(toy_data):
    """make(model_dir, *extra) -> the `--set` list for a tiny toy model trained into model_dir."""
    def make(model_dir, *extra: str) -> list[str]:
        return [f"data.train={toy_data / 'train'}", f"data.valid={toy_data / 'valid'}",
                f"model_dir={model_dir}", *TINY, *extra]
    return make


@pytest.fixture(scope="session")
def toy_recipe(toy_overrides):
    """make(model_dir, *extra) -> the Recipe of recipes/toy_reverse.yaml with the tiny overrides."""
    def make(model_dir, *extra: str) -> Recipe:
        return load_recipe(RECIPE, toy_overrides(model_dir, *extra))
    return make


@dataclass(frozen=True)
class TrainedModel:
    dir: Path
    recipe: Recipe
    data: Path  # the toy corpus folder it was trained on


@pytest.fixture(scope="session")
def trained_model(toy_recipe, toy_data, tmp_path_factory) -> TrainedModel:
    """A tiny toy-reversal model trained once (300 steps, validations at 100/200/300, keep_last 2)."""
    from seq2seq.training import train

    recipe = toy_recipe(tmp_path_factory.mktemp("trained") / "model", *TRAINED)
    return TrainedModel(train(recipe), recipe, toy_data)

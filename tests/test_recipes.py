"""The shipped recipes (recipes/*.yaml) load, and each study variant differs from the reference only where it says."""
from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path
from string import Template

import pytest
import torch

from seq2seq.cli import build_parser
from seq2seq.config import load_recipe, recipe_to_dict
from seq2seq.model import Seq2Seq

RECIPES = Path(__file__).resolve().parents[1] / "recipes"
REFERENCE = "multi30k_en_de_gru"


def flat(recipe) -> dict:
    out = {}

    def walk(node, prefix):
        for key, value in node.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.")
            else:
                out[prefix + key] = value
    walk(recipe_to_dict(recipe), "")
    return out


def differences(name: str, overrides: tuple[str, ...] = ()) -> dict:
    """Keys where recipe NAME (with --set OVERRIDES) differs from the reference, and its values."""
    ref = flat(load_recipe(RECIPES / f"{REFERENCE}.yaml"))
    other = flat(load_recipe(RECIPES / f"{name}.yaml", overrides))
    return {k: other[k] for k in ref if ref[k] != other[k] and k not in ("name", "model_dir")}


@pytest.mark.parametrize("path", sorted(RECIPES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_recipe_loads_and_names_its_own_model_dir(path):
    recipe = load_recipe(path)
    assert recipe.name == path.stem
    assert Path(recipe.model_dir).name == path.stem


@pytest.mark.parametrize("path", sorted(RECIPES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_recipe_builds_a_model_that_learns_from_a_batch(path):
    # e.g. the conditional cell with the rnn_relu variant's identity init: a model the recipe cannot build fails here
    torch.manual_seed(0)
    model = Seq2Seq(load_recipe(path).model, 30, 30).train()
    src, lengths = torch.tensor([[4, 5, 6, 3], [7, 3, 0, 0]]), torch.tensor([4, 2])
    trg_in, trg_out = torch.tensor([[2, 8, 9], [2, 10, 0]]), torch.tensor([[8, 9, 3], [10, 3, 0]])
    loss = model.loss(src, lengths, trg_in, trg_out)
    loss.backward()
    assert torch.isfinite(loss) and all(p.grad is not None and torch.isfinite(p.grad).all()
                                        for p in model.parameters() if p.requires_grad)


def test_reference_has_the_parameter_count_its_header_gives():
    # 8,003 types on each side: the joint 8k sentencepiece model plus the special tokens, as train.log reports
    model = Seq2Seq(load_recipe(RECIPES / f"{REFERENCE}.yaml").model, 8003, 8003)
    assert round(model.num_parameters() / 1e6, 2) == 9.84


@pytest.mark.parametrize("name, expected", [
    ("multi30k_en_de_lstm", {"model.encoder.cell": "lstm", "model.decoder.cell": "lstm"}),
    ("multi30k_en_de_rnn_tanh", {"model.encoder.cell": "rnn_tanh", "model.decoder.cell": "rnn_tanh"}),
    ("multi30k_en_de_rnn_relu", {"model.encoder.cell": "rnn_relu", "model.decoder.cell": "rnn_relu",
                                 "model.encoder.identity_init": True, "model.decoder.identity_init": True}),
    ("multi30k_en_de_gru_unidirectional", {"model.encoder.bidirectional": False}),
    ("multi30k_de_en_gru", {"data.src_lang": "de", "data.trg_lang": "en"}),
    ("multi30k_en_fr_gru", {"data.trg_lang": "fr"}),
])
def test_study_variants_change_only_their_own_keys(name, expected):
    assert differences(name) == expected


def test_cpu60_has_joeys_network_the_reference_data_and_a_time_budget():
    changed = differences("multi30k_en_de_cpu60")
    assert not any(key.startswith("data.") for key in changed)
    # the reference's cells and attention; Joey's 256-wide encoder (the reference's is 384), Joey's
    # decoder (input feeding, no conditional cell, no recurrent dropout), untied output layer and less dropout
    joeys_network = {"model.encoder.hidden_size", "model.encoder.dropout", "model.decoder.dropout",
                     "model.decoder.readout_size", "model.decoder.tie_embeddings", "model.decoder.conditional",
                     "model.decoder.input_feeding", "model.decoder.recurrent_dropout"}
    assert {key for key in changed if key.startswith("model.")} <= joeys_network
    recipe = load_recipe(RECIPES / "multi30k_en_de_cpu60.yaml")
    assert recipe.model.encoder.hidden_size == 256 and not recipe.model.decoder.tie_embeddings
    decoder = recipe.model.decoder
    assert decoder.input_feeding and not decoder.conditional and decoder.recurrent_dropout == 0
    assert recipe.training.max_minutes and recipe.training.max_minutes <= 60


def readme_train_command(model_dir: str) -> argparse.Namespace:
    """The README's `seq2seq train` command for MODEL_DIR, shell variables expanded, as our CLI parses it."""
    text = (RECIPES.parent / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    variables = dict(re.findall(r'^(\w+)="([^"]*)"$', text, flags=re.M))
    for line in text.splitlines():
        if line.startswith("seq2seq train ") and f"model_dir={model_dir} " in line + " ":
            return build_parser().parse_args(shlex.split(Template(line).substitute(variables))[1:])
    raise AssertionError(f"README.md has no `seq2seq train` command for {model_dir}")


def test_reference_decoder_is_the_adopted_one_and_the_readme_restores_the_earlier():
    # docs/results/multi30k_en_de_gru_cgru_recdrop: adopted on two seeds; the README's `$feeding` undoes it
    decoder = load_recipe(RECIPES / f"{REFERENCE}.yaml").model.decoder
    assert decoder.conditional and not decoder.input_feeding and decoder.recurrent_dropout == 0.2
    command = readme_train_command("models/multi30k_en_de_gru_feeding")
    assert Path(command.recipe).stem == REFERENCE
    cpu60 = flat(load_recipe(RECIPES / "multi30k_en_de_cpu60.yaml"))
    assert differences(REFERENCE, command.set) == {
        key: cpu60[key] for key in ("model.decoder.conditional", "model.decoder.input_feeding",
                                    "model.decoder.recurrent_dropout")}


def test_distilled_recipe_fine_tunes_the_earlier_reference_settings():
    # its parent: the reference with the 256 encoder and no token dropout, trained as the README says
    command = readme_train_command("models/multi30k_en_de_gru_enc256")
    parent = load_recipe(RECIPES.parent / command.recipe, command.set)
    parent, distilled = flat(parent), flat(load_recipe(RECIPES / "multi30k_en_de_gru_distilled.yaml"))
    assert distilled["training.init_from"] == parent["model_dir"]
    # what docs/results/multi30k_en_de_gru_distilled/distillation.md says it changes, and nothing else
    fine_tuning = {"name", "model_dir", "training.init_from", "data.train", "training.max_steps",
                   "training.learning_rate"}
    assert {key for key in parent if parent[key] != distilled[key]} == fine_tuning

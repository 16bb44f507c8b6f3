"""The shipped recipes (recipes/**/*.yaml) load, and each study variant and each history recipe differs from
the reference only where it says."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

from seq2seq.config import load_recipe, recipe_to_dict
from seq2seq.model import Seq2Seq

RECIPES = Path(__file__).resolve().parents[1] / "recipes"
REFERENCE = "multi30k_en_de_gru"
ALL_RECIPES = sorted(RECIPES.glob("**/*.yaml"))
# where a recipe's model_dir is not models/<its file name>: the token dropout run keeps the directory that
# the ensemble and distillation commands name
MODEL_DIRS = {"history/multi30k_en_de_gru_enc256_tokdrop": "models/study_tokdrop"}


def recipe_id(path: Path) -> str:
    """history/multi30k_en_de_gru_feeding for recipes/history/multi30k_en_de_gru_feeding.yaml."""
    return path.relative_to(RECIPES).with_suffix("").as_posix()


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


def differences(name: str) -> dict:
    """Keys where recipe NAME (recipes/NAME.yaml, e.g. history/...) differs from the reference, and its values."""
    ref = flat(load_recipe(RECIPES / f"{REFERENCE}.yaml"))
    other = flat(load_recipe(RECIPES / f"{name}.yaml"))
    return {k: other[k] for k in ref if ref[k] != other[k] and k not in ("name", "model_dir")}


@pytest.mark.parametrize("path", ALL_RECIPES, ids=recipe_id)
def test_every_recipe_loads_and_names_its_own_model_dir(path):
    recipe = load_recipe(path)
    assert recipe.name == path.stem
    assert recipe.model_dir == MODEL_DIRS.get(recipe_id(path), f"models/{path.stem}")


def test_no_two_recipes_share_a_name_or_a_model_dir():
    recipes = [load_recipe(path) for path in ALL_RECIPES]
    assert len({recipe.name for recipe in recipes}) == len(recipes)
    assert len({Path(recipe.model_dir) for recipe in recipes}) == len(recipes)
    assert set(MODEL_DIRS) <= {recipe_id(path) for path in ALL_RECIPES}


@pytest.mark.parametrize("path", ALL_RECIPES, ids=recipe_id)
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


@pytest.mark.parametrize("path", ALL_RECIPES, ids=recipe_id)
def test_recipe_comments_link_study_folders_and_quote_no_scores(path):
    text = path.read_text(encoding="utf-8")
    assert "../shared" not in text                  # users do not have the development checkout's shared folder
    for link in (link.rstrip(".") for link in re.findall(r"docs/results/[\w./-]*", text)):  # less a full stop
        assert re.fullmatch(r"docs/results/\w+/", link), f"{link}: link the study's folder, docs/results/<dir>/"
        assert (RECIPES.parent / link).is_dir(), link
    # scores go stale with every rerun: the README's results table and the study folders have them
    assert not re.search(r"\d\s*(legacy\s+|sacre)?(BLEU|chrF)", text)


def header(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\nname:", 1)[0]


@pytest.mark.parametrize("path", [p for p in ALL_RECIPES if re.search(r"[\d.]+ M parameters", header(p))],
                         ids=recipe_id)
def test_recipe_has_the_parameter_count_its_header_gives(path):
    # 8,003 types on each side: the joint 8k sentencepiece model plus the special tokens, as train.log reports
    stated = re.search(r"([\d.]+) M parameters", header(path)).group(1)
    model = Seq2Seq(load_recipe(path).model, 8003, 8003)
    assert round(model.num_parameters() / 1e6, len(stated.partition(".")[2])) == float(stated)


def test_reference_header_gives_its_parameter_count():
    assert "9.84 M parameters" in header(RECIPES / f"{REFERENCE}.yaml")


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


# the Reproduce settings of the README before its rewrite, one key set each: history/*.yaml are the reference
# recipe with these keys changed
FEEDING = {"model.decoder.conditional": False, "model.decoder.input_feeding": True,
           "model.decoder.recurrent_dropout": 0.0}
BATCH4096 = {"training.batch_tokens": 4096, "training.max_steps": 5000, "training.warmup_steps": 100,
             "training.valid_every": 300}
NO_TOKDROP = {"training.src_token_dropout": 0.0, "training.trg_token_dropout": 0.0}
ENCODER256 = {"model.encoder.hidden_size": 256}
HISTORY = {
    "history/multi30k_en_de_gru_feeding": FEEDING,
    "history/multi30k_en_de_gru_batch4096": {**FEEDING, **BATCH4096},
    "history/multi30k_en_de_gru_enc256": {**ENCODER256, **NO_TOKDROP, **FEEDING, **BATCH4096},
    "history/multi30k_en_de_gru_enc256_tokdrop": {**ENCODER256, **FEEDING, **BATCH4096},
    "history/multi30k_en_de_gru_untied": {**ENCODER256, **NO_TOKDROP, **FEEDING, **BATCH4096,
                                          "model.decoder.tie_embeddings": False, "model.decoder.readout_size": 512,
                                          "model.encoder.dropout": 0.3, "model.decoder.dropout": 0.3,
                                          "training.max_steps": 3600},
}


@pytest.mark.parametrize("name, expected", HISTORY.items(), ids=list(HISTORY))
def test_history_recipes_change_only_their_own_keys(name, expected):
    assert differences(name) == expected


def test_every_history_recipe_declares_its_keys():
    assert {recipe_id(path) for path in (RECIPES / "history").glob("*.yaml")} == set(HISTORY)


def test_reference_decoder_is_the_adopted_one_and_the_feeding_recipe_restores_the_earlier():
    # docs/results/multi30k_en_de_gru_cgru_recdrop: adopted on two seeds; history/multi30k_en_de_gru_feeding undoes it
    decoder = load_recipe(RECIPES / f"{REFERENCE}.yaml").model.decoder
    assert decoder.conditional and not decoder.input_feeding and decoder.recurrent_dropout == 0.2
    cpu60 = flat(load_recipe(RECIPES / "multi30k_en_de_cpu60.yaml"))
    decoder_keys = ("model.decoder.conditional", "model.decoder.input_feeding", "model.decoder.recurrent_dropout")
    assert differences("history/multi30k_en_de_gru_feeding") == {key: cpu60[key] for key in decoder_keys}
    # so its whole decoder is cpu60's (Joey's) but for the sizes and regularisation cpu60 sets differently
    feeding = flat(load_recipe(RECIPES / "history" / "multi30k_en_de_gru_feeding.yaml"))
    cpu60_own = {"model.decoder.dropout", "model.decoder.readout_size", "model.decoder.tie_embeddings"}
    assert {key for key in feeding if key.startswith("model.decoder.") and feeding[key] != cpu60[key]} == cpu60_own


def test_distilled_recipe_fine_tunes_the_earlier_reference_settings():
    # its parent: the reference with the 256 encoder and no token dropout, history/multi30k_en_de_gru_enc256
    parent_path = RECIPES / "history" / "multi30k_en_de_gru_enc256.yaml"
    distilled_path = RECIPES / "multi30k_en_de_gru_distilled.yaml"
    assert str(parent_path.relative_to(RECIPES.parent)) in distilled_path.read_text(encoding="utf-8")
    parent, distilled = flat(load_recipe(parent_path)), flat(load_recipe(distilled_path))
    assert distilled["training.init_from"] == parent["model_dir"]
    # what docs/results/multi30k_en_de_gru_distilled/ says it changes, and nothing else
    fine_tuning = {"name", "model_dir", "training.init_from", "data.train", "training.max_steps",
                   "training.learning_rate"}
    assert {key for key in parent if parent[key] != distilled[key]} == fine_tuning

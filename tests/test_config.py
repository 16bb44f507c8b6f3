"""Recipe YAML -> frozen, validated dataclasses (seq2seq/config.py) and the CLI's handling of recipe errors."""
from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
import yaml

from seq2seq import cli
from seq2seq.config import (AttentionType, Cell, CorpusFormat, Level, Metric, Recipe, check_trainable, load_recipe,
                            recipe_from_dict, save_recipe)
from seq2seq.errors import RecipeError, Seq2SeqError

REPO = Path(__file__).resolve().parents[1]
TOY_RECIPE = REPO / "recipes" / "toy_reverse.yaml"

MINIMAL = {
    "model_dir": "models/x",
    "data": {"train": "data/train", "valid": "data/valid", "src_lang": "en", "trg_lang": "de"},
    "training": {"max_steps": 10},
}


def raw(**sections) -> dict:
    """The minimal recipe, with sections (dicts) merged in one level deep."""
    out = copy.deepcopy(MINIMAL)
    for name, value in sections.items():
        if isinstance(value, dict) and isinstance(out.get(name), dict):
            out[name].update(value)
        else:
            out[name] = value
    return out


def error_of(recipe: dict) -> str:
    with pytest.raises(RecipeError) as info:
        recipe_from_dict(recipe)
    return str(info.value)


def write_yaml(path: Path, data) -> Path:
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


# ---------------------------------------------------------------- building


def test_minimal_recipe_gets_documented_defaults():
    recipe = recipe_from_dict(raw())
    assert recipe.model_dir == "models/x"
    assert recipe.data.format is CorpusFormat.TEXT
    assert recipe.data.level is Level.SENTENCEPIECE
    assert recipe.model.encoder.cell is Cell.GRU
    assert recipe.model.attention.type is AttentionType.ADDITIVE
    assert recipe.training.max_steps == 10
    assert recipe.training.early_stopping_metric is Metric.BLEU


def test_descriptions_name_what_sets_the_runs_apart():
    """Logs and reports tell a conditional decoder and a unidirectional encoder from the defaults."""
    plain = recipe_from_dict(raw())
    assert plain.model.encoder.describe() == "gru, bidirectional, 1 layer(s) of 256"
    assert plain.model.decoder.describe() == "gru, 1 layer(s) of 512, input feeding"
    other = recipe_from_dict(raw(model={"encoder": {"cell": "lstm", "bidirectional": False, "num_layers": 2},
                                        "decoder": {"conditional": True, "input_feeding": False}}))
    assert other.model.encoder.describe() == "lstm, unidirectional, 2 layer(s) of 256"
    assert other.model.decoder.describe() == "gru conditional, 1 layer(s) of 512"


def test_recipe_is_frozen():
    recipe = recipe_from_dict(raw())
    with pytest.raises(dataclasses.FrozenInstanceError):
        recipe.training.max_steps = 5  # type: ignore[misc]


def test_toy_recipe_loads_with_its_values():
    recipe = load_recipe(TOY_RECIPE)
    assert recipe.name == "toy_reverse"
    assert recipe.data.level is Level.WORD
    assert recipe.model.encoder.hidden_size == 64
    assert recipe.training.learning_rate == pytest.approx(0.003)


def test_choices_compare_equal_to_their_yaml_spelling():
    recipe = recipe_from_dict(raw(model={"encoder": {"cell": "lstm"}}))
    assert recipe.model.encoder.cell is Cell.LSTM
    assert recipe.model.encoder.cell == "lstm"


def test_scientific_notation_string_parses_as_float(tmp_path):
    # YAML 1.1 (PyYAML) reads 1e-3 (no dot) as a string
    path = tmp_path / "r.yaml"
    path.write_text("model_dir: m\ndata: {train: t, valid: v, src_lang: a, trg_lang: b}\n"
                    "training:\n  max_steps: 5\n  learning_rate: 1e-3\n  min_learning_rate: 5e-6\n")
    recipe = load_recipe(path)
    assert isinstance(recipe.training.learning_rate, float)
    assert recipe.training.learning_rate == pytest.approx(1e-3)
    assert recipe.training.min_learning_rate == pytest.approx(5e-6)


def test_integral_float_accepted_for_integer_key():
    assert recipe_from_dict(raw(training={"max_steps": 600.0})).training.max_steps == 600


def test_empty_section_means_defaults():
    recipe = recipe_from_dict(raw(model=None))
    assert recipe.model.decoder.hidden_size == 512


# ---------------------------------------------------------------- unknown keys


def test_unknown_key_names_full_path_and_close_suggestion():
    message = error_of(raw(model={"encoder": {"hiden_size": 128}}))
    assert "'model.encoder.hiden_size'" in message
    assert "did you mean 'model.encoder.hidden_size'?" in message


def test_unknown_top_level_key_suggests_section():
    message = error_of({**raw(), "traning": {"max_steps": 3}})
    assert "'traning'" in message and "did you mean 'training'?" in message


def test_unknown_key_suggests_key_in_another_section():
    message = error_of(raw(training={"cell": "lstm"}))
    assert "'training.cell'" in message
    assert "did you mean 'model.encoder.cell'?" in message


def test_unknown_key_without_suggestion_lists_valid_keys():
    message = error_of(raw(model={"attention": {"zzzzqqq": 1}}))
    assert "'model.attention.zzzzqqq'" in message
    assert "type" in message and "size" in message


# ---------------------------------------------------------------- wrong types and values


@pytest.mark.parametrize("section, value, key, allowed", [
    ({"model": {"encoder": {"cell": "lstmm"}}}, "lstmm", "model.encoder.cell", "gru"),
    ({"model": {"encoder": {"cell": "GRU"}}}, "GRU", "model.encoder.cell", "gru"),
    ({"model": {"attention": {"type": "bahdanau"}}}, "bahdanau", "model.attention.type", "additive"),
    ({"data": {"level": "words"}}, "words", "data.level", "word"),
    ({"training": {"optimizer": "adamm"}}, "adamm", "training.optimizer", "adamw"),
])
def test_enum_rejects_misspelling_and_lists_choices(section, value, key, allowed):
    message = error_of(raw(**section))
    assert f"'{key}'" in message and repr(value) in message and allowed in message


@pytest.mark.parametrize("section, key, value, allowed", [
    ({"training": {"max_steps": "many"}}, "training.max_steps", "many", "an integer"),
    ({"training": {"max_steps": 2.5}}, "training.max_steps", 2.5, "an integer"),
    ({"training": {"max_steps": True}}, "training.max_steps", True, "an integer"),
    ({"training": {"learning_rate": "fast"}}, "training.learning_rate", "fast", "a number"),
    ({"model": {"encoder": {"bidirectional": "sometimes"}}}, "model.encoder.bidirectional", "sometimes",
     "true or false"),
    ({"data": {"src_lang": 3}}, "data.src_lang", 3, "a string"),
])
def test_wrong_type_names_key_value_and_allowed(section, key, value, allowed):
    message = error_of(raw(**section))
    assert f"'{key}'" in message and repr(value) in message and allowed in message


@pytest.mark.parametrize("section, key, value, allowed", [
    ({"training": {"batch_tokens": 0}}, "training.batch_tokens", 0, "a positive number"),
    ({"training": {"learning_rate": -0.1}}, "training.learning_rate", -0.1, "a positive number"),
    ({"model": {"encoder": {"dropout": 1.0}}}, "model.encoder.dropout", 1.0, "[0, 1)"),
    ({"training": {"teacher_forcing": 1.5}}, "training.teacher_forcing", 1.5, "[0, 1]"),
    ({"model": {"decoder": {"num_layers": 0}}}, "model.decoder.num_layers", 0, ">= 1"),
    ({"training": {"device": "gpu"}}, "training.device", "gpu", "cuda"),
])
def test_out_of_range_value_names_key_value_and_allowed(section, key, value, allowed):
    message = error_of(raw(**section))
    assert f"'{key}'" in message and repr(value) in message and allowed in message


def test_section_given_as_scalar_is_rejected():
    message = error_of(raw(model=5))
    assert "'model'" in message and "mapping" in message


@pytest.mark.parametrize("missing", ["train", "valid", "src_lang", "trg_lang"])
def test_missing_required_data_key_is_named(missing):
    recipe = raw()
    del recipe["data"][missing]
    assert f"missing required recipe key 'data.{missing}'" in error_of(recipe)


def test_missing_model_dir_is_named():
    recipe = raw()
    del recipe["model_dir"]
    assert "missing required recipe key 'model_dir'" in error_of(recipe)


def test_missing_data_section_names_first_required_key():
    recipe = raw()
    del recipe["data"]
    assert "missing required recipe key 'data." in error_of(recipe)


# ---------------------------------------------------------------- checks across keys


def test_dot_attention_needs_matching_sizes():
    message = error_of(raw(model={"encoder": {"hidden_size": 64, "bidirectional": True},
                                  "decoder": {"hidden_size": 100}, "attention": {"type": "dot"}}))
    assert "model.attention.type" in message and "100" in message and "128" in message


def test_dot_attention_accepted_when_sizes_match():
    recipe = recipe_from_dict(raw(model={"encoder": {"hidden_size": 64, "bidirectional": True},
                                         "decoder": {"hidden_size": 128}, "attention": {"type": "dot"}}))
    assert recipe.model.attention.type is AttentionType.DOT


def test_tied_embeddings_need_readout_equal_to_embedding():
    message = error_of(raw(model={"decoder": {"tie_embeddings": True, "embedding_size": 32, "readout_size": 64}}))
    assert "tie_embeddings" in message and "readout_size" in message and "64" in message and "32" in message


def test_tied_embeddings_with_default_readout_accepted():
    recipe = recipe_from_dict(raw(model={"decoder": {"tie_embeddings": True, "embedding_size": 32}}))
    assert recipe.model.decoder.tie_embeddings


JOINT_PIECES = {"level": "sentencepiece", "sentencepiece": {"joint": True, "all_pieces": True}}


def test_shared_embeddings_need_equal_embedding_sizes():
    message = error_of(raw(data=JOINT_PIECES, model={"share_embeddings": True, "encoder": {"embedding_size": 32},
                                                     "decoder": {"embedding_size": 64}}))
    assert "model.share_embeddings" in message and "32" in message and "64" in message


@pytest.mark.parametrize("data", [{"level": "word"}, {"sentencepiece": {"joint": False, "all_pieces": True}},
                                  {"sentencepiece": {"joint": True}}])
def test_shared_embeddings_need_one_vocabulary_for_both_sides(data):
    message = error_of(raw(data=data, model={"share_embeddings": True}))
    assert "model.share_embeddings" in message and "all_pieces" in message


def test_shared_embeddings_accepted_with_a_joint_sentencepiece_vocabulary():
    assert recipe_from_dict(raw(data=JOINT_PIECES, model={"share_embeddings": True})).model.share_embeddings


@pytest.mark.parametrize("part", ["encoder", "decoder"])
def test_identity_init_needs_rnn_relu(part):
    message = error_of(raw(model={part: {"identity_init": True, "cell": "gru"}}))
    assert f"model.{part}.identity_init" in message and "rnn_relu" in message
    assert recipe_from_dict(raw(model={part: {"identity_init": True, "cell": "rnn_relu"}}))


def test_recipe_that_never_stops_is_rejected():
    recipe = raw()
    del recipe["training"]
    message = error_of(recipe)
    assert "never stops" in message and "training.max_steps" in message


@pytest.mark.parametrize("stop", [{"max_minutes": 1.5}, {"max_epochs": 2}, {"early_stopping_patience": 3}])
def test_any_stopping_rule_is_enough(stop):
    assert recipe_from_dict({**raw(), "training": stop})


def trainable_error_of(recipe: dict) -> str:
    """Training-only checks: the recipe loads (an old model still translates), but training it is refused."""
    loaded = recipe_from_dict(recipe)
    with pytest.raises(RecipeError) as info:
        check_trainable(loaded)
    return str(info.value)


@pytest.mark.parametrize("seed", [-1, 2**32 - 1])  # 2**32 - 1 is sentencepiece's "unseeded"
def test_seed_outside_sentencepiece_range_is_refused_for_training(seed):
    message = trainable_error_of(raw(training={"max_steps": 5, "seed": seed}))
    assert "'training.seed'" in message and repr(seed) in message and "from 0 to 4294967294" in message
    check_trainable(recipe_from_dict(raw(training={"max_steps": 5, "seed": 2**32 - 2})))


@pytest.mark.parametrize("schedule", ["cosine", "plateau"])
def test_min_learning_rate_must_be_below_the_rate_it_falls_from(schedule):
    message = trainable_error_of(raw(training={"max_steps": 5, "schedule": schedule, "learning_rate": 5e-6}))
    assert "training.min_learning_rate" in message and "1e-05" in message and "5e-06" in message
    check_trainable(recipe_from_dict(raw(training={"max_steps": 5, "schedule": "constant", "learning_rate": 5e-6})))


def test_scheduled_sampling_minimum_must_not_exceed_its_start():
    message = trainable_error_of(raw(training={"max_steps": 5, "teacher_forcing": 0.5, "teacher_forcing_min": 0.8,
                                               "teacher_forcing_schedule": "linear"}))
    assert "training.teacher_forcing_min" in message and "0.8" in message and "0.5" in message


def test_datasets_format_needs_dataset_name():
    message = error_of(raw(data={"format": "datasets"}))
    assert "data.dataset" in message


# ---------------------------------------------------------------- --set overrides


def test_overrides_are_read_as_yaml_and_validated(tmp_path):
    path = write_yaml(tmp_path / "r.yaml", raw())
    recipe = load_recipe(path, ["model.encoder.cell=lstm", "training.max_steps=7", "model.encoder.bidirectional=false",
                                "training.learning_rate=2e-4", "name=run one"])
    assert recipe.model.encoder.cell is Cell.LSTM
    assert recipe.training.max_steps == 7
    assert recipe.model.encoder.bidirectional is False
    assert recipe.training.learning_rate == pytest.approx(2e-4)
    assert recipe.name == "run one"


def test_override_creates_missing_sections(tmp_path):
    path = write_yaml(tmp_path / "r.yaml", raw())
    recipe = load_recipe(path, ["testing.beam_size=5", "data.data_files.train=x.jsonl"])
    assert recipe.testing.beam_size == 5
    assert recipe.data.data_files == {"train": "x.jsonl"}


def test_later_override_wins(tmp_path):
    path = write_yaml(tmp_path / "r.yaml", raw())
    assert load_recipe(path, ["training.max_steps=3", "training.max_steps=4"]).training.max_steps == 4


def test_override_gets_the_same_validation(tmp_path):
    path = write_yaml(tmp_path / "r.yaml", raw())
    with pytest.raises(RecipeError, match=r"'model\.encoder\.cell'.*'lstmm'"):
        load_recipe(path, ["model.encoder.cell=lstmm"])
    with pytest.raises(RecipeError, match=r"did you mean 'model\.encoder\.cell'"):
        load_recipe(path, ["training.cell=lstm"])


def test_override_inside_a_scalar_is_an_error(tmp_path):
    path = write_yaml(tmp_path / "r.yaml", raw())
    with pytest.raises(RecipeError, match=r"'training\.max_steps' is a value, not a section"):
        load_recipe(path, ["training.max_steps.x=3"])


def test_override_without_equals_sign_is_an_error(tmp_path):
    path = write_yaml(tmp_path / "r.yaml", raw())
    with pytest.raises(RecipeError, match="KEY=VALUE"):
        load_recipe(path, ["training.max_steps"])


def test_override_into_section_left_empty_in_yaml(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("model_dir: m\ndata: {train: t, valid: v, src_lang: a, trg_lang: b}\nmodel:\n"
                    "training: {max_steps: 5}\n")
    assert load_recipe(path, ["model.encoder.cell=lstm"]).model.encoder.cell is Cell.LSTM


# ---------------------------------------------------------------- files


def test_missing_recipe_file_is_named(tmp_path):
    with pytest.raises(RecipeError, match="recipe file not found: .*nothere.yaml"):
        load_recipe(tmp_path / "nothere.yaml")


def test_invalid_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("model_dir: m\ndata: [unclosed\n")
    with pytest.raises(RecipeError, match=r"bad\.yaml line \d+: not valid YAML"):
        load_recipe(path)


def test_recipe_must_be_a_mapping(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n")
    with pytest.raises(RecipeError, match="mapping"):
        load_recipe(path)


def test_saved_recipe_loads_back_equal(tmp_path):
    recipe = load_recipe(TOY_RECIPE, ["training.learning_rate=1e-3", "data.data_files.train=a.jsonl",
                                      "model.decoder.readout_size=48", "training.max_minutes=2.5"])
    save_recipe(recipe, tmp_path / "recipe.yaml")
    again = load_recipe(tmp_path / "recipe.yaml")
    assert isinstance(again, Recipe)
    assert again == recipe


def test_saved_recipe_is_plain_yaml(tmp_path):
    save_recipe(load_recipe(TOY_RECIPE), tmp_path / "recipe.yaml")
    data = yaml.safe_load((tmp_path / "recipe.yaml").read_text())
    assert data["model"]["encoder"]["cell"] == "gru"
    assert data["training"]["max_steps"] == 600


# ---------------------------------------------------------------- CLI


def test_cli_prints_recipe_error_on_one_line_with_exit_code_2(capsys, tmp_path):
    code = cli.main(["train", str(TOY_RECIPE), "--set", f"model_dir={tmp_path / 'm'}", "--set", "training.max_steps=1",
                     "--set", "training.cell=lstm"])
    err = capsys.readouterr().err
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "training.cell" in lines[0] and "model.encoder.cell" in lines[0]
    assert "Traceback" not in err


def test_cli_reports_missing_recipe_file(capsys, tmp_path):
    code = cli.main(["train", str(tmp_path / "missing.yaml")])
    err = capsys.readouterr().err
    assert code == 2
    assert "missing.yaml" in err and "Traceback" not in err


def test_recipe_error_is_a_seq2seq_error():
    assert issubclass(RecipeError, Seq2SeqError)


def test_all_pieces_needs_sentencepiece_and_no_vocabulary_limits():
    for data in ({"level": "word", "sentencepiece": {"all_pieces": True}},
                 {"vocab_max_size": 100, "sentencepiece": {"all_pieces": True}}):
        message = error_of(raw(data=data))
        assert "data.sentencepiece.all_pieces" in message


def test_subword_sampling_needs_every_piece_in_the_vocabulary():
    for data in ({"sentencepiece": {"sampling_alpha": 0.1}},
                 {"level": "word", "sentencepiece": {"sampling_alpha": 0.1}}):
        message = error_of(raw(data=data))
        assert "data.sentencepiece.sampling_alpha" in message and "all_pieces" in message
    recipe = recipe_from_dict(raw(data={"sentencepiece": {"sampling_alpha": 0.1, "all_pieces": True}}))
    assert recipe.data.sentencepiece.sampling_alpha == 0.1 and recipe.data.sentencepiece.sampling_nbest == 64


@pytest.mark.parametrize("sentencepiece, key", [
    ({"sampling_alpha": 0}, "sampling_alpha"),
    ({"sampling_alpha": 1.5}, "sampling_alpha"),
    ({"sampling_alpha": 0.1, "sampling_nbest": 1}, "sampling_nbest"),
    ({"sampling_alpha": 0.1, "sampling_nbest": 0}, "sampling_nbest"),
    ({"sampling_alpha": 0.1, "sampling_nbest": 513}, "sampling_nbest"),  # sentencepiece refuses more than 512
])
def test_subword_sampling_values_out_of_range_name_the_key(sentencepiece, key):
    message = error_of(raw(data={"sentencepiece": {**sentencepiece, "all_pieces": True}}))
    assert f"data.sentencepiece.{key}" in message


# ---------------------------------------------------------------- decoding options


def test_decoding_options_take_the_recipes_testing_settings_and_each_override_given():
    from seq2seq.config import DecodingOptions, TestingConfig

    testing = TestingConfig(beam_size=7, alpha=0.8, max_len_a=1.2, max_len_b=4, batch_tokens=900)
    options = DecodingOptions.from_testing(testing, alpha=None, n_best=3, max_len_b=9)
    assert (options.beam_size, options.alpha, options.n_best, options.max_len_a, options.max_len_b,
            options.batch_tokens, options.min_len) == (7, 0.8, 3, 1.2, 9, 900, 0)
    assert options.replace(beam_size=None, alpha=0.5).alpha == 0.5 and options.replace(alpha=0.5).beam_size == 7
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.beam_size = 2


def test_greedy_decoding_applies_no_length_penalty():
    from seq2seq.config import DecodingOptions

    assert DecodingOptions(beam_size=1, alpha=1.4).length_alpha == 0.0  # one beam has no lengths to compare
    assert DecodingOptions(beam_size=2, alpha=1.4).length_alpha == 1.4
    assert DecodingOptions(beam_size=1, alpha=1.4).replace(beam_size=4).length_alpha == 1.4  # alpha is kept


@pytest.mark.parametrize("overrides, message", [
    ({"beam_size": 0}, r"--beam-size 0: allowed: a positive number \(as for testing.beam_size"),
    ({"alpha": -1.0}, r"--alpha -1.0: allowed: a number >= 0"),
    ({"min_len": -2}, r"--min-len -2: allowed: a number >= 0"),
    ({"beam_size": 2, "n_best": 3}, r"beam size 2 and n-best 3: need 1 <= n-best <= beam size"),
    ({"n_best": 0}, r"n-best 0"),
])
def test_decoding_options_out_of_range_are_refused_naming_the_flag(overrides, message):
    from seq2seq.config import DecodingOptions, TestingConfig

    with pytest.raises(RecipeError, match=message):
        DecodingOptions.from_testing(TestingConfig(), **overrides)


def test_an_unknown_decoding_option_is_a_type_error():
    from seq2seq.config import DecodingOptions, TestingConfig

    with pytest.raises(TypeError, match="beam_width"):
        DecodingOptions.from_testing(TestingConfig(), beam_width=3)

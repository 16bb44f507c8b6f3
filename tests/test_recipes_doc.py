"""docs/recipes.md is generated from seq2seq/config.py (docs/make_recipes_doc.py): it is up to date, it
lists every recipe key with its default, and every key has a meaning written in config.py."""
from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

from seq2seq import config

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _generator():
    spec = importlib.util.spec_from_file_location("_make_recipes_doc", DOCS / "make_recipes_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_recipes_md_is_what_the_generator_writes_now():
    assert (DOCS / "recipes.md").read_text(encoding="utf-8") == _generator().render(), \
        "docs/recipes.md is out of date: run python docs/make_recipes_doc.py"


def test_every_recipe_key_is_listed_once_with_its_default():
    rows = re.findall(r"^\| `([a-z_.]+)` \| [^|]+ \| ([^|]+) \|", _generator().render(), flags=re.M)
    keys = [key for key, _ in rows]
    assert sorted(keys) == sorted(config._all_paths(config.Recipe))  # the same walk the 'did you mean' uses
    assert len(keys) == len(set(keys))
    defaults = dict(rows)
    assert defaults["training.batch_tokens"].strip() == f"`{config.TrainingConfig().batch_tokens}`"
    assert defaults["model.decoder.hidden_size"].strip() == f"`{config.DecoderConfig().hidden_size}`"
    assert defaults["data.train"].strip() == "required"


def test_every_recipe_key_has_a_meaning_written_in_config_py():
    assert _generator().undocumented() == []


def test_a_field_without_a_comment_would_be_reported(monkeypatch):
    generator = _generator()

    @dataclasses.dataclass(frozen=True)
    class Section:
        documented: int = 1  # says what it does
        silent: int = 2

    monkeypatch.setattr(generator, "SECTIONS", [("demo", Section)])
    assert generator.undocumented() == ["demo.silent"]
    assert "| `demo.documented` | integer | `1` |  | says what it does |" in generator.render()

"""Writes docs/recipes.md, the reference of every recipe key, from seq2seq/config.py: each key's type,
default and allowed values from its dataclass field, and its meaning from the comments beside or above it.

    python docs/make_recipes_doc.py            # rewrite docs/recipes.md
    python docs/make_recipes_doc.py --check    # exit 1 if docs/recipes.md is out of date (tests/test_recipes_doc.py)

A comment line `# -- title` inside a section starts a group of keys under that title.
"""
from __future__ import annotations

import argparse
import dataclasses
import enum
import inspect
import io
import sys
import textwrap
import tokenize
import types
import typing
from pathlib import Path
from typing import Any

from seq2seq import config

OUT = Path(__file__).resolve().parent / "recipes.md"
SECTIONS = [("", config.Recipe), ("data", config.DataConfig), ("data.sentencepiece", config.SentencePieceConfig),
            ("model", config.ModelConfig), ("model.encoder", config.EncoderConfig),
            ("model.decoder", config.DecoderConfig), ("model.attention", config.AttentionConfig),
            ("training", config.TrainingConfig), ("testing", config.TestingConfig)]
HEADER = """# Recipe keys

Every key a recipe may set, generated from `seq2seq/config.py` by `python docs/make_recipes_doc.py`
(a test fails when this file is out of date). A misspelled key is an error that suggests the closest
one; a value of the wrong type or out of range is an error naming the key and what it allows. Keys
that depend on each other are checked together when the recipe loads (for example `tie_embeddings`
needs `readout_size` equal to `embedding_size`). Any key can be set from the command line with
`--set KEY=VALUE` (the value is read as YAML). How recipes are used: [training.md](training.md).
"""


def _comments(cls: type) -> tuple[dict[str, str], dict[str, str]]:
    """For each field defined in cls's own body: its comment text (lines above, then the one beside it),
    and the group title (`# -- title`) it falls under."""
    source = textwrap.dedent(inspect.getsource(cls))
    meaning: dict[str, str] = {}
    groups: dict[str, str] = {}
    above: list[str] = []
    group = ""
    lines = source.splitlines()
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    trailing = {t.start[0]: t.string for t in tokens if t.type == tokenize.COMMENT and lines[t.start[0] - 1].strip()
                and not lines[t.start[0] - 1].lstrip().startswith("#")}
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if text.startswith("# --"):
            group, above = text[4:].strip(), []
        elif text.startswith("#"):
            above.append(text[1:].strip())
        elif ":" in text and not text.startswith(("def ", "class ", "@", '"""', "return", "if ", "for ")) \
                and text.split(":", 1)[0].isidentifier() and line.startswith("    ") and not line.startswith("     "):
            name = text.split(":", 1)[0]
            beside = trailing.get(number, "")
            parts = above + ([beside[1:].strip()] if beside else [])
            meaning[name] = " ".join(parts)
            groups[name] = group
            above = []
        elif not text:
            above = []
    return meaning, groups


def _field_docs(cls: type) -> dict[str, tuple[str, str]]:
    """Meaning and group of every field of cls, the nearest class in its MRO that comments it winning."""
    docs: dict[str, tuple[str, str]] = {}
    for klass in reversed(cls.__mro__):
        if not dataclasses.is_dataclass(klass) or klass is object:
            continue
        meaning, groups = _comments(klass)
        for name, text in meaning.items():
            if text or name not in docs:
                docs[name] = (text, groups.get(name, ""))
    return docs


def _type(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return f"{_type(inner[0])} or null"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "choice"
    if origin is dict:
        return "mapping"
    if dataclasses.is_dataclass(tp):
        return "section"
    return {int: "integer", float: "number", bool: "true/false", str: "string"}.get(tp, getattr(tp, "__name__", str(tp)))


def _default(f: dataclasses.Field) -> str:
    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
        return "required"
    value = f.default if f.default is not dataclasses.MISSING else f.default_factory()
    if dataclasses.is_dataclass(value):
        return "(section)"
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    return f"`{value}`"


def _allowed(tp: Any, f: dataclasses.Field) -> str:
    inner = [a for a in typing.get_args(tp) if a is not type(None)] if typing.get_origin(tp) in (
        typing.Union, types.UnionType) else [tp]
    if isinstance(inner[0], type) and issubclass(inner[0], enum.Enum):
        return ", ".join(f"`{m.value}`" for m in inner[0])
    return f.metadata.get("allowed", "")


def _cell(text: str) -> str:
    """Table-cell text: a pipe would end the cell, and <unk> would read as an HTML tag."""
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render() -> str:
    out = [HEADER]
    for prefix, cls in SECTIONS:
        hints, docs = typing.get_type_hints(cls), _field_docs(cls)
        out += ["", f"## `{prefix}`" if prefix else "## Top level"]
        group = None
        for f in dataclasses.fields(cls):
            meaning, this_group = docs.get(f.name, ("", ""))
            if this_group != group:
                if this_group:
                    out += ["", f"### {this_group[0].upper()}{this_group[1:]}"]
                group = this_group
                out += ["", "| key | type | default | allowed | meaning |", "|---|---|---|---|---|"]
            key = f"{prefix}.{f.name}" if prefix else f.name
            if dataclasses.is_dataclass(hints[f.name]):
                meaning = meaning or f"the `{key}` section below"
            out.append(f"| `{key}` | {_type(hints[f.name])} | {_default(f)} | {_cell(_allowed(hints[f.name], f))} | "
                       f"{_cell(meaning)} |")
    return "\n".join(out) + "\n"


def undocumented() -> list[str]:
    """Keys with no meaning written beside or above them in config.py."""
    missing = []
    for prefix, cls in SECTIONS:
        docs, hints = _field_docs(cls), typing.get_type_hints(cls)
        missing += [f"{prefix}.{f.name}".lstrip(".") for f in dataclasses.fields(cls)
                    if not docs.get(f.name, ("",))[0] and not dataclasses.is_dataclass(hints[f.name])]
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/recipes.md is out of date")
    args = parser.parse_args()
    text = render()
    if args.check:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python docs/make_recipes_doc.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

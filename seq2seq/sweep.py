"""Recipe sweeps: train every combination of a grid of recipe keys, evaluate each, compare them in one report.

Each variant trains into its own model directory under the sweep folder and is marked done there when
evaluated, so an interrupted sweep restarted with the same command skips what is finished (and resumes a
variant whose training was cut off).
"""
from __future__ import annotations

import dataclasses
import enum
import itertools
import json
import logging
import re
from pathlib import Path
from typing import Sequence

from .config import Recipe, check_trainable, load_recipe
from .curves import read_validations
from .data.corpus import read_lines
from .errors import Seq2SeqError
from .model_dir import ModelDir
from .evaluate import evaluate_files
from .report import write_report

log = logging.getLogger(__name__)
DONE = "sweep_done.json"


def grid_variants(grids: Sequence[str]) -> list[list[str]]:
    """['a.b=x,y', 'c=1,2'] -> every combination as --set overrides, the first values first.

    Keys joined by '+' move together: 'model.encoder.cell+model.decoder.cell=gru,lstm' is two variants.
    """
    axes = []
    for grid in grids:
        keys, sep, values = grid.partition("=")
        names = [k.strip() for k in keys.split("+")]
        if not sep or not all(names) or not values.strip():
            raise Seq2SeqError(f"--grid {grid!r}: expected KEY=V1,V2,..., e.g. model.encoder.cell=gru,lstm "
                               "(or KEY1+KEY2=V1,V2 to set several keys to the same value)")
        axes.append([[f"{k}={v.strip()}" for k in names] for v in values.split(",")])
    return [[o for group in combo for o in group] for combo in itertools.product(*axes)]


def variant_name(overrides: Sequence[str]) -> str:
    """A folder name from the overrides, keys without their top section: 'encoder.cell-gru_decoder.cell-lstm'."""
    parts = [f"{k.split('.', 1)[-1]}-{v}" for k, v in (o.split("=", 1) for o in overrides)]
    return re.sub(r"[^A-Za-z0-9_.-]", "", "_".join(parts)) or "base"


def _flat(section: object, prefix: str = "") -> dict[str, object]:
    """Every key of a recipe section as 'a.b.c': value (choices by their YAML spelling)."""
    out: dict[str, object] = {}
    for f in dataclasses.fields(section):
        value, key = getattr(section, f.name), f"{prefix}{f.name}"
        if dataclasses.is_dataclass(value):
            out.update(_flat(value, key + "."))
        else:
            out[key] = value.value if isinstance(value, enum.Enum) else value
    return out


# Where and on what a variant runs does not change the model it trains: a moved --out, another device is fine.
_NOT_SETTINGS = {"model_dir", "training.device", "training.threads"}


def check_same_settings(recipe: Recipe, model_dir: Path) -> None:
    """A variant folder from an earlier sweep is reused (resumed or skipped) only with the same settings."""
    directory = ModelDir(model_dir)
    trained = directory.has_checkpoint("last") or (model_dir / DONE).is_file()
    if not trained or not directory.exists():
        return  # nothing to reuse: a folder that failed before its first checkpoint is trained afresh
    old, new = _flat(directory.recipe()), _flat(recipe)
    differ = [key for key in new if key not in _NOT_SETTINGS and old.get(key) != new[key]]
    if differ:
        key = differ[0]
        raise Seq2SeqError(f"{model_dir} was trained with {key}={old.get(key)!r}, but this sweep sets {new[key]!r}"
                           f"{f' ({len(differ)} keys differ)' if len(differ) > 1 else ''}; give another --out, "
                           f"or delete {model_dir} to train that variant again")


def _train_variant(recipe: Recipe, overrides: list[str], model_dir: Path, src: Path) -> dict:
    """Train (or resume) one variant, translate the test source, and record what the report needs."""
    from .training import train
    from .translate import Translator, translate_stream

    resume = ModelDir(model_dir).has_checkpoint("last")
    log.info("sweep: %s %s", "resuming" if resume else "training", model_dir.name)
    train(recipe, resume=resume, overwrite=not resume)
    translator = Translator.load(model_dir, "best", recipe.training.device)
    with open(model_dir / "test_hypotheses.txt", "w", encoding="utf-8", newline="\n") as out:
        translate_stream(translator, read_lines(src), out, progress=False)  # the recipe's decoding settings
    curve = read_validations(model_dir)
    last = curve[-1]
    record = {"name": model_dir.name, "overrides": overrides, "parameters": translator.model.num_parameters(),
              "train_minutes": round(last["elapsed"] / 60, 2),
              "target_tokens_per_second": round(last["target_tokens"] / max(last["elapsed"], 1e-9)),
              "curve": [{"step": r["step"], "elapsed": r["elapsed"], "bleu": r["bleu"]} for r in curve]}
    (model_dir / DONE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def sweep(recipe_path: str, grids: Sequence[str], src: str | Path, refs: Sequence[str | Path], out_dir: str | Path,
          extra: Sequence[str] = ()) -> dict:
    """Train and evaluate every variant (sequentially), then write one comparison report into out_dir."""
    out, src = Path(out_dir), Path(src)
    variants = grid_variants(grids)
    names = [variant_name(v) for v in variants]
    if len(set(names)) != len(names):
        raise Seq2SeqError("two grid values give the same variant name; use distinct values")
    recipes = [load_recipe(recipe_path, [*extra, *overrides, f"model_dir={out / name}"])
               for overrides, name in zip(variants, names)]
    for recipe, name in zip(recipes, names):  # every variant first: a mistake is found before hours of training
        check_trainable(recipe)
        check_same_settings(recipe, out / name)
    records = []
    for recipe, overrides, name in zip(recipes, variants, names):
        model_dir = out / name
        if (model_dir / DONE).is_file():
            log.info("sweep: %s is done already, skipping", name)
            records.append(json.loads((model_dir / DONE).read_text(encoding="utf-8")))
        else:
            records.append(_train_variant(recipe, [*extra, *overrides], model_dir, src))
    report = evaluate_files([out / n / "test_hypotheses.txt" for n in names], refs, src, names=names)
    report["variants"] = records
    write_report(report, out)
    return report

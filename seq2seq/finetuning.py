"""Start a run from a trained model (training.init_from): its token ids, then its weights."""
from __future__ import annotations

import logging
import pickle
import shutil
from pathlib import Path

import torch

from .config import Level, Recipe, load_recipe
from .data.tokenizers import tokenizer_files
from .errors import Seq2SeqError
from .model import Seq2Seq
from .translate import checkpoint_path

log = logging.getLogger("seq2seq")


def check_parent(recipe: Recipe) -> Path:
    """training.init_from, checked before a run touches its own model_dir."""
    parent = Path(recipe.training.init_from)
    if not (parent / "recipe.yaml").is_file():
        raise Seq2SeqError(f"training.init_from: {parent} is not a model directory (no recipe.yaml); "
                           "give the model_dir of a trained model")
    if parent.resolve() == Path(recipe.model_dir).resolve():
        raise Seq2SeqError(f"training.init_from is this recipe's own model_dir ({parent}); "
                           "fine-tune into a new model_dir, or continue this run with --resume")
    ours, theirs = recipe.data, load_recipe(parent / "recipe.yaml").data
    differ = [key for key, mine, its in (("data.level", ours.level, theirs.level),
                                         ("data.lowercase", ours.lowercase, theirs.lowercase),
                                         ("data.sentencepiece.joint", ours.sentencepiece.joint,
                                          theirs.sentencepiece.joint)) if mine != its]
    if differ:
        raise Seq2SeqError(f"training.init_from: {parent} was trained with another {', '.join(differ)}; "
                           f"set {'them' if len(differ) > 1 else 'it'} as in {parent / 'recipe.yaml'}")
    checkpoint_path(parent, recipe.training.init_checkpoint)  # exists, or a clear error
    return parent


def copy_parent_text(recipe: Recipe) -> None:
    """Copy the parent's tokenizers and vocabularies into model_dir, so both models share token ids."""
    parent, model_dir = check_parent(recipe), Path(recipe.model_dir)
    files = [(parent / name, model_dir / name) for name in ("src_vocab.txt", "trg_vocab.txt")]
    if recipe.data.level is Level.SENTENCEPIECE:
        files += sorted(set(zip(tokenizer_files(recipe.data, parent), tokenizer_files(recipe.data, model_dir))))
    for source, target in files:
        if not source.is_file():
            raise Seq2SeqError(f"training.init_from: {source} is missing; is {parent} a trained model directory?")
        shutil.copyfile(source, target)
    log.info("fine-tuning from %s: copied its vocabularies and tokenizers", parent)


def load_parent_weights(model: Seq2Seq, recipe: Recipe) -> None:
    """Start from the parent's checkpoint; the optimizer and schedule start afresh."""
    parent = check_parent(recipe)
    path = checkpoint_path(parent, recipe.training.init_checkpoint)
    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
        model.load_state_dict(saved["model"])
    except (pickle.UnpicklingError, RuntimeError, KeyError, TypeError, EOFError) as error:
        raise Seq2SeqError(f"training.init_from: {path} does not fit this recipe's model section "
                           f"({str(error).splitlines()[0][:200]}); its sizes, cells and options must be "
                           f"those in {parent / 'recipe.yaml'} (dropout may differ)") from None
    log.info("fine-tuning from %s (update %s of that run)", path, saved.get("step"))

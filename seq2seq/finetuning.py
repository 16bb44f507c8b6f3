"""Start a run from a trained model (training.init_from): its token ids, then its weights."""
from __future__ import annotations

import shutil
from pathlib import Path

from .config import Level, Recipe
from .errors import Seq2SeqError
from .model import Seq2Seq
from .model_dir import ModelDir


def parent_model(recipe: Recipe) -> Seq2Seq:
    """This recipe's model with training.init_from's weights; every refusal comes before a run touches files."""
    parent_dir = ModelDir(recipe.training.init_from).require("training.init_from")
    parent = parent_dir.path
    if parent.resolve() == Path(recipe.model_dir).resolve():
        raise Seq2SeqError(f"training.init_from is this recipe's own model_dir ({parent}); "
                           "fine-tune into a new model_dir, or continue this run with --resume")
    their_recipe = parent_dir.recipe()
    ours, theirs = recipe.data, their_recipe.data
    if recipe.model.share_embeddings != their_recipe.model.share_embeddings:
        raise Seq2SeqError(f"training.init_from: {parent} was trained with model.share_embeddings: "
                           f"{str(their_recipe.model.share_embeddings).lower()}, so its embeddings cannot be "
                           f"{'merged into one' if recipe.model.share_embeddings else 'split'}; set it as in "
                           f"{parent_dir.recipe_file}")
    differ = [key for key, mine, its in (("data.level", ours.level, theirs.level),
                                         ("data.lowercase", ours.lowercase, theirs.lowercase),
                                         ("data.sentencepiece.joint", ours.sentencepiece.joint,
                                          theirs.sentencepiece.joint)) if mine != its]
    if differ:
        raise Seq2SeqError(f"training.init_from: {parent} was trained with another {', '.join(differ)}; "
                           f"set {'them' if len(differ) > 1 else 'it'} as in {parent_dir.recipe_file}")
    if ours.sentencepiece.sampling_alpha is not None and not theirs.sentencepiece.all_pieces:
        raise Seq2SeqError(f"training.init_from: {parent} was trained without data.sentencepiece.all_pieces, so its "
                           "vocabulary lacks pieces that data.sentencepiece.sampling_alpha would sample; fine-tune "
                           "without sampling_alpha, or from a parent trained with all_pieces: true")
    _text_files(recipe)  # all present, or refuse now
    sizes = [len(vocab) for vocab in parent_dir.vocabularies(recipe.data)]
    return parent_dir.load_model(recipe, recipe.training.init_checkpoint, *sizes)


def copy_parent_text(recipe: Recipe) -> None:
    """Copy the parent's tokenizers and vocabularies into model_dir, so both models share token ids."""
    for source, target in _text_files(recipe):
        shutil.copyfile(source, target)


def _text_files(recipe: Recipe) -> list[tuple[Path, Path]]:
    """(parent file, model_dir file) for the vocabularies and sentencepiece models; each must exist."""
    parent = ModelDir(recipe.training.init_from)
    sentencepiece = recipe.data.level is Level.SENTENCEPIECE
    files = list(zip(parent.text_files(recipe.data).all(sentencepiece),
                     ModelDir(recipe.model_dir).text_files(recipe.data).all(sentencepiece)))
    for source, _ in files:
        if not source.is_file():
            raise Seq2SeqError(f"training.init_from: {source} is missing; is {parent.path} a trained model directory?")
    return files

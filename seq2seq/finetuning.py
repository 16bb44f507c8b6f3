"""Start a run from a trained model (training.init_from): its token ids, then its weights."""
from __future__ import annotations

import shutil
from pathlib import Path

from .config import Level, Recipe, load_recipe
from .data import Vocabulary
from .data.tokenizers import tokenizer_files
from .errors import Seq2SeqError
from .model import Seq2Seq
from .translate import load_model


def parent_model(recipe: Recipe) -> Seq2Seq:
    """This recipe's model with training.init_from's weights; every refusal comes before a run touches files."""
    parent = Path(recipe.training.init_from)
    if not (parent / "recipe.yaml").is_file():
        raise Seq2SeqError(f"training.init_from: {parent} is not a model directory (no recipe.yaml); "
                           "give the model_dir of a trained model")
    if parent.resolve() == Path(recipe.model_dir).resolve():
        raise Seq2SeqError(f"training.init_from is this recipe's own model_dir ({parent}); "
                           "fine-tune into a new model_dir, or continue this run with --resume")
    their_recipe = load_recipe(parent / "recipe.yaml")
    ours, theirs = recipe.data, their_recipe.data
    if recipe.model.share_embeddings != their_recipe.model.share_embeddings:
        raise Seq2SeqError(f"training.init_from: {parent} was trained with model.share_embeddings: "
                           f"{str(their_recipe.model.share_embeddings).lower()}, so its embeddings cannot be "
                           f"{'merged into one' if recipe.model.share_embeddings else 'split'}; set it as in "
                           f"{parent / 'recipe.yaml'}")
    differ = [key for key, mine, its in (("data.level", ours.level, theirs.level),
                                         ("data.lowercase", ours.lowercase, theirs.lowercase),
                                         ("data.sentencepiece.joint", ours.sentencepiece.joint,
                                          theirs.sentencepiece.joint)) if mine != its]
    if differ:
        raise Seq2SeqError(f"training.init_from: {parent} was trained with another {', '.join(differ)}; "
                           f"set {'them' if len(differ) > 1 else 'it'} as in {parent / 'recipe.yaml'}")
    if ours.sentencepiece.sampling_alpha is not None and not theirs.sentencepiece.all_pieces:
        raise Seq2SeqError(f"training.init_from: {parent} was trained without data.sentencepiece.all_pieces, so its "
                           "vocabulary lacks pieces that data.sentencepiece.sampling_alpha would sample; fine-tune "
                           "without sampling_alpha, or from a parent trained with all_pieces: true")
    _text_files(recipe)  # all present, or refuse now
    sizes = [len(Vocabulary.load(parent / f"{side}_vocab.txt")) for side in ("src", "trg")]
    return load_model(parent, recipe, recipe.training.init_checkpoint, *sizes)


def copy_parent_text(recipe: Recipe) -> None:
    """Copy the parent's tokenizers and vocabularies into model_dir, so both models share token ids."""
    for source, target in _text_files(recipe):
        shutil.copyfile(source, target)


def _text_files(recipe: Recipe) -> list[tuple[Path, Path]]:
    """(parent file, model_dir file) for the vocabularies and sentencepiece models; each must exist."""
    parent, model_dir = Path(recipe.training.init_from), Path(recipe.model_dir)
    files = [(parent / name, model_dir / name) for name in ("src_vocab.txt", "trg_vocab.txt")]
    if recipe.data.level is Level.SENTENCEPIECE:
        files += sorted(set(zip(tokenizer_files(recipe.data, parent), tokenizer_files(recipe.data, model_dir))))
    for source, _ in files:
        if not source.is_file():
            raise Seq2SeqError(f"training.init_from: {source} is missing; is {parent} a trained model directory?")
    return files

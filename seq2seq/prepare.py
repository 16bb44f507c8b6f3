"""The prepare job: a recipe's tokenizers, vocabularies and training corpus, made once in its model
directory before training (`seq2seq prepare RECIPE`); `train` makes what is missing itself."""
from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

from .config import Recipe, check_trainable
from .data.corpus import check_corpora
from .data.prepared import prepare_corpus, stale
from .errors import Seq2SeqError
from .model_dir import ModelDir, make_dir, removed_on_error

log = logging.getLogger(__name__)


def prepare(recipe: Recipe, overwrite: bool = False, workers: int | None = None) -> Path:
    """Tokenize and index the recipe's training corpus into model_dir/corpus (training's own steps, done
    ahead: tokenizers trained, vocabularies built, pairs indexed, in worker processes); returns the folder.

    An up-to-date corpus is left as it is; one made from other data or settings is refused unless
    overwrite, which makes tokenizers, vocabularies and corpus anew.
    """
    check_trainable(recipe)
    if recipe.data.sentencepiece.sampling_alpha is not None:
        raise Seq2SeqError("recipe key 'data.sentencepiece.sampling_alpha' resegments the raw text every epoch, "
                           "so training reads it whole and there is no corpus to prepare; train directly")
    model_dir = ModelDir(recipe.model_dir)
    if overwrite and model_dir.checkpoints.exists():
        raise Seq2SeqError(f"{model_dir.path} already holds a trained model: preparing it again would change the "
                           "vocabularies under its weights; prepare into a new model_dir, or use train --overwrite")
    check_corpora(recipe.data)  # a missing or unreadable file is refused before model_dir is made
    with removed_on_error(model_dir.path):
        return _prepare(recipe, model_dir, overwrite, workers)


def _prepare(recipe: Recipe, model_dir: ModelDir, overwrite: bool, workers: int | None) -> Path:
    make_dir(model_dir.path, "model_dir")
    files = model_dir.text_files(recipe.data)
    if (model_dir.corpus / "manifest.json").is_file() and not overwrite:
        reason = stale(model_dir.corpus, recipe.data, files)
        if reason is None:
            log.info("%s is prepared already and up to date", model_dir.corpus)
            return model_dir.corpus
        raise Seq2SeqError(f"{model_dir.corpus} was prepared from other data: {reason}; "
                           "prepare again with --overwrite")
    shutil.rmtree(model_dir.corpus, ignore_errors=True)
    model_dir.save_recipe(recipe)
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    prepare_corpus(recipe.data, files, model_dir.corpus, recipe.training.seed, workers)
    log.info("prepared %s in %.1f s with %d worker(s)", model_dir.corpus, time.perf_counter() - started, workers)
    return model_dir.corpus

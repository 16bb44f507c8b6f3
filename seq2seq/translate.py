"""Raw text in, raw text out: loads a model directory and translates lines in token-bounded batches."""
from __future__ import annotations

import dataclasses
import itertools
import logging
import pickle
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Sized, TextIO

import torch
from tqdm import tqdm

from .config import Recipe, TestingConfig, load_recipe
from .data import Vocabulary, collate, token_batches
from .data.dataset import IndexedSide
from .data.tokenizers import SentencePieceTokenizer, Tokenizer, load_tokenizers
from .errors import Seq2SeqError
from .model import Seq2Seq
from .model.ensemble import Ensemble
from .model.quantize import quantize_int8
from .search import Hypothesis, applied_alpha, beam_search

log = logging.getLogger(__name__)


def pick_device(name: Optional[str] = "auto") -> torch.device:
    """'auto' takes CUDA when present; an explicit device that is missing is a clear error."""
    if name in (None, "auto"):
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        device = torch.device(name)
    except RuntimeError:
        raise Seq2SeqError(f"device {name!r} is not a device name; use auto, cpu, cuda or cuda:N") from None
    if device.type not in ("cpu", "cuda"):
        raise Seq2SeqError(f"device {name!r}: only cpu and cuda are supported; use auto, cpu, cuda or cuda:N")
    if device.type == "cuda" and not torch.cuda.is_available():
        raise Seq2SeqError(f"device {name} asked for, but no CUDA device is available; use cpu or auto")
    if device.type == "cuda" and device.index is not None and device.index >= torch.cuda.device_count():
        raise Seq2SeqError(f"device {name} asked for, but this machine has {torch.cuda.device_count()} CUDA "
                           "device(s), numbered from 0")
    return device


def check_decoding_options(**given: Optional[float]) -> None:
    """Options a caller set (None: unset) obey the limits of the recipe's `testing` keys of the same name."""
    fields = {f.name: f for f in dataclasses.fields(TestingConfig)}
    for name, value in given.items():
        if value is not None and not fields[name].metadata["test"](value):
            raise Seq2SeqError(f"--{name.replace('_', '-')} {value}: allowed: {fields[name].metadata['allowed']} "
                               f"(as for testing.{name} in a recipe)")


def _recipe(model_dir: Path) -> Recipe:
    if not (model_dir / "recipe.yaml").is_file():
        raise Seq2SeqError(f"{model_dir} is not a model directory (no recipe.yaml); train one first")
    return load_recipe(model_dir / "recipe.yaml")


def load_model(model_dir: Path, recipe: Recipe, checkpoint: str, src_size: int, trg_size: int) -> Seq2Seq:
    """The model `recipe` describes, with the weights of one of model_dir's checkpoints, on the CPU."""
    model = Seq2Seq(recipe.model, src_size, trg_size, Vocabulary.pad_id)
    path = checkpoint_path(model_dir, checkpoint)
    try:
        model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True)["model"])
    except (pickle.UnpicklingError, RuntimeError, KeyError, TypeError, EOFError) as error:
        raise Seq2SeqError(f"{path} does not fit the model section it is loaded into "
                           f"({str(error).splitlines()[0][:200]}); sizes, cells and options must be those in "
                           f"{model_dir / 'recipe.yaml'} (dropout may differ)") from None
    return model


def _read_text(model_dir: Path, recipe: Recipe) -> tuple[Vocabulary, Vocabulary, Tokenizer, Tokenizer]:
    """A model directory's source and target vocabularies and tokenizers."""
    src_tok, trg_tok = load_tokenizers(recipe.data, model_dir)
    return (Vocabulary.load(model_dir / "src_vocab.txt"), Vocabulary.load(model_dir / "trg_vocab.txt"),
            src_tok, trg_tok)


def _interface(recipe: Recipe, text: tuple[Vocabulary, Vocabulary, Tokenizer, Tokenizer]) -> dict[str, object]:
    """What ensemble members must share to read and write the same token ids; keys name it in errors."""
    src_vocab, trg_vocab, *tokenizers = text
    pieces = tuple(t.scored_pieces() if isinstance(t, SentencePieceTokenizer) else () for t in tokenizers)
    return {"source vocabularies": src_vocab, "target vocabularies": trg_vocab,
            "tokenizations": (recipe.data.level, recipe.data.lowercase, pieces)}


def _load_member(model_dir: Path, first: Path, first_interface: dict[str, object], checkpoint: str) -> Seq2Seq:
    """Another ensemble member's model, once its vocabularies and tokenization match the first model's."""
    recipe = _recipe(model_dir)
    text = _read_text(model_dir, recipe)
    theirs = _interface(recipe, text)
    differ = [what for what, value in first_interface.items() if theirs[what] != value]
    if differ:
        raise Seq2SeqError(f"cannot ensemble {first} with {model_dir}: their {' and '.join(differ)} differ; "
                           f"ensemble only models trained with the same data settings and subword model")
    return load_model(model_dir, recipe, checkpoint, len(text[0]), len(text[1]))


def _is_checkpoint_name(checkpoint: str) -> bool:
    """A name in a model's checkpoints/ (best, step_300), not a file path."""
    return Path(checkpoint).name == checkpoint and not checkpoint.endswith(".pt")


def checkpoint_path(model_dir: Path, checkpoint: str) -> Path:
    """best | last | another name in the model's checkpoints/ (averaged, step_N) | a file path."""
    path = model_dir / "checkpoints" / f"{checkpoint}.pt" if _is_checkpoint_name(checkpoint) else Path(checkpoint)
    if not path.is_file():
        have = sorted(p.stem for p in (model_dir / "checkpoints").glob("*.pt"))
        raise Seq2SeqError(f"checkpoint not found: {path} (is {model_dir} a trained model directory? "
                           f"its checkpoints: {', '.join(have) or 'none'})")
    return path


class Translator:
    """A trained model with its tokenizers and vocabularies; the Python API behind `seq2seq translate`."""

    def __init__(self, recipe: Recipe, model: Seq2Seq | Ensemble, src_tokenizer: Tokenizer,
                 trg_tokenizer: Tokenizer, src_vocab: Vocabulary, trg_vocab: Vocabulary, device: torch.device):
        self.recipe, self.model, self.device = recipe, model, device
        self.src_tokenizer, self.trg_tokenizer = src_tokenizer, trg_tokenizer
        self.src_vocab, self.trg_vocab = src_vocab, trg_vocab

    @classmethod
    def load(cls, model_dir: str | Path, checkpoint: str = "best", device: Optional[str] = "auto",
             int8: bool = False, ensemble_with: Sequence[str | Path] = ()) -> "Translator":
        """A model directory ready to translate; int8 quantizes its linear and recurrent layers (CPU only).

        ensemble_with: more model directories with the same vocabularies and tokenizers, decoded together
        with this one (their next-token probabilities averaged); the first model's recipe gives the defaults.
        """
        if isinstance(ensemble_with, (str, Path)):
            raise TypeError("ensemble_with takes a list of model directories, not one path")
        if ensemble_with and not _is_checkpoint_name(checkpoint):
            raise Seq2SeqError(f"checkpoint {checkpoint} is a file, but an ensemble needs a name that every model "
                               f"directory has (best, last, averaged, step_N)")
        model_dir = Path(model_dir)
        recipe = _recipe(model_dir)
        text = _read_text(model_dir, recipe)
        src_vocab, trg_vocab, src_tok, trg_tok = text
        target = pick_device("cpu" if int8 and device in (None, "auto") else device)
        if int8 and target.type != "cpu":
            raise Seq2SeqError(f"int8 translation runs on the CPU only, not on {target}; drop --int8 or use --device cpu")
        models = [load_model(model_dir, recipe, checkpoint, len(src_vocab), len(trg_vocab))]
        if ensemble_with:
            interface = _interface(recipe, text)  # once, whatever the number of members
            models += [_load_member(Path(other), model_dir, interface, checkpoint) for other in ensemble_with]
        models = [model.to(target).eval() for model in models]
        if int8:
            models = [quantize_int8(model) for model in models]
        model = models[0] if len(models) == 1 else Ensemble(models).eval()
        return cls(recipe, model, src_tok, trg_tok, src_vocab, trg_vocab, target)

    def decoding(self, beam_size: Optional[int] = None, alpha: Optional[float] = None, n_best: int = 1,
                 min_len: int = 0, max_len_a: Optional[float] = None, max_len_b: Optional[int] = None,
                 batch_tokens: Optional[int] = None) -> dict:
        """The beam_search options these settings give: checked, unset ones from the recipe's `testing`
        section, alpha as the search applies it (batch_tokens is only checked: it shapes batches)."""
        check_decoding_options(beam_size=beam_size, alpha=alpha, max_len_a=max_len_a, max_len_b=max_len_b,
                               batch_tokens=batch_tokens)
        if min_len < 0:
            raise Seq2SeqError(f"--min-len {min_len}: allowed: a number >= 0")
        testing = self.recipe.testing
        k = testing.beam_size if beam_size is None else beam_size
        if not 1 <= n_best <= k:
            raise Seq2SeqError(f"beam size {k} and n-best {n_best}: need 1 <= n-best <= beam size")
        return dict(beam_size=k, alpha=applied_alpha(k, testing.alpha if alpha is None else alpha), n_best=n_best,
                    min_len=min_len, max_len_a=testing.max_len_a if max_len_a is None else max_len_a,
                    max_len_b=testing.max_len_b if max_len_b is None else max_len_b)

    def search(self, sentences: list[str], beam_size: Optional[int] = None, alpha: Optional[float] = None,
               n_best: int = 1, min_len: int = 0, max_len_a: Optional[float] = None,
               max_len_b: Optional[int] = None, batch_tokens: Optional[int] = None,
               progress: bool | tqdm = False) -> list[list[Hypothesis]]:
        """The n_best hypotheses of every sentence, in input order; an empty sentence gets none.

        Unset options come from the recipe's `testing` section. batch_tokens bounds source tokens x beam,
        so the work per batch stays the same whatever the beam size. progress: True for a bar of its own,
        or a caller's tqdm bar to advance by one per sentence.
        """
        options = self.decoding(beam_size, alpha, n_best, min_len, max_len_a, max_len_b, batch_tokens)
        k = options["beam_size"]
        testing = self.recipe.testing
        pieces = [self.src_tokenizer.encode(s) if s.strip() else [] for s in sentences]
        todo = [i for i, p in enumerate(pieces) if p]
        side = IndexedSide.from_lists([self.src_vocab.encode(pieces[i]) for i in todo])
        results: list[list[Hypothesis]] = [[] for _ in sentences]
        was_training = self.model.training
        self.model.eval()
        own_bar = not isinstance(progress, tqdm)
        bar = tqdm(total=len(sentences), unit="sent", disable=not progress, file=sys.stderr, leave=False) \
            if own_bar else progress
        bar.update(len(sentences) - len(todo))  # empty lines are done at once
        budget = testing.batch_tokens if batch_tokens is None else batch_tokens
        for batch_ids in token_batches([(n + 1) * k for n in side.lengths], None, budget, shuffle=False):
            batch = collate(side, None, batch_ids).to(self.device)
            found = beam_search(self.model, batch.src, batch.src_lengths, Vocabulary.bos_id, Vocabulary.eos_id,
                                **options)
            for j, hyps in zip(batch_ids, found):
                results[todo[j]] = hyps
            bar.update(len(batch_ids))
        if own_bar:
            bar.close()
        self.model.train(was_training)
        return results

    def detokenize(self, hypothesis: Optional[Hypothesis]) -> str:
        """Raw text of a hypothesis (empty for None); never contains a line break."""
        if hypothesis is None:
            return ""
        text = self.trg_tokenizer.decode(self.trg_vocab.decode(hypothesis.tokens))
        return " ".join(text.splitlines())

    def translate(self, sentences: list[str], **options) -> list[str]:
        """Best translation of each sentence, one per input, in order; an empty input gives ''."""
        if isinstance(sentences, str):
            raise TypeError("Translator.translate takes a list of sentences, not one string")
        return [self.detokenize(hyps[0] if hyps else None) for hyps in self.search(list(sentences), **options)]


CHUNK_LINES = 10_000  # lines read, sorted by length and translated together: memory stays bounded


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    """Consecutive lists of up to `size` lines, read lazily."""
    it = iter(lines)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _write_hypotheses(translator: Translator, found: list[list[Hypothesis]], out: TextIO, n_best: int,
                      first_index: int) -> None:
    """One line per input, or exactly n_best lines per input with its index counted from the input's start."""
    for index, hyps in enumerate(found, first_index):
        if n_best == 1:
            out.write(translator.detokenize(hyps[0] if hyps else None) + "\n")
            continue
        for rank in range(n_best):  # pad with empty entries when fewer were found (e.g. empty input)
            hyp = hyps[rank] if rank < len(hyps) else None
            score = f"{hyp.normalized:.4f}" if hyp is not None else "-inf"
            out.write(f"{index}\t{score}\t{translator.detokenize(hyp)}\n")


def translate_stream(translator: Translator, lines: Iterable[str], out: TextIO, progress: bool = True,
                     n_best: int = 1, chunk_lines: int = CHUNK_LINES, **options) -> dict:
    """Translate `lines` to `out`: one line per input, or with n_best > 1 exactly n_best lines per input
    as `index<TAB>score<TAB>translation` (index from 0, score = length-normalized log-probability).

    Reads, translates and writes chunk_lines lines at a time, so a corpus of any size needs the memory
    of one chunk, and output arrives as each chunk is done.
    """
    if chunk_lines < 1:
        raise ValueError(f"chunk_lines must be at least 1, not {chunk_lines}")
    translator.decoding(n_best=n_best, **options)  # checked before any bar is drawn, even for empty input
    start = time.perf_counter()
    sentences = tokens = 0
    total = len(lines) if isinstance(lines, Sized) else None
    chunks = _chunks((line.rstrip("\n").rstrip("\r") for line in lines), chunk_lines)
    first = list(itertools.islice(chunks, 1))  # read before any bar is drawn: bad input is a clean one-line error
    with tqdm(total=total, unit="sent", disable=not progress, file=sys.stderr, leave=False) as bar:
        for chunk in itertools.chain(first, chunks):
            found = translator.search(chunk, n_best=n_best, progress=bar, **options)
            _write_hypotheses(translator, found, out, n_best, sentences)
            out.flush()
            sentences += len(chunk)
            tokens += sum(len(hyps[0].tokens) for hyps in found if hyps)
    seconds = time.perf_counter() - start
    summary = {"sentences": sentences, "tokens": tokens, "seconds": round(seconds, 3),
               "sentences_per_second": round(sentences / max(seconds, 1e-9), 2)}
    print(f"translated {sentences} sentences, {tokens} tokens in {seconds:.1f} s "
          f"({summary['sentences_per_second']} sentences/s)", file=sys.stderr)
    return summary

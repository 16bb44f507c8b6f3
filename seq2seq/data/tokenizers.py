"""Text <-> token strings at three levels: sentencepiece subwords, words, characters."""
from __future__ import annotations

import itertools
import logging
import math
import random
import shutil
import tempfile
import threading
from functools import cached_property
from pathlib import Path
from typing import Iterable, Protocol

import sentencepiece as spm

from ..config import DataConfig, Level
from ..errors import Seq2SeqError
from .text_files import TextFiles

log = logging.getLogger(__name__)
UNK_PENALTY = 10.0  # sentencepiece scores an unknown character this far under its lowest piece
FLT_MIN = 1.1754943508222875e-38  # C's FLT_MIN, where sentencepiece starts its highest piece score
SPACE = "\u2581"  # marks a space in character-level tokens, as sentencepiece does


class Tokenizer(Protocol):
    def encode(self, text: str) -> list[str]: ...
    def encode_all(self, texts: list[str]) -> list[list[str]]: ...
    def decode(self, tokens: list[str]) -> str: ...


class WordTokenizer:
    """Whitespace split: for pre-tokenized corpora and synthetic tasks."""

    def __init__(self, lowercase: bool = False):
        self.lowercase = lowercase

    def encode(self, text: str) -> list[str]:
        return (text.lower() if self.lowercase else text).split()

    def encode_all(self, texts: list[str]) -> list[list[str]]:
        return [self.encode(text) for text in texts]

    def decode(self, tokens: list[str]) -> str:
        return " ".join(tokens)


class CharTokenizer:
    """One token per character; spaces become a visible marker so they survive decoding."""

    def __init__(self, lowercase: bool = False):
        self.lowercase = lowercase

    def encode(self, text: str) -> list[str]:
        text = " ".join((text.lower() if self.lowercase else text).split())
        return [SPACE if c == " " else c for c in text]

    def encode_all(self, texts: list[str]) -> list[list[str]]:
        return [self.encode(text) for text in texts]

    def decode(self, tokens: list[str]) -> str:
        return "".join(tokens).replace(SPACE, " ")


class SentencePieceTokenizer:
    """Subword pieces from a trained sentencepiece model; decoding restores the raw text."""

    def __init__(self, model_file: str | Path, lowercase: bool = False):
        self.model_file = Path(model_file)
        self.lowercase = lowercase
        try:
            self.processor = spm.SentencePieceProcessor(model_file=str(model_file))
        except (OSError, RuntimeError) as error:
            raise Seq2SeqError(f"cannot load sentencepiece model {model_file}: {error}") from None

    def encode(self, text: str) -> list[str]:
        return self.processor.encode(text.lower() if self.lowercase else text, out_type=str)

    def encode_all(self, texts: list[str]) -> list[list[str]]:
        """encode of each text, in one call (sentencepiece's loop, on this thread only)."""
        return self.processor.encode([t.lower() for t in texts] if self.lowercase else texts, out_type=str,
                                     num_threads=1)

    def decode(self, tokens: list[str]) -> str:
        return self.processor.decode_pieces(tokens)

    def sample(self, texts: list[str], alpha: float, nbest: int, seed: int) -> list[list[str]]:
        """One random segmentation per text (subword regularization, or BPE-dropout for a bpe model), the
        same for the same seed: in any process when `samples_reproducibly(nbest)`, else only within one."""
        texts = [t.lower() for t in texts] if self.lowercase else texts
        if self.samples_reproducibly(nbest):
            return self._pick_among_nbest(texts, alpha, nbest, random.Random(seed))
        return self._sentencepiece_sample(texts, alpha, nbest, seed)

    def samples_reproducibly(self, nbest: int) -> bool:
        """Whether `sample` draws among n best lists itself, from our own seeded generator. Otherwise
        sentencepiece draws (every segmentation, or a bpe model, which has no n-best list), and
        sentencepiece 0.2 salts its seeded generator per process, so a resumed run draws differently."""
        return nbest > 1 and self._has_nbest

    @cached_property
    def _has_nbest(self) -> bool:
        """Unigram models have n-best lists; bpe models do not (sentencepiece raises)."""
        try:
            self.processor.nbest_encode("a", out_type=int, nbest_size=2)
        except RuntimeError:
            return False
        return True

    def _pick_among_nbest(self, texts: list[str], alpha: float, nbest: int, rng: random.Random) -> list[list[str]]:
        """Kudo's n-best sampling as sentencepiece does it: P(segmentation) ~ exp(alpha * its score).
        One text at a time: the n-best lists of a whole corpus would not fit in memory."""
        sp, scores, unk = self.processor, self._piece_scores, self.processor.unk_id()
        picked = []
        for text in texts:
            try:
                options = sp.nbest_encode(text, out_type=int, nbest_size=nbest)
            except RuntimeError as error:
                raise Seq2SeqError(f"sentencepiece n-best segmentation failed with {self.model_file}: {error}") \
                    from None
            totals = [alpha * sum(map(scores.__getitem__, ids)) for ids in options]
            top = max(totals)
            k = rng.choices(range(len(options)), weights=[math.exp(t - top) for t in totals])[0]
            if unk in options[k]:  # the surface of the unknown characters, as encode gives it
                picked.append(sp.nbest_encode(text, out_type=str, nbest_size=nbest)[k])
            else:
                picked.append([sp.id_to_piece(i) for i in options[k]])
        return picked

    @cached_property
    def _piece_scores(self) -> list[float]:
        """Each id's score in a segmentation's total, as sentencepiece's unigram lattice counts it. A
        user-defined piece (score 0 in the model) scores its length times the highest piece score
        minus 0.1. An unknown character scores the lowest piece score minus 10; n-best lists merge a
        run of them into one id, which counts once. Every segmentation of a text has the same
        unknown characters, so that cancels in the draw, unless a longer piece covers one of them."""
        sp = self.processor
        ids = range(sp.get_piece_size())
        special = {i for i in ids if sp.is_unknown(i) or sp.is_control(i) or sp.is_unused(i) or sp.is_byte(i)}
        user_defined = {i for i in ids if i not in special and sp.get_score(i) == 0.0}
        normal = [sp.get_score(i) for i in ids if i not in special and i not in user_defined]
        # sentencepiece starts its maximum at FLT_MIN, the smallest positive float, so over log
        # probabilities it stays there: a user-defined piece scores about -0.1 whatever its length
        low, high = min(normal, default=0.0), max([FLT_MIN, *normal])
        return [low - UNK_PENALTY if sp.is_unknown(i) else len(sp.id_to_piece(i)) * high - 0.1
                if i in user_defined else sp.get_score(i) for i in ids]

    def _sentencepiece_sample(self, texts: list[str], alpha: float, nbest: int, seed: int) -> list[list[str]]:
        """Sentencepiece's own draws (every segmentation, or BPE-dropout), repeatable within one process.
        It seeds a thread's generator at that thread's first draw, so the draws run in a fresh thread:
        seeding again then takes effect.
        One thread only: with more, sentences go to threads in a varying order and the draws stop repeating."""
        pieces: list[list[str]] = []
        failure: list[Exception] = []

        def draw() -> None:
            try:
                pieces.extend(self.processor.encode(texts, out_type=str, enable_sampling=True, alpha=alpha,
                                                    nbest_size=nbest, num_threads=1))
            except Exception as error:  # noqa: BLE001 (re-raised below, in the caller's thread)
                failure.append(error)

        spm.set_random_generator_seed(seed)
        thread = threading.Thread(target=draw)
        thread.start()
        thread.join()
        if failure or len(pieces) != len(texts):
            raise Seq2SeqError(f"sentencepiece sampling (alpha {alpha}, nbest {nbest}) failed with "
                               f"{self.model_file}: {failure[0] if failure else 'wrong number of results'}")
        return pieces

    def scored_pieces(self) -> tuple[tuple[str, float], ...]:
        """Every piece with its score, in id order: two models with the same ones segment text alike."""
        sp = self.processor
        return tuple((sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size()))

    def pieces(self) -> list[str]:
        """Every ordinary piece of the model in id order (no <unk> or control symbols)."""
        sp = self.processor
        return [sp.id_to_piece(i) for i in range(sp.get_piece_size())
                if not (sp.is_unknown(i) or sp.is_control(i))]


def train_sentencepiece(texts: Iterable[str], model_file: Path, cfg: DataConfig, seed: int,
                        threads: int = 1) -> Path:
    """Train a sentencepiece model on `texts` and write it to `model_file` (…/name.model)."""
    sp = cfg.sentencepiece
    spm.set_random_generator_seed(seed)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.txt"
        with corpus.open("w", encoding="utf-8") as f:
            for line in texts:
                f.write((line.lower() if cfg.lowercase else line) + "\n")
        prefix = Path(tmp) / "spm"
        try:
            spm.SentencePieceTrainer.train(
                input=str(corpus), model_prefix=str(prefix), vocab_size=sp.vocab_size,
                model_type=sp.model_type.value, character_coverage=sp.character_coverage,
                input_sentence_size=sp.max_sentences, shuffle_input_sentence=True,
                hard_vocab_limit=False, num_threads=threads, minloglevel=2,
                pad_id=-1, bos_id=-1, eos_id=-1, unk_id=0)
        except RuntimeError as error:  # e.g. fewer pieces asked for than the text has characters to cover
            reason = (str(error).strip().splitlines() or [type(error).__name__])[-1]
            raise Seq2SeqError(f"sentencepiece cannot train a {sp.vocab_size}-piece {sp.model_type.value} model "
                               f"for {model_file.name} on this text ({reason}); "
                               "change data.sentencepiece.vocab_size or character_coverage") from None
        shutil.copyfile(f"{prefix}.model", model_file)
    log.info("trained sentencepiece %s model (%d pieces) -> %s", sp.model_type.value, sp.vocab_size, model_file)
    return model_file


def make_tokenizers(cfg: DataConfig, files: TextFiles, src_train: Iterable[str], trg_train: Iterable[str],
                    seed: int, threads: int = 1) -> tuple[Tokenizer, Tokenizer]:
    """Train or copy the tokenizers a recipe asks for into `files`, and return them; the training text
    is read once, in order (a joint model reads the source side, then the target side)."""
    if cfg.level is not Level.SENTENCEPIECE:
        return load_tokenizers(cfg, files)
    given = (cfg.sentencepiece.src_model, cfg.sentencepiece.trg_model)
    if cfg.sentencepiece.joint:
        if given[0]:
            _copy_model(given[0], files.src_pieces, "data.sentencepiece.src_model")
        else:
            train_sentencepiece(itertools.chain(src_train, trg_train), files.src_pieces, cfg, seed, threads)
    else:
        for path, target, lines, key in ((given[0], files.src_pieces, src_train, "src_model"),
                                         (given[1], files.trg_pieces, trg_train, "trg_model")):
            if path:
                _copy_model(path, target, f"data.sentencepiece.{key}")
            else:
                train_sentencepiece(lines, target, cfg, seed, threads)
    return load_tokenizers(cfg, files)


def _copy_model(source: str, target: Path, key: str) -> None:
    if not Path(source).is_file():
        raise Seq2SeqError(f"recipe key '{key}': sentencepiece model file not found: {source}")
    shutil.copyfile(source, target)


def load_tokenizers(cfg: DataConfig, files: TextFiles) -> tuple[Tokenizer, Tokenizer]:
    """The source and target tokenizers of a trained model."""
    if cfg.level is Level.WORD:
        return WordTokenizer(cfg.lowercase), WordTokenizer(cfg.lowercase)
    if cfg.level is Level.CHAR:
        return CharTokenizer(cfg.lowercase), CharTokenizer(cfg.lowercase)
    src = SentencePieceTokenizer(files.src_pieces, cfg.lowercase)
    return src, (src if files.joint else SentencePieceTokenizer(files.trg_pieces, cfg.lowercase))

"""Recipe data section -> tokenizers, vocabularies and indexed corpora, written into the model directory."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..config import DataConfig
from ..errors import Seq2SeqError
from .corpus import read_pairs
from .dataset import ParallelDataset, index_pairs, length_filter, tokenize_all
from .prepared import iter_pairs, open_corpus, prepare_corpus, stale
from .text_files import TextFiles
from .tokenizers import SentencePieceTokenizer, Tokenizer, load_tokenizers, make_tokenizers
from .vocabulary import Vocabulary

log = logging.getLogger(__name__)


@dataclass
class TrainingData:
    train: ParallelDataset
    valid: ParallelDataset
    valid_src: list[str]  # raw validation text, for decoding and scoring against raw references
    valid_ref: list[str]
    src_tokenizer: Tokenizer
    trg_tokenizer: Tokenizer
    src_vocab: Vocabulary
    trg_vocab: Vocabulary
    train_text: tuple[list[str], list[str]]  # the kept pairs' raw text when sampling subwords, else empty


def prepare_training_data(cfg: DataConfig, files: TextFiles, seed: int, threads: int = 1,
                          reuse: bool = False, corpus: Optional[Path] = None) -> TrainingData:
    """Read the corpora, then train (or, with reuse, reload) tokenizers and vocabularies into `files`.

    With `corpus` (a folder) the training pairs are prepared there once (data/prepared.py) and opened
    memory-mapped, unless the recipe samples subwords, which needs the raw text of every epoch.
    """
    if corpus is not None and cfg.sentencepiece.sampling_alpha is None:
        return _prepared_training_data(cfg, files, seed, threads, reuse, corpus)
    src_lines, trg_lines = read_pairs(cfg, "train")
    valid_src, valid_ref = read_pairs(cfg, "valid")
    if not src_lines:
        raise Seq2SeqError(f"the training corpus {cfg.train} is empty")
    if not valid_src:
        raise Seq2SeqError(f"the validation corpus {cfg.valid} is empty")
    log.info("read %d training and %d validation pairs", len(src_lines), len(valid_src))
    if reuse:
        src_tok, trg_tok = load_tokenizers(cfg, files)
    else:
        src_tok, trg_tok = make_tokenizers(cfg, files, src_lines, trg_lines, seed, threads)
    src_pieces, trg_pieces = tokenize_all(src_lines, src_tok), tokenize_all(trg_lines, trg_tok)
    keep = length_filter(src_pieces, trg_pieces, cfg.min_length, cfg.max_length)
    if not keep:
        raise Seq2SeqError(f"no training pair has {cfg.min_length}..{cfg.max_length} tokens on both sides; "
                           "check data.min_length and data.max_length")
    src_pieces, trg_pieces = [src_pieces[i] for i in keep], [trg_pieces[i] for i in keep]
    sampling = cfg.sentencepiece.sampling_alpha is not None
    train_text = ([src_lines[i] for i in keep], [trg_lines[i] for i in keep]) if sampling else ([], [])
    if reuse:
        src_vocab, trg_vocab = Vocabulary.load(files.src_vocab), Vocabulary.load(files.trg_vocab)
    else:
        if cfg.sentencepiece.all_pieces:
            src_vocab, trg_vocab = (Vocabulary.from_tokens(tok.pieces()) for tok in (src_tok, trg_tok))
        else:
            src_vocab = Vocabulary.build(src_pieces, cfg.vocab_max_size, cfg.vocab_min_freq)
            trg_vocab = Vocabulary.build(trg_pieces, cfg.vocab_max_size, cfg.vocab_min_freq)
        src_vocab.save(files.src_vocab)
        trg_vocab.save(files.trg_vocab)
    log.info("vocabularies: %d source and %d target types", len(src_vocab), len(trg_vocab))
    if sampling:
        for tokenizer, vocab, side in ((src_tok, src_vocab, "source"), (trg_tok, trg_vocab, "target")):
            check_sampling_vocabulary(tokenizer, vocab, side)  # type: ignore[arg-type]
        if not all(tok.samples_reproducibly(cfg.sentencepiece.sampling_nbest)  # type: ignore[attr-defined]
                   for tok in (src_tok, trg_tok)):
            log.warning("data.sentencepiece: sentencepiece draws these samples itself (every segmentation, or "
                        "BPE-dropout), and with sentencepiece 0.2 they differ from process to process: this run "
                        "and a --resume of it will not repeat exactly; a unigram model with sampling_nbest 2..512 "
                        "samples reproducibly")
    valid = index_pairs(tokenize_all(valid_src, src_tok), tokenize_all(valid_ref, trg_tok), src_vocab, trg_vocab)
    return TrainingData(index_pairs(src_pieces, trg_pieces, src_vocab, trg_vocab), valid, valid_src, valid_ref,
                        src_tok, trg_tok, src_vocab, trg_vocab, train_text)


def _prepared_training_data(cfg: DataConfig, files: TextFiles, seed: int, workers: int, reuse: bool,
                            corpus: Path) -> TrainingData:
    """The training pairs from the prepared corpus in `corpus` (made first when missing), the validation
    pairs read and indexed in memory."""
    valid_src, valid_ref = read_pairs(cfg, "valid")
    if not valid_src:
        raise Seq2SeqError(f"the validation corpus {cfg.valid} is empty")
    if (corpus / "manifest.json").is_file():
        reason = stale(corpus, cfg, files)
        if reason:
            raise Seq2SeqError(f"{corpus} was prepared from other data: {reason}; rebuild it with "
                               "`seq2seq prepare RECIPE --overwrite` (or train with --overwrite)")
        src_tok, trg_tok = load_tokenizers(cfg, files)
        src_vocab, trg_vocab = Vocabulary.load(files.src_vocab), Vocabulary.load(files.trg_vocab)
    else:
        if next(iter_pairs(cfg), None) is None:
            raise Seq2SeqError(f"the training corpus {cfg.train} is empty")
        src_tok, trg_tok, src_vocab, trg_vocab = prepare_corpus(cfg, files, corpus, seed, workers, reuse)
    train = open_corpus(corpus)
    log.info("training pairs: %d, prepared in %s; %d validation pairs", len(train), corpus, len(valid_src))
    log.info("vocabularies: %d source and %d target types", len(src_vocab), len(trg_vocab))
    valid = index_pairs(tokenize_all(valid_src, src_tok), tokenize_all(valid_ref, trg_tok), src_vocab, trg_vocab)
    return TrainingData(train, valid, valid_src, valid_ref, src_tok, trg_tok, src_vocab, trg_vocab, ([], []))


def sampled_training_set(data: TrainingData, cfg: DataConfig, seed: int, epoch: int) -> ParallelDataset:
    """The training pairs segmented afresh for one epoch (subword regularization), drawn from (seed,
    epoch) so a resumed run sees the same batches (see SentencePieceTokenizer.sample for when that holds).
    A pair whose sample falls outside data.min_length..max_length keeps its best segmentation: no pair
    is dropped or cut."""
    if len(data.train_text[0]) != len(data.train):
        raise ValueError("sampling needs the training text of every kept pair (TrainingData.train_text)")
    sp = cfg.sentencepiece
    tokenizers = _samplers(data)
    draws = [tokenizer.sample(text, sp.sampling_alpha, sp.sampling_nbest, sampling_seed(seed, epoch, side))
             for side, (tokenizer, text) in enumerate(zip(tokenizers, data.train_text))]
    growth = [sum(map(len, d)) / max(len(side.ids), 1) - 1 for d, side in zip(draws, (data.train.src, data.train.trg))]
    outside = [i for i, pair in enumerate(zip(*draws)) if not all(cfg.min_length <= len(x) <= cfg.max_length
                                                                  for x in pair)]
    for i in outside:  # the best segmentation, which passed the length filter
        for draw, tokenizer, text in zip(draws, tokenizers, data.train_text):
            draw[i] = tokenizer.encode(text[i])
    log.info("epoch %d: sampled segmentations, %+.1f%% source and %+.1f%% target tokens against the best; "
             "%d pairs outside %d..%d tokens kept their best", epoch + 1, 100 * growth[0], 100 * growth[1],
             len(outside), cfg.min_length, cfg.max_length)
    return index_pairs(*draws, data.src_vocab, data.trg_vocab)


def sampling_seed(seed: int, epoch: int, side: int) -> int:
    """Sentencepiece's seed for one side of one epoch: any training.seed maps into its uint32 range
    (2**32 - 1 itself would mean 'unseeded')."""
    return ((seed * 100_003 + epoch) * 2 + side) % (2**32 - 1)


def _samplers(data: TrainingData) -> tuple[SentencePieceTokenizer, SentencePieceTokenizer]:
    tokenizers = (data.src_tokenizer, data.trg_tokenizer)
    if not all(isinstance(t, SentencePieceTokenizer) for t in tokenizers):
        raise ValueError("subword sampling needs sentencepiece tokenizers")
    return tokenizers  # type: ignore[return-value]


def check_sampling_vocabulary(tokenizer: SentencePieceTokenizer, vocab: Vocabulary, side: str) -> None:
    """Sampled segmentations use pieces the best one never does: each must have an id, never <unk>."""
    missing = [piece for piece in tokenizer.pieces() if piece not in vocab.stoi]
    if missing:
        raise Seq2SeqError(f"recipe key 'data.sentencepiece.sampling_alpha' needs every sentencepiece piece in the "
                           f"{side} vocabulary, but {len(missing)} are missing (e.g. {missing[0]!r}): the vocabulary "
                           "was built without data.sentencepiece.all_pieces (a fine-tuning parent's, perhaps); "
                           "train it with all_pieces: true or drop sampling_alpha")

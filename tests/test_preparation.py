"""Recipe data section -> tokenizers, vocabularies and indexed data in the model dir (seq2seq/data/preparation.py)."""
from __future__ import annotations

import logging
import random
from dataclasses import replace
from pathlib import Path

import pytest
import torch

from conftest import in_folder
from seq2seq.config import DataConfig
from seq2seq.data.preparation import prepare_training_data, sampled_training_set
from seq2seq.data.vocabulary import Vocabulary
from seq2seq.errors import Seq2SeqError


def write_corpus(folder: Path, name: str, pairs: list[tuple[str, str]]) -> str:
    (folder / f"{name}.src").write_text("".join(s + "\n" for s, _ in pairs), encoding="utf-8")
    (folder / f"{name}.trg").write_text("".join(t + "\n" for _, t in pairs), encoding="utf-8")
    return str(folder / name)


def reverse_pairs(seed: int, n: int, max_len: int = 6) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pairs = []
    for _ in range(n):
        tokens = [rng.choice("abcdefgh") for _ in range(rng.randint(1, max_len))]
        pairs.append((" ".join(tokens), " ".join(reversed(tokens)).upper()))
    return pairs


@pytest.fixture
def corpus(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # one pair too long for max_length 10, in the middle
    train = reverse_pairs(1, 30) + [("a " * 20, "A " * 20)] + reverse_pairs(3, 30)
    valid = reverse_pairs(2, 8) + [("a zzz", "ZZZ A")]  # unseen symbols
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    cfg = DataConfig(train=write_corpus(data, "train", train), valid=write_corpus(data, "valid", valid),
                     src_lang="src", trg_lang="trg", level="word", max_length=10)
    return cfg, model_dir, train, valid


def decoded(side, vocab: Vocabulary) -> list[list[str]]:
    return [vocab.decode(side[i].tolist()) for i in range(len(side))]


def test_writes_vocabularies_into_model_dir(corpus):
    cfg, model_dir, train, _ = corpus
    data = prepare_training_data(*in_folder(cfg, model_dir), seed=1)
    assert Vocabulary.load(model_dir / "src_vocab.txt") == data.src_vocab
    assert Vocabulary.load(model_dir / "trg_vocab.txt") == data.trg_vocab
    assert set(data.src_vocab.itos[4:]) == {t for s, _ in train for t in s.split()}
    assert set(data.trg_vocab.itos[4:]) == {t for _, s in train for t in s.split()}


def test_indexed_training_data_decodes_to_the_kept_tokens(corpus):
    cfg, model_dir, train, _ = corpus
    data = prepare_training_data(*in_folder(cfg, model_dir), seed=1)
    kept = [(s, t) for s, t in train if len(s.split()) <= 10]
    assert len(data.train) == len(kept) == len(train) - 1
    assert decoded(data.train.src, data.src_vocab) == [s.split() for s, _ in kept]
    assert decoded(data.train.trg, data.trg_vocab) == [t.split() for _, t in kept]


def test_validation_keeps_raw_text_and_every_pair(corpus):
    cfg, model_dir, _, valid = corpus
    data = prepare_training_data(*in_folder(cfg, model_dir), seed=1)
    assert data.valid_src == [s for s, _ in valid]
    assert data.valid_ref == [t for _, t in valid]
    assert len(data.valid) == len(valid)
    assert data.valid.src[len(valid) - 1].tolist() == [data.src_vocab.stoi["a"], Vocabulary.unk_id]


def test_reuse_reloads_the_saved_vocabularies(corpus):
    cfg, model_dir, _, _ = corpus
    first = prepare_training_data(*in_folder(cfg, model_dir), seed=1)
    (model_dir / "trg_vocab.txt").write_text("".join(t + "\n" for t in first.trg_vocab.itos + ["EXTRA"]))
    again = prepare_training_data(*in_folder(cfg, model_dir), seed=1, reuse=True)
    assert again.trg_vocab.itos == first.trg_vocab.itos + ["EXTRA"]
    assert again.train.src.ids.tolist() == first.train.src.ids.tolist()


def test_no_pair_within_the_length_limits_is_an_error(corpus):
    cfg, model_dir, _, _ = corpus
    with pytest.raises(Seq2SeqError, match="data.max_length"):
        prepare_training_data(*in_folder(replace(cfg, min_length=30, max_length=40), model_dir), seed=1)


def test_empty_training_corpus_is_an_error(tmp_path):
    prefix = write_corpus(tmp_path, "train", [])
    valid = write_corpus(tmp_path, "valid", [("a", "A")])
    cfg = DataConfig(train=prefix, valid=valid, src_lang="src", trg_lang="trg", level="word")
    with pytest.raises(Seq2SeqError, match="empty"):
        prepare_training_data(*in_folder(cfg, tmp_path), seed=1)


def test_all_pieces_gives_both_sides_the_whole_joint_sentencepiece_vocabulary(corpus):
    cfg, model_dir, train, _ = corpus
    cfg = replace(cfg, level="sentencepiece",
                  sentencepiece=replace(cfg.sentencepiece, vocab_size=40, all_pieces=True))
    data = prepare_training_data(*in_folder(cfg, model_dir), seed=1)
    pieces = data.src_tokenizer.pieces()
    assert data.src_vocab == data.trg_vocab == Vocabulary.from_tokens(pieces)
    assert len(data.src_vocab) == len(pieces) + 4 and "<unk>" not in pieces
    # the lowercase source alone would never produce the uppercase target pieces: counted per side, they differ
    counted = prepare_training_data(*in_folder(replace(cfg, sentencepiece=replace(cfg.sentencepiece, all_pieces=False)),
                                              model_dir), seed=1)
    assert len(counted.src_vocab) < len(data.src_vocab) and len(counted.trg_vocab) < len(data.trg_vocab)
    assert Vocabulary.load(model_dir / "src_vocab.txt") == counted.src_vocab


def sampling_cfg(cfg: DataConfig, max_length: int = 10, nbest: int = -1) -> DataConfig:
    return replace(cfg, level="sentencepiece", max_length=max_length, sentencepiece=replace(
        cfg.sentencepiece, vocab_size=40, all_pieces=True, sampling_alpha=0.5, sampling_nbest=nbest))


def texts(data, side: str) -> list[str]:
    tokenizer, vocab = getattr(data, f"{side}_tokenizer"), getattr(data, f"{side}_vocab")
    return [tokenizer.decode(tokens) for tokens in decoded(getattr(data.train, side), vocab)]


def test_sampled_training_set_resegments_every_kept_pair_in_order(corpus):
    cfg, model_dir, train, _ = corpus
    cfg = sampling_cfg(cfg)
    data = prepare_training_data(*in_folder(cfg, model_dir), seed=1)
    kept = [(s, t) for s, t in train if len(s.split()) <= 10]
    epoch0 = sampled_training_set(data, cfg, seed=1, epoch=0)
    resampled = replace(data, train=epoch0)
    assert texts(resampled, "src") == [s for s, _ in kept] and texts(resampled, "trg") == [t for _, t in kept]
    assert Vocabulary.unk_id not in epoch0.src.ids.tolist() + epoch0.trg.ids.tolist()
    assert epoch0.trg.ids.tolist() != data.train.trg.ids.tolist()  # a new segmentation...
    assert torch.equal(epoch0.trg.ids, sampled_training_set(data, cfg, seed=1, epoch=0).trg.ids)  # ...per (seed, epoch)
    assert not torch.equal(epoch0.trg.ids, sampled_training_set(data, cfg, seed=1, epoch=1).trg.ids)
    assert not torch.equal(epoch0.trg.ids, sampled_training_set(data, cfg, seed=2, epoch=0).trg.ids)


def test_a_sample_over_max_length_keeps_the_best_segmentation(corpus):
    cfg, model_dir, _, _ = corpus
    data = prepare_training_data(*in_folder(sampling_cfg(cfg, max_length=12), model_dir), seed=1)
    longest = max(data.train.src.lengths + data.train.trg.lengths)
    tight = sampling_cfg(cfg, max_length=longest)
    sampled = sampled_training_set(data, tight, seed=1, epoch=0)
    assert len(sampled) == len(data.train)
    assert max(sampled.src.lengths + sampled.trg.lengths) <= longest
    fallback = [i for i in range(len(data.train)) if torch.equal(sampled.src[i], data.train.src[i])
                and torch.equal(sampled.trg[i], data.train.trg[i])]
    roomy = sampled_training_set(data, sampling_cfg(cfg, max_length=100), seed=1, epoch=0)
    over = [i for i in range(len(roomy)) if max(len(roomy.src[i]), len(roomy.trg[i])) > longest]
    assert over and set(over) <= set(fallback)


@pytest.mark.parametrize("seed, nbest", [(123_456, -1), (-7, -1), (2**40, -1), (2**40, 8)])
def test_any_training_seed_gives_repeatable_samples(corpus, seed, nbest):
    cfg, model_dir, _, _ = corpus
    cfg = sampling_cfg(cfg, nbest=nbest)
    data = prepare_training_data(*in_folder(cfg, model_dir), seed=1)
    a, b = (sampled_training_set(data, cfg, seed=seed, epoch=3) for _ in range(2))
    assert torch.equal(a.src.ids, b.src.ids) and torch.equal(a.trg.ids, b.trg.ids)  # sentencepiece took the seed


@pytest.mark.parametrize("nbest, model_type, warned", [(-1, "unigram", True), (8, "bpe", True),
                                                       (8, "unigram", False)])
def test_sampling_that_sentencepiece_draws_warns_it_will_not_repeat(corpus, caplog, nbest, model_type, warned):
    """Sentencepiece 0.2 salts its draws per process: the user learns a resume will not be exact."""
    cfg, model_dir, _, _ = corpus
    cfg = sampling_cfg(cfg, nbest=nbest)
    cfg = replace(cfg, sentencepiece=replace(cfg.sentencepiece, model_type=model_type))
    with caplog.at_level(logging.WARNING):
        prepare_training_data(*in_folder(cfg, model_dir), seed=1)
    assert any("will not repeat exactly" in r.getMessage() for r in caplog.records) == warned


def test_separate_models_sample_each_side_from_its_own(corpus):
    cfg, model_dir, train, _ = corpus
    cfg = replace(sampling_cfg(cfg), sentencepiece=replace(sampling_cfg(cfg).sentencepiece, joint=False,
                                                          vocab_size=20))
    data = prepare_training_data(*in_folder(cfg, model_dir), seed=1)
    assert data.src_tokenizer is not data.trg_tokenizer
    resampled = replace(data, train=sampled_training_set(data, cfg, seed=1, epoch=0))
    kept = [(s, t) for s, t in train if len(s.split()) <= 10]
    assert texts(resampled, "trg") == [t for _, t in kept] and resampled.train.trg.ids.tolist() != \
        data.train.trg.ids.tolist()


def test_a_vocabulary_without_every_piece_cannot_sample(corpus):
    cfg, model_dir, _, _ = corpus
    counted = replace(cfg, level="sentencepiece", sentencepiece=replace(cfg.sentencepiece, vocab_size=40))
    # counted vocabularies, as a fine-tuning parent might leave them
    prepare_training_data(*in_folder(counted, model_dir), seed=1)
    with pytest.raises(Seq2SeqError, match="missing"):
        prepare_training_data(*in_folder(sampling_cfg(cfg), model_dir), seed=1, reuse=True)

"""Text <-> tokens at word, character and sentencepiece level (seq2seq/data/tokenizers.py)."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import sentencepiece as spm

from conftest import in_folder
from seq2seq.config import DataConfig, SentencePieceConfig
from seq2seq.data.tokenizers import (SPACE, CharTokenizer, SentencePieceTokenizer, WordTokenizer, load_tokenizers,
                                     make_tokenizers)
from seq2seq.errors import Seq2SeqError

WORDS = ["the", "cat", "sat", "on", "mat", "dog", "ran", "a", "house", "big", "small", "red", "Anna's", "42,", "end."]


def sentences(seed: int, n: int, upper: bool = False) -> list[str]:
    rng = random.Random(seed)
    lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 9))) for _ in range(n)]
    return [line.upper() for line in lines] if upper else lines


SRC = sentences(1, 200)
TRG = sentences(2, 200, upper=True)


def data_cfg(**kwargs) -> DataConfig:
    sp = {"vocab_size": 40, **kwargs.pop("sp", {})}
    return DataConfig(train="train", valid="valid", src_lang="en", trg_lang="de",
                      sentencepiece=SentencePieceConfig(**sp), **kwargs)


# ---------------------------------------------------------------- word and char


def test_word_round_trip():
    tok = WordTokenizer()
    assert tok.encode("a small  cat\tsat ") == ["a", "small", "cat", "sat"]
    assert tok.decode(tok.encode("the cat sat .")) == "the cat sat ."


def test_word_lowercase():
    assert WordTokenizer(lowercase=True).encode("The CAT") == ["the", "cat"]
    assert WordTokenizer().encode("The CAT") == ["The", "CAT"]


def test_char_round_trip_keeps_spaces():
    tok = CharTokenizer()
    tokens = tok.encode("ab c")
    assert tokens == ["a", "b", SPACE, "c"]
    assert tok.decode(tokens) == "ab c"
    assert tok.decode(tok.encode("Zwei Männer, 1 Hund.")) == "Zwei Männer, 1 Hund."


def test_char_normalizes_runs_of_whitespace():
    assert CharTokenizer().decode(CharTokenizer().encode("  a \t b  ")) == "a b"


def test_char_lowercase():
    assert CharTokenizer(lowercase=True).encode("AbC") == ["a", "b", "c"]


@pytest.mark.parametrize("level, cls", [("word", WordTokenizer), ("char", CharTokenizer)])
def test_make_tokenizers_for_word_and_char_writes_no_files(tmp_path, level, cls):
    src, trg = make_tokenizers(*in_folder(data_cfg(level=level, lowercase=True), tmp_path), SRC, TRG, seed=1)
    assert isinstance(src, cls) and isinstance(trg, cls)
    assert src.lowercase and trg.lowercase
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- sentencepiece


@pytest.mark.parametrize("model_type", ["unigram", "bpe"])
def test_sentencepiece_round_trips_raw_text(tmp_path, model_type):
    cfg = data_cfg(sp={"model_type": model_type, "vocab_size": 40})
    src, trg = make_tokenizers(*in_folder(cfg, tmp_path), SRC, TRG, seed=1)
    unseen = "the cat's 42 dogs ran home."
    for tok, lines in ((src, SRC), (trg, TRG)):
        for line in lines + [unseen]:
            assert tok.decode(tok.encode(line)) == line
    assert any(len(src.encode(w)) > 1 for w in WORDS)  # a tiny vocabulary splits some words


def test_a_vocabulary_too_small_for_the_text_names_the_keys(tmp_path):
    # sentencepiece needs a piece for every character it must cover: 8 cannot hold this text's letters
    with pytest.raises(Seq2SeqError, match="cannot train a 8-piece unigram model.*data.sentencepiece.vocab_size"):
        make_tokenizers(*in_folder(data_cfg(sp={"vocab_size": 8}), tmp_path), SRC, TRG, seed=1)


def test_a_sentencepiece_failure_without_a_message_is_still_a_clear_error(tmp_path, monkeypatch):
    import sentencepiece as spm

    def fail(**kwargs):
        raise RuntimeError("")
    monkeypatch.setattr(spm.SentencePieceTrainer, "train", fail)
    with pytest.raises(Seq2SeqError, match=r"cannot train a 40-piece unigram model.*\(RuntimeError\)"):
        make_tokenizers(*in_folder(data_cfg(sp={"vocab_size": 40}), tmp_path), SRC, TRG, seed=1)


def test_joint_model_is_one_file_shared_by_both_sides(tmp_path):
    src, trg = make_tokenizers(*in_folder(data_cfg(sp={"joint": True}), tmp_path), SRC, TRG, seed=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spm.joint.model"]
    assert src.encode("THE cat") == trg.encode("THE cat")


def test_separate_models_are_two_files_trained_on_their_side(tmp_path):
    src, trg = make_tokenizers(*in_folder(data_cfg(sp={"joint": False, "vocab_size": 60}), tmp_path), SRC, TRG, seed=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spm.src.model", "spm.trg.model"]
    assert src.decode(src.encode(SRC[0])) == SRC[0]
    assert trg.decode(trg.encode(TRG[0])) == TRG[0]
    # the source model only saw lowercase text: it splits an uppercase word more than the target model does
    assert len(src.encode("HOUSE")) > len(trg.encode("HOUSE"))


def test_load_tokenizers_reloads_what_make_tokenizers_wrote(tmp_path):
    cfg = data_cfg(sp={"joint": False})
    made = make_tokenizers(*in_folder(cfg, tmp_path), SRC, TRG, seed=1)
    loaded = load_tokenizers(*in_folder(cfg, tmp_path))
    for a, b, line in zip(made, loaded, (SRC[3], TRG[3])):
        assert a.encode(line) == b.encode(line)


def test_sentencepiece_lowercase(tmp_path):
    src, _ = make_tokenizers(*in_folder(data_cfg(lowercase=True), tmp_path), SRC, TRG, seed=1)
    assert src.encode("THE Big CAT") == src.encode("the big cat")
    assert src.decode(src.encode("THE Big CAT")) == "the big cat"


def test_given_joint_model_is_copied(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    make_tokenizers(*in_folder(data_cfg(), first), SRC, TRG, seed=1)
    given = first / "spm.joint.model"
    src, _ = make_tokenizers(*in_folder(data_cfg(sp={"src_model": str(given)}), second), ["zzz"], ["zzz"], seed=1)
    assert (second / "spm.joint.model").read_bytes() == given.read_bytes()
    assert src.encode(SRC[5]) == SentencePieceTokenizer(given).encode(SRC[5])


def test_given_separate_models_are_copied(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    make_tokenizers(*in_folder(data_cfg(sp={"joint": False}), first), SRC, TRG, seed=1)
    cfg = data_cfg(sp={"joint": False, "src_model": str(first / "spm.src.model"),
                       "trg_model": str(first / "spm.trg.model")})
    make_tokenizers(*in_folder(cfg, second), ["zzz"], ["zzz"], seed=1)
    for name in ("spm.src.model", "spm.trg.model"):
        assert (second / name).read_bytes() == (first / name).read_bytes()


@pytest.mark.parametrize("joint, key", [(True, "src_model"), (False, "trg_model")])
def test_missing_given_model_names_recipe_key_and_path(tmp_path, joint, key):
    missing = tmp_path / "nowhere.model"
    cfg = data_cfg(sp={"joint": joint, key: str(missing)})
    with pytest.raises(Seq2SeqError) as info:
        make_tokenizers(*in_folder(cfg, tmp_path), SRC, TRG, seed=1)
    assert f"data.sentencepiece.{key}" in str(info.value)
    assert str(missing) in str(info.value)


def test_loading_a_file_that_is_not_a_model_names_it(tmp_path):
    path = tmp_path / "broken.model"
    path.write_text("not a model")
    with pytest.raises(Seq2SeqError, match="broken.model"):
        SentencePieceTokenizer(path)


def test_scored_pieces_tell_whether_two_models_segment_alike(tmp_path):
    """What ensembles compare: the same data, settings and seed give the same pieces; another size does not."""
    def model_dir(name: str, vocab_size: int):
        out = tmp_path / name
        out.mkdir()
        return make_tokenizers(*in_folder(data_cfg(sp={"vocab_size": vocab_size}), out), SRC, TRG, seed=3)[0]

    first, again, larger = model_dir("a", 40), model_dir("b", 40), model_dir("c", 50)
    assert first.scored_pieces() == again.scored_pieces()
    assert first.scored_pieces() != larger.scored_pieces()
    assert len(first.scored_pieces()) == first.processor.get_piece_size()


@pytest.mark.parametrize("model_type, nbest", [("unigram", -1), ("unigram", 8), ("bpe", -1)])
def test_sampled_segmentations_restore_the_text_vary_and_repeat_with_the_seed(tmp_path, model_type, nbest):
    """Subword regularization: another segmentation of the same text, the same one for the same seed."""
    cfg = data_cfg(sp={"model_type": model_type, "vocab_size": 60})
    tok, _ = make_tokenizers(*in_folder(cfg, tmp_path), SRC, TRG, seed=1)
    first = tok.sample(SRC, alpha=0.5, nbest=nbest, seed=7)
    assert [tok.decode(p) for p in first] == SRC
    assert first == tok.sample(SRC, alpha=0.5, nbest=nbest, seed=7)
    assert first != tok.sample(SRC, alpha=0.5, nbest=nbest, seed=8)
    best = [tok.encode(line) for line in SRC]
    assert first != best and sum(map(len, first)) > sum(map(len, best))  # the best is the shortest, mostly


def test_sampling_lowercases_like_encoding(tmp_path):
    tok, _ = make_tokenizers(*in_folder(data_cfg(lowercase=True), tmp_path), SRC, TRG, seed=1)
    assert [tok.decode(p) for p in tok.sample(TRG[:20], alpha=0.5, nbest=8, seed=1)] == [t.lower() for t in TRG[:20]]


SAMPLE_IN_A_NEW_PROCESS = """
import json, sys
from seq2seq.data.tokenizers import SentencePieceTokenizer
texts = json.loads(sys.stdin.read())
print(json.dumps(SentencePieceTokenizer(sys.argv[1]).sample(texts, alpha=0.5, nbest=8, seed=7)))
"""


def test_nbest_samples_repeat_in_another_process(tmp_path):
    """A resumed run re-draws its epoch in a new process: it must get the segmentation the first run had
    (sentencepiece 0.2's own seeded draws differ from process to process)."""
    tok, _ = make_tokenizers(*in_folder(data_cfg(sp={"vocab_size": 60}), tmp_path), SRC, TRG, seed=1)
    here = tok.sample(SRC, alpha=0.5, nbest=8, seed=7)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}  # this checkout's seq2seq
    elsewhere = [json.loads(subprocess.run([sys.executable, "-c", SAMPLE_IN_A_NEW_PROCESS, str(tok.model_file)],
                                           input=json.dumps(SRC), capture_output=True, text=True, env=env,
                                           check=True).stdout) for _ in range(2)]
    assert elsewhere == [here, here]


def total_variation(ours: list[list[str]], theirs: list[list[str]]) -> float:
    a, b = Counter(map(tuple, ours)), Counter(map(tuple, theirs))
    return sum(abs(a[k] - b[k]) for k in a.keys() | b.keys()) / (2 * len(ours))


@pytest.mark.parametrize("model_type, nbest, ours", [("unigram", 8, True), ("unigram", -1, False), ("bpe", 8, False)])
def test_which_samples_repeat_in_any_process(tmp_path, model_type, nbest, ours):
    """Only n-best lists of a unigram model are drawn by seq2seq itself; training warns about the rest."""
    cfg = data_cfg(sp={"model_type": model_type, "vocab_size": 60})
    tok, _ = make_tokenizers(*in_folder(cfg, tmp_path), SRC, TRG, seed=1)
    assert tok.samples_reproducibly(nbest) is ours


def test_nbest_sampling_scores_user_defined_pieces_as_sentencepiece_does(tmp_path):
    """A user's model may hold user-defined pieces, which the lattice scores by length, not by their 0."""
    (tmp_path / "corpus.txt").write_text("\n".join(SRC + TRG) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(input=str(tmp_path / "corpus.txt"), model_prefix=str(tmp_path / "user"),
                                   vocab_size=60, user_defined_symbols=["at", "ma"], minloglevel=2)
    tok = SentencePieceTokenizer(tmp_path / "user.model")
    text = ["the cat sat on a mat at the big red house"] * 4000
    ours, theirs = tok.sample(text, alpha=0.3, nbest=16, seed=3), tok._sentencepiece_sample(text, 0.3, 16, 3)
    assert len(set(map(tuple, ours))) > 3 and total_variation(ours, theirs) < 0.08


def test_nbest_sampling_draws_like_sentencepiece(tmp_path):
    """Our n-best draws follow sentencepiece's own distribution, P ~ exp(alpha * score). With 4,000 draws
    each, sampling noise alone gives a total variation of about 0.035 at alpha 0.1; a wrong alpha or
    wrong scores give far more."""
    tok, _ = make_tokenizers(*in_folder(data_cfg(sp={"vocab_size": 60}), tmp_path), SRC, TRG, seed=1)
    text = ["the small cat sat on a big red mat"] * 4000
    for alpha in (0.1, 0.3):
        ours = tok.sample(text, alpha=alpha, nbest=16, seed=3)
        distance = total_variation(ours, tok._sentencepiece_sample(text, alpha=alpha, nbest=16, seed=3))
        assert len(set(map(tuple, ours))) > 3 and distance < 0.08, (alpha, distance)


def test_nbest_sampling_keeps_unknown_characters(tmp_path):
    """A character the model never saw is sampled as the surface encode gives it, not a literal <unk>."""
    tok, _ = make_tokenizers(*in_folder(data_cfg(sp={"vocab_size": 60}), tmp_path), SRC, TRG, seed=1)
    text = ["the cat \u2603\u2603 sat on a mat"] * 50
    drawn = tok.sample(text, alpha=0.5, nbest=8, seed=2)
    assert all(tok.decode(p) == text[0] for p in drawn) and len(set(map(tuple, drawn))) > 1
    assert all("\u2603\u2603" in p for p in drawn)

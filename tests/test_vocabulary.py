"""Token <-> index maps (seq2seq/data/vocabulary.py)."""
from __future__ import annotations

import gzip

import pytest
import torch

from seq2seq.data.vocabulary import BOS, EOS, PAD, SPECIALS, UNK, Vocabulary
from seq2seq.errors import Seq2SeqError

SENTENCES = [["b", "a", "c"], ["a", "b"], ["a", "d"], ["e"]]  # a:3 b:2 c:1 d:1 e:1


def test_specials_come_first_with_fixed_ids():
    vocab = Vocabulary.build(SENTENCES)
    assert vocab.itos[:4] == [PAD, UNK, BOS, EOS]
    assert (vocab.pad_id, vocab.unk_id, vocab.bos_id, vocab.eos_id) == (0, 1, 2, 3)
    assert [vocab.stoi[s] for s in SPECIALS] == [0, 1, 2, 3]


def test_tokens_ordered_by_frequency_then_alphabetically():
    assert Vocabulary.build(SENTENCES).itos[4:] == ["a", "b", "c", "d", "e"]


def test_order_does_not_depend_on_corpus_order():
    assert Vocabulary.build(SENTENCES) == Vocabulary.build(list(reversed(SENTENCES)))


def test_special_strings_in_text_are_not_duplicated():
    vocab = Vocabulary.build([["<unk>", "x", "</s>", "<pad>"]])
    assert vocab.itos == list(SPECIALS) + ["x"]


def test_max_size_counts_the_specials():
    vocab = Vocabulary.build(SENTENCES, max_size=6)
    assert len(vocab) == 6
    assert vocab.itos[4:] == ["a", "b"]


def test_min_freq_drops_rare_tokens():
    assert Vocabulary.build(SENTENCES, min_freq=2).itos[4:] == ["a", "b"]


def test_unknown_token_maps_to_unk():
    vocab = Vocabulary.build(SENTENCES, min_freq=2)
    assert vocab.encode(["a", "zzz", "c"]) == [vocab.stoi["a"], vocab.unk_id, vocab.unk_id]


def test_special_spellings_in_text_are_unknown_words_not_specials():
    # a literal "</s>" in word-level text must not end the sentence, nor "<pad>" hide a word from attention
    vocab = Vocabulary.build(SENTENCES)
    ids = vocab.encode(["a", PAD, BOS, EOS, UNK, "b"])
    assert ids == [vocab.stoi["a"]] + [vocab.unk_id] * 4 + [vocab.stoi["b"]]


def test_a_duplicated_token_in_a_vocabulary_file_names_the_line(tmp_path):
    (tmp_path / "vocab.txt").write_text("<pad>\n<unk>\n<s>\n</s>\nx\ny\nx\n", encoding="utf-8")
    with pytest.raises(Seq2SeqError, match=r"vocab.txt, line 7: token 'x' appears twice"):
        Vocabulary.load(tmp_path / "vocab.txt")


def test_encode_decode_round_trip():
    vocab = Vocabulary.build(SENTENCES)
    assert vocab.decode(vocab.encode(["d", "a", "e"])) == ["d", "a", "e"]


def test_decode_stops_at_eos_and_drops_pad_and_bos():
    vocab = Vocabulary.build(SENTENCES)
    a, b = vocab.stoi["a"], vocab.stoi["b"]
    ids = [vocab.bos_id, a, vocab.pad_id, b, vocab.unk_id, vocab.eos_id, a, b]
    assert vocab.decode(ids) == ["a", "b", UNK]


def test_decode_accepts_a_tensor():
    vocab = Vocabulary.build(SENTENCES)
    ids = torch.tensor([vocab.bos_id, vocab.stoi["c"], vocab.eos_id, vocab.pad_id])
    assert vocab.decode(ids) == ["c"]


def test_save_load_round_trip(tmp_path):
    vocab = Vocabulary.build(SENTENCES + [["ünï", "日本"]])
    vocab.save(tmp_path / "vocab.txt")
    loaded = Vocabulary.load(tmp_path / "vocab.txt")
    assert loaded == vocab
    assert loaded.stoi == vocab.stoi


def test_saved_file_is_one_token_a_line(tmp_path):
    Vocabulary.build([["x", "y", "x"]]).save(tmp_path / "vocab.txt")
    assert (tmp_path / "vocab.txt").read_text(encoding="utf-8") == "<pad>\n<unk>\n<s>\n</s>\nx\ny\n"


def test_loading_a_text_file_that_is_not_a_vocabulary_names_it(tmp_path):
    path = tmp_path / "train.en"
    path.write_text("a sentence\nanother one\n", encoding="utf-8")
    with pytest.raises(Seq2SeqError, match="train.en.*not a seq2seq vocabulary"):
        Vocabulary.load(path)


def test_loading_a_missing_file_names_it(tmp_path):
    with pytest.raises(Seq2SeqError, match="vocab_missing.txt"):
        Vocabulary.load(tmp_path / "vocab_missing.txt")


def test_loading_a_binary_file_gives_seq2seq_error(tmp_path):
    path = tmp_path / "spm.model"
    path.write_bytes(gzip.compress(b"not a vocabulary"))
    with pytest.raises(Seq2SeqError, match="spm.model"):
        Vocabulary.load(path)


def test_loading_a_file_without_final_newline_keeps_last_token(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("<pad>\n<unk>\n<s>\n</s>\nfoo\nbar", encoding="utf-8")
    assert Vocabulary.load(path).itos[4:] == ["foo", "bar"]

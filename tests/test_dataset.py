"""Indexed corpora and the length filter (seq2seq/data/dataset.py)."""
from __future__ import annotations

import logging

import torch

from seq2seq.data.dataset import IndexedSide, index_pairs, length_filter, tokenize_all
from seq2seq.data.tokenizers import WordTokenizer
from seq2seq.data.vocabulary import Vocabulary


def test_indexed_side_returns_each_sequence():
    seqs = [[5, 6, 7], [], [8], [9, 10]]
    side = IndexedSide.from_lists(seqs)
    assert len(side) == 4
    assert [side[i].tolist() for i in range(4)] == seqs
    assert side.lengths == [3, 0, 1, 2]
    assert side.ids.dtype == torch.int32


def test_indexed_side_of_nothing_is_empty():
    side = IndexedSide.from_lists([])
    assert len(side) == 0 and side.lengths == []


def test_length_filter_keeps_pairs_with_both_sides_in_range():
    src = [["a"] * n for n in (1, 5, 6, 0, 3, 2)]
    trg = [["b"] * n for n in (1, 5, 2, 2, 7, 0)]
    assert length_filter(src, trg, min_length=1, max_length=5) == [0, 1]
    assert length_filter(src, trg, min_length=0, max_length=6) == [0, 1, 2, 3, 5]


def test_length_filter_logs_how_many_pairs_it_dropped(caplog):
    src = [["a"] * n for n in (1, 2, 9, 9)]
    trg = [["b"] * n for n in (1, 9, 2, 9)]
    with caplog.at_level(logging.INFO, logger="seq2seq"):
        assert length_filter(src, trg, 1, 3) == [0]
    assert "kept 1 pairs, dropped 3" in caplog.text


def test_index_pairs_decodes_back_to_tokens():
    src = tokenize_all(["a b c", "c a"], WordTokenizer())
    trg = tokenize_all(["x y", "y y z"], WordTokenizer())
    src_vocab, trg_vocab = Vocabulary.build(src), Vocabulary.build(trg)
    data = index_pairs(src, trg, src_vocab, trg_vocab)
    assert len(data) == 2
    assert [src_vocab.decode(data.src[i].tolist()) for i in range(2)] == src
    assert [trg_vocab.decode(data.trg[i].tolist()) for i in range(2)] == trg


def test_index_pairs_maps_unseen_tokens_to_unk():
    vocab = Vocabulary.build([["a"]])
    data = index_pairs([["a", "new"]], [["new"]], vocab, vocab)
    assert data.src[0].tolist() == [vocab.stoi["a"], vocab.unk_id]
    assert data.trg[0].tolist() == [vocab.unk_id]

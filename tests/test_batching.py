"""Token-bounded batches and padding (seq2seq/data/batching.py)."""
from __future__ import annotations

import random

import pytest
import torch

from seq2seq.data.batching import collate, token_batches
from seq2seq.data.dataset import IndexedSide
from seq2seq.data.vocabulary import Vocabulary

PAD, BOS, EOS = Vocabulary.pad_id, Vocabulary.bos_id, Vocabulary.eos_id
BUDGET = 60


def random_lengths(seed: int = 0, n: int = 300, high: int = 25) -> tuple[list[int], list[int]]:
    rng = random.Random(seed)
    return [rng.randint(1, high) for _ in range(n)], [rng.randint(1, high) for _ in range(n)]


SRC, TRG = random_lengths()
# a few sentences longer than the whole budget
SRC_LONG, TRG_LONG = SRC + [BUDGET + 5, 3, BUDGET * 2], TRG + [4, BUDGET + 1, 1]


def width(batch: list[int], src: list[int], trg: list[int]) -> int:
    return max(max(src[i], trg[i]) for i in batch)


@pytest.mark.parametrize("shuffle", [True, False])
def test_every_sentence_appears_once_per_epoch(shuffle):
    batches = token_batches(SRC_LONG, TRG_LONG, BUDGET, seed=3, epoch=2, shuffle=shuffle)
    assert sorted(i for b in batches for i in b) == list(range(len(SRC_LONG)))


@pytest.mark.parametrize("epoch", [0, 1, 7])
def test_batches_respect_the_token_budget(epoch):
    batches = token_batches(SRC_LONG, TRG_LONG, BUDGET, seed=1, epoch=epoch)
    for batch in batches:
        if len(batch) > 1:
            assert len(batch) * width(batch, SRC_LONG, TRG_LONG) <= BUDGET


def test_over_long_sentence_rides_alone():
    batches = token_batches(SRC_LONG, TRG_LONG, BUDGET, seed=1, epoch=0)
    for long in range(len(SRC), len(SRC_LONG)):
        assert [long] in batches


def test_without_targets_source_lengths_set_the_budget():
    src = [10] * 12
    batches = token_batches(src, None, 30, shuffle=False)
    assert [len(b) for b in batches] == [3, 3, 3, 3]


def test_batches_are_packed_greedily():
    # in length order, no batch could have taken the first sentence of the next one
    batches = token_batches(SRC, TRG, BUDGET, shuffle=False)
    for current, following in zip(batches, batches[1:]):
        assert (len(current) + 1) * width(current + following[:1], SRC, TRG) > BUDGET


def test_same_seed_and_epoch_give_the_same_batches():
    assert token_batches(SRC, TRG, BUDGET, seed=5, epoch=4) == token_batches(SRC, TRG, BUDGET, seed=5, epoch=4)


def test_different_epoch_or_seed_gives_a_different_order():
    base = token_batches(SRC, TRG, BUDGET, seed=5, epoch=4)
    assert token_batches(SRC, TRG, BUDGET, seed=5, epoch=5) != base
    assert token_batches(SRC, TRG, BUDGET, seed=6, epoch=4) != base


def test_no_shuffle_keeps_length_order_and_ignores_seed():
    batches = token_batches(SRC, TRG, BUDGET, seed=1, epoch=0, shuffle=False)
    flat = [i for b in batches for i in b]
    assert flat == sorted(range(len(SRC)), key=lambda i: (SRC[i], TRG[i], i))
    assert token_batches(SRC, TRG, BUDGET, seed=9, epoch=3, shuffle=False) == batches


def test_shuffled_batches_keep_padding_low():
    # sentences of similar length share a batch, so padded tensors are barely larger than the real tokens
    batches = token_batches(SRC, TRG, BUDGET, seed=2, epoch=0)
    padded = sum(len(b) * width(b, SRC, TRG) for b in batches)
    real = sum(max(s, t) for s, t in zip(SRC, TRG))
    assert padded <= 1.15 * real


# ---------------------------------------------------------------- collate


@pytest.fixture
def sides():
    src = IndexedSide.from_lists([[5, 6], [7], []])
    trg = IndexedSide.from_lists([[8], [9, 10, 11], []])
    return src, trg


def test_collate_pads_source_with_eos_at_the_end(sides):
    batch = collate(*sides, [0, 1, 2])
    assert batch.src.tolist() == [[5, 6, EOS], [7, EOS, PAD], [EOS, PAD, PAD]]
    assert batch.src_lengths.tolist() == [3, 2, 1]
    assert batch.src.dtype == torch.long and batch.src_lengths.dtype == torch.long


def test_collate_shifts_the_target(sides):
    batch = collate(*sides, [0, 1, 2])
    assert batch.trg_in.tolist() == [[BOS, 8, PAD, PAD], [BOS, 9, 10, 11], [BOS, PAD, PAD, PAD]]
    assert batch.trg_out.tolist() == [[8, EOS, PAD, PAD], [9, 10, 11, EOS], [EOS, PAD, PAD, PAD]]


def test_collate_counts_real_tokens_with_eos(sides):
    batch = collate(*sides, [0, 1, 2])
    assert batch.n_src_tokens == 3 + 2 + 1
    assert batch.n_trg_tokens == 2 + 4 + 1
    assert batch.n_trg_tokens == int((batch.trg_out != PAD).sum())


def test_empty_source_sentence_gets_length_one(sides):
    batch = collate(sides[0], None, [2])
    assert batch.src.tolist() == [[EOS]]
    assert batch.src_lengths.tolist() == [1]


def test_collate_follows_the_given_indices(sides):
    batch = collate(*sides, [1, 0])
    assert batch.indices == [1, 0]
    assert batch.src.tolist() == [[7, EOS, PAD], [5, 6, EOS]]
    assert batch.trg_out.tolist() == [[9, 10, 11, EOS], [8, EOS, PAD, PAD]]


def test_collate_without_targets(sides):
    batch = collate(sides[0], None, [0, 1])
    assert batch.trg_in is None and batch.trg_out is None
    assert batch.n_trg_tokens == 0
    assert batch.n_src_tokens == 5


def test_token_dropout_replaces_only_real_input_tokens_with_unk():
    src = IndexedSide.from_lists([list(range(4, 40))] * 50)
    trg = IndexedSide.from_lists([list(range(40, 70))] * 50)
    batch = collate(src, trg, list(range(50)))
    torch.manual_seed(0)
    dropped = batch.with_token_dropout(0.3, 0.1)
    for before, after, rate in ((batch.src, dropped.src, 0.3), (batch.trg_in, dropped.trg_in, 0.1)):
        changed = before != after
        assert (after[changed] == Vocabulary.unk_id).all()
        assert (before[changed] >= 4).all(), "padding, <s> and </s> must survive"
        real = int((before >= 4).sum())
        assert abs(int(changed.sum()) / real - rate) < 0.03
    assert torch.equal(dropped.trg_out, batch.trg_out), "labels never change"
    assert torch.equal(dropped.src_lengths, batch.src_lengths)


def test_token_dropout_at_zero_is_the_same_batch_and_draws_no_random_numbers(sides):
    batch = collate(*sides, [0, 1, 2])
    state = torch.get_rng_state()
    same = batch.with_token_dropout(0.0, 0.0)
    assert torch.equal(torch.get_rng_state(), state)
    assert torch.equal(same.src, batch.src) and torch.equal(same.trg_in, batch.trg_in)


def test_batches_from_lengths_plus_eos_fit_the_padded_tensors():
    # callers pass length + 1 (for </s> / <s>); the padded tensors then stay inside the budget
    rng = random.Random(4)
    src = IndexedSide.from_lists([[4] * rng.randint(0, 12) for _ in range(80)])
    trg = IndexedSide.from_lists([[5] * rng.randint(0, 12) for _ in range(80)])
    lengths = [max(s, t) + 1 for s, t in zip(src.lengths, trg.lengths)]
    for ids in token_batches(lengths, None, 40, seed=1, epoch=0):
        batch = collate(src, trg, ids)
        assert batch.src.numel() <= 40 and batch.trg_out.numel() <= 40

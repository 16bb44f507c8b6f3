"""Greedy and beam search: exact against brute force, beam 1 is greedy, scores are forced log-probabilities,
results do not depend on the batch, lengths are bounded."""
from __future__ import annotations

import itertools
import math

import pytest
import torch

from seq2seq.config import AttentionConfig, DecoderConfig, DecodingOptions, EncoderConfig, ModelConfig
from seq2seq.data import IndexedSide, Vocabulary, collate
from seq2seq.model import Seq2Seq
from seq2seq.search import Hypothesis, beam_search, greedy_search, length_penalty, max_output_lengths
from seq2seq.translate import Translator

BOS, EOS = Vocabulary.bos_id, Vocabulary.eos_id
SRC_V, TRG_V = 30, 25

RANDOM_MODELS = {
    "gru-additive": ModelConfig(EncoderConfig(embedding_size=16, hidden_size=32, dropout=0.0),
                                DecoderConfig(embedding_size=16, hidden_size=32, dropout=0.0),
                                AttentionConfig(size=32)),
    "lstm-general-unidirectional": ModelConfig(
        EncoderConfig(cell="lstm", bidirectional=False, embedding_size=16, hidden_size=32, dropout=0.0),
        DecoderConfig(cell="lstm", embedding_size=16, hidden_size=32, dropout=0.0, input_feeding=False),
        AttentionConfig(type="general")),
    "rnn-dot-2layers": ModelConfig(
        EncoderConfig(cell="rnn_tanh", num_layers=2, embedding_size=16, hidden_size=16, dropout=0.0),
        DecoderConfig(cell="rnn_tanh", num_layers=2, embedding_size=16, hidden_size=32, dropout=0.0),
        AttentionConfig(type="dot")),
}


def random_model(name: str) -> Seq2Seq:
    torch.manual_seed(0)
    return Seq2Seq(RANDOM_MODELS[name], SRC_V, TRG_V).eval()


def source_batch(sentences: list[list[int]]):
    """Index lists (no </s>) -> padded (src, src_lengths); collate appends </s>."""
    return collate(IndexedSide.from_lists(sentences), None, list(range(len(sentences))))


def random_sentences(lengths, seed: int = 1) -> list[list[int]]:
    g = torch.Generator().manual_seed(seed)
    return [torch.randint(4, SRC_V, (n,), generator=g).tolist() for n in lengths]


@pytest.fixture(scope="module")
def trained(trained_model):
    """(model, encode) of the shared trained toy model; encode turns text into source index lists."""
    tr = Translator.load(trained_model.dir, device="cpu")
    return tr.model, lambda lines: [tr.src_vocab.encode(tr.src_tokenizer.encode(s)) for s in lines]


TOY = ["a b c", "t s r q p o n m l k j i", "e", "b b b b a", "c a t", "q r s t a b c d e f g"]


def cases(trained):
    """(name, model, sentences, eos) to run every property on: the trained toy model with its real </s>,
    and random models whose </s> is out of reach (id TRG_V) so every row runs to its length limit."""
    model, encode = trained
    yield "trained", model, encode(TOY), EOS
    for name in RANDOM_MODELS:
        yield name, random_model(name), random_sentences([3, 12, 1, 7, 5, 9]), TRG_V


def forced_log_probs(model: Seq2Seq, src: list[int], targets: list[int]) -> torch.Tensor:
    """Log-probability of each of `targets` when the model is teacher-forced on them, one sentence alone."""
    batch = source_batch([src])
    trg_in = torch.tensor([[BOS] + targets[:-1]])
    with torch.no_grad():
        logits = model(batch.src, batch.src_lengths, trg_in)
    return torch.log_softmax(logits.float(), -1)[0]  # (len(targets), vocab)


def ended(hyp) -> bool:
    """Attention has one row per produced token, </s> included: one more row than tokens means it ended."""
    return hyp.attention.shape[0] == len(hyp.tokens) + 1


# ---------------------------------------------------------------------- scores


def test_score_is_the_sum_of_forced_log_probs(trained):
    for name, model, sentences, eos in cases(trained):
        batch = source_batch(sentences)
        for src, hyp in zip(sentences, greedy_search(model, batch.src, batch.src_lengths, BOS, eos,
                                                     DecodingOptions(max_len_a=1.0, max_len_b=3))):
            targets = hyp.tokens + ([EOS] if ended(hyp) else [])
            assert targets, name
            lp = forced_log_probs(model, src, targets)
            forced = lp.gather(1, torch.tensor(targets).unsqueeze(1)).sum().item()
            assert hyp.score == pytest.approx(forced, abs=1e-4), name
            assert hyp.normalized == pytest.approx(hyp.score), name  # greedy ranks by raw log-probability
            # greedy: every produced token is the best one given the ones before it
            assert lp.argmax(-1).tolist()[:len(hyp.tokens)] == hyp.tokens, name


def test_trained_model_ends_its_hypotheses(trained):
    model, encode = trained
    batch = source_batch(encode(TOY))
    hyps = greedy_search(model, batch.src, batch.src_lengths, BOS, EOS, DecodingOptions(max_len_a=1.0, max_len_b=5))
    assert all(ended(h) for h in hyps)
    assert all(EOS not in h.tokens for h in hyps)
    assert all(h.score < 0 for h in hyps)


# ---------------------------------------------------------------------- batch independence


def test_batch_results_equal_each_sentence_alone(trained):
    """Padding and rows that finish early and leave the batch change nothing for the other sentences."""
    for name, model, sentences, eos in cases(trained):
        batch = source_batch(sentences)
        together = greedy_search(model, batch.src, batch.src_lengths, BOS, eos,
                                 DecodingOptions(max_len_a=1.0, max_len_b=2))
        lengths = {len(h.tokens) + ended(h) for h in together}
        assert len(lengths) > 1, f"{name}: rows should finish at different steps for this test to bite"
        for src, hyp in zip(sentences, together):
            one = source_batch([src])
            alone, = greedy_search(model, one.src, one.src_lengths, BOS, eos,
                                   DecodingOptions(max_len_a=1.0, max_len_b=2))
            assert hyp.tokens == alone.tokens, name
            assert hyp.score == pytest.approx(alone.score, abs=1e-5), name
            assert hyp.attention.shape == alone.attention.shape == (len(alone.tokens) + ended(alone), len(src) + 1)
            assert torch.allclose(hyp.attention, alone.attention, atol=1e-5), name


def test_batch_order_does_not_matter(trained):
    model, encode = trained
    sentences = encode(TOY)
    batch = source_batch(sentences)
    forward = greedy_search(model, batch.src, batch.src_lengths, BOS, EOS, DecodingOptions(max_len_a=1.0, max_len_b=5))
    back = source_batch(sentences[::-1])
    backward = greedy_search(model, back.src, back.src_lengths, BOS, EOS,
                             DecodingOptions(max_len_a=1.0, max_len_b=5))[::-1]
    assert [h.tokens for h in forward] == [h.tokens for h in backward]
    assert [h.score for h in forward] == pytest.approx([h.score for h in backward], abs=1e-5)


# ---------------------------------------------------------------------- length limits


def test_max_output_lengths_is_a_times_source_length_plus_b():
    lengths = torch.tensor([1, 2, 4, 11])  # source tokens + </s>
    assert max_output_lengths(lengths, 1.5, 10).tolist() == [10, 11, 14, 25]
    assert max_output_lengths(lengths, 0.5, 0).tolist() == [1, 1, 1, 5]  # never below 1
    assert max_output_lengths(lengths, 0.0, 0).tolist() == [1, 1, 1, 1]


@pytest.mark.parametrize("a, b", [(1.0, 0), (0.5, 2), (1.5, 1), (0.0, 3)])
def test_length_limit_is_respected(trained, a, b):
    for name, model, sentences, eos in cases(trained):
        batch = source_batch(sentences)
        hyps = greedy_search(model, batch.src, batch.src_lengths, BOS, eos, DecodingOptions(max_len_a=a, max_len_b=b))
        for src, hyp in zip(sentences, hyps):
            limit = max(1, math.floor(a * len(src) + b))
            produced = len(hyp.tokens) + ended(hyp)
            assert produced <= limit, name
            if eos == TRG_V:  # </s> is out of reach: every row runs to exactly its limit
                assert len(hyp.tokens) == limit and not ended(hyp), name
            assert hyp.attention.shape == (produced, len(src) + 1)  # one row per step, a column per source token
            assert torch.allclose(hyp.attention.sum(1), torch.ones(produced), atol=1e-5)


# ---------------------------------------------------------------------- beam search

CONFIGS = {
    "gru": ModelConfig(EncoderConfig(embedding_size=8, hidden_size=8, dropout=0.0),
                       DecoderConfig(embedding_size=8, hidden_size=12, dropout=0.0), AttentionConfig(size=8)),
    "lstm-uni": ModelConfig(EncoderConfig(cell="lstm", bidirectional=False, embedding_size=8, hidden_size=8, dropout=0.0),
                            DecoderConfig(cell="lstm", embedding_size=8, hidden_size=8, dropout=0.0),
                            AttentionConfig(type="general")),
}


def tiny_model(name: str, trg_vocab: int, seed: int = 0, scale: float = 3.0) -> Seq2Seq:
    """A random model with sharpened outputs, so that hypotheses differ clearly in score."""
    torch.manual_seed(seed)
    model = Seq2Seq(CONFIGS[name], 12, trg_vocab).eval()
    with torch.no_grad():
        model.decoder.output.weight.mul_(scale)
    return model


def batch_of(sentences: list[list[int]]):
    return collate(IndexedSide.from_lists(sentences), None, list(range(len(sentences))))


def forced_score(model: Seq2Seq, src: list[int], tokens: list[int], ended: bool) -> float:
    """Sum of log-probs the model gives `tokens` (and </s> if ended) under teacher forcing, via step()."""
    batch = batch_of([src])
    memory, state = model.encode(batch.src, batch.src_lengths)
    total, prev = 0.0, BOS
    for token in tokens + ([EOS] if ended else []):
        state, log_probs, _ = model.step(memory, state, torch.tensor([prev]))
        total += float(log_probs[0, token].detach())
        prev = token
    return total


def brute_force(model: Seq2Seq, src: list[int], vocab: int, limit: int, alpha: float) -> tuple[list[int], float]:
    """Best (tokens, normalized score) over every output of at most `limit` steps."""
    best = (None, -math.inf)
    others = [t for t in range(vocab) if t != EOS]
    for n in range(limit + 1):
        for tokens in itertools.product(others, repeat=n):
            ended = n < limit
            steps = n + 1 if ended else n
            if steps == 0:
                continue
            score = forced_score(model, src, list(tokens), ended) / length_penalty(steps, alpha)
            if score > best[1]:
                best = (list(tokens), score)
    return best


@pytest.mark.parametrize("alpha", [0.0, 1.0])
@pytest.mark.parametrize("name", list(CONFIGS))
def test_wide_beam_equals_exhaustive_search(name, alpha):
    vocab, limit = 6, 3  # outputs: 5 non-</s> tokens, up to 3 steps -> at most 150 candidates a step
    model = tiny_model(name, vocab)
    for src in ([4, 5, 6], [7], [8, 9, 10, 11, 4]):
        batch = batch_of([src])
        [hyps] = beam_search(model, batch.src, batch.src_lengths, BOS, EOS,
                             DecodingOptions(beam_size=160, alpha=alpha, max_len_a=0.0, max_len_b=limit))
        tokens, score = brute_force(model, src, vocab, limit, alpha)
        assert hyps[0].tokens == tokens
        assert hyps[0].normalized == pytest.approx(score, abs=1e-4)


@pytest.mark.parametrize("alpha", [0.0, 1.0])
@pytest.mark.parametrize("name", list(CONFIGS))
def test_beam_one_equals_greedy_token_for_token(name, alpha):
    model = tiny_model(name, 20, scale=1.0)
    sentences = [[4, 5, 6, 7], [8], [9, 10, 11, 4, 5, 6, 7, 8], [6, 6]]
    batch = batch_of(sentences)
    beams = beam_search(model, batch.src, batch.src_lengths, BOS, EOS,
                        DecodingOptions(beam_size=1, alpha=alpha, max_len_a=2.0, max_len_b=5))
    for src, [hyp] in zip(sentences, beams):
        # reference greedy: argmax at every step through the model's step function, one sentence at a time
        one = batch_of([src])
        memory, state = model.encode(one.src, one.src_lengths)
        prev, out = BOS, []
        for _ in range(int(2.0 * len(src) + 5)):
            state, log_probs, _ = model.step(memory, state, torch.tensor([prev]))
            prev = int(log_probs.argmax())
            if prev == EOS:
                break
            out.append(prev)
        assert hyp.tokens == out
    greedy = greedy_search(model, batch.src, batch.src_lengths, BOS, EOS, DecodingOptions(max_len_a=2.0, max_len_b=5))
    assert [g.tokens for g in greedy] == [b[0].tokens for b in beams]


def test_best_score_never_worse_as_the_beam_grows(trained, toy_data):
    """With alpha = 0 the best hypothesis' log-probability never falls as the beam grows from 1 to 5.

    Beam search is not monotonic in general (a wider beam can prune the path a narrower one kept); on a
    trained model, whose distributions are peaked, it must be for every held-out sentence.
    """
    model, encode = trained
    sentences = encode((toy_data / "test.src").read_text(encoding="utf-8").splitlines())
    batch = batch_of(sentences)
    previous = None
    for k in range(1, 6):
        results = beam_search(model, batch.src, batch.src_lengths, BOS, EOS,
                              DecodingOptions(beam_size=k, alpha=0.0, max_len_a=1.0, max_len_b=3))
        best = [r[0].score for r in results]
        if previous is not None:
            worse = [i for i, (b, p) in enumerate(zip(best, previous)) if b < p - 1e-5]
            assert not worse, f"beam {k} is worse than beam {k - 1} on sentences {worse}"
        previous = best


@pytest.mark.parametrize("name", list(CONFIGS))
def test_translation_is_the_same_alone_and_in_a_padded_batch(name):
    model = tiny_model(name, 20, scale=1.5)
    sentences = [[4, 5, 6, 7, 8, 9, 10], [11], [5, 6, 7], [8, 8, 8, 8, 8, 8, 8, 8, 8, 8]]
    batch = batch_of(sentences)
    together = beam_search(model, batch.src, batch.src_lengths, BOS, EOS,
                           DecodingOptions(beam_size=4, alpha=1.0, n_best=3))
    for src, hyps in zip(sentences, together):
        one = batch_of([src])
        [alone] = beam_search(model, one.src, one.src_lengths, BOS, EOS,
                              DecodingOptions(beam_size=4, alpha=1.0, n_best=3))
        assert [h.tokens for h in hyps] == [h.tokens for h in alone]
        assert [h.score for h in hyps] == pytest.approx([h.score for h in alone], abs=1e-5)


@pytest.mark.parametrize("name", list(CONFIGS))
def test_scores_are_the_forced_log_probabilities(name):
    model = tiny_model(name, 20, scale=1.5)
    sentences = [[4, 5, 6, 7], [8, 9], [10, 11, 4, 5, 6, 7]]
    batch = batch_of(sentences)
    results = beam_search(model, batch.src, batch.src_lengths, BOS, EOS,
                          DecodingOptions(beam_size=5, alpha=0.6, n_best=5, max_len_a=1.0, max_len_b=3))
    for src, hyps in zip(sentences, results):
        limit = len(src) + 3
        for h in hyps:
            ended = len(h.tokens) < limit
            assert h.score == pytest.approx(forced_score(model, src, h.tokens, ended), abs=1e-4)
            steps = len(h.tokens) + (1 if ended else 0)
            assert h.normalized == pytest.approx(h.score / length_penalty(steps, 0.6), abs=1e-5)
            assert h.attention.shape == (steps, len(src) + 1)
            assert torch.allclose(h.attention.sum(1), torch.ones(steps), atol=1e-5)


def test_n_best_is_sorted_and_distinct():
    model = tiny_model("gru", 20, scale=1.0)
    batch = batch_of([[4, 5, 6, 7, 8]])
    [hyps] = beam_search(model, batch.src, batch.src_lengths, BOS, EOS, DecodingOptions(beam_size=6, n_best=4))
    assert len(hyps) == 4
    normalized = [h.normalized for h in hyps]
    assert normalized == sorted(normalized, reverse=True)
    assert len({tuple(h.tokens) for h in hyps}) == 4


def test_length_limits_are_respected():
    model = tiny_model("gru", 20, scale=1.0)
    sentences = [[4, 5, 6, 7, 8], [9]]
    batch = batch_of(sentences)
    results = beam_search(model, batch.src, batch.src_lengths, BOS, EOS,
                          DecodingOptions(beam_size=3, n_best=3, max_len_a=0.5, max_len_b=2, min_len=2))
    for src, hyps in zip(sentences, results):
        limit = int(0.5 * len(src) + 2)
        for h in hyps:
            assert 2 <= len(h.tokens) <= limit


class _EndsEveryStepModel:
    """Every step: token 4 at log-prob -0.1, </s> at -0.5, the rest far below; uniform attention.

    Each step's best beam thus also ends as a top-k candidate, and each later ending ranks lower than
    the first under alpha 1, so only the first few are worth keeping.
    """

    class Rows:
        """Memory (a row per sentence) and state (a row per beam): only their rows matter to the search."""

        def __init__(self, rows: int, src_len: int):
            self.rows, self.src_len = rows, src_len

        def index_select(self, rows):
            return type(self)(rows.shape[0], self.src_len)

    def encode(self, src, src_lengths):
        return self.Rows(*src.shape), self.Rows(*src.shape)

    def step(self, memory, state, prev):
        log_probs = torch.full((prev.shape[0], 10), -20.0)
        log_probs[:, 4], log_probs[:, EOS] = -0.1, -0.5
        return state, log_probs, torch.full((prev.shape[0], memory.src_len), 1.0 / memory.src_len)  # a row per beam


def test_a_long_search_builds_only_the_finished_hypotheses_it_can_return(monkeypatch):
    # Each finished hypothesis holds its (steps, src_len) attention; keeping every one of a long
    # search's endings once took tens of GB for a 2,000-token input.
    built = []
    monkeypatch.setattr("seq2seq.search.Hypothesis", lambda *args: built.append(args) or Hypothesis(*args))
    src_len = 300
    src, lengths = torch.full((1, src_len), 4), torch.tensor([src_len])
    [hyps] = beam_search(_EndsEveryStepModel(), src, lengths, BOS, EOS,
                         DecodingOptions(beam_size=5, n_best=2, alpha=1.0, max_len_a=1.5, max_len_b=10))
    assert [h.tokens for h in hyps] == [[], [4]]  # the two earliest endings rank best
    assert len(built) <= 4  # not one per step (hundreds)


def test_memory_stays_one_row_per_sentence_while_its_beams_attend_to_it(trained):
    """Memory is indexed per sentence, never copied per beam: every step sees k state rows per memory row."""
    model, encode = trained
    seen = []

    class Watching:
        def encode(self, src, src_lengths):
            return model.encode(src, src_lengths)

        def step(self, memory, state, prev):
            seen.append((memory.states.shape[0], prev.shape[0]))
            return model.step(memory, state, prev)

    batch = source_batch(encode(TOY))
    beam_search(Watching(), batch.src, batch.src_lengths, BOS, EOS, DecodingOptions(beam_size=3))
    assert all(rows == 3 * sentences for sentences, rows in seen)
    assert seen[0][0] == len(TOY) and seen[-1][0] < len(TOY)  # finished sentences leave the batch


def test_a_search_step_reads_nothing_back_to_the_host_but_one_number(monkeypatch):
    """The search's state lives on the model's device: the host reads one number a step (how many
    sentences are done), and the hypotheses once at the end, whatever the output length."""
    scalar_reads, bulk_reads = [], []
    for name, reads in (("__int__", scalar_reads), ("__bool__", scalar_reads), ("__float__", scalar_reads),
                        ("item", scalar_reads), ("tolist", bulk_reads), ("nonzero", bulk_reads),
                        ("cpu", bulk_reads), ("numpy", bulk_reads)):
        original = getattr(torch.Tensor, name)

        def counted(self, *args, _original=original, _reads=reads, _name=name, **kwargs):
            _reads.append(_name)
            return _original(self, *args, **kwargs)
        monkeypatch.setattr(torch.Tensor, name, counted)
    model = random_model("gru-additive")  # its </s> (id TRG_V) is out of reach: every row runs to its limit
    batch = source_batch(random_sentences([60, 35]))
    steps = []
    monkeypatch.setattr(model, "step", lambda m, s, p, _step=model.step: steps.append(1) or _step(m, s, p))
    found = beam_search(model, batch.src, batch.src_lengths, BOS, TRG_V,
                        DecodingOptions(beam_size=4, n_best=2, max_len_a=2.0, max_len_b=0))
    assert [len(h[0].tokens) for h in found] == [120, 70]
    assert len(steps) == 120
    assert len(scalar_reads) <= len(steps) + 10, sorted(set(scalar_reads))
    assert len(bulk_reads) <= 12, bulk_reads

"""Ensembles: probabilities are averaged per step, beams stay aligned across members, and the
translation API refuses members that do not share vocabularies and tokenization."""
from __future__ import annotations

import shutil

import pytest
import torch

from seq2seq.config import AttentionConfig, DecoderConfig, DecodingOptions, EncoderConfig, ModelConfig
from seq2seq.data import IndexedSide, Vocabulary, collate
from seq2seq.errors import Seq2SeqError
from seq2seq.model import Seq2Seq
from seq2seq.model.cells import Int8StepCell
from seq2seq.model.ensemble import Ensemble
from seq2seq.search import beam_search, greedy_search
from seq2seq.training import train
from seq2seq.translate import Translator

BOS, EOS = Vocabulary.bos_id, Vocabulary.eos_id
SRC_V, TRG_V = 20, 15
CONFIGS = {
    "gru": ModelConfig(EncoderConfig(embedding_size=8, hidden_size=12, dropout=0.0),
                       DecoderConfig(embedding_size=8, hidden_size=16, dropout=0.0), AttentionConfig(size=8)),
    "lstm-unidirectional": ModelConfig(
        EncoderConfig(cell="lstm", bidirectional=False, embedding_size=8, hidden_size=12, dropout=0.0),
        DecoderConfig(cell="lstm", embedding_size=8, hidden_size=16, dropout=0.0), AttentionConfig(size=8)),
}
SENTENCES = [[4, 5, 6], [7, 8, 9, 10, 11, 12, 13, 14], [5], [9, 9, 4, 6, 17, 18]]


def model(name: str, seed: int) -> Seq2Seq:
    """A random model with sharpened outputs, so members disagree clearly."""
    torch.manual_seed(seed)
    m = Seq2Seq(CONFIGS[name], SRC_V, TRG_V).eval()
    with torch.no_grad():
        m.decoder.output.weight.mul_(3.0)
    return m


def batch_of(sentences: list[list[int]]):
    return collate(IndexedSide.from_lists(sentences), None, list(range(len(sentences))))


def mean_forced_log_probs(members: list[Seq2Seq], src: list[int], tokens: list[int]) -> torch.Tensor:
    """log mean_m p_m(token | prefix) for each step, each member teacher-forced on its own."""
    batch = batch_of([src])
    per_member = []
    for member in members:
        memory, state = member.encode(batch.src, batch.src_lengths)
        rows, prev = [], BOS
        for token in tokens:
            state, log_probs, _ = member.step(memory, state, torch.tensor([prev]))
            rows.append(log_probs[0])
            prev = token
        per_member.append(torch.stack(rows).exp())  # (steps, vocab)
    return torch.stack(per_member).mean(0).log()


def test_step_returns_the_log_of_the_mean_probability():
    a, b = model("gru", 0), model("lstm-unidirectional", 1)
    batch = batch_of(SENTENCES)
    memory, state = Ensemble([a, b]).encode(batch.src, batch.src_lengths)
    prev = torch.full((len(SENTENCES),), BOS)
    _, log_probs, weights = Ensemble([a, b]).step(memory, state, prev)
    expected = []
    for member in (a, b):
        m, s = member.encode(batch.src, batch.src_lengths)
        expected.append(member.step(m, s, prev)[1].exp())
    assert torch.allclose(log_probs.exp(), (expected[0] + expected[1]) / 2, atol=1e-6)
    assert torch.allclose(log_probs.exp().sum(-1), torch.ones(len(SENTENCES)), atol=1e-5)
    assert torch.allclose(weights.sum(-1), torch.ones(len(SENTENCES)), atol=1e-5)  # still a distribution


@pytest.mark.parametrize("beam_size", [1, 3])
def test_a_model_ensembled_with_itself_decodes_exactly_like_it(beam_size):
    m = model("gru", 0)
    batch = batch_of(SENTENCES)
    alone = beam_search(m, batch.src, batch.src_lengths, BOS, EOS, DecodingOptions(beam_size=beam_size, max_len_b=4))
    twice = beam_search(Ensemble([m, m]), batch.src, batch.src_lengths, BOS, EOS,
                        DecodingOptions(beam_size=beam_size, max_len_b=4))
    assert [h[0].tokens for h in twice] == [h[0].tokens for h in alone]
    assert [h[0].score for h in twice] == pytest.approx([h[0].score for h in alone], abs=1e-5)


def test_greedy_ensemble_follows_the_mean_distribution_in_every_row():
    """Rows leave the batch at different steps (different length limits): every member's state must be
    reordered with them, or later tokens stop matching the mean of the members' forced distributions."""
    members = [model("gru", 0), model("lstm-unidirectional", 1)]
    batch = batch_of(SENTENCES)
    unreachable = TRG_V  # no </s>: each row runs to its own length limit
    hyps = greedy_search(Ensemble(members), batch.src, batch.src_lengths, BOS, unreachable,
                         DecodingOptions(max_len_a=1.0, max_len_b=2))
    assert len({len(h.tokens) for h in hyps}) > 1
    alone = [greedy_search(members[0], batch.src, batch.src_lengths, BOS, unreachable,
                           DecodingOptions(max_len_a=1.0, max_len_b=2))]
    assert [h.tokens for h in hyps] != [h.tokens for h in alone[0]]  # the second member changes the output
    for src, hyp in zip(SENTENCES, hyps):
        mean = mean_forced_log_probs(members, src, hyp.tokens)  # (steps, vocab)
        assert mean.argmax(-1).tolist() == hyp.tokens
        assert hyp.score == pytest.approx(mean.gather(1, torch.tensor(hyp.tokens).unsqueeze(1)).sum().item(),
                                          abs=1e-4)


def test_ensemble_beam_search_gives_each_sentence_what_it_gets_alone():
    ensemble = Ensemble([model("gru", 0), model("lstm-unidirectional", 1)])
    batch = batch_of(SENTENCES)
    together = beam_search(ensemble, batch.src, batch.src_lengths, BOS, EOS,
                           DecodingOptions(beam_size=3, n_best=2, max_len_b=5))
    for src, hyps in zip(SENTENCES, together):
        one = batch_of([src])
        alone, = beam_search(ensemble, one.src, one.src_lengths, BOS, EOS,
                             DecodingOptions(beam_size=3, n_best=2, max_len_b=5))
        assert [h.tokens for h in hyps] == [h.tokens for h in alone]
        assert [h.score for h in hyps] == pytest.approx([h.score for h in alone], abs=1e-5)


def test_every_beam_hypothesis_scores_the_mean_distributions_forced_log_probs():
    """Within a beam, rows are reordered each step: a member out of step would score another prefix."""
    members = [model("gru", 0), model("lstm-unidirectional", 1)]
    batch = batch_of(SENTENCES)
    found = beam_search(Ensemble(members), batch.src, batch.src_lengths, BOS, EOS,
                        DecodingOptions(beam_size=3, n_best=3, alpha=0.0, max_len_b=5))
    for src, hyps in zip(SENTENCES, found):
        assert len(hyps) == 3
        for hyp in hyps:
            ended = hyp.attention.shape[0] == len(hyp.tokens) + 1
            targets = hyp.tokens + ([EOS] if ended else [])
            mean = mean_forced_log_probs(members, src, targets)
            forced = mean.gather(1, torch.tensor(targets).unsqueeze(1)).sum().item()
            assert hyp.score == pytest.approx(forced, abs=1e-4)


def test_ensemble_needs_two_models():
    with pytest.raises(ValueError, match="at least two"):
        Ensemble([model("gru", 0)])


# ---------------------------------------------------------------------- the translation API


@pytest.fixture(scope="module")
def second_model(toy_recipe, tmp_path_factory):
    """Another toy model on the same data: another seed, fewer steps, so it translates differently."""
    recipe = toy_recipe(tmp_path_factory.mktemp("second") / "model", "training.seed=5", "training.max_steps=60",
                        "training.learning_rate=0.02", "training.valid_every=60")
    return train(recipe)


LINES = ["a b c", "", "t s r q p o n m l k j i", "e", "b b b b a", "q r s t a b c d e f g"]


def test_translator_ensembles_model_directories(trained_model, second_model):
    first = Translator.load(trained_model.dir, device="cpu")
    both = Translator.load(trained_model.dir, device="cpu", ensemble_with=[second_model])
    assert isinstance(both.model, Ensemble)
    out = both.translate(LINES)
    assert len(out) == len(LINES) and out[1] == ""
    itself = Translator.load(trained_model.dir, device="cpu", ensemble_with=[trained_model.dir])
    assert itself.translate(LINES) == first.translate(LINES)


def test_int8_ensemble_quantizes_every_member(trained_model, second_model):
    both = Translator.load(trained_model.dir, device="cpu", int8=True, ensemble_with=[second_model])
    assert all(isinstance(cell, Int8StepCell) for member in both.model.members for cell in member.decoder.cells)
    assert len(both.translate(LINES)) == len(LINES)


def test_members_with_other_vocabularies_are_refused(trained_model, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(trained_model.dir, other)
    vocab = (other / "trg_vocab.txt").read_text().splitlines()
    vocab[5], vocab[6] = vocab[6], vocab[5]  # same tokens, other ids
    (other / "trg_vocab.txt").write_text("\n".join(vocab) + "\n")
    with pytest.raises(Seq2SeqError, match="target vocabularies differ"):
        Translator.load(trained_model.dir, device="cpu", ensemble_with=[other])


def test_members_with_other_tokenization_are_refused(trained_model, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(trained_model.dir, other)
    recipe = (other / "recipe.yaml").read_text()
    assert "lowercase: false" in recipe
    (other / "recipe.yaml").write_text(recipe.replace("lowercase: false", "lowercase: true"))
    with pytest.raises(Seq2SeqError, match=f"cannot ensemble .* with {other}: their tokenizations differ"):
        Translator.load(trained_model.dir, device="cpu", ensemble_with=[other])


def test_missing_member_is_a_clear_error(trained_model, tmp_path):
    with pytest.raises(Seq2SeqError, match="not a model directory"):
        Translator.load(trained_model.dir, device="cpu", ensemble_with=[tmp_path / "nothing"])


def test_a_checkpoint_file_cannot_serve_every_member(trained_model):
    path = str(trained_model.dir / "checkpoints" / "best.pt")
    with pytest.raises(Seq2SeqError, match="needs a name that every model directory has"):
        Translator.load(trained_model.dir, path, device="cpu", ensemble_with=[trained_model.dir])
    with pytest.raises(TypeError, match="list of model directories"):
        Translator.load(trained_model.dir, device="cpu", ensemble_with=str(trained_model.dir))

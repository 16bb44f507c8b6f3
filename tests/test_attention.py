"""Properties of seq2seq/model/attention.py: masked weights, context = weighted sum, keys projected once,
no per-batch state on the module."""
from __future__ import annotations

import pytest
import torch

from seq2seq.config import AttentionConfig, AttentionType, DecoderConfig, EncoderConfig, ModelConfig
from seq2seq.model import Seq2Seq
from seq2seq.model.attention import AdditiveAttention, DotAttention, GeneralAttention, make_attention

TYPES = list(AttentionType)
MEMORY = 6
QUERY = {AttentionType.DOT: MEMORY}  # dot needs query size == memory size


@pytest.fixture(autouse=True)
def _seed():
    torch.manual_seed(7)


def _attention(kind: AttentionType):
    return make_attention(AttentionConfig(type=kind, size=5), QUERY.get(kind, 4), MEMORY)


def _batch(lengths=(5, 2, 3, 1)):
    lengths = torch.tensor(lengths)
    batch, src_len = len(lengths), int(lengths.max())
    states = torch.randn(batch, src_len, MEMORY)
    pad_mask = torch.arange(src_len).unsqueeze(0) >= lengths.unsqueeze(1)  # True on padding
    states = states.masked_fill(pad_mask.unsqueeze(2), 0.0)
    return states, pad_mask


def _query(kind, batch):
    return torch.randn(batch, QUERY.get(kind, 4))


def test_make_attention_types():
    assert isinstance(_attention(AttentionType.ADDITIVE), AdditiveAttention)
    assert isinstance(_attention(AttentionType.GENERAL), GeneralAttention)
    assert type(_attention(AttentionType.DOT)) is DotAttention
    assert len(list(_attention(AttentionType.DOT).parameters())) == 0
    assert isinstance(make_attention(AttentionConfig(type="general", size=5), 4, MEMORY), GeneralAttention)


@pytest.mark.parametrize("kind", TYPES, ids=[t.value for t in TYPES])
def test_weights_normalised_over_real_tokens_and_zero_on_padding(kind):
    att = _attention(kind)
    states, pad_mask = _batch()
    keys = att.project_keys(states)
    query = _query(kind, 4) * 3
    with torch.no_grad():
        context, weights = att(query, keys, states, pad_mask)
    assert weights.shape == pad_mask.shape
    assert context.shape == (4, MEMORY)
    assert torch.all(weights[pad_mask] == 0), "padding must get exactly zero weight"
    assert torch.all(weights[~pad_mask] > 0)
    torch.testing.assert_close(weights.sum(-1), torch.ones(4))
    # a sentence of one token puts all its weight there
    assert weights[3, 0] == pytest.approx(1.0)


@pytest.mark.parametrize("kind", TYPES, ids=[t.value for t in TYPES])
def test_context_is_weighted_sum_of_states(kind):
    att = _attention(kind)
    states, pad_mask = _batch()
    with torch.no_grad():
        context, weights = att(_query(kind, 4), att.project_keys(states), states, pad_mask)
    expected = (weights.unsqueeze(2) * states).sum(1)
    torch.testing.assert_close(context, expected)


@pytest.mark.parametrize("kind", TYPES, ids=[t.value for t in TYPES])
def test_garbage_on_padding_changes_nothing(kind):
    att = _attention(kind)
    states, pad_mask = _batch()
    junk = states.masked_fill(pad_mask.unsqueeze(2), 1e4)
    query = _query(kind, 4)
    with torch.no_grad():
        c1, w1 = att(query, att.project_keys(states), states, pad_mask)
        c2, w2 = att(query, att.project_keys(junk), junk, pad_mask)
    torch.testing.assert_close(w1, w2)
    torch.testing.assert_close(c1, c2)


@pytest.mark.parametrize("kind", TYPES, ids=[t.value for t in TYPES])
def test_scores_follow_the_formula(kind):
    att = _attention(kind)
    states, pad_mask = _batch()
    query = _query(kind, 4)
    keys = att.project_keys(states)
    with torch.no_grad():
        _, weights = att(query, keys, states, pad_mask)
        if kind is AttentionType.ADDITIVE:
            scores = torch.tanh(states @ att.key_layer.weight.T + att.query_layer(query).unsqueeze(1)) @ att.v.weight.T
            scores = scores.squeeze(2)
        elif kind is AttentionType.GENERAL:
            scores = torch.einsum("bq,qm,bsm->bs", query, att.key_layer.weight, states)
        else:
            scores = torch.einsum("bm,bsm->bs", query, states)
        expected = torch.softmax(scores.masked_fill(pad_mask, float("-inf")), -1)
    torch.testing.assert_close(weights, expected)


@pytest.mark.parametrize("kind", TYPES, ids=[t.value for t in TYPES])
def test_project_keys_shape(kind):
    att = _attention(kind)
    states, _ = _batch()
    keys = att.project_keys(states)
    size = {AttentionType.ADDITIVE: 5, AttentionType.GENERAL: 4, AttentionType.DOT: MEMORY}[kind]
    assert keys.shape == (4, states.shape[1], size)


def test_additive_uses_the_given_keys_not_the_states():
    """forward scores against the keys it is handed (projected once by the caller), never re-projecting."""
    att = _attention(AttentionType.ADDITIVE)
    states, pad_mask = _batch()
    query = _query(AttentionType.ADDITIVE, 4)
    calls = []
    handle = att.key_layer.register_forward_hook(lambda *a: calls.append(1))
    keys = att.project_keys(states)
    assert len(calls) == 1
    with torch.no_grad():
        for _ in range(5):
            att(query, keys, states, pad_mask)
    assert len(calls) == 1, "forward must not project keys again"
    handle.remove()
    with torch.no_grad():
        _, w_keys = att(query, keys, states, pad_mask)
        _, w_other = att(query, torch.randn_like(keys), states, pad_mask)
    assert not torch.allclose(w_keys, w_other)


@pytest.mark.parametrize("kind", [AttentionType.ADDITIVE, AttentionType.GENERAL], ids=["additive", "general"])
def test_model_projects_keys_once_per_batch(kind):
    """A whole teacher-forced pass and a step loop over many target positions project the keys exactly once."""
    enc_hidden = 4
    cfg = ModelConfig(encoder=EncoderConfig(cell="gru", bidirectional=True, embedding_size=6, hidden_size=enc_hidden,
                                            dropout=0.0),
                      decoder=DecoderConfig(cell="gru", embedding_size=6, hidden_size=8, dropout=0.0),
                      attention=AttentionConfig(type=kind, size=5))
    model = Seq2Seq(cfg, 11, 12).eval()
    calls = []
    model.decoder.attention.key_layer.register_forward_hook(lambda *a: calls.append(1))
    src = torch.tensor([[4, 5, 6, 3], [7, 3, 0, 0]])
    lengths = torch.tensor([4, 2])
    trg_in = torch.tensor([[2, 4, 5, 6, 7, 8], [2, 9, 10, 0, 0, 0]])
    with torch.no_grad():
        model(src, lengths, trg_in)
        assert len(calls) == 1
        memory, state = model.encode(src, lengths)
        assert len(calls) == 2
        for t in range(trg_in.shape[1]):
            state, _, _ = model.step(memory, state, trg_in[:, t])
    assert len(calls) == 2


def _snapshot(module):
    return {k: (v if not isinstance(v, torch.Tensor) else "tensor") for k, v in vars(module).items()
            if k not in ("_parameters", "_buffers", "_modules", "training")}


@pytest.mark.parametrize("kind", TYPES, ids=[t.value for t in TYPES])
def test_no_per_batch_state_interleaved_batches(kind):
    att = _attention(kind)
    before_attrs = _snapshot(att)
    before_params = {k: v.clone() for k, v in att.state_dict().items()}
    states_a, mask_a = _batch((5, 2, 3, 1))
    states_b, mask_b = _batch((2, 4))
    qa, qb = _query(kind, 4), _query(kind, 2)
    with torch.no_grad():
        alone_a = att(qa, att.project_keys(states_a), states_a, mask_a)
        alone_b = att(qb, att.project_keys(states_b), states_b, mask_b)
        keys_a = att.project_keys(states_a)
        keys_b = att.project_keys(states_b)  # projecting b must not disturb a's later steps
        mixed_a1 = att(qa, keys_a, states_a, mask_a)
        mixed_b1 = att(qb, keys_b, states_b, mask_b)
        mixed_a2 = att(qa, keys_a, states_a, mask_a)
        mixed_b2 = att(qb, keys_b, states_b, mask_b)
    for got, want in ((mixed_a1, alone_a), (mixed_a2, alone_a), (mixed_b1, alone_b), (mixed_b2, alone_b)):
        torch.testing.assert_close(got[0], want[0])
        torch.testing.assert_close(got[1], want[1])
    assert _snapshot(att) == before_attrs, "the module must not store anything per batch"
    assert list(att.buffers()) == []
    assert set(att.state_dict()) == set(before_params)
    for k, v in att.state_dict().items():
        assert torch.equal(v, before_params[k])


@pytest.mark.parametrize("kind", TYPES, ids=[t.value for t in TYPES])
def test_per_row_independence(kind):
    """Each row's result depends only on that row (beams of different sentences share one call)."""
    att = _attention(kind)
    states, pad_mask = _batch()
    query = _query(kind, 4)
    keys = att.project_keys(states)
    with torch.no_grad():
        context, weights = att(query, keys, states, pad_mask)
        for i in range(4):
            c_i, w_i = att(query[i:i + 1], keys[i:i + 1], states[i:i + 1], pad_mask[i:i + 1])
            torch.testing.assert_close(c_i[0], context[i])
            torch.testing.assert_close(w_i[0], weights[i])


@pytest.mark.parametrize("kind", TYPES, ids=[t.value for t in TYPES])
def test_gradients_reach_attention_parameters(kind):
    att = _attention(kind)
    states, pad_mask = _batch()
    states.requires_grad_(True)
    query = _query(kind, 4).requires_grad_(True)
    context, _ = att(query, att.project_keys(states), states, pad_mask)
    context.pow(2).sum().backward()
    assert query.grad.abs().sum() > 0
    assert torch.all(states.grad[pad_mask] == 0)
    for name, p in att.named_parameters():
        assert p.grad is not None and p.grad.abs().sum() > 0, name

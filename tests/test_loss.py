"""The fused, chunked output layer + cross-entropy equals PyTorch's on full logits (seq2seq/model/loss.py)."""
from __future__ import annotations

import pytest
import torch
from torch import nn

from seq2seq.model import loss as fused


def inputs(rows: int, vocab: int = 37, size: int = 16, seed: int = 0):
    generator = torch.Generator().manual_seed(seed)
    features = torch.randn(rows, size, generator=generator, dtype=torch.float64).requires_grad_()
    weight = torch.randn(vocab, size, generator=generator, dtype=torch.float64).requires_grad_()
    targets = torch.randint(1, vocab, (rows,), generator=generator)
    targets[::5] = 0  # padding
    return features, weight, targets


def reference(features, weight, targets, smoothing):
    return nn.functional.cross_entropy(features @ weight.t(), targets, ignore_index=0,
                                       label_smoothing=smoothing, reduction="sum")


@pytest.mark.parametrize("smoothing", [0.0, 0.1, 0.3])
def test_loss_and_gradients_equal_cross_entropy_across_chunks(monkeypatch, smoothing):
    monkeypatch.setattr(fused, "CHUNK", 7)  # 50 rows: several chunks and a ragged last one
    features, weight, targets = inputs(50)
    expected = reference(features, weight, targets, smoothing)
    grad_f, grad_w = torch.autograd.grad(expected * 2.5, (features, weight))
    got = fused.linear_cross_entropy(features, weight, targets, 0, smoothing)
    got_f, got_w = torch.autograd.grad(got * 2.5, (features, weight))  # the upstream gradient is applied
    torch.testing.assert_close(got, expected)
    torch.testing.assert_close(got_f, grad_f)
    torch.testing.assert_close(got_w, grad_w)


def test_without_gradients_it_computes_the_same_loss(monkeypatch):
    monkeypatch.setattr(fused, "CHUNK", 4)
    features, weight, targets = inputs(11, seed=3)
    with torch.no_grad():
        got = fused.linear_cross_entropy(features, weight, targets, 0, 0.1)
    torch.testing.assert_close(got, reference(features, weight, targets, 0.1).detach())


def test_padding_rows_contribute_nothing():
    features, weight, targets = inputs(10, seed=4)
    all_pad = torch.zeros_like(targets)
    loss = fused.linear_cross_entropy(features, weight, all_pad, 0, 0.1)
    grad_f, grad_w = torch.autograd.grad(loss, (features, weight))
    assert loss.item() == 0 and grad_f.abs().max() == 0 and grad_w.abs().max() == 0


def test_under_bf16_autocast_products_run_in_bf16_and_sums_stay_fp32():
    features, weight, targets = inputs(40, vocab=50, size=32, seed=5)
    features, weight = features.float().detach().requires_grad_(), weight.float().detach().requires_grad_()
    expected = reference(features, weight, targets, 0.1)
    with torch.autocast("cpu", torch.bfloat16):
        got = fused.linear_cross_entropy(features, weight, targets, 0, 0.1)
    assert got.dtype == torch.float32
    assert torch.isclose(got, expected, rtol=2e-2) and not torch.equal(got, expected)  # bf16 products differ
    got.backward()
    assert features.grad.dtype == weight.grad.dtype == torch.float32
    grad_f, grad_w = torch.autograd.grad(expected, (features, weight))
    assert torch.allclose(features.grad, grad_f, rtol=5e-2, atol=5e-2)
    assert torch.allclose(weight.grad, grad_w, rtol=5e-2, atol=5e-2)

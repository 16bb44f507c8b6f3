"""Output layer and label-smoothed cross-entropy fused, chunk by chunk, so the (tokens, vocab) logits never exist whole.

With an 8k vocabulary a 4k-token batch has 130 MB of logits; written, soft-maxed and read back three
times it costs more than the matrix products around it. Done in cache-sized chunks, with the gradient
computed during the forward pass (the loss is the end of the graph), the same three products run and
the logits stay in cache: faster, and far less peak memory.
"""
from __future__ import annotations

from typing import Optional

import torch
from torch import Tensor

CHUNK = 512  # rows of logits per chunk: 512 x 8k floats = 16 MB (measured fastest of 256..2048)


def _chunk_loss(logits: Tensor, targets: Tensor, ignore_index: int, smoothing: float) -> tuple[Tensor, Tensor]:
    """Summed loss of one chunk (tokens, vocab) of logits, and its log-probabilities."""
    logp = torch.log_softmax(logits, -1)
    keep = targets != ignore_index
    safe = targets.masked_fill(~keep, 0)
    nll = -logp.gather(1, safe.unsqueeze(1)).squeeze(1)
    loss = (1 - smoothing) * nll
    if smoothing > 0:
        loss = loss - smoothing * logp.mean(-1)
    return loss.masked_fill(~keep, 0).sum(), logp


class _LinearCrossEntropy(torch.autograd.Function):
    @staticmethod
    def forward(ctx, features: Tensor, weight: Tensor, targets: Tensor, ignore_index: int, smoothing: float,
                compute: torch.dtype) -> Tensor:
        with torch.autocast(features.device.type, enabled=False):
            total, grad_features, grad_weight = _chunked(features, weight, targets, ignore_index, smoothing,
                                                         compute, with_grad=True)
        ctx.save_for_backward(grad_features, grad_weight)
        return total

    @staticmethod
    def backward(ctx, grad_output: Tensor):
        grad_features, grad_weight = ctx.saved_tensors
        return grad_features * grad_output, grad_weight * grad_output, None, None, None, None


def _chunked(features: Tensor, weight: Tensor, targets: Tensor, ignore_index: int, smoothing: float,
             compute: torch.dtype, with_grad: bool) -> tuple[Tensor, Optional[Tensor], Optional[Tensor]]:
    """Loss, and with_grad its gradients, chunk by chunk: products in `compute`, softmax and sums in fp32."""
    exact = torch.promote_types(features.dtype, torch.float32)
    vocab, f_all, w = weight.shape[0], features.to(compute), weight.to(compute)
    total = torch.zeros((), dtype=exact, device=features.device)
    grad_features = torch.empty(features.shape, dtype=exact, device=features.device) if with_grad else None
    grad_weight = torch.zeros(weight.shape, dtype=exact, device=weight.device) if with_grad else None
    for start in range(0, features.shape[0], CHUNK):
        f, y = f_all[start:start + CHUNK], targets[start:start + CHUNK]
        loss, logp = _chunk_loss((f @ w.t()).to(exact), y, ignore_index, smoothing)
        total += loss
        if not with_grad:
            continue
        # d loss / d logits = softmax - ((1 - smoothing) * one_hot + smoothing / vocab), 0 on ignored rows
        grad = logp.exp_()
        keep = y != ignore_index
        grad.scatter_add_(1, y.masked_fill(~keep, 0).unsqueeze(1), grad.new_full((len(y), 1), smoothing - 1))
        if smoothing > 0:
            grad.sub_(smoothing / vocab)
        grad = grad.mul_(keep.unsqueeze(1)).to(compute)
        grad_features[start:start + CHUNK] = grad @ w
        if compute == exact:
            grad_weight.addmm_(grad.t(), f)
        else:
            grad_weight += grad.t() @ f  # each chunk's product is bf16; their sum is kept in fp32
    return total, grad_features, grad_weight


def linear_cross_entropy(features: Tensor, weight: Tensor, targets: Tensor, ignore_index: int,
                         smoothing: float = 0.0) -> Tensor:
    """sum over tokens of cross_entropy(features @ weight.T, targets, label_smoothing=smoothing).

    features (tokens, d), weight (vocab, d), targets (tokens,); rows whose target is ignore_index count 0.
    Equal to nn.functional.cross_entropy(..., reduction="sum") on the full logits, within float rounding.
    Under autocast the products run in its dtype (bf16), the softmax and all sums in fp32.
    """
    device = features.device.type
    exact = torch.promote_types(features.dtype, torch.float32)
    compute = torch.get_autocast_dtype(device) if torch.is_autocast_enabled(device) else exact
    if torch.is_grad_enabled() and (features.requires_grad or weight.requires_grad):
        return _LinearCrossEntropy.apply(features, weight, targets, ignore_index, smoothing, compute)
    return _chunked(features, weight, targets, ignore_index, smoothing, compute, with_grad=False)[0]

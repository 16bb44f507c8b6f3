"""The CUDA path, on a machine with a GPU (`pytest -m cuda`; bench/gpu_check.sh runs these): skipped
without one. cuDNN's recurrent kernels compute what the CPU computes, bf16 autocast trains, and search on
the GPU translates as on the CPU."""
from __future__ import annotations

import pytest
import torch

from seq2seq.config import AttentionConfig, DecoderConfig, DecodingOptions, EncoderConfig, ModelConfig
from seq2seq.data import IndexedSide, collate
from seq2seq.model import Seq2Seq
from seq2seq.search import beam_search

pytestmark = [pytest.mark.cuda,
              pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device on this machine")]
CELLS = ["gru", "lstm", "rnn_tanh"]


def _model(cell: str) -> Seq2Seq:
    torch.manual_seed(0)
    cfg = ModelConfig(EncoderConfig(cell=cell, embedding_size=16, hidden_size=24, dropout=0.0),
                      DecoderConfig(cell=cell, embedding_size=16, hidden_size=32, dropout=0.0, conditional=True),
                      AttentionConfig(size=24))
    return Seq2Seq(cfg, 30, 25).eval()


def _batch():
    g = torch.Generator().manual_seed(1)
    sentences = [torch.randint(4, 30, (n,), generator=g).tolist() for n in (7, 3, 12, 1, 9)]
    trg = [torch.randint(4, 25, (n,), generator=g).tolist() for n in (5, 8, 2, 6, 4)]
    return collate(IndexedSide.from_lists(sentences), IndexedSide.from_lists(trg), list(range(5)))


@pytest.mark.parametrize("cell", CELLS)
def test_cudnn_encoder_and_teacher_forced_loss_equal_the_cpus(cell):
    model, batch = _model(cell), _batch()
    with torch.no_grad():
        cpu = model.loss(batch.src, batch.src_lengths, batch.trg_in, batch.trg_out)
        gpu_batch = batch.to(torch.device("cuda"))
        gpu = model.cuda().loss(gpu_batch.src, gpu_batch.src_lengths, gpu_batch.trg_in, gpu_batch.trg_out)
    assert float(gpu) == pytest.approx(float(cpu), rel=1e-4)


@pytest.mark.parametrize("cell", CELLS)
def test_beam_search_on_the_gpu_translates_as_on_the_cpu(cell):
    model, batch = _model(cell), _batch()
    options = DecodingOptions(beam_size=4, n_best=2, max_len_b=6)
    cpu = beam_search(model, batch.src, batch.src_lengths, 2, 3, options)
    gpu_batch = batch.to(torch.device("cuda"))
    gpu = beam_search(model.cuda(), gpu_batch.src, gpu_batch.src_lengths, 2, 3, options)
    assert [[h.tokens for h in hyps] for hyps in gpu] == [[h.tokens for h in hyps] for hyps in cpu]
    assert all(h.attention.device.type == "cpu" for hyps in gpu for h in hyps)


def test_bf16_autocast_trains_on_the_gpu_with_fp32_weights():
    model, batch = _model("gru").cuda().train(), _batch().to(torch.device("cuda"))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    losses = []
    for _ in range(20):
        with torch.autocast("cuda", torch.bfloat16):
            loss = model.loss(batch.src, batch.src_lengths, batch.trg_in, batch.trg_out) / batch.n_trg_tokens
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(float(loss))
    assert all(p.dtype == torch.float32 for p in model.parameters())
    assert all(torch.isfinite(torch.tensor(losses))) and losses[-1] < losses[0]

"""int8 inference on CPU: dynamic quantization of the linear and recurrent layers (weights int8, activations
quantized on the fly), for faster translation at a measured, small cost in BLEU (bench/translate_speed.py)."""
from __future__ import annotations

import copy
import warnings
from typing import Optional

import torch
from torch import nn

from .seq2seq import Seq2Seq


def quantize_int8(model: Seq2Seq) -> Seq2Seq:
    """An int8 copy of `model` for CPU decoding; the original is left untouched.

    Linear layers and the encoder's fused GRU/LSTM are quantized by PyTorch; the decoder's recurrent
    layers keep their float weights for training but get int8 twins of the products one step makes
    (embedding gates, fed-back context gates, hidden gates, the conditional cell's gates), which the decoder
    then uses.
    """
    with warnings.catch_warnings():  # torch marks its quantized tensor constructors deprecated, not removed
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        quantized = _dynamic(copy.deepcopy(model).cpu().eval(), {nn.Linear, nn.GRU, nn.LSTM})
        decoder = quantized.decoder
        first, emb = decoder.cells[0], decoder.cfg.embedding_size
        products = {"input": _linear(first.weight_ih[:, :emb], first.bias_ih)}
        if decoder.cfg.input_feeding:
            products["feed"] = _linear(first.weight_ih[:, emb:], None)
        for i, cell in enumerate(decoder.cells):
            products[f"hh{i}"] = _linear(cell.weight_hh, cell.bias_hh)
            if i > 0:
                products[f"ih{i}"] = _linear(cell.weight_ih, cell.bias_ih)
        if decoder.conditional is not None:
            products["cond_ih"] = _linear(decoder.conditional.weight_ih, decoder.conditional.bias_ih)
            products["cond_hh"] = _linear(decoder.conditional.weight_hh, decoder.conditional.bias_hh)
        decoder.int8 = nn.ModuleDict(products)
    return quantized


def _dynamic(module: nn.Module, kinds: set) -> nn.Module:
    from torch.ao.quantization import quantize_dynamic

    return quantize_dynamic(module, kinds, dtype=torch.qint8)


def _linear(weight: torch.Tensor, bias: Optional[torch.Tensor]) -> nn.Module:
    """An int8 linear layer computing x weight^T + bias."""
    layer = nn.Linear(weight.shape[1], weight.shape[0], bias=bias is not None)
    with torch.no_grad():
        layer.weight.copy_(weight)
        if bias is not None:
            layer.bias.copy_(bias)
    return _dynamic(nn.Sequential(layer), {nn.Linear})[0]

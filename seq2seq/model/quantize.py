"""int8 inference on CPU: dynamic quantization of the linear and recurrent layers (weights int8, activations
quantized on the fly), for faster translation at a measured, small cost in BLEU (bench/translate_speed.py)."""
from __future__ import annotations

import copy
import warnings

import torch
from torch import nn

from .seq2seq import Seq2Seq


def quantize_int8(model: Seq2Seq) -> Seq2Seq:
    """An int8 copy of `model` for CPU decoding; the original is left untouched.

    Linear layers and the encoder's fused GRU/LSTM are quantized by PyTorch; the decoder's step cells are
    swapped for their int8 twins (StepCell.int8), whose every product is an int8 layer.
    """
    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():  # torch marks its quantized tensor constructors deprecated, not removed
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        quantized = quantize_dynamic(copy.deepcopy(model).cpu().eval(), {nn.Linear, nn.GRU, nn.LSTM},
                                     dtype=torch.qint8)
    decoder = quantized.decoder
    decoder.cells = nn.ModuleList(cell.int8() for cell in decoder.cells)
    if decoder.conditional is not None:
        decoder.conditional = decoder.conditional.int8()
    return quantized

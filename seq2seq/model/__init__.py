"""Model layer: cells, encoder, attention, decoder, and the encoder-decoder that joins them."""
from .decoder import DecoderState, Memory
from .seq2seq import Seq2Seq

__all__ = ["DecoderState", "Memory", "Seq2Seq"]

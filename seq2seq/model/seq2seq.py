"""The encoder-decoder model: tensors in, tensors out; knows no files, vocabularies or training loop."""
from __future__ import annotations

import torch
from torch import Tensor, nn

from ..config import Cell, ModelConfig
from .decoder import DecoderState, Memory, RecurrentDecoder
from .encoder import RecurrentEncoder


class Seq2Seq(nn.Module):
    def __init__(self, cfg: ModelConfig, src_vocab_size: int, trg_vocab_size: int, pad_id: int = 0):
        super().__init__()
        self.cfg, self.pad_id = cfg, pad_id
        self.encoder = RecurrentEncoder(cfg.encoder, src_vocab_size, pad_id)
        self.decoder = RecurrentDecoder(cfg.decoder, cfg.attention, trg_vocab_size, pad_id,
                                        memory_size=self.encoder.output_size,
                                        encoder_final_size=self.encoder.output_size,
                                        encoder_is_lstm=cfg.encoder.cell is Cell.LSTM)
        self._init_embeddings()

    def _init_embeddings(self) -> None:
        for embedding in (self.encoder.embedding, self.decoder.embedding):
            nn.init.normal_(embedding.weight, std=embedding.embedding_dim ** -0.5)
            with torch.no_grad():
                embedding.weight[self.pad_id].zero_()

    def encode(self, src: Tensor, src_lengths: Tensor) -> tuple[Memory, DecoderState]:
        """src (batch, src_len), src_lengths (batch,) on CPU -> Memory and the decoder's first state."""
        states, final_h, final_c = self.encoder(src, src_lengths)
        memory = Memory(states, self.decoder.attention.project_keys(states), src == self.pad_id)
        return memory, self.decoder.init_state(final_h, final_c)

    def forward(self, src: Tensor, src_lengths: Tensor, trg_in: Tensor, forcing: float = 1.0) -> Tensor:
        """Teacher-forced logits (batch, trg_len, vocab); forcing < 1 is scheduled sampling."""
        memory, state = self.encode(src, src_lengths)
        return self.decoder(memory, state, trg_in, forcing)

    def step(self, memory: Memory, state: DecoderState, prev: Tensor) -> tuple[DecoderState, Tensor, Tensor]:
        """One decoding step for search: new state, log-probs (batch, vocab), attention (batch, src_len)."""
        return self.decoder.step(memory, state, prev)

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())

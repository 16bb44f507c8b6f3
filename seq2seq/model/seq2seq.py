"""The encoder-decoder model: tensors in, tensors out; knows no files, vocabularies or training loop."""
from __future__ import annotations

import torch
from torch import Tensor, nn

from ..config import Cell, ModelConfig
from .decoder import DecoderState, Memory, RecurrentDecoder
from .encoder import RecurrentEncoder
from .loss import linear_cross_entropy


class Seq2Seq(nn.Module):
    def __init__(self, cfg: ModelConfig, src_vocab_size: int, trg_vocab_size: int, pad_id: int = 0):
        super().__init__()
        self.cfg, self.pad_id = cfg, pad_id
        self.encoder = RecurrentEncoder(cfg.encoder, src_vocab_size, pad_id)
        self.decoder = RecurrentDecoder(cfg.decoder, cfg.attention, trg_vocab_size, pad_id,
                                        memory_size=self.encoder.output_size,
                                        encoder_final_size=self.encoder.output_size,
                                        encoder_is_lstm=cfg.encoder.cell is Cell.LSTM)
        if cfg.share_embeddings:
            if src_vocab_size != trg_vocab_size:
                raise ValueError(f"model.share_embeddings needs one vocabulary for both sides, "
                                 f"not {src_vocab_size} source and {trg_vocab_size} target types")
            self.encoder.embedding.weight = self.decoder.embedding.weight  # the output layer's too, when tied
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

    def loss(self, src: Tensor, src_lengths: Tensor, trg_in: Tensor, trg_out: Tensor, label_smoothing: float = 0.0,
             forcing: float = 1.0) -> Tensor:
        """Summed token cross-entropy against trg_out (batch, trg_len), padding excluded.

        Under full teacher forcing the output layer and the loss run fused, chunk by chunk (model/loss.py).
        """
        if forcing < 1.0:
            logits = self(src, src_lengths, trg_in, forcing)  # (batch, trg_len, vocab)
            return nn.functional.cross_entropy(logits.flatten(0, 1).float(), trg_out.flatten(),
                                               ignore_index=self.pad_id, label_smoothing=label_smoothing,
                                               reduction="sum")
        memory, state = self.encode(src, src_lengths)
        features = self.decoder.forced_features(memory, state, trg_in)  # (batch, trg_len, readout)
        return linear_cross_entropy(features.flatten(0, 1), self.decoder.output.weight, trg_out.flatten(),
                                    self.pad_id, label_smoothing)

    def step(self, memory: Memory, state: DecoderState, prev: Tensor) -> tuple[DecoderState, Tensor, Tensor]:
        """One decoding step for search: new state, log-probs (batch, vocab), attention (batch, src_len)."""
        return self.decoder.step(memory, state, prev)

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())

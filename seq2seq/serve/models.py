"""A model as the server holds it: its Translator, its name and identity, and how a request's text becomes
ids and hypotheses become JSON."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Optional

from ..config import DecodingOptions
from ..data.prepared import file_sha256
from ..model_dir import ModelDir
from ..search import Hypothesis
from ..translate import Translator

WARM_UP = "A warm-up sentence."


@dataclasses.dataclass
class ServedModel:
    """One --model of `seq2seq serve`: loaded once, shared by every request."""

    name: str
    translator: Translator
    checkpoint_sha256: str
    recipe_sha256: str

    @classmethod
    def load(cls, model_dir: str | Path, name: str, checkpoint: str = "best", device: Optional[str] = "auto",
             int8: bool = False) -> "ServedModel":
        """A model directory's checkpoint, ready to translate (errors are one-line Seq2SeqErrors)."""
        directory = ModelDir(model_dir)
        translator = Translator.load(model_dir, checkpoint, device, int8=int8)
        return cls(name, translator, file_sha256(directory.find_checkpoint(checkpoint)),
                   file_sha256(directory.recipe_file)[:16])

    def options(self, **overrides: Any) -> DecodingOptions:
        """The recipe's `testing` defaults with a request's options in their place (checked by the caller)."""
        return self.translator.options(**overrides)

    def warm_up(self) -> None:
        """One translation before the server says it is ready: the first search pays for allocations."""
        self.translator.translate([WARM_UP])

    def info(self) -> dict[str, Any]:
        """What GET /v1/models says about this model."""
        recipe = self.translator.recipe
        defaults = dataclasses.asdict(self.options())
        return {"name": self.name, "source_language": recipe.data.src_lang, "target_language": recipe.data.trg_lang,
                "parameters": self.translator.model.num_parameters(), "recipe_sha256": self.recipe_sha256,
                "checkpoint_sha256": self.checkpoint_sha256, "device": str(self.translator.device),
                "decoding_defaults": {k: defaults[k] for k in ("beam_size", "alpha", "n_best", "min_len",
                                                               "max_len_a", "max_len_b")}}

    def source_ids(self, pieces: list[str]) -> list[int]:
        return self.translator.src_vocab.encode(pieces)

    def result(self, pieces: list[str], hyps: list[Hypothesis], attention: bool) -> dict[str, Any]:
        """One sentence's JSON result: best text and score, the n-best list, and on request its attention
        (a row per target token, </s> included, over the source tokens and </s>)."""
        if not hyps:  # an empty sentence: never reached the model
            out = {"text": "", "score": None, "n_best": []}
            return out | ({"attention": [], "source_tokens": [], "target_tokens": []} if attention else {})
        t = self.translator
        out = {"text": t.detokenize(hyps[0]), "score": hyps[0].normalized,
               "n_best": [{"text": t.detokenize(h), "score": h.normalized} for h in hyps]}
        if attention:
            best = hyps[0]
            ended = len(best.attention) - len(best.tokens)  # 1 when </s> was produced
            out |= {"attention": [[round(w, 6) for w in row] for row in best.attention.tolist()],
                    "source_tokens": pieces + ["</s>"],
                    "target_tokens": [t.trg_vocab.itos[i] for i in best.tokens] + ["</s>"] * ended}
        return out

"""Model directories saved by an older version (tests/data/legacy_models, made by the code of commit
d08da82 with make_legacy_models.py there) still load and translate to the same bytes: greedy, beam,
n-best with scores, and an ensemble of two of them."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from seq2seq.translate import Translator, translate_stream

LEGACY = Path(__file__).resolve().parent / "data" / "legacy_models"
EXPECTED = json.loads((LEGACY / "expected.json").read_text(encoding="utf-8"))


def _inputs(kind: str) -> list[str]:
    return (LEGACY / f"inputs.{kind}.txt").read_text(encoding="utf-8").split("\n")[:-1]


def _translated(translator: Translator, lines: list[str], **options) -> str:
    out = io.StringIO()
    translate_stream(translator, lines, out, translator.options(**options), progress=False)
    return out.getvalue()


@pytest.mark.parametrize("name", list(EXPECTED["models"]))
def test_an_old_model_directory_translates_to_the_same_bytes(name):
    translator = Translator.load(LEGACY / name, device="cpu")
    for option, kwargs in EXPECTED["options"].items():
        expected = (LEGACY / name / f"expected.{option}.txt").read_text(encoding="utf-8")
        assert _translated(translator, _inputs(EXPECTED["models"][name]), **kwargs) == expected, option


def test_an_ensemble_of_old_model_directories_translates_to_the_same_bytes():
    pair = Translator.load(LEGACY / "toy_gru_conditional_layernorm", device="cpu",
                           ensemble_with=[LEGACY / "toy_lstm_general"])
    expected = (LEGACY / "expected.ensemble.beam5.txt").read_text(encoding="utf-8")
    assert _translated(pair, _inputs("toy")) == expected

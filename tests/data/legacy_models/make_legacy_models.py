"""Made the model directories in this folder, once, with the code of commit d08da82 (before the
reshape of issue 45): run from a checkout of that commit as

    python tests/data/legacy_models/make_legacy_models.py tests/data/legacy_models

Kept for the record of how they were made. The expectations for min_len and int8 were added later from
the same model directories, with the same old code: `write_expectations(Path("tests/data/legacy_models"))`. Running it with later code would write checkpoints in
that code's layout, which is not what tests/test_legacy_models.py needs: models saved by an older
version that must still load and translate to the same bytes.
"""
from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
from pathlib import Path

import torch

from seq2seq.config import load_recipe
from seq2seq.training import train
from seq2seq.translate import Translator, translate_stream

ROOT = Path(__file__).resolve().parents[3]
TOY = ["data.train=data/toy_reverse/train", "data.valid=data/toy_reverse/valid", "data.src_lang=src",
       "data.trg_lang=trg", "data.level=word", "data.max_length=50", "training.batch_tokens=600",
       "training.max_steps=240", "training.valid_every=120", "training.learning_rate=0.01",
       "training.schedule=constant", "training.threads=2", "training.seed=3",
       "testing.max_len_a=1.0", "testing.max_len_b=5"]
SMALL = ["model.encoder.embedding_size=16", "model.decoder.embedding_size=16", "model.attention.size=24"]
MODELS = {
    # conditional GRU decoder with gate layer norm, input feeding, two layers each side, recurrent dropout
    "toy_gru_conditional_layernorm": TOY + SMALL + [
        "model.encoder.num_layers=2", "model.encoder.hidden_size=24", "model.encoder.recurrent_dropout=0.1",
        "model.decoder.num_layers=2", "model.decoder.hidden_size=32", "model.decoder.conditional=true",
        "model.decoder.layer_norm=true", "model.decoder.recurrent_dropout=0.1", "model.decoder.tie_embeddings=true"],
    # LSTM both sides: the cell bridge, general attention, input feeding
    "toy_lstm_general": TOY + SMALL + [
        "model.encoder.cell=lstm", "model.encoder.hidden_size=24", "model.decoder.cell=lstm",
        "model.decoder.hidden_size=32", "model.attention.type=general"],
    # IRNN cells, dot attention, zero initial state, unidirectional encoder
    "toy_rnn_relu_dot": TOY + SMALL + [
        "model.encoder.cell=rnn_relu", "model.encoder.identity_init=true", "model.encoder.bidirectional=false",
        "model.encoder.hidden_size=32", "model.decoder.cell=rnn_relu", "model.decoder.identity_init=true",
        "model.decoder.hidden_size=32", "model.decoder.init=zeros", "model.attention.type=dot",
        "training.learning_rate=0.004", "training.max_steps=480"],
    # the reference's shape in small: joint sentencepiece, one shared embedding matrix, conditional GRU
    "sample_spm_shared": [
        "data.level=sentencepiece", "data.max_length=100", "data.train=data/sample/train",
        "data.valid=data/sample/valid", "data.src_lang=en", "data.trg_lang=de",
        "data.sentencepiece.vocab_size=300", "data.sentencepiece.all_pieces=true", "model.share_embeddings=true",
        "model.encoder.embedding_size=32", "model.encoder.hidden_size=32", "model.decoder.embedding_size=32",
        "model.decoder.hidden_size=48", "model.attention.size=32", "model.decoder.conditional=true",
        "model.decoder.input_feeding=false", "model.decoder.recurrent_dropout=0.2",
        "model.decoder.tie_embeddings=true", "training.max_steps=300", "training.valid_every=150",
        "training.batch_tokens=1500", "training.learning_rate=0.005", "training.threads=2", "training.seed=5"],
}
OPTIONS = {"beam5": {}, "greedy": {"beam_size": 1}, "nbest3": {"beam_size": 4, "n_best": 3, "alpha": 0.6},
           "minlen4": {"beam_size": 3, "min_len": 4}}
INT8 = ["toy_gru_conditional_layernorm", "toy_lstm_general"]  # well-trained: int8 kernels leave a wide margin


def inputs(name: str) -> list[str]:
    if name.startswith("toy"):
        return (ROOT / "data/toy_reverse/test.src").read_text(encoding="utf-8").splitlines()[:120]
    with gzip.open(ROOT / "data/sample/test.en.gz", "rt", encoding="utf-8") as f:
        return [next(f).rstrip("\n") for _ in range(80)] + ["", "Ein völlig unbekanntes Wort: Xylophonquartett."]


def translated(translator: Translator, lines: list[str], **options) -> str:
    out = io.StringIO()
    translate_stream(translator, lines, out, progress=False, **options)
    return out.getvalue()


def main(out: Path) -> None:
    torch.manual_seed(0)
    for name, overrides in MODELS.items():
        model_dir = out / name
        shutil.rmtree(model_dir, ignore_errors=True)
        recipe = load_recipe(ROOT / "recipes/toy_reverse.yaml", [*overrides, f"model_dir={model_dir}"])
        train(recipe)
        keep_last = name == "toy_gru_conditional_layernorm"  # a run to --resume: optimizer state in the old layout
        steps = [p.name for p in (model_dir / "checkpoints").glob("step_*.pt")]
        for extra in steps + ([] if keep_last else ["last.pt"]):
            (model_dir / "checkpoints" / extra).unlink()
        (model_dir / "train.log").unlink()
    write_expectations(out)


def write_expectations(out: Path) -> None:
    """What the trained model directories in `out` translate to (run with the old code)."""
    for name in MODELS:
        model_dir = out / name
        translator = Translator.load(model_dir, device="cpu")
        for option, kwargs in OPTIONS.items():
            (model_dir / f"expected.{option}.txt").write_text(translated(translator, inputs(name), **kwargs),
                                                             encoding="utf-8")
        if name in INT8:
            int8 = Translator.load(model_dir, int8=True)
            (model_dir / "expected.int8.beam5.txt").write_text(translated(int8, inputs(name)), encoding="utf-8")
    for kind in ("toy", "sample"):
        (out / f"inputs.{kind}.txt").write_text("".join(line + "\n" for line in inputs(kind)), encoding="utf-8")
    (out / "expected.json").write_text(json.dumps({"options": OPTIONS, "int8": INT8, "models": {
        name: "toy" if name.startswith("toy") else "sample" for name in MODELS}}, indent=2), encoding="utf-8")
    pair = Translator.load(out / "toy_gru_conditional_layernorm", device="cpu", ensemble_with=[out / "toy_lstm_general"])
    (out / "expected.ensemble.beam5.txt").write_text(translated(pair, inputs("toy")), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

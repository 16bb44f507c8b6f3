"""`seq2seq export`: a model directory as a bundle that seq2seq/runtime translates with, without PyTorch.

A bundle holds the encoder and one decoder step as ONNX graphs (model/onnx_graphs.py), the vocabularies
and sentencepiece models, the recipe, and manifest.json (format, versions, decoding defaults, the sha256
of every file). Before anything is written, the graphs are run with onnxruntime on a probe batch and
held to the PyTorch model: a configuration that does not export faithfully is an error, not a bundle.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
import yaml

from . import __version__
from .config import DecodingOptions, Level, Recipe
from .data import Vocabulary
from .data.prepared import file_sha256
from .data.vocabulary import SPECIALS
from .errors import Seq2SeqError
from .model import Seq2Seq
from .model.onnx_graphs import OPSET, encoder_graph, state_names, step_graph
from .model_dir import ModelDir

log = logging.getLogger(__name__)
BUNDLE_FORMAT = 1  # runtime/bundle.py reads formats up to its own
TOLERANCE = 1e-4  # the largest difference from PyTorch a faithful export shows on the probe (float32 noise ~1e-6)
PROBE_LENGTHS = (9, 4, 1, 6)  # source lengths with </s>: padding, a lone </s>, and sentences of other lengths
PROBE_BEAM, PROBE_STEPS = 3, 4


def _require_onnx() -> None:
    """onnx writes the graphs, onnxscript is torch.onnx's exporter, onnxruntime checks and quantizes them."""
    missing = [name for name in ("onnx", "onnxscript", "onnxruntime") if importlib.util.find_spec(name) is None]
    if missing:
        raise Seq2SeqError(f"export needs onnx, onnxscript and onnxruntime ({', '.join(missing)} missing): "
                           "pip install 'seq2seq[export]'")


def _probe(model: Seq2Seq) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A fixed batch of source ids (ending in </s>, padded), its lengths, and beam rows' previous tokens."""
    generator = torch.Generator().manual_seed(0)
    vocab = model.encoder.embedding.num_embeddings
    src = torch.full((len(PROBE_LENGTHS), max(PROBE_LENGTHS)), Vocabulary.pad_id, dtype=torch.long)
    for row, length in enumerate(PROBE_LENGTHS):
        src[row, :length - 1] = torch.randint(len(SPECIALS), vocab, (length - 1,), generator=generator)
        src[row, length - 1] = Vocabulary.eos_id
    prev = torch.full((len(PROBE_LENGTHS) * PROBE_BEAM,), Vocabulary.bos_id, dtype=torch.long)
    return src, torch.tensor(PROBE_LENGTHS), prev


def _step_inputs(model: Seq2Seq, memory, state, prev: torch.Tensor) -> tuple[torch.Tensor, ...]:
    parts = {"hidden": state.hidden, "cell": state.cell, "context": state.context}
    return (prev, *(parts[n] for n in state_names(model)), memory.states, memory.keys, memory.pad_mask)


def _check_faithful(model: Seq2Seq, encoder, step) -> float:
    """The largest difference between the graphs (run by onnxruntime) and the model over the probe: encoder
    outputs, then PROBE_STEPS decoder steps over beams, each fed the model's own state and reordered."""
    import onnxruntime as ort

    run = lambda graph: ort.InferenceSession(graph.SerializeToString(), providers=["CPUExecutionProvider"])  # noqa: E731
    encoder_session, step_session = run(encoder), run(step)
    src, lengths, prev = _probe(model)
    worst = 0.0
    with torch.no_grad():
        memory, state = model.encode(src, lengths)
        got = encoder_session.run(None, {"src": src.numpy(), "src_lengths": lengths.numpy()})
        want = (memory.states, memory.keys, *_step_inputs(model, memory, state, prev)[1:-3])
        worst = max(worst, *(float(np.abs(g - w.numpy()).max()) for g, w in zip(got, want)))
        state = state.index_select(torch.arange(len(PROBE_LENGTHS)).repeat_interleave(PROBE_BEAM))
        generator = torch.Generator().manual_seed(1)
        for _ in range(PROBE_STEPS):
            inputs = _step_inputs(model, memory, state, prev)
            got = step_session.run(None, {i.name: x.numpy() for i, x in zip(step_session.get_inputs(), inputs)})
            new_state, log_probs, weights = model.step(memory, state, prev)
            want = (log_probs, *_step_inputs(model, memory, new_state, prev)[1:-3], weights)
            worst = max(worst, *(float(np.abs(g - w.numpy()).max()) for g, w in zip(got, want)))
            order = torch.randperm(prev.shape[0], generator=generator)
            order = order[(order // PROBE_BEAM).sort(stable=True).indices]  # rows shuffled within each sentence
            state, prev = new_state.index_select(order), log_probs.argmax(-1)[order]
    return worst


def _quantize(source: Path, target: Path) -> None:
    """int8 weights in every matrix product onnxruntime can quantize (activations quantized on the fly)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8)


def _text_section(recipe: Recipe, files, folder: Path) -> dict:
    """Copies the vocabularies and sentencepiece model(s) into the bundle; says which file serves which side."""
    data = recipe.data
    text: dict = {"level": data.level.value, "lowercase": data.lowercase,
                  "src_vocab": "src.vocab", "trg_vocab": "trg.vocab"}
    shutil.copyfile(files.src_vocab, folder / "src.vocab")
    shutil.copyfile(files.trg_vocab, folder / "trg.vocab")
    if data.level is Level.SENTENCEPIECE:
        text["src_pieces"] = "pieces.model" if files.joint else "src.model"
        text["trg_pieces"] = "pieces.model" if files.joint else "trg.model"
        shutil.copyfile(files.src_pieces, folder / text["src_pieces"])
        if not files.joint:
            shutil.copyfile(files.trg_pieces, folder / text["trg_pieces"])
    return text


def _out_folder(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise Seq2SeqError(f"{out} already exists and is not an empty folder; choose another --out or remove it")


def export_bundle(model_dir: str | Path, out: str | Path, checkpoint: str = "best", int8: bool = False) -> Path:
    """Write the bundle of one checkpoint of a model directory to `out` (a new or empty folder); returns it."""
    _require_onnx()
    out, directory = Path(out), ModelDir(model_dir).require("export")
    _out_folder(out)
    recipe = directory.recipe()
    src_vocab, trg_vocab = directory.vocabularies(recipe.data)
    model = directory.load_model(recipe, checkpoint, len(src_vocab), len(trg_vocab)).float().eval()
    options = DecodingOptions.from_testing(recipe.testing)
    start = time.perf_counter()
    log.info("exporting %s (checkpoint %s) to %s", directory.path, checkpoint, out)
    with torch.no_grad():  # rows = sentences x beams, so the graph cannot take one for the other
        src, lengths, prev = _probe(model)
        memory, state = model.encode(src, lengths)
        beams = state.index_select(torch.arange(len(PROBE_LENGTHS)).repeat_interleave(PROBE_BEAM))
        example = _step_inputs(model, memory, beams, prev)
    encoder, step = encoder_graph(model), step_graph(model, example)
    worst = _check_faithful(model, encoder, step)
    if not worst <= TOLERANCE:
        raise Seq2SeqError(f"the exported graphs of {directory.path} differ from the model by {worst:.2g} (more than "
                           f"{TOLERANCE:g}) on a probe batch: this model's configuration does not export faithfully; "
                           "nothing was written (please report it with the recipe)")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        _write(partial, directory, recipe, model, checkpoint, options, (encoder, step), int8)
        if out.exists():
            out.rmdir()  # empty, checked above
        os.replace(partial, out)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    log.info("wrote %s in %.1f s (largest difference from PyTorch on the probe: %.1e)", out,
             time.perf_counter() - start, worst)
    return out


def _write(folder: Path, directory: ModelDir, recipe: Recipe, model: Seq2Seq, checkpoint: str,
           options: DecodingOptions, graphs: tuple, int8: bool) -> None:
    """Everything a bundle holds, into `folder`; manifest.json last, with the sha256 of every other file."""
    import onnx

    for name, graph in zip(("encoder", "decoder_step"), graphs):
        onnx.save(graph, folder / f"{name}.onnx")
        if int8:
            _quantize(folder / f"{name}.onnx", folder / f"{name}.int8.onnx")
            os.replace(folder / f"{name}.int8.onnx", folder / f"{name}.onnx")
    text = _text_section(recipe, directory.text_files(recipe.data), folder)
    shutil.copyfile(directory.recipe_file, folder / "recipe.yaml")
    checkpoint_file = directory.find_checkpoint(checkpoint)
    payload_step = directory.load_checkpoint(checkpoint).get("step")
    manifest = {
        "format": BUNDLE_FORMAT,
        "seq2seq_version": __version__,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "source": {"model_dir": str(directory.path), "checkpoint": checkpoint, "step": payload_step,
                   "checkpoint_sha256": file_sha256(checkpoint_file)},
        "recipe": yaml.safe_load(directory.recipe_file.read_text(encoding="utf-8")),
        "graphs": {"encoder": "encoder.onnx", "decoder_step": "decoder_step.onnx", "int8": int8,
                   "state": list(state_names(model)), "opset": OPSET},
        "text": text,
        "decoding": {name: getattr(options, name) for name in ("beam_size", "alpha", "max_len_a", "max_len_b",
                                                               "batch_tokens")},
        "specials": {"pad": Vocabulary.pad_id, "unk": Vocabulary.unk_id, "bos": Vocabulary.bos_id,
                     "eos": Vocabulary.eos_id},
    }
    manifest["files"] = {p.name: file_sha256(p) for p in sorted(folder.iterdir())}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


"""A bundle on disk: its manifest checked (format, completeness, checksums), its two graphs loaded."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import Seq2SeqError

BUNDLE_FORMAT = 1  # the newest manifest format this runtime reads; seq2seq export writes it
_REQUIRED = ("format", "graphs", "text", "decoding", "specials", "files")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a complete, unaltered bundle of a format this runtime reads, or a one-line error."""
    path = folder / "manifest.json"
    if not folder.is_dir():
        raise Seq2SeqError(f"bundle not found: {folder} is not a folder (make one with `seq2seq export`)")
    if not path.is_file():
        raise Seq2SeqError(f"{folder} is not a seq2seq bundle: it has no manifest.json (make one with `seq2seq export`)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Seq2SeqError(f"{path} is damaged (not JSON: {error}); export the bundle again") from None
    missing = [key for key in _REQUIRED if not isinstance(manifest, dict) or key not in manifest]
    if missing:
        raise Seq2SeqError(f"{path} lacks {', '.join(missing)}: not a seq2seq bundle manifest; export the bundle again")
    if not isinstance(manifest["format"], int) or manifest["format"] > BUNDLE_FORMAT:
        raise Seq2SeqError(f"{folder} is a bundle of format {manifest['format']}, newer than this runtime reads "
                           f"(up to {BUNDLE_FORMAT}): upgrade seq2seq (pip install -U 'seq2seq[runtime]')")
    for name, expected in manifest["files"].items():
        file = folder / name
        if not file.is_file():
            raise Seq2SeqError(f"bundle {folder} is incomplete: {name} is missing; copy the whole bundle again")
        if _sha256(file) != expected:
            raise Seq2SeqError(f"bundle {folder} is altered: {name} does not match the sha256 in its manifest; "
                               "copy or export the bundle again")
    named = [manifest["graphs"].get("encoder"), manifest["graphs"].get("decoder_step"),
             *(v for k, v in manifest["text"].items() if k.endswith(("_vocab", "_pieces")))]
    unlisted = [n for n in named if n not in manifest["files"]]
    if unlisted:
        raise Seq2SeqError(f"{path} names {', '.join(map(str, unlisted))} without a checksum: export the bundle again")
    return manifest


@dataclass
class Memory:
    """Encoder results, one row per live sentence (beams attend to their sentence's row)."""

    states: np.ndarray  # (batch, src_len, memory) float32
    keys: np.ndarray  # (batch, src_len, key) float32
    pad_mask: np.ndarray  # (batch, src_len) bool, True on padding

    def take(self, rows: np.ndarray) -> "Memory":
        return Memory(self.states[rows], self.keys[rows], self.pad_mask[rows])


class Bundle:
    """The exported model: encode a batch, then take decoder steps over (sentences x beams) rows.

    A decoder state is a dict of arrays named as in the manifest's graphs.state: hidden (and cell) are
    (layers, rows, hidden), context is (rows, memory); `take_state` reorders its rows.
    """

    def __init__(self, folder: str | Path, threads: int | None = None):
        import onnxruntime as ort

        self.folder = Path(folder)
        self.manifest = read_manifest(self.folder)
        graphs = self.manifest["graphs"]
        self.state_names: tuple[str, ...] = tuple(graphs["state"])
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        options.log_severity_level = 3  # onnxruntime's own notes are not the user's business
        try:
            self.encoder = ort.InferenceSession(str(self.folder / graphs["encoder"]), options,
                                                providers=["CPUExecutionProvider"])
            self.step_graph = ort.InferenceSession(str(self.folder / graphs["decoder_step"]), options,
                                                   providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime raises its own Fail/InvalidGraph types
            raise Seq2SeqError(f"cannot load the graphs of {self.folder}: {str(error).splitlines()[0][:200]}") from None
        self.step_inputs = [i.name for i in self.step_graph.get_inputs()]
        specials = self.manifest["specials"]
        self.pad, self.bos, self.eos = specials["pad"], specials["bos"], specials["eos"]

    def encode(self, src: np.ndarray, lengths: np.ndarray) -> tuple[Memory, dict[str, np.ndarray]]:
        """src (batch, src_len) int64 ending in </s>, padded; lengths (batch,) -> memory and the first state."""
        outputs = self.encoder.run(None, {"src": src, "src_lengths": lengths})
        named = dict(zip((o.name for o in self.encoder.get_outputs()), outputs))
        state = {name: named[name] for name in self.state_names}
        return Memory(named["states"], named["keys"], src == self.pad), state

    def step(self, memory: Memory, state: dict[str, np.ndarray],
             prev: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
        """prev (rows,) -> new state, log-probabilities (rows, vocab) float32, attention (rows, src_len)."""
        feeds = {"prev": prev, **state, "states": memory.states, "keys": memory.keys, "pad_mask": memory.pad_mask}
        log_probs, *new, attention = self.step_graph.run(None, {name: feeds[name] for name in self.step_inputs})
        return dict(zip(self.state_names, new)), log_probs, attention

    def take_state(self, state: dict[str, np.ndarray], rows: np.ndarray) -> dict[str, np.ndarray]:
        return {name: value[rows] if name == "context" else value[:, rows] for name, value in state.items()}

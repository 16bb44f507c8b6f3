"""Bad input (issue 47): every job answers a user's mistake with ONE line, `seq2seq JOB: error: ...`, that
names the file, line or key; exits with code 2; and leaves nothing written (no output file, model
directory, checkpoint, partial or temporary file, nor a changed input).

One table, CASES; each row is a command, what its message must name, and how it runs: in this process
through seq2seq.cli.main (fast), as a real `python -m seq2seq` subprocess (exit code and stderr end to
end), or unprivileged (see below). After every row the row's whole folder must be as it was: nothing
made, removed or changed (LeftBehind), and the one line must be right (Wrong).

Cases, and where they are tested (ids of CASES unless a test is named):
- missing file: the recipe ("train|prepare: recipe file missing"); data.train and data.valid
  ("train|prepare: data.train missing", "... data.valid missing"; tests/test_corpus.py
  test_missing_side_names_the_path); --input ("translate: --input missing"); --model ("translate|average:
  --model missing"); --src/--ref/--hyp ("evaluate: --src missing", "evaluate: --hyp missing");
  training.init_from ("train: training.init_from missing").
- a directory where a file is expected: the recipe, a corpus side (plain and .gz), --input, --output,
  --ref, --model given a file, --report given a file, model_dir given a file ("... is a directory",
  "... is a file" rows; tests/test_evaluate.py test_report_folder_that_is_a_file_fails_before_scoring).
- unreadable file (permissions): the recipe, data.train (plain and .gz), --input, --ref, a model's
  vocabulary and checkpoint; and unwritable: model_dir, --output, --report, the checkpoints folder
  (average). The "unreadable" and "read-only" rows. Root ignores file modes, so these rows run, each
  through seq2seq.cli.main, in one real subprocess that file modes bind (one start of torch for all;
  test_unprivileged_runner_cannot_override_file_modes shows they bind it): as the
  same user when not root; as root, under uid 65534 when that user can import seq2seq and torch, else
  as root without the capabilities that override file modes (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH,
  dropped from the bounding set before exec); skipped only when neither is possible.
- source and target with different line counts, both counts named: streamed (prepare, train; plain
  and .gz), read whole (train with subword sampling), evaluate's --hyp against --ref; also
  tests/test_corpus.py test_unequal_line_counts_name_both_files_and_counts,
  tests/test_prepared.py test_unequal_sides_are_found_while_streaming,
  tests/test_evaluate.py test_hypothesis_with_wrong_line_count_is_a_clear_error.
- bytes that are not UTF-8 in training data, file and line: data.train plain and .gz, data.valid,
  sentencepiece level; evaluate's --ref; a damaged .gz ("prepare: data.train damaged .gz",
  "translate: --input damaged .gz"); tests/test_corpus.py test_non_utf8_names_the_right_line,
  test_corrupt_gzip_names_the_file. (Text to translate is read with U+FFFD for such bytes, by design:
  tests/test_cli.py.)
- a recipe with a YAML syntax error (line and column), a key given twice, not UTF-8, not a mapping,
  unknown keys, wrong types, impossible values and combinations, a missing required key: the
  "recipe" rows; every key, type and range one by one in tests/test_config.py.
- `--set` with an unknown key, an unparsable value, no '=', an empty key part, a key inside a value,
  a wrong type or an impossible value: the "--set" rows; tests/test_config.py test_override_*.
- a model directory that is missing, not a model directory, or incomplete: no checkpoint, no target
  vocabulary, no sentencepiece model, no recipe.yaml; --resume without checkpoints; average without
  step checkpoints; tests/test_model_dir.py.
- a vocabulary or sentencepiece model that does not match the checkpoint's embedding sizes
  ("translate: vocabulary larger than the checkpoint's embeddings", "translate: sentencepiece model
  not the vocabulary's"); ensemble members with other vocabularies: tests/test_cli.py
  test_repeated_model_decodes_with_an_ensemble.
- `--input` equal to `--output`, directly or through a link; evaluate's --hyp being the report's own
  hypotheses.txt; tests/test_cli.py test_translating_a_file_onto_itself_is_refused_and_leaves_it_intact.

"One line" is what a terminal shows: a progress bar that was drawn before the error is overwritten
with carriage returns, so only the text after a line's last \\r counts.
"""
from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional

import pytest

from conftest import RECIPE, TINY
from seq2seq.cli import main

class LeftBehind(AssertionError):
    """A failed command left something written, removed or changed in its folder."""


class Wrong(AssertionError):
    """A failed command's exit code or message is not what a user needs."""


# ---------------------------------------------------------------- the models the rows break copies of


@pytest.fixture(scope="module")
def models(toy_recipe, toy_data, tmp_path_factory) -> dict[str, Path]:
    """tiny: a word-level toy model (4 steps); pieces: a joint sentencepiece
    model whose vocabulary is every piece (all_pieces); other_pieces: a sentencepiece model file of
    another size, trained on the same text."""
    from seq2seq.data.tokenizers import train_sentencepiece
    from seq2seq.training import train

    folder = tmp_path_factory.mktemp("bad_input_models")
    tiny = train(toy_recipe(folder / "tiny", "training.max_steps=4", "training.valid_every=2"))
    recipe = toy_recipe(folder / "pieces", "training.max_steps=1", "training.valid_every=1", "data.level=sentencepiece",
                        "data.sentencepiece.vocab_size=30", "data.sentencepiece.all_pieces=true")
    pieces = train(recipe)
    other = folder / "other.model"
    text = (toy_data / "train.src").read_text(encoding="utf-8").splitlines()
    cfg = replace(recipe.data, sentencepiece=replace(recipe.data.sentencepiece, vocab_size=24))
    train_sentencepiece(text, other, cfg, seed=1)
    return {"tiny": tiny, "pieces": pieces, "other_pieces": other}


# ---------------------------------------------------------------- one row's folder


@dataclass(frozen=True)
class Unreadable:
    """A corpus side written with mode 000."""

    content: bytes


class Raw(bytes):
    """Bytes written as they are, even under a .gz name (a damaged gzip file)."""


DIRECTORY = object()  # a corpus side that is a folder


class W:
    """One row's folder (root) and what rows make in it; `out` is where the command would write (its
    model_dir, --output or --report), so it must not exist afterwards."""

    def __init__(self, root: Path, data: Path, models: dict[str, Path]):
        self.root, self.data, self.models = root, data, models
        self.out = root / "out"

    def file(self, name: str, content: bytes | str = b"a b c\n", mode: Optional[int] = None) -> Path:
        """A file (gzip-compressed when its name ends in .gz, unless content is Raw)."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode() if isinstance(content, str) else content
        compress = name.endswith(".gz") and not isinstance(content, Raw)
        path.write_bytes(gzip.compress(data, mtime=0) if compress else data)
        if mode is not None:
            path.chmod(mode)
        return path

    def folder(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def link(self, name: str, target: Path) -> Path:
        path = self.root / name
        path.symlink_to(target)
        return path

    def readonly(self, path: Path) -> Path:
        path.chmod(0o555)
        return path

    def corpus(self, name: str, src, trg, gz: bool = False) -> Path:
        """Prefix of a parallel corpus NAME.src / NAME.trg (.gz each with gz); a side is bytes, Raw bytes,
        Unreadable(bytes) or DIRECTORY."""
        for lang, side in (("src", src), ("trg", trg)):
            name_of_side = f"{name}.{lang}{'.gz' if gz else ''}"
            if side is DIRECTORY:
                self.folder(name_of_side)
            elif isinstance(side, Unreadable):
                self.file(name_of_side, side.content, mode=0)
            else:
                self.file(name_of_side, side)
        return self.root / name

    def recipe(self, text: str, name: str = "recipe.yaml") -> Path:
        """A recipe file; {out} and {data} in text become this row's paths."""
        return self.file(name, text.format(out=self.out, data=self.data))

    def model(self, which: str = "tiny", drop: tuple[str, ...] = (), append: Optional[dict[str, str]] = None,
              copy_in: Optional[dict[str, Path]] = None, unreadable: tuple[str, ...] = (),
              readonly: tuple[str, ...] = ()) -> Path:
        """A copy of one of the models (in root/model), broken as asked: files or folders dropped (glob
        patterns), text appended to files, files replaced by others, files made unreadable, folders made
        read-only."""
        copy = self.root / "model"
        shutil.copytree(self.models[which], copy)
        for pattern in drop:
            for target in copy.glob(pattern):
                shutil.rmtree(target) if target.is_dir() else target.unlink()
        for name, text in (append or {}).items():
            with (copy / name).open("a", encoding="utf-8") as f:
                f.write(text)
        for name, source in (copy_in or {}).items():
            shutil.copyfile(source, copy / name)
        for name in unreadable:
            (copy / name).chmod(0)
        for name in readonly:
            self.readonly(copy / name)
        return copy

    def train(self, *sets: str, job: str = "train", train: Optional[Path | str] = None,
              valid: Optional[Path | str] = None, model_dir: Optional[Path] = None) -> list[str]:
        """`seq2seq JOB recipes/toy_reverse.yaml` with the tiny sizes, this row's corpora and model_dir."""
        values = [f"data.train={train or self.data / 'train'}", f"data.valid={valid or self.data / 'valid'}",
                  f"model_dir={model_dir or self.out}", *TINY, *sets]
        return [job, str(RECIPE), *[arg for value in values for arg in ("--set", value)]]

    def translate(self, *args: str, model: Optional[Path] = None) -> list[str]:
        """translate with a copy of the tiny model (or `model`), from IN.txt to out unless args say otherwise."""
        files = ["--input", str(self.file("in.txt", LINES)), "--output", str(self.out)] if not args else []
        return ["translate", "--model", str(model or self.model()), "-q", *files, *args]


BASE = """model_dir: {out}
data:
  train: {data}/train
  valid: {data}/valid
  src_lang: src
  trg_lang: trg
  level: word
training:
  max_steps: 2
"""
LINES = b"a b c\nd e\nf g h\n"  # three lines of toy text
REVERSED = b"c b a\ne d\nh g f\n"


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[W], tuple[list[str], list[str]]]  # -> argv, what the one line must name
    how: str = "in-process"  # in-process | subprocess | unprivileged


CASES = [
    # ------------------------------------------------------------ the recipe file
    Case("train: recipe file missing", lambda w: (
        ["train", str(w.root / "nope.yaml")], [str(w.root / "nope.yaml"), "not found"])),
    Case("prepare: recipe file missing", lambda w: (
        ["prepare", str(w.root / "nope.yaml")], [str(w.root / "nope.yaml"), "not found"])),
    Case("train: recipe is a directory", lambda w: (
        ["train", str(w.folder("recipe.yaml"))], [str(w.root / "recipe.yaml"), "is a directory"])),
    Case("train: recipe unreadable", lambda w: (
        ["train", str(w.file("recipe.yaml", BASE, mode=0))], [str(w.root / "recipe.yaml"), "permission denied"]),
         how="unprivileged"),
    Case("train: recipe not UTF-8", lambda w: (
        ["train", str(w.file("r.yaml", b"model_dir: x\nname: caf\xe9\n"))],
        [str(w.root / "r.yaml"), "line 2", "UTF-8"])),
    Case("train: recipe YAML syntax error", lambda w: (
        ["train", str(w.recipe("model_dir: {out}\ndata:\n  train: a\n   valid: b\n"))],
        [str(w.root / "recipe.yaml"), "line 4", "column 9", "not valid YAML"])),
    Case("prepare: recipe YAML bracket never closed", lambda w: (
        ["prepare", str(w.recipe("model_dir: {out}\ndata: [a,\n  b\n"))],
        [str(w.root / "recipe.yaml"), "line 4", "column 1", "begun at line 2, column 7"])),
    Case("train: recipe key given twice", lambda w: (
        ["train", str(w.recipe(BASE + "model_dir: elsewhere\n"))],
        [str(w.root / "recipe.yaml"), "line 10", "key 'model_dir' appears twice (also at line 1)"])),
    Case("train: recipe not a mapping", lambda w: (
        ["train", str(w.recipe("- a\n- b\n"))], [str(w.root / "recipe.yaml"), "mapping"])),
    Case("train: recipe unknown key", lambda w: (
        ["train", str(w.recipe(BASE + "model:\n  encoder:\n    hiden_size: 8\n"))],
        ["model.encoder.hiden_size", "did you mean 'model.encoder.hidden_size'"])),
    Case("prepare: recipe unknown section", lambda w: (
        ["prepare", str(w.recipe(BASE + "trainig:\n  seed: 1\n"))], ["'trainig'", "'training'"])),
    Case("train: recipe wrong type", lambda w: (
        ["train", str(w.recipe(BASE.replace("max_steps: 2", "max_steps: ten")))],
        ["training.max_steps", "'ten'", "an integer"])),
    Case("train: recipe impossible value", lambda w: (
        ["train", str(w.recipe(BASE + "  learning_rate: -1\n"))], ["training.learning_rate", "-1", "positive"])),
    Case("train: recipe impossible combination", lambda w: (
        ["train", str(w.recipe(BASE + "model:\n  decoder:\n    hidden_size: 64\n  attention:\n    type: dot\n"))],
        ["model.attention.type", "dot", "model.decoder.hidden_size"])),
    Case("prepare: recipe without a required key", lambda w: (
        ["prepare", str(w.recipe(BASE.replace("  src_lang: src\n", "")))], ["data.src_lang"])),
    # ------------------------------------------------------------ --set
    Case("train: --set unknown key", lambda w: (
        w.train("training.max_stepz=3"), ["training.max_stepz", "did you mean 'training.max_steps'"])),
    Case("prepare: --set unknown key", lambda w: (
        w.train("data.trian=x", job="prepare"), ["data.trian", "did you mean 'data.train'"])),
    Case("train: --set unparsable value", lambda w: (
        w.train("training.max_steps=[1"), ["--set training.max_steps", "'[1'", "not valid YAML", "column 3"]),
         how="subprocess"),
    Case("prepare: --set unparsable value", lambda w: (
        w.train("model.encoder.cell=@lstm", job="prepare"), ["--set model.encoder.cell", "'@lstm'", "column 1"])),
    Case("train: --set without =", lambda w: (w.train("training.max_steps"), ["'training.max_steps'", "KEY=VALUE"])),
    Case("train: --set empty key part", lambda w: (
        w.train("training..max_steps=3"), ["training..max_steps=3", "empty part"])),
    Case("train: --set inside a value", lambda w: (
        w.train("training.max_steps.x=3"), ["training.max_steps.x", "'training.max_steps' is a value"])),
    Case("train: --set wrong type", lambda w: (
        w.train("training.max_steps=lots"), ["training.max_steps", "'lots'", "an integer"])),
    Case("train: --set impossible value", lambda w: (
        w.train("model.encoder.dropout=1.5"), ["model.encoder.dropout", "1.5", "[0, 1)"])),
    Case("prepare: --set impossible seed", lambda w: (
        w.train("training.seed=-1", job="prepare"), ["training.seed", "4294967294"])),
    # ------------------------------------------------------------ training corpora
    Case("train: data.train missing", lambda w: (
        w.train(train=w.root / "nope"), [str(w.root / "nope.src"), "data.train"])),
    Case("prepare: data.train missing", lambda w: (
        w.train(job="prepare", train=w.root / "nope"), [str(w.root / "nope.src"), "data.train"])),
    Case("train: data.valid missing", lambda w: (
        w.train(valid=w.root / "nope"), [str(w.root / "nope.src"), "data.valid"])),
    Case("prepare: data.valid missing", lambda w: (
        w.train(job="prepare", valid=w.root / "nope"), [str(w.root / "nope.src"), "data.valid"])),
    Case("train: data.train side is a directory", lambda w: (
        w.train(train=w.corpus("c", DIRECTORY, REVERSED)), [str(w.root / "c.src"), "is a directory", "data.train"])),
    Case("prepare: data.valid .gz side is a directory", lambda w: (
        w.train(job="prepare", valid=w.corpus("v", LINES, DIRECTORY, gz=True)),
        [str(w.root / "v.trg.gz"), "is a directory", "data.valid"])),
    Case("train: data.train unreadable", lambda w: (
        w.train(train=w.corpus("c", LINES, Unreadable(REVERSED))),
        [str(w.root / "c.trg"), "permission denied", "data.train"]), how="unprivileged"),
    Case("prepare: data.train .gz unreadable", lambda w: (
        w.train(job="prepare", train=w.corpus("c", Unreadable(LINES), REVERSED, gz=True)),
        [str(w.root / "c.src.gz"), "permission denied", "data.train"]), how="unprivileged"),
    Case("prepare: data.train damaged .gz", lambda w: (
        w.train(job="prepare", train=w.corpus("c", LINES, Raw(b"\x1f\x8b\x08\x00garbage"), gz=True)),
        ["cannot read", str(w.root / "c.trg.gz")])),
    Case("train: unequal line counts", lambda w: (
        w.train(train=w.corpus("c", LINES, REVERSED[:-6])),
        [str(w.root / "c.src"), str(w.root / "c.trg"), "has 3 lines", "ends after line 2"])),
    Case("prepare: unequal line counts, .gz", lambda w: (
        w.train(job="prepare", train=w.corpus("c", LINES[:-6], REVERSED + b"x y\n", gz=True)),
        [str(w.root / "c.src.gz"), str(w.root / "c.trg.gz"), "has 4 lines", "ends after line 2"])),
    Case("train: unequal line counts, read whole for subword sampling", lambda w: (
        w.train("data.level=sentencepiece", "data.sentencepiece.all_pieces=true", "data.sentencepiece.vocab_size=30",
                "data.sentencepiece.sampling_alpha=0.5", train=w.corpus("c", LINES[:-6], REVERSED)),
        [str(w.root / "c.src"), "has 2 lines but", str(w.root / "c.trg"), "has 3"])),
    Case("train: data.train not UTF-8", lambda w: (
        w.train(train=w.corpus("c", b"a b\nc \xff d\n", b"b a\nd c\n")), [str(w.root / "c.src"), "line 2", "UTF-8"])),
    Case("prepare: data.train not UTF-8, .gz", lambda w: (
        w.train(job="prepare", train=w.corpus("c", b"a b\nc \xc3\n", b"b a\nc\n", gz=True)),
        [str(w.root / "c.src.gz"), "line 2", "UTF-8"])),
    Case("train: data.valid not UTF-8", lambda w: (
        w.train(valid=w.corpus("v", LINES, b"c b a\ne d\n\xe9\n")), [str(w.root / "v.trg"), "line 3", "UTF-8"])),
    Case("prepare: data.train not UTF-8, sentencepiece", lambda w: (
        w.train("data.level=sentencepiece", "data.sentencepiece.vocab_size=30", job="prepare",
                train=w.corpus("c", LINES + b"\x80\n", REVERSED + b"x\n")),
        [str(w.root / "c.src"), "line 4", "UTF-8"])),
    # ------------------------------------------------------------ where a model is written
    Case("train: model_dir is a file", lambda w: (
        w.train(model_dir=w.file("taken", "notes\n")), [str(w.root / "taken"), "is a file"])),
    Case("prepare: model_dir is a file", lambda w: (
        w.train(job="prepare", model_dir=w.file("taken", "notes\n")), [str(w.root / "taken"), "is a file"])),
    Case("train: model_dir in a read-only folder", lambda w: (
        w.train(model_dir=w.readonly(w.folder("ro")) / "m"), [str(w.root / "ro" / "m"), "permission denied"]),
         how="unprivileged"),
    Case("prepare: model_dir in a read-only folder", lambda w: (
        w.train(job="prepare", model_dir=w.readonly(w.folder("ro")) / "m"),
        [str(w.root / "ro" / "m"), "permission denied"]), how="unprivileged"),
    Case("train: --resume without checkpoints", lambda w: (
        w.train(model_dir=w.model(drop=("checkpoints",))) + ["--resume"], ["cannot resume", "checkpoint"])),
    Case("train: training.init_from missing", lambda w: (
        w.train(f"training.init_from={w.root / 'parent'}"), ["training.init_from", str(w.root / "parent")])),
    # ------------------------------------------------------------ model directories read
    Case("translate: --model missing", lambda w: (
        w.translate(model=w.root / "nope"), [str(w.root / "nope"), "not a model directory"]), how="subprocess"),
    Case("translate: --model is a file", lambda w: (
        w.translate(model=w.file("m.txt")), [str(w.root / "m.txt"), "not a model directory"])),
    Case("translate: model without checkpoints", lambda w: (
        w.translate(model=w.model(drop=("checkpoints",))), [str(w.root / "model/checkpoints/best.pt"), "not found"])),
    Case("translate: model without target vocabulary", lambda w: (
        w.translate(model=w.model(drop=("trg_vocab.txt",))), [str(w.root / "model/trg_vocab.txt"), "not found"])),
    Case("translate: model without sentencepiece model", lambda w: (
        w.translate(model=w.model("pieces", drop=("spm.joint.model",))), [str(w.root / "model/spm.joint.model")])),
    Case("translate: model without recipe.yaml", lambda w: (
        w.translate(model=w.model(drop=("recipe.yaml",))), [str(w.root / "model"), "not a model directory"])),
    Case("translate: vocabulary unreadable", lambda w: (
        w.translate(model=w.model(unreadable=("src_vocab.txt",))),
        [str(w.root / "model/src_vocab.txt"), "permission denied"]), how="unprivileged"),
    Case("translate: checkpoint unreadable", lambda w: (
        w.translate(model=w.model(unreadable=("checkpoints/best.pt",))),
        [str(w.root / "model/checkpoints/best.pt"), "permission denied"]), how="unprivileged"),
    Case("translate: vocabulary larger than the checkpoint's embeddings", lambda w: (
        w.translate(model=w.model(append={"src_vocab.txt": "extra\n"})),
        [f"{w.root / 'model/src_vocab.txt'} has 25 tokens", "24 source embeddings",
         str(w.root / "model/checkpoints/best.pt")])),
    Case("translate: sentencepiece model not the vocabulary's", lambda w: (
        w.translate(model=w.model("pieces", copy_in={"spm.joint.model": w.models["other_pieces"]})),
        [str(w.root / "model/spm.joint.model"), str(w.root / "model/src_vocab.txt")])),
    Case("average: --model missing", lambda w: (
        ["average", "--model", str(w.root / "nope"), "--last", "1"], [str(w.root / "nope"), "not a model directory"])),
    Case("average: no step checkpoints", lambda w: (
        ["average", "--model", str(w.model(drop=("checkpoints/step_*.pt",))), "--last", "1"],
        [str(w.root / "model"), "0 step checkpoint"])),
    Case("average: checkpoints folder read-only", lambda w: (
        ["average", "--model", str(w.model(readonly=("checkpoints",))), "--last", "1"],
        [str(w.root / "model/checkpoints/averaged.pt"), "permission denied"]), how="unprivileged"),
    # ------------------------------------------------------------ translate's files
    Case("translate: --input missing", lambda w: (
        w.translate("--input", str(w.root / "nope.txt"), "--output", str(w.out)), [str(w.root / "nope.txt")])),
    Case("translate: --input is a directory", lambda w: (
        w.translate("--input", str(w.folder("in")), "--output", str(w.out)), [str(w.root / "in"), "directory"])),
    Case("translate: --input unreadable", lambda w: (
        w.translate("--input", str(w.file("in.txt", LINES, mode=0)), "--output", str(w.out)),
        [str(w.root / "in.txt"), "permission denied"]), how="unprivileged"),
    Case("translate: --input damaged .gz", lambda w: (
        w.translate("--input", str(w.file("in.gz", Raw(b"not gzip"))), "--output", str(w.out)),
        [str(w.root / "in.gz")])),
    Case("translate: --output is the --input", lambda w: (
        w.translate("--input", str(w.file("in.txt", LINES)), "--output", str(w.root / "." / "in.txt")),
        [str(w.root / "in.txt"), "is the --input file"])),
    Case("translate: --output links to the --input", lambda w: (
        w.translate("--input", str(w.file("in.txt", LINES)), "--output", str(w.link("link.txt", w.root / "in.txt"))),
        [str(w.root / "link.txt"), "is the --input file"])),
    Case("translate: --output is a directory", lambda w: (
        w.translate("--input", str(w.file("in.txt", LINES)), "--output", str(w.folder("out.d"))),
        [str(w.root / "out.d"), "folder"])),
    Case("translate: --output in a missing folder", lambda w: (
        w.translate("--input", str(w.file("in.txt", LINES)), "--output", str(w.root / "no/out.txt")),
        [str(w.root / "no/out.txt"), "no such folder"])),
    Case("translate: --output in a read-only folder", lambda w: (
        w.translate("--input", str(w.file("in.txt", LINES)), "--output", str(w.readonly(w.folder("ro")) / "out.txt")),
        [str(w.root / "ro/out.txt"), "permission denied"]), how="unprivileged"),
    # ------------------------------------------------------------ evaluate's files
    Case("evaluate: --hyp missing", lambda w: (
        ["evaluate", "--hyp", str(w.root / "nope.txt"), "--ref", str(w.file("ref.txt", REVERSED)),
         "--report", str(w.out)], ["--hyp", str(w.root / "nope.txt")])),
    Case("evaluate: --ref is a directory", lambda w: (
        ["evaluate", "--hyp", str(w.file("hyp.txt", REVERSED)), "--ref", str(w.folder("ref")), "--report", str(w.out)],
        ["--ref", str(w.root / "ref"), "directory"])),
    Case("evaluate: --src missing", lambda w: (
        ["evaluate", "--hyp", str(w.file("hyp.txt", REVERSED)), "--ref", str(w.file("ref.txt", REVERSED)),
         "--src", str(w.root / "nope.txt"), "--report", str(w.out)], ["--src", str(w.root / "nope.txt")])),
    Case("evaluate: --ref unreadable", lambda w: (
        ["evaluate", "--hyp", str(w.file("hyp.txt", REVERSED)), "--ref", str(w.file("ref.txt", REVERSED, mode=0)),
         "--report", str(w.out)], ["--ref", str(w.root / "ref.txt"), "permission denied"]),
         how="unprivileged"),
    Case("evaluate: --hyp with another line count", lambda w: (
        ["evaluate", "--hyp", str(w.file("hyp.txt", REVERSED[:-6])), "--ref", str(w.file("ref.txt", REVERSED)),
         "--report", str(w.out)], [str(w.root / "hyp.txt"), "has 2 lines but 3 were expected"])),
    Case("evaluate: --ref not UTF-8", lambda w: (
        ["evaluate", "--hyp", str(w.file("hyp.txt", REVERSED)), "--ref", str(w.file("ref.txt", b"c b a\n\xff\nh\n")),
         "--report", str(w.out)], [str(w.root / "ref.txt"), "line 2", "UTF-8"])),
    Case("evaluate: --model without checkpoints", lambda w: (
        ["evaluate", "--model", str(w.model(drop=("checkpoints",))), "--src", str(w.file("src.txt", LINES)),
         "--ref", str(w.file("ref.txt", REVERSED)), "--report", str(w.out)], ["best.pt", "not found"])),
    Case("evaluate: --hyp is the report's own hypotheses.txt", lambda w: (
        ["evaluate", "--model", str(w.model()), "--src", str(w.file("src.txt", LINES)),
         "--ref", str(w.file("ref.txt", REVERSED)), "--hyp", str(w.file("report/hypotheses.txt", REVERSED)),
         "--report", str(w.root / "report")], ["--hyp", str(w.root / "report/hypotheses.txt")])),
    Case("evaluate: --report is a file", lambda w: (
        ["evaluate", "--hyp", str(w.file("hyp.txt", REVERSED)), "--ref", str(w.file("ref.txt", REVERSED)),
         "--report", str(w.file("taken", "notes\n"))], [str(w.root / "taken"), "is a file"])),
    Case("evaluate: --report in a read-only folder", lambda w: (
        ["evaluate", "--hyp", str(w.file("hyp.txt", REVERSED)), "--ref", str(w.file("ref.txt", REVERSED)),
         "--report", str(w.readonly(w.folder("ro")) / "report")], [str(w.root / "ro/report"), "permission denied"]),
         how="unprivileged"),
]


# ---------------------------------------------------------------- checking one run


def snapshot(root: Path) -> dict[str, tuple]:
    """Every path under root: its kind, and for a file its size and modification time."""
    seen = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            kind = stat.S_IFMT(info.st_mode)
            seen[str(path.relative_to(root))] = (kind,) if stat.S_ISDIR(info.st_mode) else \
                (kind, info.st_size, info.st_mtime_ns)
    return seen


def shown_lines(stderr: str) -> list[str]:
    """stderr as a terminal shows it: of a line redrawn with carriage returns (a progress bar), what
    comes after the last one."""
    return [shown for line in stderr.split("\n") if (shown := line.rsplit("\r", 1)[-1]).strip()]


def check(case: Case, argv: list[str], names: list[str], rc, out: str, err: str, before: dict, after: dict) -> None:
    job = argv[0]
    if "Traceback" in err:
        raise Wrong(f"a traceback, not one line:\n{err[-3000:]}")
    lines = shown_lines(err)
    if rc != 2 or len(lines) != 1 or not lines[0].startswith(f"seq2seq {job}: error: "):
        raise Wrong(f"exit code {rc} (2 expected) and stderr {lines!r} (one line 'seq2seq {job}: error: ...')")
    missing = [name for name in names if name.lower() not in lines[0].lower()]
    if missing:
        raise Wrong(f"the message does not name {missing}: {lines[0]}")
    assert out == "", f"stdout: {out!r}"
    made, gone = sorted(set(after) - set(before)), sorted(set(before) - set(after))
    changed = sorted(p for p in set(before) & set(after) if before[p] != after[p])
    if made or gone or changed:
        raise LeftBehind(f"{case.id}: made {made}, removed {gone}, changed {changed}")


def _params(kind: Optional[str] = None, not_kind: Optional[str] = None) -> list:
    return [pytest.param(case, id=case.id) for case in CASES if (kind is None or case.how == kind) and case.how != not_kind]


@pytest.mark.parametrize("case", _params(not_kind="unprivileged"))
def test_bad_input_is_one_line_exit_2_and_nothing_written(case, models, toy_data, tmp_path, capsys):
    w = W(tmp_path, toy_data, models)
    argv, names = case.make(w)
    before = snapshot(tmp_path)
    if case.how == "subprocess":  # end to end: the real exit code and the whole stderr
        done = subprocess.run([sys.executable, "-m", "seq2seq", *argv], cwd=tmp_path, capture_output=True, text=True,
                              timeout=300)
        rc, out, err = done.returncode, done.stdout, done.stderr
    else:
        capsys.readouterr()
        rc = main(argv)
        out, err = capsys.readouterr()
    check(case, argv, names, rc, out, err, before, snapshot(tmp_path))


# ---------------------------------------------------------------- rows that file permissions must bind


# Runs first in a fresh, single-threaded Python, then execs the command in argv[1:]: drops from the bounding
# set the capabilities with which root ignores file modes (CAP_DAC_OVERRIDE 1, CAP_DAC_READ_SEARCH 2;
# PR_CAPBSET_DROP is 24), so the program it execs, still root and the owner of the files, is bound by their
# owner bits. (A preexec_fn would do the same in a fork of this multi-threaded test process, which can hang.)
DROP_FILE_MODE_OVERRIDES = """
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
for cap in (1, 2):
    if libc.prctl(24, cap, 0, 0, 0) != 0:
        sys.exit(f"prctl(PR_CAPBSET_DROP, {cap}) failed: {os.strerror(ctypes.get_errno())}")
os.execv(sys.argv[1], sys.argv[1:])
"""


@dataclass
class Unprivileged:
    """How this test runs commands that file modes must bind, or why it cannot."""

    how: str
    prefix: list  # put before the command
    keywords: dict  # for subprocess.run
    uid: Optional[int] = None  # the workspace is chowned to it
    skip: Optional[str] = None

    def run(self, argv: list[str], **keywords) -> subprocess.CompletedProcess:
        return subprocess.run([*self.prefix, *argv], capture_output=True, text=True, **self.keywords, **keywords)


@contextlib.contextmanager
def _probe_file(mode: int):
    """A file of this mode in a folder of its own, both owned by this user."""
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "probe"
        path.write_text("x")
        path.chmod(mode)
        folder.chmod(0o755)
        yield path
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def find_unprivileged() -> Unprivileged:
    if os.geteuid() != 0:
        return Unprivileged("this user (not root: file modes bind)", [], {})
    env = {**os.environ, "HOME": "/tmp", "TMPDIR": "/tmp"}
    nobody = Unprivileged("uid 65534", [], {"user": 65534, "group": 65534, "extra_groups": []}, uid=65534)
    try:
        probe = nobody.run([sys.executable, "-c", "import seq2seq, torch"], cwd="/", env=env, timeout=300)
        if probe.returncode == 0:
            return nobody
        why_not_nobody = f"uid 65534 cannot import seq2seq and torch ({probe.stderr.strip().splitlines()[-1:]})"
    except OSError as error:  # e.g. this Python lives under root's 0700 home
        why_not_nobody = f"uid 65534 cannot run {sys.executable} ({error.strerror})"
    if not sys.platform.startswith("linux"):
        return Unprivileged("", [], {}, skip=f"{why_not_nobody}, and dropping capabilities needs Linux")
    dropped = Unprivileged("root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH",
                           [sys.executable, "-c", DROP_FILE_MODE_OVERRIDES], {})
    with _probe_file(0) as path:
        probe = dropped.run([sys.executable, "-c", f"open({str(path)!r})"], timeout=60)
    if "PermissionError" not in probe.stderr:
        return Unprivileged("", [], {}, skip=f"{why_not_nobody}, and root cannot drop its file-mode override "
                                             f"({probe.stderr.strip()[-300:] or 'it still reads a file of mode 000'})")
    return dropped


# Runs in the unprivileged child: every row's command through seq2seq.cli.main, each with its own stdout
# and stderr; a traceback that escapes main is recorded as what the real CLI would print.
RUNNER = """
import contextlib, io, json, sys, traceback
from seq2seq.cli import main
results = {}
for row in json.load(open(sys.argv[1])):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main(row["argv"])
        except SystemExit as stop:
            rc = stop.code
        except BaseException:
            rc = 1
            traceback.print_exc()
    results[row["id"]] = {"rc": rc, "out": out.getvalue(), "err": err.getvalue()}
json.dump(results, open(sys.argv[2], "w"))
"""


@dataclass
class UnprivilegedRun:
    who: Unprivileged
    rows: dict  # case id -> (argv, names, before, after, result)


@pytest.fixture(scope="module")
def unprivileged_run(models, toy_data):
    """Every unprivileged row, set up in its own folder of one world-traversable workspace and run in one
    unprivileged child process (one start of Python and torch for all of them)."""
    who = find_unprivileged()
    if who.skip:
        pytest.skip(who.skip)
    workspace = Path(tempfile.mkdtemp(prefix="seq2seq_bad_input_"))
    try:
        workspace.chmod(0o755)
        data = workspace / "data"
        shutil.copytree(toy_data, data)
        home = workspace / "home"
        home.mkdir()
        rows, spec = {}, []
        for case in CASES:
            if case.how == "unprivileged":
                w = W(workspace / f"row{len(spec)}", data, models)
                w.root.mkdir()
                argv, names = case.make(w)
                rows[case.id] = [w.root, argv, names]
                spec.append({"id": case.id, "argv": argv})
        (home / "rows.json").write_text(json.dumps(spec))
        if who.uid is not None:
            for folder, dirs, files in os.walk(workspace):
                for name in [folder, *[os.path.join(folder, n) for n in dirs + files]]:
                    os.chown(name, who.uid, who.uid, follow_symlinks=False)
        befores = {case_id: snapshot(root) for case_id, (root, _, _) in rows.items()}
        env = {**os.environ, "HOME": str(home), "TMPDIR": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
        done = who.run([sys.executable, "-c", RUNNER, str(home / "rows.json"), str(home / "results.json")],
                       cwd=home, env=env, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        results = json.loads((home / "results.json").read_text())
        yield UnprivilegedRun(who, {case_id: (argv, names, befores[case_id], snapshot(root), results[case_id])
                                    for case_id, (root, argv, names) in rows.items()})
    finally:
        for folder, dirs, files in os.walk(workspace):  # give the owner its rights back, to remove it all
            for name in dirs + files:
                path = os.path.join(folder, name)
                if not os.path.islink(path):
                    os.chmod(path, 0o700)
        shutil.rmtree(workspace, ignore_errors=True)


@pytest.mark.parametrize("case", _params("unprivileged"))
def test_bad_permissions_are_one_line_exit_2_and_nothing_written(case, unprivileged_run):
    argv, names, before, after, result = unprivileged_run.rows[case.id]
    check(case, argv, names, result["rc"], result["out"], result["err"], before, after)


def test_unprivileged_runner_cannot_override_file_modes(unprivileged_run):
    """The identity the permission rows ran under is refused a file of mode 000 and a read-only folder;
    otherwise those rows would prove nothing."""
    who = unprivileged_run.who
    with _probe_file(0) as path:
        if who.uid is not None:
            os.chown(path, who.uid, who.uid)
            os.chown(path.parent, who.uid, who.uid)
        path.parent.chmod(0o555)
        code = (f"import sys\nfor f, m in (({str(path)!r}, 'r'), ({str(path.parent / 'new')!r}, 'w')):\n"
                "    try:\n        open(f, m)\n    except PermissionError:\n        continue\n    sys.exit(f)\n")
        done = who.run([sys.executable, "-c", code], timeout=60, cwd="/")
        path.parent.chmod(0o755)
    assert done.returncode == 0, f"{who.how} could open {done.stderr.strip()}"

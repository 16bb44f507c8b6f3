"""The command line end to end: `seq2seq train` then `seq2seq translate`, line for line, errors on one line."""
from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from seq2seq.cli import main
from seq2seq.training import train
from seq2seq.translate import Translator

ROOT = Path(__file__).resolve().parents[1]
RECIPE = str(ROOT / "recipes" / "toy_reverse.yaml")
SCRIPT = shutil.which("seq2seq")

LONG = " ".join("abcdefghijklmnopqrst"[i % 20] for i in range(500))
# Input lines as bytes, each given with its own line ending.
LINES = [
    b"a b c\n",
    b"\n",  # empty
    b"    \n",  # only spaces
    b"d e f\r\n",  # Windows line ending
    "g h\u2028i j\n".encode(),  # LINE SEPARATOR inside a line must not split it
    b"t s r q p\n",
    LONG.encode() + b"\n",  # very long
    "ü a 漢\n".encode(),  # unseen characters
    b"\r\n",  # empty, Windows line ending
    "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\n".encode(),  # other characters str.splitlines() would split on
    b"k l m",  # no final newline
]


def run(args: list[str], input: bytes | None = None, script: bool = False, **kw) -> subprocess.CompletedProcess:
    cmd = ([SCRIPT] if script else [sys.executable, "-m", "seq2seq"]) + args
    if "stdin" not in kw:
        kw["input"] = input
    if "stdout" not in kw:
        kw["capture_output"] = True
    else:
        kw["stderr"] = subprocess.PIPE
    return subprocess.run(cmd, timeout=300, cwd=ROOT, **kw)


def expected_lines(model_dir: Path, checkpoint: str = "best") -> list[str]:
    """What the Python API gives for LINES (line endings removed)."""
    text = [raw.decode("utf-8").rstrip("\n").rstrip("\r") for raw in LINES]
    return Translator.load(model_dir, checkpoint, device="cpu").translate(text)


def output_lines(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert text.endswith("\n")
    return text[:-1].split("\n")


@pytest.fixture(scope="module")
def cli_model(toy_overrides, tmp_path_factory) -> Path:
    """A model trained by `python -m seq2seq train RECIPE --set ...` (6 steps)."""
    model_dir = tmp_path_factory.mktemp("cli") / "model"
    sets = toy_overrides(model_dir, "training.max_steps=6", "training.valid_every=3")
    done = run(["train", RECIPE, *[arg for s in sets for arg in ("--set", s)]])
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout == b"", "training writes its log to stderr, never stdout"
    assert b"Traceback" not in done.stderr
    assert (model_dir / "checkpoints" / "best.pt").is_file()
    return model_dir


# ---------------------------------------------------------------------- help


@pytest.mark.parametrize("script", [False, True], ids=["python-m", "script"])
def test_help(script):
    if script and SCRIPT is None:
        pytest.skip("the seq2seq script is not on PATH")
    for args in (["--help"], ["train", "--help"], ["translate", "--help"]):
        done = run(args, script=script)
        assert done.returncode == 0, done.stderr
        assert b"usage: seq2seq" in done.stdout
    assert b"train" in run(["--help"], script=script).stdout
    assert run(["--version"], script=script).stdout.startswith(b"seq2seq ")


def test_translate_help_gives_resume_and_the_chunk_size(capsys):
    from seq2seq.translate import CHUNK_LINES

    with pytest.raises(SystemExit) as done:
        main(["translate", "--help"])
    assert done.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--resume" in help_text and f"--resume restarts from (default: {CHUNK_LINES})" in help_text


def test_no_job_is_a_usage_error():
    done = run([])
    assert done.returncode == 2 and b"Traceback" not in done.stderr


# ---------------------------------------------------------------------- train then translate


def test_train_then_translate_stdin_to_stdout(cli_model, tmp_path):
    """seq2seq train RECIPE --set ...; seq2seq translate --model DIR < input > output"""
    source, target = tmp_path / "input.txt", tmp_path / "output.txt"
    source.write_bytes(b"".join(LINES))
    with source.open("rb") as stdin, target.open("wb") as stdout:
        done = run(["translate", "--model", str(cli_model)], stdin=stdin, stdout=stdout)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    written = target.read_bytes()
    out = output_lines(written)
    assert len(out) == len(LINES)
    assert out == expected_lines(cli_model)
    assert b"\r" not in written
    assert f"translated {len(LINES)} sentences" in done.stderr.decode()  # the summary goes to stderr
    assert b"Traceback" not in done.stderr


def test_translate_line_for_line_in_order(trained_model):
    """With a model that really translates, stdout holds exactly the API's translations, in input order."""
    done = run(["translate", "--model", str(trained_model.dir)], input=b"".join(LINES))
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    out = output_lines(done.stdout)
    assert len(out) == len(LINES)
    assert out == expected_lines(trained_model.dir)  # nothing but the translations on stdout, in order
    assert out[1] == out[2] == out[8] == ""
    assert out[0] and out[3] and out[5] and len({out[0], out[3], out[5]}) == 3
    testing = trained_model.recipe.testing
    assert len(out[6].split()) <= testing.max_len_a * len(LONG.split()) + testing.max_len_b
    assert b"\r" not in done.stdout
    assert f"translated {len(LINES)} sentences" in done.stderr.decode()
    assert b"Traceback" not in done.stderr


def test_translate_input_and_output_files(trained_model, tmp_path):
    """Through the installed `seq2seq` script when it is on PATH (python -m seq2seq otherwise)."""
    script = SCRIPT is not None
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"".join(LINES))
    done = run(["translate", "--model", str(trained_model.dir), "--checkpoint", "last", "-q",
                "--input", str(source), "--output", str(target)], script=script)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout == b""
    assert output_lines(target.read_bytes()) == expected_lines(trained_model.dir, "last")
    assert f"translated {len(LINES)} sentences" in done.stderr.decode()


def test_translate_checkpoint_path_and_length_options_in_process(cli_model, tmp_path):
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"a b c d e f g h\nq r s\n")
    checkpoint = str(cli_model / "checkpoints" / "last.pt")
    assert main(["translate", "--model", str(cli_model), "--checkpoint", checkpoint, "-q", "--input", str(source),
                 "--output", str(target), "--max-len-a", "0", "--max-len-b", "2", "--batch-tokens", "3"]) == 0
    out = output_lines(target.read_bytes())
    assert len(out) == 2 and all(len(line.split()) <= 2 for line in out)
    translator = Translator.load(cli_model, checkpoint, device="cpu")
    expected = translator.translate(["a b c d e f g h", "q r s"], translator.options(max_len_a=0.0, max_len_b=2))
    assert out == expected


def test_empty_input_gives_empty_output(cli_model, tmp_path):
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"")
    assert main(["translate", "--model", str(cli_model), "-q", "--input", str(source), "--output", str(target)]) == 0
    assert target.read_bytes() == b""


def test_translate_reads_gzip_input(cli_model, tmp_path):
    source, target = tmp_path / "in.en.gz", tmp_path / "out.txt"
    source.write_bytes(gzip.compress(b"".join(LINES)))
    assert main(["translate", "--model", str(cli_model), "-q", "--input", str(source), "--output", str(target)]) == 0
    assert output_lines(target.read_bytes()) == expected_lines(cli_model)


def test_translating_a_file_onto_itself_is_refused_and_leaves_it_intact(cli_model, tmp_path, capsys):
    source = tmp_path / "in.txt"
    source.write_bytes(b"a b c\nd e\n")
    assert main(["translate", "--model", str(cli_model), "-q", "--input", str(source), "--output",
                 str(tmp_path / "." / "in.txt")]) == 2
    line = one_line_error(capsys.readouterr().err, "translate")
    assert "is the --input file" in line
    assert source.read_bytes() == b"a b c\nd e\n"


def test_a_bad_option_is_a_one_line_error_with_the_progress_bar_on(cli_model):
    done = run(["translate", "--model", str(cli_model), "--beam-size", "2", "--n-best", "3"], input=b"a b\n")
    assert done.returncode == 2
    assert "n-best" in one_line_error(done.stderr.decode(errors="replace"), "translate")
    assert done.stdout == b""


def test_a_reader_that_stops_early_ends_translate_quietly(trained_model, tmp_path):
    """`seq2seq translate ... | head -n 1`: more output than a pipe holds, and the reader goes away."""
    source = tmp_path / "in.txt"
    source.write_bytes(b"a b c d e f g h i j k l m n o p\n" * 6000)  # about 190 KB of reversed output
    model = str(trained_model.dir)
    with source.open("rb") as stdin:
        child = subprocess.Popen([sys.executable, "-m", "seq2seq", "translate", "--model", model, "-q"],
                                 cwd=ROOT, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = child.stdout.readline()
        child.stdout.close()
        err = child.stderr.read().decode(errors="replace")
        assert child.wait(timeout=300) == 0, err
    assert len(first) > 20 and first.endswith(b"\n")
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_n_best_writes_exactly_n_lines_per_input(trained_model, tmp_path):
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"a b c\n\nt s r q p\n")
    assert main(["translate", "--model", str(trained_model.dir), "-q", "--input", str(source), "--output",
                 str(target), "--beam-size", "4", "--n-best", "3", "--alpha", "0.5"]) == 0
    rows = [line.split("\t") for line in output_lines(target.read_bytes())]
    assert [int(r[0]) for r in rows] == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert all(len(r) == 3 for r in rows)
    for index in (0, 2):
        scores = [float(r[1]) for r in rows if int(r[0]) == index]
        assert scores == sorted(scores, reverse=True)
        texts = [r[2] for r in rows if int(r[0]) == index]
        assert len(set(texts)) == 3
    translator = Translator.load(trained_model.dir, device="cpu")
    best = translator.translate(["a b c", "", "t s r q p"], translator.options(beam_size=4, alpha=0.5))
    assert [rows[0][2], rows[3][2], rows[6][2]] == best
    assert rows[3][2] == "" and rows[3][1] == "-inf"  # an empty input still gets its n lines


def test_repeated_model_decodes_with_an_ensemble(trained_model, tmp_path, capsys):
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"a b c\n\nt s r q p\n")
    model = str(trained_model.dir)
    assert main(["translate", "--model", model, "--model", model, "-q", "--input", str(source),
                 "--output", str(target)]) == 0
    assert output_lines(target.read_bytes()) == Translator.load(model, device="cpu").translate(
        ["a b c", "", "t s r q p"])
    other = tmp_path / "other"  # the same model reading its source with ids shifted: refused, naming both
    shutil.copytree(model, other)
    vocab = (other / "src_vocab.txt").read_text().splitlines()
    (other / "src_vocab.txt").write_text("\n".join(vocab[:4] + vocab[5:] + vocab[4:5]) + "\n")
    capsys.readouterr()
    assert main(["translate", "--model", model, "--model", str(other), "-q", "--input", str(source)]) == 2
    line = one_line_error(capsys.readouterr().err, "translate")
    assert f"cannot ensemble {model} with {other}: their source vocabularies differ" in line


def test_n_best_larger_than_beam_exits_2(cli_model, tmp_path, capsys):
    source = tmp_path / "in.txt"
    source.write_bytes(b"a b\n")
    assert main(["translate", "--model", str(cli_model), "-q", "--input", str(source), "--beam-size", "2",
                 "--n-best", "3"]) == 2
    assert "n-best" in capsys.readouterr().err
    empty, target = tmp_path / "empty.txt", tmp_path / "out.txt"
    empty.write_bytes(b"")
    assert main(["translate", "--model", str(cli_model), "--input", str(empty), "--output", str(target),
                 "--beam-size", "2", "--n-best", "3"]) == 2  # even for empty input, with the bar on
    assert "n-best" in capsys.readouterr().err  # refused before the output was made
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "in.txt"]


def test_training_resumes_exactly_in_a_fresh_process_with_subword_sampling(toy_recipe, toy_overrides, tmp_path):
    """Users train and resume in separate processes: a run cut at step 13 and resumed by a new process
    ends with the weights of an unbroken run in this process, per-epoch subword sampling included
    (30 steps reach a second, resampled epoch; the cut falls in the middle of the first)."""
    sampling = ("training.max_steps=30", "data.level=sentencepiece", "data.sentencepiece.vocab_size=32",
                "data.sentencepiece.all_pieces=true", "data.sentencepiece.sampling_alpha=0.3", "training.valid_every=5")
    unbroken = torch.load(train(toy_recipe(tmp_path / "unbroken", *sampling)) / "checkpoints" / "last.pt",
                          map_location="cpu", weights_only=False)["model"]
    sets = toy_overrides(tmp_path / "cut", *sampling)
    for flags in (["--set", "training.max_steps=13"], ["--resume"]):
        done = run(["train", RECIPE, *[arg for s in sets for arg in ("--set", s)], *flags])
        assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    resumed = torch.load(tmp_path / "cut" / "checkpoints" / "last.pt", map_location="cpu", weights_only=False)["model"]
    assert unbroken.keys() == resumed.keys()
    assert [k for k in unbroken if not torch.equal(unbroken[k], resumed[k])] == []


# ---------------------------------------------------------------------- errors


def one_line_error(stderr: str, job: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"seq2seq {job}: error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_recipe_error_exits_2_with_one_line(tmp_path):
    done = run(["train", RECIPE, "--set", "model.encoder.cell=lstmm", "--set", f"model_dir={tmp_path / 'm'}"])
    assert done.returncode == 2
    line = one_line_error(done.stderr.decode(), "train")
    assert "model.encoder.cell" in line and "lstm" in line
    assert done.stdout == b""
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("sets, words", [
    (["training.learning_rat=0.1"], ["training.learning_rat", "training.learning_rate"]),
    (["training.max_steps=-5"], ["training.max_steps"]),
    (["training.max_steps=lots"], ["training.max_steps", "integer"]),
    (["model.attention.type=dot"], ["dot", "hidden_size"]),
    (["training.max_steps=null"], ["never stops"]),
    (["no-equals-sign"], ["KEY=VALUE"]),
    (["model.encoder=3"], ["model.encoder"]),
    (["training.seed=-1"], ["training.seed", "4294967294"]),  # a training-only check: refused before any file
    (["training.schedule=plateau", "training.learning_rate=1e-6"], ["training.min_learning_rate", "below"]),
])
def test_recipe_errors_in_process(capsys, tmp_path, sets, words):
    argv = ["train", RECIPE, "--set", f"model_dir={tmp_path / 'm'}"]
    for s in sets:
        argv += ["--set", s]
    assert main(argv) == 2
    line = one_line_error(capsys.readouterr().err, "train")
    for word in words:
        assert word in line
    assert not (tmp_path / "m").exists()


def test_bad_recipe_files_in_process(capsys, tmp_path):
    assert main(["train", str(tmp_path / "missing.yaml")]) == 2
    assert "not found" in one_line_error(capsys.readouterr().err, "train")
    broken = tmp_path / "broken.yaml"
    broken.write_text("model_dir: x\ndata: [unclosed\n", encoding="utf-8")
    assert main(["train", str(broken)]) == 2
    assert "YAML" in one_line_error(capsys.readouterr().err, "train")


def test_existing_model_refuses_a_new_run_in_process(cli_model, toy_overrides, capsys):
    argv = ["train", RECIPE]
    for s in toy_overrides(cli_model, "training.max_steps=6", "training.valid_every=3"):
        argv += ["--set", s]
    assert main(argv) == 2
    line = one_line_error(capsys.readouterr().err, "train")
    assert "--resume" in line and "--overwrite" in line


def utf8_warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "not UTF-8" in line]


def test_non_utf8_input_is_translated_with_one_warning_naming_the_line(cli_model):
    """A line that is not UTF-8 does not stop a batch job: its bad bytes are read as U+FFFD, it gets its
    output line like any other, and stderr names the first such line once."""
    done = run(["translate", "--model", str(cli_model), "-q"], input=b"a b c\nd \xff\xfe e\nf g\nh \xc3\n")
    err = done.stderr.decode(errors="replace")
    assert done.returncode == 0, err
    translator = Translator.load(cli_model, device="cpu")
    assert output_lines(done.stdout) == translator.translate(["a b c", "d \ufffd\ufffd e", "f g", "h \ufffd"])
    (warning,) = utf8_warnings(err)
    assert warning.startswith("standard input line 2: not UTF-8 text") and "U+FFFD" in warning
    assert "Traceback" not in err


def test_non_utf8_input_file_is_translated_naming_file_and_line(cli_model, tmp_path, capsys):
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"a\nb\nc \xc3\n\xe9t\xe9\n")
    assert main(["translate", "--model", str(cli_model), "-q", "--input", str(source), "--output", str(target)]) == 0
    assert len(output_lines(target.read_bytes())) == 4
    (warning,) = utf8_warnings(capsys.readouterr().err)
    assert warning.startswith(f"{source} line 3: not UTF-8 text")


def test_non_utf8_training_data_stays_an_error_naming_file_and_line(toy_data, tmp_path, capsys):
    """What translate reads leniently, training refuses: a corpus must be text."""
    for side in ("src", "trg"):
        (tmp_path / f"train.{side}").write_bytes((toy_data / f"train.{side}").read_bytes())
    with (tmp_path / "train.src").open("ab") as corpus:
        corpus.write(b"caf\xe9\n")
    with (tmp_path / "train.trg").open("ab") as corpus:
        corpus.write(b"x\n")
    lines = (tmp_path / "train.src").read_bytes().count(b"\n")
    assert main(["train", RECIPE, "--set", f"model_dir={tmp_path / 'm'}", "--set", f"data.train={tmp_path / 'train'}",
                 "--set", f"data.valid={toy_data / 'valid'}"]) == 2
    line = capsys.readouterr().err.strip().splitlines()[-1]  # after the corpus-counting bar's carriage returns
    assert line.startswith(f"seq2seq train: error: {tmp_path / 'train.src'} line {lines}: not UTF-8")


def test_unwritable_output_exits_2(cli_model, tmp_path, capsys):
    source = tmp_path / "in.txt"
    source.write_bytes(b"a b\n")
    assert main(["translate", "--model", str(cli_model), "-q", "--input", str(source),
                 "--output", str(tmp_path / "no" / "such" / "out.txt")]) == 2
    assert "out.txt" in one_line_error(capsys.readouterr().err, "translate")


def test_missing_training_corpus_exits_2(tmp_path, capsys):
    argv = ["train", RECIPE, "--set", f"model_dir={tmp_path / 'm'}", "--set", f"data.train={tmp_path / 'nope'}"]
    assert main(argv) == 2
    line = one_line_error(capsys.readouterr().err, "train")
    assert "nope.src" in line


def test_missing_model_dir_exits_2(tmp_path, capsys):
    assert main(["translate", "--model", str(tmp_path / "nope")]) == 2
    assert str(tmp_path / "nope") in one_line_error(capsys.readouterr().err, "translate")


def test_missing_input_file_exits_2(cli_model, tmp_path, capsys):
    assert main(["translate", "--model", str(cli_model), "--input", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in one_line_error(capsys.readouterr().err, "translate")


def test_translate_int8_writes_one_line_per_input(cli_model, tmp_path):
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"a b c\n\nq r s t\n")
    assert main(["translate", "--model", str(cli_model), "--int8", "-q", "--input", str(source),
                 "--output", str(target)]) == 0
    out = output_lines(target.read_bytes())
    assert len(out) == 3 and out[1] == ""

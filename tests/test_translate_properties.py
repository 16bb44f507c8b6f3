"""One line out per line in, for any input: random Unicode (control characters, NUL, every character
str.splitlines() splits on, lone surrogates, RTL marks, emoji, very long tokens and lines, whitespace
only) and bytes that are not UTF-8, through Translator.translate and through the command line (stdin and
--input), for a word-level and a sentencepiece model. Never a crash, one output line per input line, in
order, and no line break of any kind inside an output line."""
from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seq2seq.cli import main
from seq2seq.translate import Translator

ROOT = Path(__file__).resolve().parents[1]
SPM_MODEL = ROOT / "tests" / "data" / "legacy_models" / "sample_spm_shared"  # a small sentencepiece model

# What str.splitlines() (and so many readers) splits a line on; none may appear inside an output line.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
SPECIAL = [*LINE_BREAKS.replace("\n", ""), "\x00", "\t", " ", "\u00a0", "\ufeff", "\u200b", "\u200e", "\u200f",
           "\u202e", "\u2066", "\ud800", "\udbff", "\udc80", "\udcff", "\U0001f600", "\U0001f469\u200d\U0001f467",
           "\ufffd", "<unk>", "</s>", "<s>", "<pad>", "\u0301", "\u05d0"]
WORDS = list("abcdefghijklmnopqrst") + ["A", "man", "is", "riding", "a", "bike", "."]  # both models know these

# Decoding kept short: the properties are about lines, not about how long a translation may be.
DECODING = {"beam_size": 2, "max_len_a": 0.0, "max_len_b": 6}
FLAGS = ["--beam-size", "2", "--max-len-a", "0", "--max-len-b", "6", "-q"]
PROPERTY = settings(deadline=None, max_examples=20, database=None, print_blob=True, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])
CLI_PROPERTY = settings(PROPERTY, max_examples=12)  # each example loads the model

pieces = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(SPECIAL), st.just(" "),
    st.characters(exclude_categories=()),  # any code point, lone surrogates included
    st.text(min_size=1, max_size=8),
)
short_line = st.lists(pieces, max_size=12).map("".join)
long_token = st.builds(lambda piece, n: piece * n, st.sampled_from(WORDS + SPECIAL), st.integers(200, 2500))
long_line = st.builds(lambda words, n: " ".join(words[i % len(words)] for i in range(n)),
                      st.lists(st.sampled_from(WORDS + SPECIAL), min_size=1, max_size=5), st.integers(300, 900))
blank_line = st.lists(st.sampled_from([" ", "\t", "\u00a0", "\u3000", "\x1c", "\x1f", "\x85", "\u2028", "\u2029",
                                       "\x0b", "\x0c", "\r"]), max_size=6).map("".join)
line = st.one_of(short_line, short_line, short_line, blank_line, long_token, long_line)
lines = st.lists(line, max_size=8)

# Input bytes: a line is text (as UTF-8, lone surrogates as surrogateescape or surrogatepass make them)
# and raw bytes that are often not UTF-8; each ends in \n or \r\n, the last one maybe in nothing.
def to_bytes(text: str) -> bytes:
    """UTF-8, with lone surrogates as the bytes surrogateescape (U+DC80..U+DCFF) or surrogatepass makes."""
    escapable = all(not "\ud800" <= c < "\udc80" for c in text)
    return text.encode("utf-8", "surrogateescape" if escapable else "surrogatepass")


raw_piece = st.one_of(
    short_line.map(to_bytes), long_line.map(to_bytes), st.binary(max_size=12),
    st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xef\xbb\xbf"]),
)
raw_line = st.lists(raw_piece, max_size=4).map(lambda parts: b"".join(parts).replace(b"\n", b" "))
raw_input = st.tuples(st.lists(st.tuples(raw_line, st.sampled_from([b"\n", b"\r\n"])), max_size=8),
                      st.booleans()).map(lambda t: b"".join(text + end for text, end in t[0])
                                         + (b"last line without an ending" if t[1] else b""))


def assert_one_line_each(outputs: list[str], n: int) -> None:
    assert len(outputs) == n
    for text in outputs:
        assert isinstance(text, str)
        assert not set(text) & set(LINE_BREAKS), repr(text)
        assert text.splitlines() in ([], [text])
        text.encode("utf-8")  # no lone surrogates: it can be written as UTF-8


def input_lines(data: bytes) -> list[str]:
    """The lines a reader of `data` sees: split on \\n only, each line's \\n or \\r\\n dropped, bytes that are
    not UTF-8 as U+FFFD, a leading byte-order mark dropped."""
    parts = data.split(b"\n")
    if parts[-1] == b"":
        parts.pop()
    return [raw.removeprefix(b"\xef\xbb\xbf" if i == 0 else b"").decode("utf-8", "replace").rstrip("\r")
            for i, raw in enumerate(parts)]


def first_bad_line(data: bytes) -> int | None:
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return None


def output_lines(data: bytes) -> list[str]:
    text = data.decode("utf-8")  # strict: the output is always UTF-8
    assert text == "" or text.endswith("\n")
    return text.split("\n")[:-1]


class _Stdio:
    """A standard stream over bytes, as sys.stdin / sys.stdout are (the CLI uses their .buffer)."""

    def __init__(self, data: bytes = b""):
        self.buffer = io.BytesIO(data)

    def fileno(self) -> int:
        raise io.UnsupportedOperation("in memory")


def run_cli(args: list[str], stdin: bytes = b"") -> tuple[int, bytes, str]:
    """seq2seq.cli.main in this process: exit code, stdout bytes, stderr text."""
    out, err = _Stdio(), io.StringIO()
    with mock.patch.object(sys, "stdin", _Stdio(stdin)), mock.patch.object(sys, "stdout", out), \
            contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.buffer.getvalue(), err.getvalue()


@pytest.fixture(scope="module", params=["word", "sentencepiece"])
def model(request, trained_model) -> tuple[Path, Translator]:
    """A word-level toy model (the session's trained model) and a small sentencepiece one (English-German)."""
    path = trained_model.dir if request.param == "word" else SPM_MODEL
    return path, Translator.load(path, device="cpu")


def _text_only(text: str) -> str:
    """Lone surrogates as U+FFFD, as the translator reads them."""
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def check_api(translator: Translator, sentences: list[str]) -> None:
    options = translator.options(**DECODING)
    found = translator.search(sentences, options)
    assert len(found) == len(sentences)
    for sentence, hyps in zip(sentences, found):  # in order: each result attends over its own input's tokens
        tokens = translator.src_tokenizer.encode(_text_only(sentence)) if sentence.strip() else []
        if tokens:
            assert len(hyps) == 1 and hyps[0].attention.shape[1] == len(tokens) + 1  # and </s>
        else:
            assert hyps == []
    outputs = translator.translate(sentences, options)
    assert outputs == [translator.detokenize(hyps[0] if hyps else None) for hyps in found]
    assert_one_line_each(outputs, len(sentences))
    assert all(out == "" for hyps, out in zip(found, outputs) if not hyps)


# ---------------------------------------------------------------------- the Python API


@PROPERTY
@given(sentences=lines)
def test_translate_gives_one_line_per_input_for_any_text(model, sentences):
    check_api(model[1], sentences)


# ---------------------------------------------------------------------- the command line, in process


@CLI_PROPERTY
@given(data=raw_input)
def test_cli_stdin_gives_one_line_per_input_line_for_any_bytes(model, data):
    path, translator = model
    code, out, err = run_cli(["translate", "--model", str(path), *FLAGS], data)
    assert code == 0, err
    expected = input_lines(data)
    got = output_lines(out)
    assert got == translator.translate(expected, translator.options(**DECODING))  # one per line, in order
    assert_one_line_each(got, len(expected))
    warnings = [line for line in err.splitlines() if "not UTF-8" in line]
    bad = first_bad_line(data)
    if bad is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warnings[0].startswith(f"standard input line {bad}: not UTF-8 text")


@CLI_PROPERTY
@given(data=raw_input, n_best=st.sampled_from([1, 2]))
def test_cli_input_file_gives_one_line_per_input_line_for_any_bytes(model, data, n_best):
    path, translator = model
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.txt", Path(folder) / "out.txt"
        source.write_bytes(data)
        code, out, err = run_cli(["translate", "--model", str(path), "--input", str(source), "--output", str(target),
                                  "--n-best", str(n_best), *FLAGS])
        assert code == 0, err
        assert out == b""
        written = target.read_bytes()
        assert sorted(p.name for p in Path(folder).iterdir()) == ["in.txt", "out.txt"]  # no .partial left
    expected = input_lines(data)
    rows = output_lines(written)
    assert len(rows) == n_best * len(expected)
    if n_best == 1:
        assert rows == translator.translate(expected, translator.options(**DECODING))
    else:
        fields = [row.split("\t", 2) for row in rows]
        assert [int(f[0]) for f in fields] == [i for i in range(len(expected)) for _ in range(n_best)]
        assert_one_line_each([f[2] for f in fields], len(rows))
    warnings = [line for line in err.splitlines() if "not UTF-8" in line]
    bad = first_bad_line(data)
    if bad is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warnings[0].startswith(f"{source} line {bad}: not UTF-8 text")


# ---------------------------------------------------------------------- one real process


KITCHEN_SINK = b"".join([
    b"a b c\n", b"\x00 a \x00\n", b"d e\rf\n", "g\x0bh\x0ci\x1cj\x1dk\x1el\x85m\u2028n\u2029o\n".encode(),
    b"caf\xe9 \xff\xfe p\n", b"\xed\xa0\x80 q\n", "\u202e r s \u200f\U0001f600\n".encode(),
    ("t" * 5000).encode() + b"\n", " ".join(["a"] * 1500).encode() + b"\n", b" \t \r\n", b"\r\n", b"\n",
    "\ufeff".encode() + b"a\n", b"k l m",
])


def test_a_real_process_reading_stdin_writes_one_line_per_input_line(trained_model):
    done = subprocess.run([sys.executable, "-m", "seq2seq", "translate", "--model", str(trained_model.dir), *FLAGS],
                          input=KITCHEN_SINK, capture_output=True, cwd=ROOT, timeout=300)
    err = done.stderr.decode(errors="replace")
    assert done.returncode == 0, err
    expected = input_lines(KITCHEN_SINK)
    assert len(expected) == 14
    got = output_lines(done.stdout)
    translator = Translator.load(trained_model.dir, device="cpu")
    assert got == translator.translate(expected, translator.options(**DECODING))
    assert_one_line_each(got, 14)
    assert [line for line in err.splitlines() if "not UTF-8" in line][0].startswith("standard input line 5: ")
    assert "Traceback" not in err

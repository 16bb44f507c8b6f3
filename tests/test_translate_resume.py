"""`translate --output F` writes F.partial and renames it when done; `--resume` continues a killed or
interrupted job after the last whole chunk of F.partial, and the finished F equals an uninterrupted run's
output byte for byte. Settings that would change the output are refused on resume."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seq2seq.cli import main
from seq2seq.translate import Translator

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 20


def one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("seq2seq translate: error: "), stderr
    return lines[0]


def complete_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n")


@pytest.fixture(scope="module")
def source(trained_model, tmp_path_factory) -> Path:
    """100 lines of the toy test set: 5 chunks of 20."""
    path = tmp_path_factory.mktemp("resume") / "in.txt"
    path.write_bytes((trained_model.data / "test.src").read_bytes())
    assert complete_lines(path) == 100
    return path


def argv(trained_model, source: Path, output: Path, *extra: str) -> list[str]:
    return ["translate", "--model", str(trained_model.dir), "--input", str(source), "--output", str(output),
            "--chunk-lines", str(CHUNK), "-q", *extra]


def side_files(output: Path) -> tuple[Path, Path]:
    return output.with_name(output.name + ".partial"), output.with_name(output.name + ".partial.json")


def interrupt_after(monkeypatch, chunks: int) -> None:
    """Ctrl-C (KeyboardInterrupt) while the chunk after the first `chunks` is being translated."""
    real, calls = Translator.search, [0]

    def search(self, *args, **kwargs):
        calls[0] += 1
        if calls[0] > chunks:
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Translator, "search", search)


# ---------------------------------------------------------------------- a real process, killed


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_job_resumes_to_the_bytes_of_an_uninterrupted_run(trained_model, tmp_path, stop):
    """SIGKILL (no chance to clean up) or SIGTERM (a scheduler's pre-emption: exit 143, saying how to go
    on) once F.partial holds a chunk; --resume in a new process finishes F."""
    source = tmp_path / "in.txt"
    source.write_bytes((trained_model.data / "test.src").read_bytes() * 4)  # 400 lines, 20 chunks
    total = complete_lines(source)
    straight, out = tmp_path / "straight.txt", tmp_path / "OUT"
    done = subprocess.run([sys.executable, "-m", "seq2seq", *argv(trained_model, source, straight)], cwd=ROOT,
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert complete_lines(straight) == total

    command = [sys.executable, "-m", "seq2seq", *argv(trained_model, source, out)]
    partial, record = side_files(out)
    with (tmp_path / "killed.err").open("wb") as err:
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + 300
        while not (partial.exists() and complete_lines(partial) >= CHUNK):
            assert child.poll() is None, (tmp_path / "killed.err").read_text(errors="replace")
            assert time.monotonic() < deadline
            time.sleep(0.005)
        child.send_signal(stop)
        assert child.wait(timeout=60) == (-signal.SIGKILL if stop == signal.SIGKILL else 143)
    if stop == signal.SIGTERM:
        assert "run the same command with --resume" in (tmp_path / "killed.err").read_text(errors="replace")
    kept = complete_lines(partial)
    assert CHUNK <= kept < total and not out.exists(), "the kill must land in the middle of the file"
    assert record.is_file()

    done = subprocess.run([*command, "--resume"], cwd=ROOT, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    resumed_after = kept // CHUNK * CHUNK
    assert f"after its first {resumed_after} translated input lines" in done.stderr.decode()
    assert f"translated {total - resumed_after} sentences" in done.stderr.decode()
    assert out.read_bytes() == straight.read_bytes()
    assert not partial.exists() and not record.exists()


# ---------------------------------------------------------------------- in process: Ctrl-C, torn lines, n-best


def test_an_interrupted_job_keeps_its_chunks_and_a_torn_last_line_is_translated_again(
        trained_model, source, tmp_path, monkeypatch, capsys):
    straight = tmp_path / "straight.txt"
    assert main(argv(trained_model, source, straight)) == 0
    out = tmp_path / "out.txt"
    out.write_bytes(b"an older output\n")
    partial, record = side_files(out)

    interrupt_after(monkeypatch, 2)
    capsys.readouterr()
    assert main(argv(trained_model, source, out)) == 130
    err = capsys.readouterr().err
    assert f"the output so far is in {partial}" in err and "--resume" in err
    assert out.read_bytes() == b"an older output\n"  # F is replaced only by a complete output
    assert partial.read_bytes() == b"".join(straight.read_bytes().splitlines(keepends=True)[:2 * CHUNK])
    assert json.loads(record.read_text())["chunk_lines"] == CHUNK
    monkeypatch.undo()

    # cut in the middle of line 40: 39 complete lines are one whole chunk and 19 lines, which are redone
    lines = partial.read_bytes().splitlines(keepends=True)
    assert len(lines[-1]) > 2
    partial.write_bytes(b"".join(lines[:-1]) + lines[-1][:2])
    assert complete_lines(partial) == 2 * CHUNK - 1
    assert main([*argv(trained_model, source, out), "--resume"]) == 0
    err = capsys.readouterr().err
    assert f"after its first {CHUNK} translated input lines" in err
    assert f"translated {100 - CHUNK} sentences" in err
    assert out.read_bytes() == straight.read_bytes()
    assert not partial.exists() and not record.exists()


def test_n_best_lists_resume_after_whole_chunks_with_their_indices(trained_model, source, tmp_path, monkeypatch,
                                                                   capsys):
    n_best = ("--beam-size", "3", "--n-best", "3")
    straight = tmp_path / "straight.txt"
    assert main(argv(trained_model, source, straight, *n_best)) == 0
    rows = straight.read_bytes().splitlines(keepends=True)
    assert len(rows) == 300 and [int(r.split(b"\t")[0]) for r in rows] == [i for i in range(100) for _ in range(3)]

    out = tmp_path / "out.txt"
    partial, _ = side_files(out)
    interrupt_after(monkeypatch, 3)
    assert main(argv(trained_model, source, out, *n_best)) == 130
    monkeypatch.undo()
    assert partial.read_bytes() == b"".join(rows[:3 * CHUNK * 3])
    partial.write_bytes(b"".join(rows[:3 * CHUNK * 3 - 2]))  # the last input of chunk 3 has 1 of its 3 rows
    capsys.readouterr()
    assert main([*argv(trained_model, source, out, *n_best), "--resume"]) == 0
    assert f"after its first {2 * CHUNK} translated input lines" in capsys.readouterr().err
    assert out.read_bytes() == straight.read_bytes()


# ---------------------------------------------------------------------- refusals and the edge cases


def test_a_resume_with_other_settings_is_refused_naming_the_difference(trained_model, tmp_path, monkeypatch,
                                                                       capsys):
    source = tmp_path / "in.txt"
    source.write_bytes((trained_model.data / "test.src").read_bytes())
    size = source.stat().st_size
    out = tmp_path / "out.txt"
    partial, record = side_files(out)
    interrupt_after(monkeypatch, 1)
    assert main(argv(trained_model, source, out)) == 130
    monkeypatch.undo()
    kept = partial.read_bytes()
    assert kept.count(b"\n") == CHUNK
    other = tmp_path / "other.txt"
    other.write_bytes(source.read_bytes())
    cases = [  # (changed arguments, what the error says)
        ({"--beam-size": "3"}, "--beam-size 5, now --beam-size 3"),
        ({"--alpha": "0.5"}, "--alpha 1.0, now --alpha 0.5"),
        ({"--beam-size": "2", "--n-best": "2"}, "--beam-size 5, now --beam-size 2"),
        ({"--batch-tokens": "100"}, "--batch-tokens 4000, now --batch-tokens 100"),
        ({"--int8": None}, "no --int8, now --int8"),
        ({"--checkpoint": "last"}, "--checkpoint best, now --checkpoint last"),
        ({"--chunk-lines": "10"}, f"--chunk-lines {CHUNK}, now --chunk-lines 10"),
        ({"--input": str(other)}, f"--input {source} ({size} bytes), now --input {other} ({size} bytes)"),
    ]
    capsys.readouterr()
    for changed, words in cases:
        args = argv(trained_model, source, out, "--resume")
        for flag, value in changed.items():
            if flag in args:
                args[args.index(flag) + 1] = value
            else:
                args += [flag] if value is None else [flag, value]
        assert main(args) == 2, changed
        line = one_line_error(capsys.readouterr().err)
        assert f"cannot resume {partial}: it was begun with {words}" in line, (changed, line)
        assert "without --resume to start again" in line
        assert partial.read_bytes() == kept and not out.exists()  # nothing touched
    with source.open("ab") as grow:  # the same input file, changed
        grow.write(b"a b c\n")
    assert main(argv(trained_model, source, out, "--resume")) == 2
    assert f"with --input {source} ({size} bytes), now --input {source} ({size + 6} bytes)" in \
        one_line_error(capsys.readouterr().err)

    record.unlink()  # a partial without its record of settings: nothing to check a resume against
    assert main([*argv(trained_model, source, out), "--resume"]) == 2
    assert f"{record}, the record of its settings, is missing" in one_line_error(capsys.readouterr().err)
    record.write_text("{not json")
    assert main([*argv(trained_model, source, out), "--resume"]) == 2
    assert f"cannot read {record}" in one_line_error(capsys.readouterr().err)


def test_a_job_stopped_before_its_rename_finishes_without_translating_again(trained_model, source, tmp_path,
                                                                           monkeypatch, capsys):
    straight = tmp_path / "straight.txt"
    assert main(argv(trained_model, source, straight)) == 0
    out = tmp_path / "out.txt"
    partial, record = side_files(out)
    interrupt_after(monkeypatch, 1)
    assert main(argv(trained_model, source, out)) == 130
    monkeypatch.undo()
    partial.write_bytes(straight.read_bytes())  # every line written, then stopped before the rename
    capsys.readouterr()
    assert main([*argv(trained_model, source, out), "--resume"]) == 0
    assert "translated 0 sentences after the 100 translated before" in capsys.readouterr().err
    assert out.read_bytes() == straight.read_bytes() and not partial.exists() and not record.exists()


def test_resume_with_nothing_to_resume(trained_model, source, tmp_path, monkeypatch, capsys):
    """No F.partial and no F: start from the beginning (said on stderr). F complete and no F.partial: a
    batch job that is run again has nothing to do, and ends with 0 without loading the model."""
    straight = tmp_path / "straight.txt"
    assert main(argv(trained_model, source, straight)) == 0
    out = tmp_path / "out.txt"
    capsys.readouterr()
    assert main([*argv(trained_model, source, out), "--resume"]) == 0
    assert f"there is no {out}.partial to resume: translating from the first line" in capsys.readouterr().err
    assert out.read_bytes() == straight.read_bytes()

    def no_load(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(Translator, "load", no_load)
    out.write_bytes(b"finished before\n")
    side_files(out)[1].write_text("{}")  # a record left by a job stopped between its rename and cleaning up
    assert main([*argv(trained_model, source, out, "--beam-size", "2"), "--resume"]) == 0
    err = capsys.readouterr().err
    assert f"{out} is already complete" in err and "run without --resume to translate it again" in err
    assert out.read_bytes() == b"finished before\n" and not side_files(out)[1].exists()


def test_resume_needs_output_and_bad_chunk_lines_create_nothing(trained_model, source, tmp_path, capsys):
    assert main(["translate", "--model", str(trained_model.dir), "--input", str(source), "--resume"]) == 2
    assert "--resume needs --output" in one_line_error(capsys.readouterr().err)
    out = tmp_path / "out.txt"
    assert main(argv(trained_model, source, out, "--chunk-lines", "0")) == 2
    assert "--chunk-lines 0: allowed: a positive number" in one_line_error(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


def test_without_resume_an_old_partial_is_overwritten(trained_model, source, tmp_path):
    straight = tmp_path / "straight.txt"
    assert main(argv(trained_model, source, straight)) == 0
    out = tmp_path / "out.txt"
    partial, record = side_files(out)
    partial.write_bytes(b"stale\nlines\n")
    record.write_text('{"format": 1, "chunk_lines": 3}')
    assert main(argv(trained_model, source, out)) == 0
    assert out.read_bytes() == straight.read_bytes()
    assert not partial.exists() and not record.exists()


def test_the_partial_may_not_be_the_input(trained_model, tmp_path, capsys):
    source = tmp_path / "out.txt.partial"
    source.write_bytes(b"a b c\n")
    assert main(argv(trained_model, source, tmp_path / "out.txt")) == 2
    assert "is the --input file" in one_line_error(capsys.readouterr().err)
    assert source.read_bytes() == b"a b c\n"

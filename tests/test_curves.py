"""Validation curves side by side: runs aligned by update, best values marked, clear errors on bad files."""
import json

import pytest

from seq2seq.cli import main
from seq2seq.curves import compare_runs, comparison, curve_table, read_validations
from seq2seq.errors import Seq2SeqError


def write_run(directory, rows):
    directory.mkdir(parents=True)
    (directory / "validations.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return directory


A = [{"step": 600, "valid_loss": 2.9, "bleu": 20.0, "chrf": 42.0},
     {"step": 1200, "valid_loss": 2.1, "bleu": 31.5, "chrf": 55.0},
     {"step": 1800, "valid_loss": 2.2, "bleu": 30.0, "chrf": 54.0}]
B = [{"step": 600, "valid_loss": 2.8, "bleu": 21.0, "chrf": 43.0},
     {"step": 1200, "valid_loss": 2.15, "bleu": 30.0, "chrf": 56.0}]


def test_table_aligns_runs_by_update_and_marks_each_runs_best():
    table = curve_table({"a": A, "b": B}, ["valid_loss", "bleu"])
    assert table[0] == ["update", "a: val loss", "a: greedy BLEU", "b: val loss", "b: greedy BLEU"]
    assert table[1] == ["600", "2.900", "20.00", "2.800", "21.00"]
    assert table[2] == ["1,200", "**2.100**", "**31.50**", "**2.150**", "**30.00**"]
    assert table[3] == ["1,800", "2.200", "30.00", "", ""]  # b stopped earlier: blanks, not zeros


def test_comparison_counts_shared_validations_in_the_metrics_direction():
    runs = {"a": A, "b": B}
    loss, bleu = comparison(runs, "valid_loss"), comparison(runs, "bleu")
    assert loss == ["b against a: val loss better at 1 of 2 shared validations "
                    "(difference -0.100 to +0.050; last +0.050)"]
    assert bleu == ["b against a: greedy BLEU better at 1 of 2 shared validations "
                    "(difference -1.50 to +1.00; last -1.50)"]


def test_runs_are_read_from_directories_or_files_and_named_by_directory(tmp_path):
    a, b = write_run(tmp_path / "ref", A), write_run(tmp_path / "study", B)
    text = compare_runs([a / "validations.jsonl", b], metrics=["bleu"])
    assert text.splitlines()[0] == "| update | ref: greedy BLEU | study: greedy BLEU |"
    assert "- study against ref: greedy BLEU better at 1 of 2" in text


def test_a_cut_short_file_names_its_line(tmp_path):
    run = write_run(tmp_path / "run", A)
    with (run / "validations.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"step": 2400, "valid_lo')
    with pytest.raises(Seq2SeqError, match=r"validations.jsonl, line 4: not JSON"):
        read_validations(run)


def test_bad_arguments_are_user_errors(tmp_path):
    with pytest.raises(Seq2SeqError, match="no such file"):
        read_validations(tmp_path)
    with pytest.raises(Seq2SeqError, match="unknown metric 'blue'"):
        curve_table({"a": A}, ["blue"])
    with pytest.raises(Seq2SeqError, match="no metric to show"):
        curve_table({"a": A}, [])
    run = write_run(tmp_path / "x" / "run", A)
    with pytest.raises(Seq2SeqError, match="distinct names"):
        compare_runs([run, run])
    with pytest.raises(Seq2SeqError, match="one name per run"):
        compare_runs([run], names=["a", "b"])


def test_cli_prints_the_table_and_draws_the_plot(tmp_path, capsys):
    a, b = write_run(tmp_path / "a", A), write_run(tmp_path / "b", B)
    png = tmp_path / "curves.png"
    assert main(["curves", str(a), str(b), "--name", "ref", "--name", "new", "--plot", str(png)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| update | ref: val loss |") and "| 1,800 |" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["curves", str(a), "--metrics", "bleu,perplexity"]) == 2
    assert "unknown metric 'perplexity'" in capsys.readouterr().err


def test_a_pipe_in_a_run_name_keeps_the_table_whole(tmp_path):
    text = compare_runs([write_run(tmp_path / "a", A)], names=["seed 42 | ref"], metrics=["bleu"])
    assert text.splitlines()[0] == "| update | seed 42 \\| ref: greedy BLEU |"

"""data_scripts/prepare_hf.py on local json/csv files through `datasets` (no hub access)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import load_script


@pytest.fixture
def script(offline_datasets):
    return load_script("prepare_hf")


def write_jsonl(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def lines(path: Path) -> list[str]:
    data = path.read_bytes().decode("utf-8")
    assert data.endswith("\n")
    return data[:-1].split("\n")


TRAIN = [{"translation": {"en": "A cat.", "de": "Eine Katze."}},
         {"translation": {"en": "Größe\nzwei", "de": "size\u2028two"}},  # breaks inside sentences
         {"translation": {"en": "", "de": "leer"}}]


def test_exports_every_split_one_line_per_row_in_order(script, tmp_path, capsys):
    train = write_jsonl(tmp_path / "train.jsonl", TRAIN)
    valid = write_jsonl(tmp_path / "valid.jsonl", [{"translation": {"en": "dog", "de": "Hund"}}])
    out = tmp_path / "out"
    code = script.main(["--dataset", "json", "--data-file", f"train={train}", "--data-file", f"validation={valid}",
                        "--src-lang", "en", "--trg-lang", "de", "--split", "train=train",
                        "--split", "validation=val", "--out", str(out)])
    assert code == 0
    assert lines(out / "train.en") == ["A cat.", "Größe zwei", ""]
    assert lines(out / "train.de") == ["Eine Katze.", "size two", "leer"]
    assert lines(out / "val.en") == ["dog"] and lines(out / "val.de") == ["Hund"]
    assert "1 rows had line breaks" in capsys.readouterr().err
    assert not list(out.glob("*.tmp"))


def test_the_output_reads_back_as_a_recipe_corpus(script, tmp_path):
    from seq2seq.data.corpus import read_text_pairs

    train = write_jsonl(tmp_path / "train.jsonl", TRAIN)
    out = tmp_path / "out"
    script.prepare(out, "json", "en", "de", {"train": "train"}, data_files={"train": train})
    assert read_text_pairs(str(out / "train"), "en", "de") == (["A cat.", "Größe zwei", ""],
                                                               ["Eine Katze.", "size two", "leer"])


def test_flat_csv_columns(script, tmp_path):
    path = tmp_path / "pairs.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "english", "german"])
        writer.writerows([[1, "one, two", "eins, zwei"], [2, "three", "drei"]])
    out = tmp_path / "out"
    assert script.main(["--dataset", "csv", "--data-file", f"train={path}", "--src-lang", "en", "--trg-lang", "de",
                        "--src-column", "english", "--trg-column", "german", "--split", "train=train",
                        "--out", str(out)]) == 0
    assert lines(out / "train.en") == ["one, two", "three"]
    assert lines(out / "train.de") == ["eins, zwei", "drei"]


def test_rows_stream_from_datasets(script, tmp_path, monkeypatch):
    import datasets

    calls = []
    real = datasets.load_dataset
    monkeypatch.setattr(datasets, "load_dataset", lambda *a, **kw: calls.append(kw) or real(*a, **kw))
    train = write_jsonl(tmp_path / "train.jsonl", TRAIN)
    script.prepare(tmp_path / "out", "json", "en", "de", {"train": "train"}, data_files={"train": train})
    assert calls and all(kw.get("streaming") is True for kw in calls)


def test_missing_column_names_it_and_the_flags(script, tmp_path, capsys):
    train = write_jsonl(tmp_path / "train.jsonl", TRAIN)
    out = tmp_path / "out"
    assert script.main(["--dataset", "json", "--data-file", f"train={train}", "--src-lang", "en", "--trg-lang", "fr",
                        "--split", "train=train", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "translation.fr" in err and "--trg-column" in err and "row 0" in err
    assert not (out / "train.en").exists() and not list(out.glob("*.tmp"))  # nothing half-written


def test_null_value_is_an_error_naming_the_row(script, tmp_path, capsys):
    train = write_jsonl(tmp_path / "train.jsonl", [{"en": "a", "de": "b"}, {"en": None, "de": "c"}])
    assert script.main(["--dataset", "json", "--data-file", f"train={train}", "--src-lang", "en", "--trg-lang", "de",
                        "--src-column", "en", "--trg-column", "de", "--split", "train=train",
                        "--out", str(tmp_path / "out")]) == 1
    assert "row 1" in capsys.readouterr().err


def test_existing_outputs_are_kept_unless_forced(script, tmp_path):
    train = write_jsonl(tmp_path / "train.jsonl", TRAIN)
    out = tmp_path / "out"
    args = dict(data_files={"train": train})
    assert len(script.prepare(out, "json", "en", "de", {"train": "train"}, **args)) == 2
    (out / "train.en").write_text("edited\n", encoding="utf-8")
    assert script.prepare(out, "json", "en", "de", {"train": "train"}, **args) == []
    assert lines(out / "train.en") == ["edited"]
    assert len(script.prepare(out, "json", "en", "de", {"train": "train"}, force=True, **args)) == 2
    assert lines(out / "train.en")[0] == "A cat."


def test_malformed_split_argument_exits_1(script, tmp_path, capsys):
    assert script.main(["--dataset", "json", "--src-lang", "en", "--trg-lang", "de", "--split", "train",
                        "--out", str(tmp_path)]) == 1
    assert "KEY=VALUE" in capsys.readouterr().err


def test_an_empty_split_is_an_error_and_leaves_no_files(script, tmp_path):
    train = tmp_path / "train.jsonl"
    train.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    assert script.main(["--dataset", "json", "--data-file", f"train={train}", "--src-lang", "en", "--trg-lang", "de",
                        "--split", "train=train", "--out", str(out)]) == 1
    assert not list(out.glob("train.*"))  # so a second run does not take it for done


def test_a_split_may_have_several_files_read_in_order(script, tmp_path):
    first = write_jsonl(tmp_path / "a.jsonl", TRAIN[:1])
    second = write_jsonl(tmp_path / "b.jsonl", [{"translation": {"en": "dog", "de": "Hund"}}])
    out = tmp_path / "out"
    assert script.main(["--dataset", "json", "--data-file", f"train={first}", "--data-file", f"train={second}",
                        "--src-lang", "en", "--trg-lang", "de", "--split", "train=train", "--out", str(out)]) == 0
    assert lines(out / "train.en") == ["A cat.", "dog"]  # both files, not only the last one given


@pytest.mark.parametrize("flags, message", [
    (["--split", "train=train", "--split", "train=other"], "--split train= is given twice"),
    (["--split", "train=train", "--split", "validation=train"], "two splits would both be written as train.en"),
    (["--split", "train=train", "--trg-lang", "en"], "both 'en', so both sides would go to one file"),
])
def test_arguments_that_would_overwrite_an_export_are_refused(script, tmp_path, capsys, flags, message):
    train = write_jsonl(tmp_path / "train.jsonl", TRAIN)
    args = ["--dataset", "json", "--data-file", f"train={train}", "--src-lang", "en", *flags, "--out",
            str(tmp_path / "out")]
    if "--trg-lang" not in flags:
        args += ["--trg-lang", "de"]
    assert script.main(args) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # refused before anything was written

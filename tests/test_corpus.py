"""Reading parallel text: plain, gzip and `datasets` corpora; output folders (seq2seq/data/corpus.py)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from seq2seq.config import DataConfig
from seq2seq.data.corpus import find_side, read_lines, read_pairs, read_text_pairs
from seq2seq.errors import Seq2SeqError
from seq2seq.model_dir import make_dir

REPO = Path(__file__).resolve().parents[1]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


# ---------------------------------------------------------------- plain and gzip text


def test_plain_and_gzip_sides_are_read_alike(tmp_path):
    write(tmp_path / "train.en", "a cat\nthe dog\n".encode())
    write(tmp_path / "train.de.gz", "eine Katze\nder Hund\n".encode())
    src, trg = read_text_pairs(str(tmp_path / "train"), "en", "de")
    assert src == ["a cat", "the dog"]
    assert trg == ["eine Katze", "der Hund"]


def test_plain_file_wins_over_gzip(tmp_path):
    write(tmp_path / "x.en", b"plain\n")
    write(tmp_path / "x.en.gz", b"zipped\n")
    assert find_side(str(tmp_path / "x"), "en") == tmp_path / "x.en"


def test_crlf_endings_are_stripped(tmp_path):
    assert read_lines(write(tmp_path / "a.txt", b"one\r\ntwo\r\n")) == ["one", "two"]
    assert read_lines(write(tmp_path / "b.txt.gz", b"one\r\ntwo")) == ["one", "two"]


def test_only_newline_splits_lines(tmp_path):
    # U+2028 and U+0085 are line breaks to str.splitlines() but not to a corpus reader
    text = "a\u2028b\nc\x85d\ne\x0cf\n"
    assert read_lines(write(tmp_path / "a.txt", text.encode())) == ["a\u2028b", "c\x85d", "e\x0cf"]


def test_empty_lines_are_kept(tmp_path):
    assert read_lines(write(tmp_path / "a.txt", b"one\n\nthree\n")) == ["one", "", "three"]


def test_shipped_sample_reads_as_parallel_gzip():
    src, trg = read_text_pairs(str(REPO / "data" / "sample" / "valid"), "en", "de")
    assert len(src) == len(trg) == 300
    assert all(src) and not any("\r" in line for line in src + trg)


def test_unequal_line_counts_name_both_files_and_counts(tmp_path):
    write(tmp_path / "train.en", b"a\nb\nc\n")
    write(tmp_path / "train.de.gz", b"x\ny\n")
    with pytest.raises(Seq2SeqError) as info:
        read_text_pairs(str(tmp_path / "train"), "en", "de")
    message = str(info.value)
    assert "train.en has 3 lines" in message and "train.de.gz has 2" in message


def test_missing_side_names_the_path(tmp_path):
    write(tmp_path / "train.en", b"a\n")
    with pytest.raises(Seq2SeqError) as info:
        read_text_pairs(str(tmp_path / "train"), "en", "de")
    assert str(tmp_path / "train.de") in str(info.value)


def test_non_utf8_names_the_file(tmp_path):
    path = write(tmp_path / "bad.en", b"fine\nLatin-1 caf\xe9\n")
    with pytest.raises(Seq2SeqError, match="bad.en line .*not UTF-8"):
        read_lines(path)


def test_non_utf8_names_the_right_line(tmp_path):
    path = write(tmp_path / "bad.en", b"one\ntwo\nthr\xffee\nfour\n")
    with pytest.raises(Seq2SeqError, match="bad.en line 3:"):
        read_lines(path)


def test_corrupt_gzip_names_the_file(tmp_path):
    path = tmp_path / "broken.en.gz"
    path.write_bytes(b"this is not gzip data")
    with pytest.raises(Seq2SeqError, match="broken.en.gz"):
        read_lines(path)


def test_gzip_damaged_after_its_header_names_the_file(tmp_path):
    path = tmp_path / "damaged.en.gz"
    data = gzip.compress("ein Satz\n".encode() * 200)
    path.write_bytes(data[:20] + bytes(b ^ 0xFF for b in data[20:60]) + data[60:])  # header intact, stream not
    with pytest.raises(Seq2SeqError, match="damaged.en.gz"):
        read_lines(path)


def test_read_pairs_uses_the_recipe_prefixes(tmp_path):
    write(tmp_path / "tr.src", b"1\n2\n")
    write(tmp_path / "tr.trg", b"one\ntwo\n")
    write(tmp_path / "va.src.gz", b"3\n")
    write(tmp_path / "va.trg.gz", b"three\n")
    cfg = DataConfig(train=str(tmp_path / "tr"), valid=str(tmp_path / "va"), src_lang="src", trg_lang="trg")
    assert read_pairs(cfg, "train") == (["1", "2"], ["one", "two"])
    assert read_pairs(cfg, "valid") == (["3"], ["three"])


# ---------------------------------------------------------------- datasets


def write_jsonl(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def test_datasets_json_with_translation_column(tmp_path, offline_datasets):
    train = write_jsonl(tmp_path / "train.jsonl", [{"translation": {"en": "a cat", "de": "eine Katze"}},
                                                   {"translation": {"en": "Größe", "de": "size"}}])
    valid = write_jsonl(tmp_path / "valid.jsonl", [{"translation": {"en": "dog", "de": "Hund"}}])
    cfg = DataConfig(train="train", valid="validation", src_lang="en", trg_lang="de", format="datasets",
                     dataset="json", data_files={"train": train, "validation": valid})
    assert read_pairs(cfg, "train") == (["a cat", "Größe"], ["eine Katze", "size"])
    assert read_pairs(cfg, "valid") == (["dog"], ["Hund"])


def test_datasets_json_with_flat_columns(tmp_path, offline_datasets):
    train = write_jsonl(tmp_path / "train.jsonl", [{"source": "1 2 3", "target": "3 2 1", "id": 0},
                                                   {"source": "4 5", "target": "5 4", "id": 1}])
    cfg = DataConfig(train="train", valid="train", src_lang="src", trg_lang="trg", format="datasets",
                     dataset="json", data_files={"train": train}, src_column="source", trg_column="target")
    assert read_pairs(cfg, "train") == (["1 2 3", "4 5"], ["3 2 1", "5 4"])


def test_datasets_wrong_column_names_it_and_the_recipe_keys(tmp_path, offline_datasets):
    train = write_jsonl(tmp_path / "train.jsonl", [{"translation": {"en": "a", "de": "b"}}])
    cfg = DataConfig(train="train", valid="train", src_lang="en", trg_lang="fr", format="datasets",
                     dataset="json", data_files={"train": train})
    with pytest.raises(Seq2SeqError) as info:
        read_pairs(cfg, "train")
    message = str(info.value)
    assert "translation.fr" in message and "data.trg_column" in message


def test_datasets_null_value_is_an_error_naming_the_row_not_an_empty_line(tmp_path, offline_datasets):
    train = write_jsonl(tmp_path / "train.jsonl", [{"en": "a", "de": "b"}, {"en": "c", "de": None}])
    cfg = DataConfig(train="train", valid="train", src_lang="en", trg_lang="de", format="datasets",
                     dataset="json", data_files={"train": train}, src_column="en", trg_column="de")
    with pytest.raises(Seq2SeqError, match="row 1: column 'de' is empty"):
        read_pairs(cfg, "train")


def test_datasets_malformed_file_is_a_seq2seq_error_naming_the_dataset(tmp_path, offline_datasets):
    train = tmp_path / "train.jsonl"
    train.write_text('{"translation": {"en": "a", "de": "b"}}\n{"translation": {"en": \n', encoding="utf-8")
    cfg = DataConfig(train="train", valid="train", src_lang="en", trg_lang="de", format="datasets",
                     dataset="json", data_files={"train": str(train)})
    with pytest.raises(Seq2SeqError, match="cannot load dataset json split train"):
        read_pairs(cfg, "train")


def test_datasets_missing_split_is_a_seq2seq_error(tmp_path, offline_datasets):
    train = write_jsonl(tmp_path / "train.jsonl", [{"translation": {"en": "a", "de": "b"}}])
    cfg = DataConfig(train="train", valid="validation", src_lang="en", trg_lang="de", format="datasets",
                     dataset="json", data_files={"train": train})
    with pytest.raises(Seq2SeqError, match="validation"):
        read_pairs(cfg, "valid")


def test_make_dir_follows_a_link_to_a_folder_not_yet_made(tmp_path):
    (tmp_path / "report").symlink_to(tmp_path / "disk" / "report")
    assert make_dir(tmp_path / "report", "report folder") == tmp_path / "report"
    assert (tmp_path / "disk" / "report").is_dir()
    assert make_dir(tmp_path / "report", "report folder").is_dir()  # already there: nothing to do


def test_make_dir_refuses_a_file_and_names_the_setting(tmp_path):
    (tmp_path / "out").write_text("results\n")
    with pytest.raises(Seq2SeqError, match=r"report folder .*out is a file, not a directory: choose another report folder"):
        make_dir(tmp_path / "out", "report folder")
    assert (tmp_path / "out").read_text() == "results\n"  # left as it was

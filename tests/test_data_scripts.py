"""data_scripts/prepare_multi30k.py and data_scripts/make_toy_reverse.py, run on tiny local data."""
from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(f"_script_{name}", REPO / "data_scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def multi30k():
    return load_script("prepare_multi30k")


@pytest.fixture(scope="module")
def toy():
    return load_script("make_toy_reverse")


# ---------------------------------------------------------------- prepare_multi30k

SIZES = {"train": 4, "val": 3, "test2016": 2}


def fake_lines(split: str, lang: str) -> list[str]:
    return [f"{split} {lang} sentence {i} ünïcödé" for i in range(SIZES[split])]


@pytest.fixture
def fake_source(tmp_path, multi30k, monkeypatch):
    """A tiny raw Multi30k copy: some files gzipped, some plain (one with \\r\\n endings)."""
    monkeypatch.setattr(multi30k, "EXPECTED_LINES", dict(SIZES))
    source = tmp_path / "raw"
    source.mkdir()
    for n, (split, stem) in enumerate(multi30k.SPLITS.items()):
        for m, lang in enumerate(multi30k.LANGS):
            lines = fake_lines(split, lang)
            if (n + m) % 2:
                (source / f"{stem}.{lang}.gz").write_bytes(gzip.compress("".join(x + "\n" for x in lines).encode()))
            elif lang == "de":
                (source / f"{stem}.{lang}").write_bytes("".join(x + "\r\n" for x in lines).encode())
            else:
                (source / f"{stem}.{lang}").write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    return source


def test_prepare_writes_every_split_and_language(tmp_path, multi30k, fake_source):
    out = tmp_path / "out"
    assert multi30k.main(["--out", str(out), "--source", str(fake_source)]) == 0
    for split in SIZES:
        for lang in multi30k.LANGS:
            text = (out / f"{split}.{lang}").read_text(encoding="utf-8")
            assert text == "".join(x + "\n" for x in fake_lines(split, lang))


def test_prepare_is_idempotent(tmp_path, multi30k, fake_source):
    out = tmp_path / "out"
    assert len(multi30k.prepare(out, source=fake_source)) == 3 * len(multi30k.LANGS)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert multi30k.prepare(out, source=fake_source) == []
    assert multi30k.main(["--out", str(out), "--source", str(fake_source)]) == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_prepare_redoes_an_incomplete_output(tmp_path, multi30k, fake_source):
    out = tmp_path / "out"
    multi30k.prepare(out, source=fake_source)
    (out / "val.fr").write_text("truncated\n")
    assert multi30k.prepare(out, source=fake_source) != []
    assert (out / "val.fr").read_text(encoding="utf-8").splitlines() == fake_lines("val", "fr")


def test_wrong_line_count_exits_2_naming_the_file(tmp_path, multi30k, fake_source, capsys):
    bad = fake_source / "val.cs"
    if not bad.exists():
        bad = fake_source / "val.cs.gz"
        bad.unlink()
        bad = fake_source / "val.cs"
    bad.write_text("only\ntwo\n", encoding="utf-8")
    out = tmp_path / "out"
    assert multi30k.main(["--out", str(out), "--source", str(fake_source)]) == 2
    err = capsys.readouterr().err
    assert "val.cs" in err and "found 2 lines, expected 3" in err
    assert not out.exists() or not any(out.iterdir())  # nothing half-written


def test_unicode_line_separators_do_not_change_counts(tmp_path, multi30k, fake_source):
    path = fake_source / "train.en"
    if not path.exists():
        (fake_source / "train.en.gz").unlink()
    lines = fake_lines("train", "en")
    lines[1] = "with\u2028separator\x85inside"
    path.write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "out"
    assert multi30k.main(["--out", str(out), "--source", str(fake_source)]) == 0
    assert (out / "train.en").read_text(encoding="utf-8").split("\n")[:-1] == lines


def test_missing_source_file_exits_1(tmp_path, multi30k, fake_source, capsys):
    for path in fake_source.glob("test_2016_flickr.fr*"):
        path.unlink()
    assert multi30k.main(["--out", str(tmp_path / "out"), "--source", str(fake_source)]) == 1
    assert "test_2016_flickr.fr" in capsys.readouterr().err


# ---------------------------------------------------------------- make_toy_reverse


def read(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def test_toy_targets_are_reversed_sources(tmp_path, toy):
    toy.write_reverse_task(tmp_path, seed=3, n_train=50, n_valid=10, n_test=10, vocab=6, min_len=2, max_len=5)
    for split, n in (("train", 50), ("valid", 10), ("test", 10)):
        src, trg = read(tmp_path / f"{split}.src"), read(tmp_path / f"{split}.trg")
        assert len(src) == len(trg) == n
        for s, t in zip(src, trg):
            assert t.split() == s.split()[::-1]
            assert 2 <= len(s.split()) <= 5
            assert set(s.split()) <= set("abcdef")


def test_toy_output_is_deterministic_for_a_seed(tmp_path, toy):
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        assert toy.main(["--out", str(tmp_path / name), "--seed", str(seed), "--train", "30",
                         "--valid", "5", "--test", "5"]) == 0
    files = ["train.src", "train.trg", "valid.src", "test.trg"]
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert (tmp_path / "a" / "train.src").read_bytes() != (tmp_path / "c" / "train.src").read_bytes()


def test_toy_defaults_reproduce_the_shipped_data(tmp_path, toy):
    toy.write_reverse_task(tmp_path)
    for path in sorted((REPO / "data" / "toy_reverse").iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_toy_rejects_bad_arguments(tmp_path, toy, capsys):
    with pytest.raises(SystemExit) as info:
        toy.main(["--out", str(tmp_path), "--min-len", "5", "--max-len", "2"])
    assert info.value.code == 2
    assert "min_len" in capsys.readouterr().err

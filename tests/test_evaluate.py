"""Evaluation: report.json numbers equal the sacrebleu command-line tool's on the same files."""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from seq2seq.cli import main
from seq2seq.evaluate import evaluate_files

WORDS = "the a cat dog man woman sits runs on under blue red big small street park near with".split()


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """A reference and two systems that corrupt it at different rates (80 sentences)."""
    rng = random.Random(3)
    folder = tmp_path_factory.mktemp("eval")
    refs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))) for _ in range(80)]

    def corrupt(rate: float) -> list[str]:
        return [" ".join(w if rng.random() > rate else rng.choice(WORDS) for w in r.split()) for r in refs]

    paths = {"ref": folder / "ref.txt", "good": folder / "good.txt", "bad": folder / "bad.txt"}
    for name, lines in (("ref", refs), ("good", corrupt(0.15)), ("bad", corrupt(0.4))):
        paths[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def sacrebleu_cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "sacrebleu", *args, "-w", "4"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_scores_and_confidence_equal_the_sacrebleu_cli(files):
    report = evaluate_files([files["good"]], [files["ref"]])
    ours = report["systems"][0]["metrics"]
    theirs = json.loads(sacrebleu_cli(str(files["ref"]), "-i", str(files["good"]), "-m", "bleu", "chrf", "ter",
                                      "--confidence", "-f", "json"))
    assert [t["name"] for t in theirs] == list(ours)
    for t in theirs:
        entry = ours[t["name"]]
        assert entry["score"] == pytest.approx(t["score"], abs=1e-4)
        assert entry["mean"] == pytest.approx(t["confidence_mean"], abs=1e-4)
        assert entry["ci95"] == pytest.approx(t["confidence_var"], abs=1e-4)
        assert entry["signature"] == t["signature"]


def test_paired_bootstrap_p_values_equal_the_sacrebleu_cli(files):
    report = evaluate_files([files["good"], files["bad"]], [files["ref"]], randomization_trials=1000)
    text = sacrebleu_cli(str(files["ref"]), "-i", str(files["good"]), str(files["bad"]), "-m", "bleu", "chrf",
                         "--paired-bs", "-f", "text")
    p_values = [float(p) for p in re.findall(r"p = ([0-9.]+)", text)]
    ours = report["significance"]["paired_bootstrap"]
    assert p_values == pytest.approx([ours["BLEU"][1], ours["chrF2"][1]], abs=1e-4)
    assert ours["BLEU"][0] is None  # the baseline is not tested against itself
    assert report["systems"][0]["metrics"]["BLEU"]["score"] > report["systems"][1]["metrics"]["BLEU"]["score"]


def test_cli_writes_json_and_markdown(files, tmp_path):
    out = tmp_path / "report"
    assert main(["evaluate", "--hyp", str(files["good"]), "--hyp", str(files["bad"]), "--ref", str(files["ref"]),
                 "--report", str(out)]) == 0
    report = json.loads((out / "report.json").read_text())
    assert [s["name"] for s in report["systems"]] == ["good.txt", "bad.txt"]
    assert report["sentences"] == 80
    markdown = (out / "report.md").read_text()
    assert "| good.txt |" in markdown and "baseline" in markdown and "nrefs:1" in markdown


def test_systems_with_the_same_file_name_get_distinct_labels(files, tmp_path):
    # two runs' outputs are both hypotheses.txt: the report must tell them apart, and keep their order
    paths = []
    for run, system in (("run_a", "good"), ("run_b", "bad")):
        (tmp_path / run).mkdir()
        paths.append(tmp_path / run / "hypotheses.txt")
        paths[-1].write_text(files[system].read_text(encoding="utf-8"), encoding="utf-8")
    report = evaluate_files([*paths, files["good"]], [files["ref"]], randomization_trials=100)
    assert [s["name"] for s in report["systems"]] == ["run_a/hypotheses.txt", "run_b/hypotheses.txt", "good.txt"]
    scores = [s["metrics"]["BLEU"]["score"] for s in report["systems"]]
    assert scores[0] == scores[2] > scores[1]


def test_hypothesis_with_wrong_line_count_is_a_clear_error(files, tmp_path, capsys):
    short = tmp_path / "short.txt"
    short.write_text("the cat\n", encoding="utf-8")
    assert main(["evaluate", "--hyp", str(short), "--ref", str(files["ref"]), "--report", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "short.txt has 1 lines but 80 were expected" in err and "Traceback" not in err


def test_report_folder_that_is_a_file_fails_before_scoring(files, tmp_path, capsys, monkeypatch):
    taken = tmp_path / "taken"
    taken.write_text("notes\n", encoding="utf-8")
    monkeypatch.setattr("seq2seq.evaluate.evaluate_files", lambda *a, **k: pytest.fail("scored before the check"))
    assert main(["evaluate", "--hyp", str(files["good"]), "--ref", str(files["ref"]), "--report", str(taken)]) == 2
    assert "taken is a file, not a directory: choose another report folder" in capsys.readouterr().err
    assert taken.read_text(encoding="utf-8") == "notes\n"


def test_length_buckets_count_every_sentence_even_with_empty_sources(files, tmp_path):
    ref = files["ref"].read_text(encoding="utf-8").splitlines()
    src = tmp_path / "src.txt"
    src.write_text("\n".join("" if i % 10 == 0 else line for i, line in enumerate(ref)) + "\n", encoding="utf-8")
    rows = evaluate_files([files["good"]], [files["ref"]], src, n_bootstrap=1)["by_length"]["rows"]
    assert rows[0]["bucket"] == "0" and rows[0]["sentences"] == 8  # the empty sources have a row of their own
    assert sum(r["sentences"] for r in rows) == len(ref)
    without_empty = evaluate_files([files["good"]], [files["ref"]], files["ref"], n_bootstrap=1)["by_length"]["rows"]
    assert [r["bucket"] for r in without_empty][0] == "1-10"  # no empty row when there are no empty sources


def test_evaluate_a_model_translates_then_scores(trained_model, tmp_path):
    src, ref = trained_model.data / "test.src", trained_model.data / "test.trg"
    out = tmp_path / "report"
    assert main(["evaluate", "--model", str(trained_model.dir), "--src", str(src), "--ref", str(ref),
                 "--report", str(out), "--beam-size", "2", "--bootstrap", "1"]) == 0
    hyps = (out / "hypotheses.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert len(hyps) == len(src.read_text(encoding="utf-8").splitlines())
    report = json.loads((out / "report.json").read_text())
    bleu = report["systems"][0]["metrics"]["BLEU"]
    assert bleu["score"] > 50  # the toy model reverses well
    assert "ci95" not in bleu  # --bootstrap 1 reaches the model's evaluation too: no interval


def test_a_reference_of_the_wrong_length_is_refused_before_translating(trained_model, tmp_path, monkeypatch,
                                                                       capsys):
    from seq2seq.translate import Translator

    def no_decoding(*args, **kwargs):
        raise AssertionError("the model was loaded before the reference was checked")

    monkeypatch.setattr(Translator, "load", no_decoding)
    src = trained_model.data / "test.src"
    short = tmp_path / "short.trg"
    short.write_text("a b\n", encoding="utf-8")
    assert main(["evaluate", "--model", str(trained_model.dir), "--src", str(src), "--ref", str(short),
                 "--report", str(tmp_path / "report")]) == 2
    err = capsys.readouterr().err
    assert f"reference {short} has 1 lines but" in err and "Traceback" not in err


def test_a_greedy_evaluation_reports_no_length_penalty(trained_model, tmp_path):
    src, ref = trained_model.data / "test.src", trained_model.data / "test.trg"
    out = tmp_path / "report"
    assert main(["evaluate", "--model", str(trained_model.dir), "--src", str(src), "--ref", str(ref),
                 "--report", str(out), "--beam-size", "1", "--alpha", "1.5", "--bootstrap", "1"]) == 0
    decoding = json.loads((out / "report.json").read_text())["decoding"]
    assert decoding["beam_size"] == 1 and decoding["alpha"] == 0.0  # what the search used, not the flag


def test_evaluate_an_ensemble_names_every_member(trained_model, tmp_path):
    src, ref = trained_model.data / "test.src", trained_model.data / "test.trg"
    single, both = tmp_path / "single", tmp_path / "both"
    model = str(trained_model.dir)
    for out, models in ((single, ["--model", model]), (both, ["--model", model, "--model", model])):
        assert main(["evaluate", *models, "--src", str(src), "--ref", str(ref), "--report", str(out),
                     "--beam-size", "2"]) == 0
    # a model ensembled with itself translates exactly like it; the report says it was an ensemble
    assert (both / "hypotheses.txt").read_text() == (single / "hypotheses.txt").read_text()
    one, two = (json.loads((out / "report.json").read_text()) for out in (single, both))
    name = trained_model.dir.name
    assert two["systems"][0]["name"] == f"{name} + {name} (best)"
    assert two["model"]["ensemble_with"] == model and "ensemble_with" not in one["model"]
    assert two["model"]["parameters"] == 2 * one["model"]["parameters"]
    assert "ci95" in one["systems"][0]["metrics"]["BLEU"]  # the default: 1,000 bootstrap samples


def test_another_runs_hypotheses_txt_is_labelled_by_its_folder(trained_model, tmp_path):
    # the model's own output is written as hypotheses.txt too: a bare "hypotheses.txt" row would be ambiguous
    src, ref = trained_model.data / "test.src", trained_model.data / "test.trg"
    earlier = tmp_path / "earlier_run"
    earlier.mkdir()
    (earlier / "hypotheses.txt").write_text(ref.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "report"
    assert main(["evaluate", "--model", str(trained_model.dir), "--src", str(src), "--ref", str(ref),
                 "--hyp", str(earlier / "hypotheses.txt"), "--report", str(out), "--beam-size", "2"]) == 0
    report = json.loads((out / "report.json").read_text())
    assert [s["name"] for s in report["systems"]] == [f"{trained_model.dir.name} (best)", "earlier_run/hypotheses.txt"]
    assert report["systems"][1]["metrics"]["BLEU"]["score"] == pytest.approx(100.0)


def test_legacy_tokenization_is_the_moses_pipeline_of_the_literature():
    from seq2seq.evaluate import legacy_tokenize

    out = legacy_tokenize(["Ein Mann & eine Frau spielen E-Sport „draußen“ in 3,5 Stunden."], "de")[0]
    assert out == out.lower()
    assert "&amp;" in out.split()  # Moses escaping
    assert "e-sport" in out.split()  # no aggressive dash splitting
    assert out.endswith(" .")  # punctuation split off


def test_legacy_bleu_is_reported_beside_sacrebleu_and_labelled(tmp_path):
    refs = ["Ein Hund läuft über die Wiese.", "Zwei Kinder spielen im Sand.", "Eine Frau liest ein Buch."]
    hyps = ["ein Hund läuft über die Wiese .", "Zwei Kinder spielen im Sand.", "Eine Frau liest."]
    (tmp_path / "ref.de").write_text("\n".join(refs) + "\n", encoding="utf-8")
    (tmp_path / "hyp.de").write_text("\n".join(hyps) + "\n", encoding="utf-8")
    report = evaluate_files([tmp_path / "hyp.de"], [tmp_path / "ref.de"], legacy_lang="de", n_bootstrap=1)
    legacy = report["systems"][0]["legacy_bleu"]
    # case and tokenization differences of the first line vanish in the legacy metric, not in sacreBLEU's
    assert legacy["score"] > report["systems"][0]["metrics"]["BLEU"]["score"]
    assert "moses-tok" in legacy["signature"] and "tok:none" in legacy["signature"]
    assert main(["evaluate", "--hyp", str(tmp_path / "hyp.de"), "--ref", str(tmp_path / "ref.de"),
                 "--legacy-bleu", "de", "--bootstrap", "1", "--report", str(tmp_path / "r")]) == 0
    markdown = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    assert "legacy BLEU (tok, lc)" in markdown and "not comparable with sacreBLEU" in markdown


@pytest.mark.parametrize("samples", ["0", "-5"])
def test_bootstrap_below_one_is_refused_naming_the_flag(tmp_path, capsys, samples):
    (tmp_path / "ref.de").write_text("Ein Hund.\n", encoding="utf-8")
    (tmp_path / "hyp.de").write_text("Ein Hund.\n", encoding="utf-8")
    assert main(["evaluate", "--hyp", str(tmp_path / "hyp.de"), "--ref", str(tmp_path / "ref.de"),
                 "--bootstrap", samples, "--report", str(tmp_path / "r")]) == 2
    assert f"--bootstrap {samples}" in capsys.readouterr().err and not (tmp_path / "r").exists()

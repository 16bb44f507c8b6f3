"""Report rendering: self-contained HTML, every image present, Markdown tables, a real browser renders it."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from seq2seq.cli import main


@pytest.fixture(scope="module")
def model_report(trained_model, tmp_path_factory):
    """A full report of the trained toy model against the toy test set, with a second system."""
    out = tmp_path_factory.mktemp("report")
    src, ref = trained_model.data / "test.src", trained_model.data / "test.trg"
    other = out / "copy.txt"  # a weak second system: the source copied unchanged
    other.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["evaluate", "--model", str(trained_model.dir), "--src", str(src), "--ref", str(ref),
                 "--hyp", str(other), "--report", str(out)]) == 0
    return out


def test_html_is_self_contained(model_report):
    page = (model_report / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"(src|href)=\"(https?:)?//", page), "no external resources"
    sources = re.findall(r"<img [^>]*src=\"([^\"]+)\"", page)
    assert len(sources) >= 5  # length buckets, chrF histogram, training curves, attention examples
    assert all(s.startswith("data:image/png;base64,") for s in sources)


def test_markdown_images_exist_and_tables_hold_the_numbers(model_report):
    markdown = (model_report / "report.md").read_text(encoding="utf-8")
    report = json.loads((model_report / "report.json").read_text())
    for name in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown):
        assert (model_report / name).is_file() and (model_report / name).stat().st_size > 1000
    bleu = report["systems"][0]["metrics"]["BLEU"]
    assert f"{bleu['score']:.2f} ± {bleu['ci95']:.2f}" in markdown
    assert report["systems"][1]["name"] == "copy.txt" and "baseline" in markdown


def test_model_report_has_model_decoding_training_and_attention(model_report):
    report = json.loads((model_report / "report.json").read_text())
    assert report["model"]["parameters"] > 0 and len(report["model"]["recipe_sha256"]) == 16
    assert report["decoding"]["sentences"] == report["sentences"] and report["decoding"]["sentences_per_second"] > 0
    assert [r["step"] for r in report["training"]] == [100, 200, 300]
    hyps = (model_report / "hypotheses.txt").read_text(encoding="utf-8").splitlines()
    for example in report["attention"]:
        # the heatmap is of the translation that was scored (word-level toy: tokens joined by spaces)
        assert " ".join(t for t in example["target"] if t != "</s>") == hyps[example["line"] - 1]
        weights = example["weights"]
        assert len(weights) == len(example["target"]) and all(len(row) == len(example["source"]) for row in weights)
        assert all(abs(sum(row) - 1) < 1e-3 for row in weights)
    worst, best = report["sentences_by_chrf"]["worst"], report["sentences_by_chrf"]["best"]
    assert worst[0]["chrf"] <= best[-1]["chrf"] <= best[0]["chrf"]
    assert sum(r["sentences"] for r in report["by_length"]["rows"]) == report["sentences"]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_a_real_browser_renders_the_page(model_report, tmp_path):
    shot = tmp_path / "page.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,2000",
                    f"--screenshot={shot}", (model_report / "report.html").as_uri()],
                   capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 20_000  # a blank page is a few KB


def test_attention_examples_are_searched_with_the_command_lines_beam_and_alpha(trained_model, tmp_path, monkeypatch):
    from seq2seq.translate import Translator
    calls, search = [], Translator.search

    def recording(self, lines, options=None, **kwargs):
        calls.append(options)
        return search(self, lines, options, **kwargs)
    monkeypatch.setattr(Translator, "search", recording)
    src, ref = trained_model.data / "test.src", trained_model.data / "test.trg"
    assert main(["evaluate", "--model", str(trained_model.dir), "--src", str(src), "--ref", str(ref),
                 "--beam-size", "2", "--alpha", "0.5", "--bootstrap", "1", "--report", str(tmp_path)]) == 0
    assert calls and all(c.beam_size == 2 and c.alpha == 0.5 for c in calls)
    assert json.loads((tmp_path / "report.json").read_text())["attention"]


def test_bleu_by_length_legend_never_covers_a_bar(monkeypatch, tmp_path):
    """A legend over the tallest bucket hid its bar: the legend sits beside the axes."""
    from seq2seq import report

    figures = []
    monkeypatch.setattr(report, "save_figure", lambda fig, path: figures.append(fig))
    rows = [{"bucket": b, "sentences": 10, "bleu": [40.0, 45.0]} for b in ("1-10", "11-20", "21-30", "31+")]
    rows[-1]["bleu"] = [100.0, 100.0]  # the bar that used to sit under the legend
    report._plot_by_length({"by_length": {"of": "source", "rows": rows},
                            "systems": [{"name": "long-system-name.de"}, {"name": "other.de"}]}, tmp_path / "x.png")
    fig = figures[0]
    fig.canvas.draw()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent()
    assert all(legend.x0 >= bar.get_window_extent().x1 for bar in ax.patches)

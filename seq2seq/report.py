"""Renders an evaluation report: report.json (every number), report.md (GitHub), report.html (one
self-contained file with its plots embedded), and the plots as PNG files beside them."""
from __future__ import annotations

import base64
import html
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402

from .model_dir import make_dir  # noqa: E402


def _cell(entry: dict) -> str:
    return f"{entry['score']:.2f} ± {entry['ci95']:.2f}" if "ci95" in entry else f"{entry['score']:.2f}"


def score_table(report: dict) -> list[list[str]]:
    """Header and rows of the main table: scores with intervals, lengths, p-values against the baseline."""
    tests = report.get("significance")
    legacy = all("legacy_bleu" in system for system in report["systems"])
    head = ["system", "BLEU", "chrF", "TER", "hyp / ref length", "ratio"] + (["legacy BLEU (tok, lc)"] if legacy else [])
    if tests:
        head += ["p BLEU (bootstrap / AR)", "p chrF (bootstrap / AR)"]
    rows = [head]
    for i, system in enumerate(report["systems"]):
        m = system["metrics"]
        row = [system["name"], _cell(m["BLEU"]), _cell(m["chrF2"]), _cell(m["TER"]),
               f"{system['hyp_len']} / {system['ref_len']}", f"{system['length_ratio']:.3f}"]
        if legacy:
            row.append(f"{system['legacy_bleu']['score']:.2f}")
        if tests:
            for metric in ("BLEU", "chrF2"):
                bs, ar = tests["paired_bootstrap"][metric][i], tests["approximate_randomization"][metric][i]
                row.append("baseline" if bs is None else f"{bs:.4f} / {ar:.4f}")
        rows.append(row)
    return rows


def _plot_by_length(report: dict, path: Path) -> None:
    rows, names = report["by_length"]["rows"], [s["name"] for s in report["systems"]]
    fig, ax = plt.subplots(figsize=(7, 3.5))
    width = 0.8 / len(names)
    for k, name in enumerate(names):
        ax.bar([i + k * width for i in range(len(rows))], [r["bleu"][k] for r in rows], width, label=name)
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(rows))],
                  [f"{r['bucket']}\n({r['sentences']})" for r in rows])
    ax.set_xlabel(f"{report['by_length']['of']} length in words (sentences)")
    ax.set_ylabel("BLEU")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))  # beside the bars: never over them
    save_figure(fig, path)


def _plot_chrf_histogram(report: dict, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.hist(report["sentences_by_chrf"]["sentence_chrf"], bins=20, range=(0, 100))
    ax.set_xlabel(f"sentence chrF of {report['systems'][0]['name']}")
    ax.set_ylabel("sentences")
    save_figure(fig, path)


def _plot_training(report: dict, path: Path) -> None:
    log = report["training"]
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.2))
    steps, minutes = [r["step"] for r in log], [r["elapsed"] / 60 for r in log]
    axes[0].plot(steps, [r["valid_loss"] for r in log], label="validation")
    train = [(r["step"], r["train_loss"]) for r in log if r.get("train_loss") is not None]
    if train:
        axes[0].plot(*zip(*train), label="training (smoothed)")
    axes[0].set_xlabel("step")
    axes[0].set_ylabel("loss")
    axes[0].legend(fontsize=8)
    axes[1].plot(steps, [r["bleu"] for r in log])
    axes[1].set_xlabel("step")
    axes[1].set_ylabel("validation BLEU")
    axes[2].plot(minutes, [r["bleu"] for r in log])
    axes[2].set_xlabel("wall time (minutes)")
    axes[2].set_ylabel("validation BLEU")
    save_figure(fig, path)


def _plot_attention(example: dict, path: Path) -> None:
    src, trg = example["source"], example["target"]
    fig, ax = plt.subplots(figsize=(max(4, 0.35 * len(src) + 1.5), max(3, 0.3 * len(trg) + 1.5)))
    ax.imshow(example["weights"], cmap="Greys", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(src)), src, rotation=90, fontsize=8)
    ax.set_yticks(range(len(trg)), trg, fontsize=8)
    ax.set_title(f"attention, line {example['line']}", fontsize=9)
    save_figure(fig, path)


def _plot_variants(report: dict, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for variant in report["variants"]:
        ax.plot([p["elapsed"] / 60 for p in variant["curve"]], [p["bleu"] for p in variant["curve"]],
                marker=".", label=variant["name"])
    ax.set_xlabel("wall time (minutes)")
    ax.set_ylabel("validation BLEU")
    ax.legend(fontsize=8)
    save_figure(fig, path)


def save_figure(fig, path: Path) -> None:
    """Every plot is written alike: tight, 110 dpi, and closed so long jobs do not pile up figures."""
    fig.tight_layout()
    fig.savefig(path, dpi=110, bbox_inches="tight")  # keeps a legend placed outside the axes
    plt.close(fig)


def make_plots(report: dict, out: Path) -> dict[str, str]:
    """PNG files in `out`; returns caption -> file name."""
    images = {"BLEU by length": "bleu_by_length.png", "Sentence chrF": "chrf_histogram.png"}
    _plot_by_length(report, out / images["BLEU by length"])
    _plot_chrf_histogram(report, out / images["Sentence chrF"])
    if report.get("training"):
        images["Training curves"] = "training_curves.png"
        _plot_training(report, out / images["Training curves"])
    if report.get("variants"):
        images["Validation BLEU of every variant"] = "variants_bleu.png"
        _plot_variants(report, out / images["Validation BLEU of every variant"])
    for k, example in enumerate(report.get("attention", [])):
        images[f"Attention, line {example['line']}"] = f"attention_{k + 1}.png"
        _plot_attention(example, out / images[f"Attention, line {example['line']}"])
    return images


def _sections(report: dict) -> list[tuple[str, list[list[str]]]]:
    """Titled tables shared by the Markdown and HTML renderings."""
    sections = [("Scores", score_table(report))]
    by_length = report["by_length"]
    rows = [["length", "sentences", *[f"BLEU {s['name']}" for s in report["systems"]]]]
    rows += [[r["bucket"], str(r["sentences"]), *[f"{b:.2f}" for b in r["bleu"]]] for r in by_length["rows"]]
    sections.append((f"BLEU by {by_length['of']} length", rows))
    if report.get("variants"):
        rows = [["variant", "overrides", "parameters", "training minutes", "target tokens/s"]]
        rows += [[v["name"], " ".join(v["overrides"]), str(v["parameters"]), f"{v['train_minutes']:.2f}",
                  str(v["target_tokens_per_second"])] for v in report["variants"]]
        sections.append(("Variants", rows))
    for key in ("model", "decoding"):
        if report.get(key):
            sections.append((key.capitalize(), [["", ""], *[[k, str(v)] for k, v in report[key].items()]]))
    for key in ("best", "worst"):
        rows = [["line", "chrF", "source", "reference", "hypothesis"]]
        rows += [[str(e["line"]), f"{e['chrf']:.1f}", e["source"] or "", e["reference"], e["hypothesis"]]
                 for e in report["sentences_by_chrf"][key]]
        sections.append((f"{key.capitalize()} sentences by chrF ({report['systems'][0]['name']})", rows))
    return sections


def _notes(report: dict) -> list[str]:
    notes = ["Scores are sacrebleu's on detokenized text, ± its 95% bootstrap confidence interval."]
    tests = report.get("significance")
    if tests:
        notes.append(f"p-values compare each system with the first: paired bootstrap resampling "
                     f"({tests['paired_bootstrap']['samples']} samples) / approximate randomization "
                     f"({tests['approximate_randomization']['samples']} trials).")
    signatures = report["systems"][0]["metrics"]
    notes += [f"{name} signature: {entry['signature']}" for name, entry in signatures.items()]
    if "legacy_bleu" in report["systems"][0]:
        notes.append(f"legacy BLEU (tok, lc): the older literature's metric, not comparable with sacreBLEU; "
                     f"signature: {report['systems'][0]['legacy_bleu']['signature']}")
    return notes


def markdown_table(rows: list[list[str]]) -> list[str]:
    """A header row and body rows as GitHub markdown lines; a '|' inside a cell is escaped."""
    cell = lambda text: str(text).replace("|", "\\|")  # noqa: E731
    head, *body = rows
    return (["| " + " | ".join(map(cell, head)) + " |", "|" + "---|" * len(head)]
            + ["| " + " | ".join(map(cell, row)) + " |" for row in body])


def report_markdown(report: dict, images: dict[str, str]) -> str:
    lines = [f"# Evaluation: {len(report['systems'])} system(s), {report['sentences']} sentences", ""]
    lines += [f"- {n}" for n in _notes(report)]
    for title, rows in _sections(report):
        lines += ["", f"## {title}", "", *markdown_table(rows)]
    for caption, name in images.items():
        lines += ["", f"## {caption}", "", f"![{caption}]({name})"]
    return "\n".join(lines) + "\n"


def report_html(report: dict, images: dict[str, str], out: Path) -> str:
    """One file with inline CSS and the plots as data URIs: it opens anywhere, offline."""
    e = html.escape
    parts = [f"<h1>Evaluation: {len(report['systems'])} system(s), {report['sentences']} sentences</h1>", "<ul>"]
    parts += [f"<li>{e(n)}</li>" for n in _notes(report)] + ["</ul>"]
    for title, rows in _sections(report):
        parts.append(f"<h2>{e(title)}</h2><table><tr>" + "".join(f"<th>{e(c)}</th>" for c in rows[0]) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows[1:]]
        parts.append("</table>")
    for caption, name in images.items():
        data = base64.b64encode((out / name).read_bytes()).decode("ascii")
        parts.append(f"<h2>{e(caption)}</h2><img alt=\"{e(caption)}\" src=\"data:image/png;base64,{data}\">")
    style = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
             "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
             "text-align:left;font-size:14px}th{background:#f3f3f3}img{max-width:100%}")
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>seq2seq evaluation</title>"
            f"<style>{style}</style></head><body>{''.join(parts)}</body></html>\n")


def write_report(report: dict, out_dir: str | Path) -> Path:
    """Write report.json, report.md, report.html and the PNG plots into out_dir."""
    out = make_dir(out_dir, "report folder")
    images = make_plots(report, out)
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (out / "report.md").write_text(report_markdown(report, images), encoding="utf-8")
    (out / "report.html").write_text(report_html(report, images, out), encoding="utf-8")
    return out

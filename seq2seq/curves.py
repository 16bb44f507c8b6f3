"""Validation curves of several training runs side by side, so a study compares them update for update
from the files training wrote (validations.jsonl), not from a throwaway script."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Sequence

from .errors import Seq2SeqError
from .model_dir import ModelDir

METRICS = {"valid_loss": ("val loss", min), "bleu": ("greedy BLEU", max), "chrf": ("chrF", max),
           "valid_ppl": ("val ppl", min), "train_loss": ("train loss", min)}  # key: (heading, picks the best)
LOSSES = ("valid_loss", "train_loss")  # shown to three decimals, scores to two


def read_validations(path: str | Path) -> list[dict]:
    """One dict per validation, from a model directory or a validations.jsonl file; errors name the line."""
    path = Path(path)
    file = ModelDir(path).validations_file if path.is_dir() else path
    if not file.is_file():
        raise Seq2SeqError(f"{file}: no such file; give a model directory written by `seq2seq train` "
                           "or its validations.jsonl")
    rows = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise Seq2SeqError(f"{file}, line {number}: not JSON ({error.msg}); was the file cut short?") from None
        if not isinstance(row, dict) or "step" not in row:
            raise Seq2SeqError(f"{file}, line {number}: a validation record needs a 'step'")
        rows.append(row)
    return rows


def _format(value: Optional[float], metric: str, best: bool) -> str:
    if value is None:
        return ""
    text = f"{value:.3f}" if metric in LOSSES else f"{value:.2f}"
    return f"**{text}**" if best else text


def curve_table(runs: dict[str, list[dict]], metrics: Sequence[str] = ("valid_loss", "bleu", "chrf")) -> list[list[str]]:
    """Header and rows: one row per update any run validated at, each run's metrics beside the others'.
    Each run's best value of each metric is in bold; a run that did not validate at an update has blanks."""
    if not metrics:
        raise Seq2SeqError(f"no metric to show; choose from {', '.join(METRICS)}")
    unknown = [m for m in metrics if m not in METRICS]
    if unknown:
        raise Seq2SeqError(f"unknown metric {unknown[0]!r}; choose from {', '.join(METRICS)}")
    by_step = {name: {row["step"]: row for row in rows} for name, rows in runs.items()}
    best = {(name, m): METRICS[m][1]((r[m] for r in rows if m in r), default=None)
            for name, rows in runs.items() for m in metrics}
    head = ["update"] + [f"{name}: {METRICS[m][0]}" for name in runs for m in metrics]
    table = [head]
    for step in sorted({step for steps in by_step.values() for step in steps}):
        row = [f"{step:,}"]
        for name in runs:
            record = by_step[name].get(step, {})
            for m in metrics:
                value = record.get(m)
                row.append(_format(value, m, value is not None and value == best[name, m]))
        table.append(row)
    return table


def comparison(runs: dict[str, list[dict]], metric: str = "valid_loss") -> list[str]:
    """One sentence per run after the first: at how many shared updates it was better, and by how much."""
    (base_name, base_rows), *others = runs.items()
    lower_is_better = METRICS[metric][1] is min
    base = {row["step"]: row[metric] for row in base_rows if metric in row}
    lines = []
    for name, rows in others:
        pairs = [(row[metric], base[row["step"]]) for row in rows if metric in row and row["step"] in base]
        if not pairs:
            lines.append(f"{name} and {base_name} share no validation with {METRICS[metric][0]}")
            continue
        wins = sum(a < b if lower_is_better else a > b for a, b in pairs)
        gaps = [a - b for a, b in pairs]
        digits = 3 if metric in LOSSES else 2
        lines.append(f"{name} against {base_name}: {METRICS[metric][0]} better at {wins} of {len(pairs)} shared "
                     f"validations (difference {min(gaps):+.{digits}f} to {max(gaps):+.{digits}f}; "
                     f"last {gaps[-1]:+.{digits}f})")
    return lines


def plot_curves(runs: dict[str, list[dict]], metrics: Sequence[str], path: str | Path) -> None:
    """One panel per metric, one line per run, against the update."""
    from .report import plt, save_figure  # report sets the file-only backend for every plot

    fig, axes = plt.subplots(1, len(metrics), figsize=(4.5 * len(metrics), 3.5), squeeze=False)
    for axis, m in zip(axes[0], metrics):
        for name, rows in runs.items():
            points = [(row["step"], row[m]) for row in rows if m in row]
            axis.plot([p[0] for p in points], [p[1] for p in points], marker=".", label=name)
        axis.set_xlabel("update")
        axis.set_title(METRICS[m][0])
        axis.grid(alpha=0.3)
    axes[0][0].legend(fontsize="small")
    save_figure(fig, Path(path))


def compare_runs(paths: Sequence[str | Path], names: Sequence[str] = (),
                 metrics: Sequence[str] = ("valid_loss", "bleu", "chrf"), plot: Optional[str | Path] = None) -> str:
    """The markdown a study page needs: the side-by-side table and one comparison line per later run."""
    if names and len(names) != len(paths):
        raise Seq2SeqError(f"{len(names)} --name for {len(paths)} runs; give one name per run or none")
    names = list(names) or [Path(p).name if Path(p).is_dir() else Path(p).parent.name or str(p) for p in paths]
    if len(set(names)) != len(names):
        raise Seq2SeqError(f"two runs are both called {names!r}; give distinct names with --name")
    runs = {name: read_validations(path) for name, path in zip(names, paths)}
    from .report import markdown_table

    text = "\n".join(markdown_table(curve_table(runs, metrics))) + "\n"
    if len(runs) > 1:
        text += "\n" + "\n".join(f"- {line}" for m in metrics for line in comparison(runs, m)) + "\n"
    if plot:
        plot_curves(runs, metrics, plot)
    return text

"""Scores translations with sacrebleu (BLEU, chrF, TER) with bootstrap confidence intervals, and compares
systems with sacrebleu's paired bootstrap resampling and approximate randomization tests."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional, Sequence

from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.significance import PairedTest

from .data.corpus import read_lines
from .errors import Seq2SeqError

log = logging.getLogger(__name__)

METRICS = ("BLEU", "chrF2", "TER")  # sacrebleu's own names; lower TER is better


def _metrics() -> dict:
    """Fresh sacrebleu metric objects with sacrebleu's default settings (so numbers match its CLI)."""
    return {"BLEU": BLEU(), "chrF2": CHRF(), "TER": TER()}


def read_parallel(paths: Sequence[str | Path], what: str, expected: Optional[int] = None) -> list[list[str]]:
    """Read files that must all have the same number of lines (one per test sentence)."""
    texts = [read_lines(p) for p in paths]
    counts = {str(p): len(t) for p, t in zip(paths, texts)}
    want = expected if expected is not None else len(texts[0])
    for path, count in counts.items():
        if count != want:
            raise Seq2SeqError(f"{what} {path} has {count} lines but {want} were expected "
                               "(one line per test sentence, in the same order)")
    return texts


def score_system(hyps: list[str], refs: list[list[str]], n_bootstrap: int = 1000) -> dict:
    """Corpus scores with 95% bootstrap intervals (sacrebleu's), signatures, and length statistics."""
    result = {}
    for name, metric in _metrics().items():
        score = metric.corpus_score(hyps, refs, n_bootstrap=n_bootstrap)
        entry = {"score": round(float(score.score), 4), "signature": str(metric.get_signature())}
        if n_bootstrap > 1:
            entry.update(mean=round(float(score._mean), 4), ci95=round(float(score._ci), 4))
        result[name] = entry
        if name == "BLEU":
            lengths = {"hyp_len": score.sys_len, "ref_len": score.ref_len, "length_ratio": round(score.ratio, 4)}
    return {"metrics": result, **lengths}


def paired_tests(systems: list[tuple[str, list[str]]], refs: list[list[str]], bootstrap_samples: int = 1000,
                 randomization_trials: int = 10000) -> dict:
    """p-values of every system against the first (the baseline), for each metric and both tests."""
    tests = {}
    for test, samples in (("paired_bootstrap", bootstrap_samples), ("approximate_randomization", randomization_trials)):
        _, results = PairedTest(systems, _metrics(), refs, test_type="bs" if test == "paired_bootstrap" else "ar",
                                n_samples=samples)()
        tests[test] = {metric: [None if r.p_value is None else round(float(r.p_value), 4) for r in results[metric]]
                       for metric in METRICS}
        tests[test]["samples"] = samples
    return tests


def evaluate_files(hyp_paths: Sequence[str | Path], ref_paths: Sequence[str | Path],
                   names: Optional[Sequence[str]] = None, n_bootstrap: int = 1000,
                   bootstrap_samples: int = 1000, randomization_trials: int = 10000) -> dict:
    """The report data for one or more systems' outputs against one or more references."""
    if not hyp_paths or not ref_paths:
        raise Seq2SeqError("evaluate needs at least one --hyp and one --ref file")
    ref_texts = read_parallel(ref_paths, "reference")
    hyp_texts = read_parallel(hyp_paths, "hypothesis file", expected=len(ref_texts[0]))
    names = list(names) if names else [Path(p).name for p in hyp_paths]
    systems = []
    for name, path, hyps in zip(names, hyp_paths, hyp_texts):
        log.info("scoring %s", path)
        systems.append({"name": name, "path": str(path), **score_system(hyps, ref_texts, n_bootstrap)})
    report = {"sentences": len(ref_texts[0]), "references": [str(p) for p in ref_paths], "systems": systems}
    if len(systems) > 1:
        report["significance"] = paired_tests(list(zip(names, hyp_texts)), ref_texts, bootstrap_samples,
                                              randomization_trials)
    return report


def _cell(entry: dict) -> str:
    return f"{entry['score']:.2f} ± {entry['ci95']:.2f}" if "ci95" in entry else f"{entry['score']:.2f}"


def report_markdown(report: dict) -> str:
    """A GitHub-readable summary: one row per system, p-values against the first (baseline) system."""
    systems, tests = report["systems"], report.get("significance", {})
    head = "| system | BLEU | chrF | TER | length ratio |"
    rule = "|---|---|---|---|---|"
    if tests:
        head += " p BLEU (bootstrap / AR) | p chrF (bootstrap / AR) |"
        rule += "---|---|"
    rows = [head, rule]
    for i, system in enumerate(systems):
        m = system["metrics"]
        row = f"| {system['name']} | {_cell(m['BLEU'])} | {_cell(m['chrF2'])} | {_cell(m['TER'])} | " \
              f"{system['length_ratio']:.3f} |"
        if tests:
            pairs = [(tests["paired_bootstrap"][k][i], tests["approximate_randomization"][k][i]) for k in ("BLEU", "chrF2")]
            row += "".join(" baseline |" if bs is None else f" {bs:.4f} / {ar:.4f} |" for bs, ar in pairs)
        rows.append(row)
    signatures = systems[0]["metrics"]
    lines = [f"# Evaluation: {len(systems)} system(s), {report['sentences']} sentences", "",
             "Scores are sacrebleu's on detokenized text, ± its 95% bootstrap confidence interval."]
    if tests:
        lines.append(f"p-values compare each system with the first: paired bootstrap resampling "
                     f"({tests['paired_bootstrap']['samples']} samples) / approximate randomization "
                     f"({tests['approximate_randomization']['samples']} trials).")
    lines += ["", *rows, "", "Signatures:", ""]
    lines += [f"- {name}: `{entry['signature']}`" for name, entry in signatures.items()]
    lines += ["", "References: " + ", ".join(f"`{p}`" for p in report["references"]), ""]
    return "\n".join(lines)


def write_report(report: dict, out_dir: str | Path) -> Path:
    """Write report.json (every number) and report.md into out_dir."""
    import json

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (out / "report.md").write_text(report_markdown(report), encoding="utf-8")
    return out

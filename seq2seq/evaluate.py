"""Scores translations with sacrebleu (BLEU, chrF, TER) with bootstrap confidence intervals, and compares
systems with sacrebleu's paired bootstrap resampling and approximate randomization tests."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections import Counter
from pathlib import Path
from typing import Optional, Sequence

from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.significance import PairedTest

from .config import DecodingOptions
from .curves import read_validations
from .data.corpus import read_lines
from .errors import Seq2SeqError
from .model_dir import ModelDir, make_dir

log = logging.getLogger(__name__)

METRICS = ("BLEU", "chrF2", "TER")  # sacrebleu's own names; lower TER is better


def _metrics() -> dict:
    """Fresh sacrebleu metric objects with sacrebleu's default settings (so numbers match its CLI)."""
    return {"BLEU": BLEU(), "chrF2": CHRF(), "TER": TER()}


def check_inputs(src_path: Optional[str | Path], ref_paths: Sequence[str | Path],
                 hyp_paths: Sequence[str | Path] = ()) -> None:
    """Every file evaluate reads is there and readable, or an error naming it and its flag, before any
    translating or scoring."""
    for flag, paths in (("--src", [src_path] if src_path else []), ("--ref", ref_paths), ("--hyp", hyp_paths)):
        for path in paths:
            if Path(path).is_dir():
                raise Seq2SeqError(f"{flag} {path} is a directory, not a file")
            try:
                open(path, "rb").close()
            except FileNotFoundError:
                raise Seq2SeqError(f"{flag} {path}: no such file") from None
            except OSError as error:
                raise Seq2SeqError(f"cannot read {flag} {path}: {error.strerror or error}") from None


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


LEGACY = "legacy BLEU (Moses-normalized, lowercased, Moses-tokenized)"


def legacy_tokenize(lines: list[str], lang: str) -> list[str]:
    """The older literature's BLEU input (e.g. Multi30k papers): sacremoses punctuation normalization,
    lowercasing, Moses tokenization with escaping and no aggressive dash splitting. In this order it turns
    the raw Multi30k test reference into the official tokenized file exactly (all 1,000 lines)."""
    from sacremoses import MosesPunctNormalizer, MosesTokenizer

    normalizer, tokenizer = MosesPunctNormalizer(lang=lang), MosesTokenizer(lang=lang)
    return [tokenizer.tokenize(normalizer.normalize(line).lower(), escape=True, aggressive_dash_splits=False,
                               return_str=True) for line in lines]


def legacy_bleu(hyps: list[str], refs: list[list[str]], lang: str) -> dict:
    """BLEU on legacy-tokenized text (tokenize none): comparable with papers, not with sacreBLEU's default."""
    bleu = BLEU(tokenize="none", force=True)
    score = bleu.corpus_score(legacy_tokenize(hyps, lang), [legacy_tokenize(r, lang) for r in refs])
    return {"score": round(float(score.score), 4), "lang": lang,
            "signature": f"moses-norm+lc+moses-tok(escape,{lang})|{bleu.get_signature()}"}


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


BUCKETS = ((0, 0), (1, 10), (11, 15), (16, 20), (21, 30), (31, None))  # source words (reference words without
# --src); 0: empty sources, shown only when there are some, so the rows always add up to the test set


def by_length(lengths: list[int], systems: list[list[str]], refs: list[list[str]]) -> list[dict]:
    """Corpus BLEU and chrF of every system on sentences grouped by length, to see where quality drops."""
    rows = []
    for low, high in BUCKETS:
        ids = [i for i, n in enumerate(lengths) if n >= low and (high is None or n <= high)]
        if not ids:
            continue
        pick = lambda lines: [lines[i] for i in ids]  # noqa: E731
        bucket_refs = [pick(r) for r in refs]
        label = str(low) if low == high else f"{low}-{high}" if high else f"{low}+"
        rows.append({"bucket": label, "sentences": len(ids),
                     "bleu": [round(BLEU().corpus_score(pick(h), bucket_refs).score, 2) for h in systems],
                     "chrf": [round(CHRF().corpus_score(pick(h), bucket_refs).score, 2) for h in systems]})
    return rows


def extremes(src: Optional[list[str]], refs: list[str], hyps: list[str], count: int = 5) -> dict:
    """The best and worst sentences by sentence-level chrF, with source, reference and hypothesis."""
    chrf = CHRF()
    scores = [chrf.sentence_score(h, [r]).score for h, r in zip(hyps, refs)]
    order = sorted(range(len(hyps)), key=lambda i: scores[i])
    entry = lambda i: {"line": i + 1, "chrf": round(scores[i], 2), "source": src[i] if src else None,  # noqa: E731
                       "reference": refs[i], "hypothesis": hyps[i]}
    return {"sentence_chrf": [round(x, 2) for x in scores], "best": [entry(i) for i in order[::-1][:count]],
            "worst": [entry(i) for i in order[:count]]}


def system_names(paths: Sequence[str | Path]) -> list[str]:
    """Each file's name, with as many parent folders as it takes to tell it from the others: two runs'
    hypotheses.txt must not share a row label in one report."""
    parts = [Path(p).parts for p in paths]
    depth = [1] * len(parts)
    while True:
        names = ["/".join(ps[-d:]) for ps, d in zip(parts, depth)]
        counts = Counter(names)
        clashing = [i for i, name in enumerate(names) if counts[name] > 1 and depth[i] < len(parts[i])]
        if not clashing:
            return names
        for i in clashing:
            depth[i] += 1


def evaluate_files(hyp_paths: Sequence[str | Path], ref_paths: Sequence[str | Path],
                   src_path: Optional[str | Path] = None, names: Optional[Sequence[str]] = None,
                   n_bootstrap: int = 1000, bootstrap_samples: int = 1000, randomization_trials: int = 10000,
                   legacy_lang: Optional[str] = None) -> dict:
    """The report data for one or more systems' outputs against one or more references; legacy_lang (the
    target language) adds the legacy tokenized, lowercased BLEU, clearly labelled, beside sacreBLEU's."""
    if not hyp_paths or not ref_paths:
        raise Seq2SeqError("evaluate needs at least one --hyp and one --ref file")
    check_inputs(src_path, ref_paths, hyp_paths)
    ref_texts = read_parallel(ref_paths, "reference")
    hyp_texts = read_parallel(hyp_paths, "hypothesis file", expected=len(ref_texts[0]))
    src = read_parallel([src_path], "source", expected=len(ref_texts[0]))[0] if src_path else None
    names = list(names) if names else system_names(hyp_paths)
    systems = []
    for name, path, hyps in zip(names, hyp_paths, hyp_texts):
        log.info("scoring %s", path)
        systems.append({"name": name, "path": str(path), **score_system(hyps, ref_texts, n_bootstrap)})
        if legacy_lang:
            systems[-1]["legacy_bleu"] = legacy_bleu(hyps, ref_texts, legacy_lang)
    lengths = [len(line.split()) for line in (src or ref_texts[0])]
    report = {"sentences": len(ref_texts[0]), "references": [str(p) for p in ref_paths],
              "source": str(src_path) if src_path else None, "systems": systems,
              "by_length": {"of": "source" if src else "reference", "rows": by_length(lengths, hyp_texts, ref_texts)},
              "sentences_by_chrf": extremes(src, ref_texts[0], hyp_texts[0])}
    if len(systems) > 1:
        report["significance"] = paired_tests(list(zip(names, hyp_texts)), ref_texts, bootstrap_samples,
                                              randomization_trials)
    return report


def evaluate_model(model_dir: str | Path, src_path: str | Path, ref_paths: Sequence[str | Path],
                   report_dir: str | Path, other_hyps: Sequence[str | Path] = (), checkpoint: str = "best",
                   device: Optional[str] = "auto", attention_examples: int = 3, legacy_lang: Optional[str] = None,
                   ensemble_with: Sequence[str | Path] = (), n_bootstrap: int = 1000,
                   options: Optional[DecodingOptions] = None) -> dict:
    """Translate src with a model (its output is the baseline), then evaluate it and any other systems.

    Adds what only a model can give: its summary, decoding settings and speed, training curves, and
    attention matrices for the first few sentences. With ensemble_with, the baseline is the ensemble of
    model_dir and those directories; the summary and training curves are model_dir's. options default
    to the recipe's `testing` section.
    """
    from .translate import Translator, translate_stream

    check_inputs(src_path, ref_paths, other_hyps)
    hyp_path = Path(report_dir) / "hypotheses.txt"
    for flag, path in [("--src", src_path), *[("--ref", p) for p in ref_paths], *[("--hyp", p) for p in other_hyps]]:
        if hyp_path.exists() and os.path.samefile(path, hyp_path):
            raise Seq2SeqError(f"{flag} {path} is the file this evaluation writes the model's translations to "
                               f"(hypotheses.txt in --report {report_dir}): it would be overwritten before it is "
                               "read; copy it elsewhere or give another --report")
    sources = read_lines(src_path)
    read_parallel(ref_paths, "reference", expected=len(sources))  # a mismatch is found before the long decode
    if other_hyps:
        read_parallel(other_hyps, "hypothesis file", expected=len(sources))
    translator = Translator.load(model_dir, checkpoint, device, ensemble_with=ensemble_with)
    options = options or translator.options()
    make_dir(report_dir, "report folder")
    with open(hyp_path, "w", encoding="utf-8", newline="\n") as f:
        speed = translate_stream(translator, sources, f, options=options)
    baseline = f"{' + '.join(Path(d).name for d in (model_dir, *ensemble_with))} ({checkpoint})"
    others = system_names([hyp_path, *other_hyps])[1:]  # another run's hypotheses.txt is told apart from ours
    report = evaluate_files([hyp_path, *other_hyps], ref_paths, src_path, names=[baseline, *others],
                            n_bootstrap=n_bootstrap, legacy_lang=legacy_lang)
    recipe_file = ModelDir(model_dir).recipe_file
    cfg = translator.recipe
    report["model"] = {"dir": str(model_dir), "checkpoint": checkpoint,
                       "parameters": translator.model.num_parameters(),
                       "encoder": cfg.model.encoder.describe(),
                       "decoder": f"{cfg.model.decoder.describe()}, {cfg.model.attention.type.value} attention",
                       "recipe": str(recipe_file),
                       "recipe_sha256": hashlib.sha256(recipe_file.read_bytes()).hexdigest()[:16]}
    if ensemble_with:
        report["model"]["ensemble_with"] = ", ".join(str(d) for d in ensemble_with)
    used = dataclasses.asdict(options) | {"alpha": options.length_alpha}  # what the search applied: greedy, none
    report["decoding"] = {key: used[key] for key in ("beam_size", "alpha", "max_len_a", "max_len_b")} | speed
    if ModelDir(model_dir).validations_file.is_file():
        report["training"] = read_validations(model_dir)
    examples = [i for i, s in enumerate(sources) if s.strip()][:attention_examples]
    found = translator.search([sources[i] for i in examples], options)  # the scored translations' attention
    report["attention"] = [{"line": i + 1,
                            "source": translator.src_tokenizer.encode(sources[i]) + ["</s>"],
                            "target": [translator.trg_vocab.itos[t] for t in h[0].tokens]
                                      + ["</s>"] * (len(h[0].attention) - len(h[0].tokens)),
                            "weights": [[round(w, 4) for w in row] for row in h[0].attention.tolist()]}
                           for i, h in zip(examples, found) if h]
    return report


"""The training corpus tokenized and indexed once, into files that training opens memory-mapped.

A corpus of any size is read, tokenized and written in chunks, by worker processes, never held whole;
every later run and every rank of a job opens the same files. `FOLDER/manifest.json` is written last
and says what the files were made from (sources' sizes and times, the data settings, the vocabularies'
and sentencepiece models' hashes), so a changed source or vocabulary is found and refused.

    FOLDER/src.ids, trg.ids        int32 token ids of every kept pair, one sentence after another
    FOLDER/src.offsets, trg.offsets int64: sentence i is ids[offsets[i]:offsets[i+1]]
"""
from __future__ import annotations

import collections
import concurrent.futures
import hashlib
import itertools
import json
import logging
import multiprocessing
import os
import shutil
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import numpy as np
import torch
from tqdm import tqdm

from ..config import CorpusFormat, DataConfig, Level, recipe_to_dict
from ..errors import Seq2SeqError
from .corpus import column_value, find_side, iter_lines
from .dataset import IndexedSide, ParallelDataset
from .text_files import TextFiles
from .tokenizers import Tokenizer, load_tokenizers, make_tokenizers
from .vocabulary import Vocabulary

log = logging.getLogger(__name__)
FORMAT = 1
CHUNK = 10_000  # pairs per task
PARALLEL_BYTES = 16 * 2**20  # smaller corpora are prepared in this process: starting workers costs more


# ---------------------------------------------------------------- reading pairs, lazily


def iter_pairs(cfg: DataConfig, which: str = "train") -> Iterator[tuple[str, str]]:
    """The `train` or `valid` corpus a recipe names, pair by pair; unequal sides are an error, never a cut."""
    if cfg.format is CorpusFormat.DATASETS:
        yield from _dataset_pairs(cfg, getattr(cfg, which))
        return
    prefix, key = getattr(cfg, which), f"data.{which}"
    src_path, trg_path = find_side(prefix, cfg.src_lang, key), find_side(prefix, cfg.trg_lang, key)
    count = 0
    pairs = itertools.zip_longest(iter_lines(src_path), iter_lines(trg_path))
    for pair in pairs:
        if None in pair:
            raise _unequal_sides(src_path, trg_path, count, src_longer=pair[1] is None, rest=pairs)
        count += 1
        yield pair


def _unequal_sides(src_path: Path, trg_path: Path, common: int, src_longer: bool,
                   rest: Iterator[tuple]) -> Seq2SeqError:
    """The error for sides of unequal length, with both line counts: the longer side is read to its end."""
    longer, shorter = (src_path, trg_path) if src_longer else (trg_path, src_path)
    try:
        total = f"{longer} has {common + 1 + sum(1 for _ in rest)} lines, "
    except Seq2SeqError:  # the rest of the longer side cannot be read: say what is known
        total = ""
    return Seq2SeqError(f"{longer} has more lines than {shorter} ({total}{shorter} ends after line {common}); "
                        "a parallel corpus needs one line per sentence on both sides")


def _dataset_pairs(cfg: DataConfig, split: str) -> Iterator[tuple[str, str]]:
    import datasets
    from datasets.exceptions import DatasetsError

    src_col, trg_col = cfg.src_column or f"translation.{cfg.src_lang}", cfg.trg_column or f"translation.{cfg.trg_lang}"
    where = f"dataset {cfg.dataset} split {split}"
    try:
        table = datasets.load_dataset(cfg.dataset, cfg.dataset_config, data_files=cfg.data_files, split=split)
    except (FileNotFoundError, ValueError, ConnectionError, DatasetsError) as error:
        raise Seq2SeqError(f"cannot load {where}: {error}") from None
    for i, row in enumerate(table):
        yield column_value(row, src_col, f"{where} row {i}"), column_value(row, trg_col, f"{where} row {i}")


def source_files(cfg: DataConfig) -> list[Path]:
    """The local files the training corpus is read from (a hub dataset has none to watch)."""
    if cfg.format is CorpusFormat.TEXT:
        return [find_side(cfg.train, cfg.src_lang, "data.train"), find_side(cfg.train, cfg.trg_lang, "data.train")]
    return [Path(f) for f in (cfg.data_files or {}).values() if Path(f).is_file()]


# ---------------------------------------------------------------- the work of one chunk, in a worker


_worker: dict = {}


def _start_worker(cfg: DataConfig, files: TextFiles, with_vocabularies: bool) -> None:
    """What a chunk's work needs, loaded once per process (in this one too, when there are no workers)."""
    _worker["tokenizers"] = load_tokenizers(cfg, files)
    _worker["limits"] = (cfg.min_length, cfg.max_length)
    if with_vocabularies:
        _worker["vocabularies"] = (Vocabulary.load(files.src_vocab), Vocabulary.load(files.trg_vocab))


def _start_pool_worker(*args) -> None:
    torch.set_num_threads(1)  # one process per core: its own threads would only compete
    _start_worker(*args)


def _tokenized(pairs: list[tuple[str, str]]) -> tuple[list[list[str]], list[list[str]], np.ndarray]:
    """Both sides' tokens and which pairs pass the length filter."""
    src_tok, trg_tok = _worker["tokenizers"]
    low, high = _worker["limits"]
    src = src_tok.encode_all([s for s, _ in pairs])
    trg = trg_tok.encode_all([t for _, t in pairs])
    keep = np.array([low <= len(s) <= high and low <= len(t) <= high for s, t in zip(src, trg)], dtype=bool)
    return src, trg, keep


def _count_chunk(pairs: list[tuple[str, str]]) -> tuple[collections.Counter, collections.Counter]:
    """Token counts of the kept pairs, per side."""
    src, trg, keep = _tokenized(pairs)
    counts = collections.Counter(), collections.Counter()
    for i in np.flatnonzero(keep):
        counts[0].update(src[i])
        counts[1].update(trg[i])
    return counts


def _index_chunk(pairs: list[tuple[str, str]]) -> tuple[list[np.ndarray], list[np.ndarray], int, int]:
    """Ids and lengths of the kept pairs per side, and how many pairs were too short or too long."""
    src, trg, keep = _tokenized(pairs)
    low, _ = _worker["limits"]
    out_ids, out_lengths = [], []
    for tokens, vocab in zip((src, trg), _worker["vocabularies"]):
        kept = [vocab.encode(tokens[i]) for i in np.flatnonzero(keep)]
        out_ids.append(np.fromiter(itertools.chain.from_iterable(kept), dtype=np.int32))
        out_lengths.append(np.array([len(k) for k in kept], dtype=np.int64))
    short = sum(1 for i in np.flatnonzero(~keep) if len(src[i]) < low or len(trg[i]) < low)
    return out_ids, out_lengths, short, int((~keep).sum()) - short


def _chunks(pairs: Iterable[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    it = iter(pairs)
    while chunk := list(itertools.islice(it, CHUNK)):
        yield chunk


def _map(function: Callable, chunks: Iterable[list], workers: int, initargs: tuple) -> Iterator:
    """function over chunks in order: in this process, or in `workers` processes with a bounded number of
    chunks in flight, so memory holds a few chunks whatever the corpus size."""
    if workers <= 1:
        _start_worker(*initargs)
        yield from map(function, chunks)
        return
    context = multiprocessing.get_context("spawn")  # fork after torch's threads have started can deadlock
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context, initializer=_start_pool_worker,
                                                initargs=initargs) as pool:
        pending: collections.deque = collections.deque()
        for chunk in chunks:
            pending.append(pool.submit(function, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


# ---------------------------------------------------------------- preparing and opening


def file_sha256(path: Path) -> str:
    """A file's sha256, read in blocks (checkpoints and corpora need not fit in memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _expected(cfg: DataConfig, files: TextFiles) -> dict:
    """What a manifest must say for the corpus to be the one these settings and files make."""
    sources = [{"path": str(p), "bytes": p.stat().st_size, "mtime_ns": p.stat().st_mtime_ns} for p in source_files(cfg)]
    hashed = files.all(cfg.level is Level.SENTENCEPIECE)
    return {"format": FORMAT, "data": recipe_to_dict(cfg), "sources": sources,
            "sha256": {p.name: file_sha256(p) for p in hashed if p.is_file()}}


def stale(folder: Path, cfg: DataConfig, files: TextFiles) -> Optional[str]:
    """Why the prepared corpus in `folder` is not the one cfg and files make now; None when it is."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "it is not complete (no readable manifest.json)"
    expected = _expected(cfg, files)
    if manifest.get("format") != FORMAT:
        return f"it has format {manifest.get('format')}, this version reads format {FORMAT}"
    for key, value in expected["data"].items():
        if manifest["data"].get(key) != value:
            return f"recipe key data.{key} was {manifest['data'].get(key)!r} then and is {value!r} now"
    if manifest["sources"] != expected["sources"]:
        return "a source file changed since (size or modification time)"
    if manifest["sha256"] != expected["sha256"]:
        return "a vocabulary or sentencepiece model changed since"
    return None


def open_corpus(folder: Path) -> ParallelDataset:
    """The prepared training pairs, memory-mapped: nothing is read until a batch needs it."""
    def side(name: str) -> IndexedSide:
        ids = np.memmap(folder / f"{name}.ids", dtype=np.int32, mode="c")  # copy-on-write: never changes the file
        offsets = np.memmap(folder / f"{name}.offsets", dtype=np.int64, mode="c")
        return IndexedSide(torch.from_numpy(ids), torch.from_numpy(offsets))
    return ParallelDataset(side("src"), side("trg"))


def prepare_corpus(cfg: DataConfig, files: TextFiles, folder: Path, seed: int, workers: int = 1,
                   reuse: bool = False) -> tuple[Tokenizer, Tokenizer, Vocabulary, Vocabulary]:
    """Tokenizers (trained, or with reuse loaded), vocabularies (built from the kept pairs' counts, or
    every sentencepiece piece, or with reuse loaded) and the indexed corpus in `folder`."""
    if cfg.format is CorpusFormat.TEXT and sum(p.stat().st_size for p in source_files(cfg)) < PARALLEL_BYTES:
        workers = 1
    if reuse:
        src_tok, trg_tok = load_tokenizers(cfg, files)
    else:
        src_tok, trg_tok = make_tokenizers(cfg, files, (s for s, _ in iter_pairs(cfg)), (t for _, t in iter_pairs(cfg)),
                                           seed, workers)
    if reuse:
        vocabularies = Vocabulary.load(files.src_vocab), Vocabulary.load(files.trg_vocab)
    elif cfg.sentencepiece.all_pieces:
        vocabularies = tuple(Vocabulary.from_tokens(tok.pieces()) for tok in (src_tok, trg_tok))
    else:
        totals = collections.Counter(), collections.Counter()
        for counts in _map(_count_chunk, _chunks(_progress(iter_pairs(cfg), "counting")), workers,
                           (cfg, files, False)):
            totals[0].update(counts[0])
            totals[1].update(counts[1])
        vocabularies = tuple(Vocabulary.from_counts(c, cfg.vocab_max_size, cfg.vocab_min_freq) for c in totals)
    if not reuse:
        vocabularies[0].save(files.src_vocab)
        vocabularies[1].save(files.trg_vocab)
    _index(cfg, files, folder, workers)
    return src_tok, trg_tok, *vocabularies


def _progress(pairs: Iterable, what: str) -> Iterator:
    return iter(tqdm(pairs, desc=f"{what} the training corpus", unit=" pairs", unit_scale=True, leave=False,
                     mininterval=2))


def _index(cfg: DataConfig, files: TextFiles, folder: Path, workers: int) -> None:
    """Write the kept pairs' ids and offsets, then the manifest that marks the folder complete."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    outputs = {name: open(folder / f"{name}.ids", "wb") for name in ("src", "trg")}
    lengths: dict[str, list[np.ndarray]] = {"src": [], "trg": []}
    short = long = 0
    try:
        for ids, lens, too_short, too_long in _map(_index_chunk, _chunks(_progress(iter_pairs(cfg), "indexing")),
                                                   workers, (cfg, files, True)):
            for name, chunk_ids, chunk_lengths in zip(("src", "trg"), ids, lens):
                outputs[name].write(chunk_ids.tobytes())
                lengths[name].append(chunk_lengths)
            short, long = short + too_short, long + too_long
    finally:
        for f in outputs.values():
            f.close()
    kept = 0
    for name, parts in lengths.items():
        sizes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        offsets = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        offsets.tofile(folder / f"{name}.offsets")
        kept = len(sizes)
    if not kept:
        raise Seq2SeqError(f"no training pair has {cfg.min_length}..{cfg.max_length} tokens on both sides; "
                           "check data.min_length and data.max_length")
    log.info("training data: kept %d pairs, dropped %d outside %d..%d tokens", kept, short + long,
             cfg.min_length, cfg.max_length)
    manifest = {**_expected(cfg, files), "pairs": kept + short + long, "kept": kept,
                "dropped": {"too_short": short, "too_long": long}}
    partial = folder / "manifest.json.tmp"
    partial.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, folder / "manifest.json")

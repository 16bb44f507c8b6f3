"""The Python translation API: Translator.load(dir).translate(lines)."""
from __future__ import annotations

import io
import shutil

import pytest

from seq2seq import Translator as LazyTranslator
from seq2seq.errors import Seq2SeqError
from seq2seq.model.cells import Int8StepCell
from seq2seq.translate import Translator, translate_stream


@pytest.fixture(scope="module")
def translator(trained_model) -> Translator:
    return Translator.load(trained_model.dir, device="cpu")


def test_package_exports_translator():
    assert LazyTranslator is Translator


def test_one_output_per_input_in_order(translator):
    lines = ["a b c", "t s r q p o n m l k j i", "e", "b b b b a", "c a t", "q r s t a b c d e f g", "a b c"]
    out = translator.translate(lines)
    assert isinstance(out, list) and len(out) == len(lines)
    assert all(isinstance(s, str) and "\n" not in s for s in out)
    assert out == [translator.translate([line])[0] for line in lines]  # batching sorts, output must not
    assert out[0] == out[-1]


def test_batch_size_does_not_change_translations(translator):
    lines = ["a b c d e f", "t s", "k l m n o p q r s", "h", "g f e d c b a g f e"]
    assert translator.translate(lines, translator.options(batch_tokens=4)) == \
        translator.translate(lines, translator.options(batch_tokens=10_000))


def test_accepts_any_iterable(translator):
    assert translator.translate(("a b", "c d")) == translator.translate(["a b", "c d"])
    assert translator.translate(s for s in ["a b", "c d"]) == translator.translate(["a b", "c d"])
    assert translator.translate([]) == []


def test_empty_and_whitespace_lines_give_empty_outputs(translator):
    lines = ["", "   ", "\t", "a b c", " \u00a0 ", "\u2028", "", "d e"]
    out = translator.translate(lines)
    assert len(out) == len(lines)
    assert [out[i] for i in (0, 1, 2, 4, 5, 6)] == [""] * 6
    assert out[3] != "" and out[7] != ""
    assert translator.translate(["", " "]) == ["", ""]  # nothing at all to decode
    assert translator.search(["", "a"])[0] == []


def test_very_long_input_respects_the_max_length(translator):
    a, b = translator.recipe.testing.max_len_a, translator.recipe.testing.max_len_b
    long_line = " ".join("abcdefghijklmnopqrst"[i % 20] for i in range(2000))
    (hyp_long,), (hyp_short,) = translator.search([long_line, "a b c"])
    assert len(hyp_long.tokens) <= a * 2000 + b
    assert len(hyp_short.tokens) <= a * 3 + b
    (greedy_long,), = translator.search([long_line], translator.options(beam_size=1))
    assert len(greedy_long.tokens) <= a * 2000 + b
    out = translator.translate([long_line], translator.options(max_len_a=0.0, max_len_b=7))
    assert len(out) == 1 and 1 <= len(out[0].split()) <= 7


def test_unseen_tokens_and_characters_do_not_crash(translator):
    lines = ["a b zz", "ü ß 漢 字 😀", "\u200b", "A B C", "a\x00b", "<unk> <s> </s> <pad>", "a\u2028b"]
    out = translator.translate(lines)
    assert len(out) == len(lines)
    assert all(isinstance(s, str) and "\n" not in s for s in out)


def test_checkpoint_best_last_and_path(trained_model):
    d = trained_model.dir / "checkpoints"
    lines = ["a b c d e f g h", "q r s", "t a t a t"]
    best = Translator.load(trained_model.dir, device="cpu").translate(lines)
    assert Translator.load(trained_model.dir, "best", device="cpu").translate(lines) == best
    assert Translator.load(trained_model.dir, str(d / "best.pt"), device="cpu").translate(lines) == best
    last = Translator.load(trained_model.dir, "last", device="cpu")
    by_path = Translator.load(trained_model.dir, str(d / "step_300.pt"), device="cpu")
    assert last.translate(lines) == by_path.translate(lines)
    early = Translator.load(trained_model.dir, str(d / "step_200.pt"), device="cpu")
    by_name = Translator.load(trained_model.dir, "step_200", device="cpu")  # a name in checkpoints/
    assert all(a.equal(b) for a, b in zip(early.model.state_dict().values(), by_name.model.state_dict().values()))
    assert all(a.equal(b) for a, b in zip(last.model.state_dict().values(), by_path.model.state_dict().values()))
    assert not all(a.equal(b) for a, b in zip(last.model.state_dict().values(), early.model.state_dict().values()))


def test_model_dir_can_be_moved(trained_model, translator, tmp_path):
    moved = shutil.copytree(trained_model.dir, tmp_path / "moved")
    lines = ["a b c d", "s t"]
    assert Translator.load(moved, device="cpu").translate(lines) == translator.translate(lines)


def test_missing_checkpoint_is_a_clear_error(trained_model, tmp_path):
    with pytest.raises(Seq2SeqError, match="its checkpoints: best, last, step_200, step_300"):
        Translator.load(trained_model.dir, "nope", device="cpu")
    with pytest.raises(Seq2SeqError, match="checkpoint"):
        Translator.load(trained_model.dir, str(tmp_path / "missing.pt"), device="cpu")


def test_a_file_that_is_not_a_checkpoint_is_a_clear_error(trained_model):
    with pytest.raises(Seq2SeqError):
        Translator.load(trained_model.dir, str(trained_model.dir / "recipe.yaml"), device="cpu")


def test_missing_model_dir_is_a_clear_error(tmp_path):
    with pytest.raises(Seq2SeqError):
        Translator.load(tmp_path / "does-not-exist")
    with pytest.raises(Seq2SeqError):
        Translator.load(tmp_path)  # exists, but holds no model


def test_model_dir_without_checkpoints_is_a_clear_error(trained_model, tmp_path):
    partial = tmp_path / "partial"
    partial.mkdir()
    for name in ("recipe.yaml", "src_vocab.txt", "trg_vocab.txt"):
        shutil.copy(trained_model.dir / name, partial / name)
    with pytest.raises(Seq2SeqError, match="checkpoint"):
        Translator.load(partial, device="cpu")


def test_missing_cuda_is_a_clear_error(trained_model):
    import torch

    if torch.cuda.is_available():
        pytest.skip("a CUDA device is present")
    with pytest.raises(Seq2SeqError, match="CUDA"):
        Translator.load(trained_model.dir, device="cuda")


@pytest.mark.parametrize("name", ["gpu", "cuda0", "mps"])
def test_a_device_that_is_not_cpu_or_cuda_is_a_clear_error(trained_model, name):
    with pytest.raises(Seq2SeqError, match=f"device '{name}'.*use auto, cpu, cuda or cuda:N"):
        Translator.load(trained_model.dir, device=name)


@pytest.mark.parametrize("option, value, message", [
    ("alpha", -0.5, r"--alpha -0.5: allowed: a number >= 0 \(as for testing.alpha"),
    ("batch_tokens", 0, r"--batch-tokens 0: allowed: a positive number"),
    ("max_len_a", -1.0, r"--max-len-a -1.0: allowed: a number >= 0"),
    ("beam_size", 0, r"--beam-size 0: allowed: a positive number"),
    ("min_len", -1, r"--min-len -1: allowed: a number >= 0"),
])
def test_decoding_options_out_of_range_are_refused_by_name(translator, option, value, message):
    # the recipe's testing section refuses these values; a command-line flag must not slip them through
    with pytest.raises(Seq2SeqError, match=message):
        translator.translate(["a b"], translator.options(**{option: value}))


def test_int8_translates_like_fp32_and_leaves_the_original_model_alone(trained_model):
    from torch import nn

    fp32 = Translator.load(trained_model.dir, device="cpu")
    int8 = Translator.load(trained_model.dir, int8=True)
    assert int8.device.type == "cpu"
    from torch.ao.nn.quantized import dynamic

    kinds = {type(m) for m in int8.model.modules()}
    assert dynamic.Linear in kinds and kinds & {dynamic.GRU, dynamic.LSTM}
    assert not kinds & {nn.Linear, nn.GRU, nn.LSTM}
    assert any(type(m) is nn.Linear for m in fp32.model.modules())  # quantizing made a copy
    assert not any(isinstance(m, Int8StepCell) for m in fp32.model.modules())
    assert all(isinstance(cell, Int8StepCell) for cell in int8.model.decoder.cells)  # the decoder's step products too
    assert len(int8.model.decoder.cells[0].part_products()) == 2  # input feeding: embedding and context parts
    sources = (trained_model.data / "test.src").read_text(encoding="utf-8").splitlines()
    references = (trained_model.data / "test.trg").read_text(encoding="utf-8").splitlines()
    out32, out8 = fp32.translate(sources), int8.translate(sources)
    assert len(out8) == len(sources)
    right32 = sum(h == r for h, r in zip(out32, references))
    right8 = sum(h == r for h, r in zip(out8, references))
    assert right8 >= right32 - 0.03 * len(sources)  # at most 3 points of exact match lost
    assert sum(a == b for a, b in zip(out32, out8)) >= 0.9 * len(sources)


class _Recorder(io.StringIO):
    """An output that remembers how many input lines had been read at each flush."""

    def __init__(self, read: list[int]):
        super().__init__()
        self.read, self.flushes = read, []

    def flush(self):
        self.flushes.append((self.getvalue().count("\n"), self.read[0]))
        super().flush()


def test_translate_stream_reads_and_writes_chunk_by_chunk(translator):
    lines = ["a b c", "", "t s r q p", "e d", "k l m n", "b a", "q", "c a t"]
    read = [0]

    def source():
        for line in lines:
            read[0] += 1
            yield line + "\n"

    out = _Recorder(read)
    summary = translate_stream(translator, source(), out, progress=False, chunk_lines=3)
    assert out.getvalue().split("\n")[:-1] == translator.translate(lines)  # chunks change nothing
    assert summary["sentences"] == len(lines)
    # each chunk is written before the next one is read: memory is bounded by the chunk, not the input
    assert out.flushes == [(3, 3), (6, 6), (8, 8)]


def test_n_best_indices_count_from_the_start_of_the_input_across_chunks(translator):
    lines = ["a b c", "", "t s r q p", "e d", "k l"]
    whole, chunked = io.StringIO(), io.StringIO()
    translate_stream(translator, lines, whole, options=translator.options(n_best=2, beam_size=3), progress=False)
    translate_stream(translator, lines, chunked, options=translator.options(n_best=2, beam_size=3), progress=False,
                     chunk_lines=2)
    rows = [row.split("\t") for row in chunked.getvalue().splitlines()]
    expected = [row.split("\t") for row in whole.getvalue().splitlines()]
    assert [(r[0], r[2]) for r in rows] == [(r[0], r[2]) for r in expected]
    assert all(r[1] == e[1] == "-inf" or abs(float(r[1]) - float(e[1])) < 1e-3 for r, e in zip(rows, expected))
    assert [int(r[0]) for r in rows] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_options_are_only_ever_passed_whole_and_checked(translator):
    # a bad combination cannot become options at all, so no translation starts with one
    with pytest.raises(Seq2SeqError, match="n-best"):
        translator.options(n_best=3, beam_size=2)
    with pytest.raises(TypeError):  # progress was once the fourth positional argument; now nothing is
        translate_stream(translator, ["a b"], io.StringIO(), False)


def test_a_chunk_size_below_one_is_refused(translator):
    with pytest.raises(ValueError, match="chunk_lines"):
        translate_stream(translator, ["a b"], io.StringIO(), progress=False, chunk_lines=0)


def test_translate_stream_skips_lines_translated_before(translator):
    lines = ["a b c", "", "t s r q p", "e d", "k l"]
    out = io.StringIO()
    summary = translate_stream(translator, lines, out, progress=False, skip=2)
    assert out.getvalue().split("\n")[:-1] == translator.translate(lines[2:]) and summary["sentences"] == 3
    n_best = io.StringIO()
    translate_stream(translator, lines, n_best, options=translator.options(n_best=2, beam_size=2), progress=False,
                     skip=3)
    assert [row.split("\t")[0] for row in n_best.getvalue().splitlines()] == ["3", "3", "4", "4"]
    with pytest.raises(Seq2SeqError, match="the input ends after 5 lines, but 6 were translated before"):
        translate_stream(translator, lines, io.StringIO(), progress=False, skip=6)


def test_whole_chunks_finds_the_end_of_the_last_whole_chunk_whatever_the_blocks_read(tmp_path):
    from seq2seq.partial_output import whole_chunks

    path = tmp_path / "partial"
    for data in (b"", b"a\n", b"torn", b"a\nb\nc\nd\ne", b"a\n\n\nb\nccc\nd\ne\nf\ng\n", b"\n" * 9 + b"x"):
        path.write_bytes(data)
        for per in (1, 2, 3, 4):
            ends = [i + 1 for i, byte in enumerate(data) if byte == ord("\n")]
            kept = len(ends) // per * per
            expected = (kept, ends[kept - 1] if kept else 0)
            for block in (1, 2, 3, 5, 1 << 20):
                assert whole_chunks(path, per, block) == expected, (data, per, block)

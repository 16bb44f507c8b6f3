"""seq2seq export + seq2seq/runtime: the bundle translates as `seq2seq translate` does, without torch."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("onnxscript")

from seq2seq.errors import Seq2SeqError  # noqa: E402
from seq2seq.export import export_bundle  # noqa: E402
from seq2seq.runtime import BundleTranslator  # noqa: E402
from seq2seq.translate import Translator  # noqa: E402

NO_TORCH = ("import sys, runpy\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'torch' or name.startswith('torch.'):\n"
            "            raise ImportError('torch is blocked in this test')\n"
            "sys.meta_path.insert(0, Block())\n"
            "sys.argv = ['seq2seq.runtime', *sys.argv[1:]]\n"
            "runpy.run_module('seq2seq.runtime', run_name='__main__')\n")


@pytest.fixture(scope="module")
def bundle(trained_model, tmp_path_factory):
    return export_bundle(trained_model.dir, tmp_path_factory.mktemp("bundle") / "toy")


def _sentences(trained_model, n=100):
    return (trained_model.data / "test.src").read_text().splitlines()[:n] + ["", "   "]


@pytest.mark.parametrize("beam", [1, 5])
def test_runtime_gives_the_tokens_and_scores_of_pytorch(trained_model, bundle, beam):
    torch_side, runtime = Translator.load(trained_model.dir, device="cpu"), BundleTranslator(bundle)
    sentences = _sentences(trained_model)
    want = torch_side.search(sentences, torch_side.options(beam_size=beam, n_best=beam))
    got = runtime.search(sentences, runtime.options(beam_size=beam, n_best=beam))
    assert [[h.tokens for h in hyps] for hyps in got] == [[h.tokens for h in hyps] for hyps in want]
    for g, w in zip(got, want):
        for a, b in zip(g, w):
            assert a.score == pytest.approx(b.score, abs=1e-4)
            assert a.normalized == pytest.approx(b.normalized, abs=1e-4)
    assert runtime.translate(sentences) == torch_side.translate(sentences)


def test_runtime_runs_with_torch_unimportable(trained_model, bundle, tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("\n".join(_sentences(trained_model, 20)) + "\n")
    run = subprocess.run([sys.executable, "-c", NO_TORCH, str(bundle), "--input", str(source), "-q"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    want = Translator.load(trained_model.dir, device="cpu").translate(_sentences(trained_model, 20))
    assert run.stdout.split("\n")[:-1] == want  # one line per input line, blank lines included


def test_altered_incomplete_or_newer_bundles_are_one_line_errors(bundle, tmp_path):
    import shutil

    altered = shutil.copytree(bundle, tmp_path / "altered")
    (altered / "trg.vocab").write_text((altered / "trg.vocab").read_text() + "extra\n")
    with pytest.raises(Seq2SeqError, match="altered: trg.vocab"):
        BundleTranslator(altered)
    incomplete = shutil.copytree(bundle, tmp_path / "incomplete")
    (incomplete / "decoder_step.onnx").unlink()
    with pytest.raises(Seq2SeqError, match="incomplete: decoder_step.onnx is missing"):
        BundleTranslator(incomplete)
    newer = shutil.copytree(bundle, tmp_path / "newer")
    manifest = json.loads((newer / "manifest.json").read_text())
    (newer / "manifest.json").write_text(json.dumps({**manifest, "format": 99}))
    with pytest.raises(Seq2SeqError, match="format 99, newer than this runtime"):
        BundleTranslator(newer)
    run = subprocess.run([sys.executable, "-m", "seq2seq.runtime", str(newer)], input="a b\n",
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "format 99" in run.stderr


def test_export_refuses_a_folder_in_use(trained_model, bundle):
    with pytest.raises(Seq2SeqError, match="already exists"):
        export_bundle(trained_model.dir, bundle)


CONFIGS = {  # every cell type both ways, with the decoder options and stacking spread across them
    "gru_bi_conditional": ["model.encoder.cell=gru", "model.decoder.conditional=true", "model.decoder.input_feeding=false"],
    "gru_uni_stacked": ["model.encoder.cell=gru", "model.encoder.bidirectional=false", "model.encoder.num_layers=2"],
    "lstm_bi_lstm_decoder": ["model.encoder.cell=lstm", "model.decoder.cell=lstm", "model.decoder.num_layers=2"],
    "lstm_uni_layer_norm": ["model.encoder.cell=lstm", "model.encoder.bidirectional=false",
                            "model.decoder.layer_norm=true"],
    "rnn_tanh_bi_general": ["model.encoder.cell=rnn_tanh", "model.attention.type=general"],
    "rnn_tanh_uni_zeros": ["model.encoder.cell=rnn_tanh", "model.encoder.bidirectional=false",
                           "model.decoder.init=zeros"],
    "rnn_relu_bi_lstm_zeros": ["model.encoder.cell=rnn_relu", "model.decoder.cell=lstm", "model.decoder.init=zeros"],
    "rnn_relu_uni_tied": ["model.encoder.cell=rnn_relu", "model.encoder.bidirectional=false",
                          "model.decoder.tie_embeddings=true"],
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_every_configuration_exports_faithfully(name, toy_recipe, toy_data, tmp_path):
    from seq2seq.training import train

    recipe = toy_recipe(tmp_path / "model", *CONFIGS[name], "training.max_steps=60", "training.valid_every=60",
                        "training.learning_rate=0.02")
    model_dir = train(recipe)
    runtime = BundleTranslator(export_bundle(model_dir, tmp_path / "bundle"))
    torch_side = Translator.load(model_dir, device="cpu")
    sentences = (toy_data / "test.src").read_text().splitlines()[:40]
    for beam in (1, 5):
        want = torch_side.search(sentences, torch_side.options(beam_size=beam))
        got = runtime.search(sentences, runtime.options(beam_size=beam))
        assert [h[0].tokens for h in got] == [h[0].tokens for h in want]
        assert max(abs(g[0].score - w[0].score) for g, w in zip(got, want)) <= 1e-4

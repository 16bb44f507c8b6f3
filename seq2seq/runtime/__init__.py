"""Translation with an exported bundle (`seq2seq export`): onnxruntime, numpy and sentencepiece, never torch.

`python -m seq2seq.runtime BUNDLE < input > output` gives the translations `seq2seq translate` gives, one
line per input line. Nothing here imports torch or a part of seq2seq that does (tests hold it so): its
beam search (search.py) mirrors seq2seq/search.py, and parity tests hold the two equal.
"""
from .bundle import BUNDLE_FORMAT, Bundle
from .translator import BundleTranslator

__all__ = ["BUNDLE_FORMAT", "Bundle", "BundleTranslator"]

"""seq2seq: small, readable, fast recurrent neural machine translation."""
__version__ = "0.1.0"

__all__ = ["Translator", "__version__"]


def __getattr__(name: str):
    """`from seq2seq import Translator` without importing torch for `seq2seq --help`."""
    if name == "Translator":
        from .translate import Translator

        return Translator
    raise AttributeError(name)

"""seq2seq/devices.py: 'auto' picks what the machine has; an explicit device that is missing or unknown is a
one-line error saying what to use instead."""
from __future__ import annotations

import pytest
import torch

from seq2seq.devices import pick_device
from seq2seq.errors import Seq2SeqError


@pytest.mark.parametrize("name", ["auto", None])
def test_auto_takes_cuda_when_present_else_the_cpu(name):
    assert pick_device(name).type == ("cuda" if torch.cuda.is_available() else "cpu")


def test_cpu_is_always_there():
    assert pick_device("cpu") == torch.device("cpu")


@pytest.mark.skipif(torch.cuda.is_available(), reason="a CUDA device is present")
@pytest.mark.parametrize("name", ["cuda", "cuda:0"])
def test_missing_cuda_says_to_use_cpu_or_auto(name):
    with pytest.raises(Seq2SeqError, match="no CUDA device is available; use cpu or auto"):
        pick_device(name)


@pytest.mark.parametrize("name", ["gpu", "mps", "cuda:x"])
def test_an_unknown_or_unsupported_device_lists_the_choices(name):
    with pytest.raises(Seq2SeqError, match=f"device '{name}'.*use auto, cpu, cuda or cuda:N"):
        pick_device(name)

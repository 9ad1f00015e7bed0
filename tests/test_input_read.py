"""Reading an input file within the bound (consolidator/limits.py): the file is read in
two steps (the size it says it has, then on up to the bound), and that must give what
one read of bound + 1 bytes gives, whatever size the file claims."""
from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidator import limits
from consolidator.errors import ActSyntaxError


def _claiming(monkeypatch, claimed: int) -> None:
    """Every ``os.fstat`` says the file has ``claimed`` bytes (a file that grew after it
    was measured, or one whose size is not known)."""
    real = os.fstat

    class Stat:
        def __init__(self, fd):
            self.st_size = claimed
            self.real = real(fd)

    monkeypatch.setattr(limits.os, "fstat", Stat)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=3000), claimed=st.integers(0, 3000))
def test_the_bytes_read_are_the_file_whatever_size_it_claims(tmp_path_factory, data, claimed):
    path = tmp_path_factory.mktemp("read") / "act.txt"
    path.write_bytes(data)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _claiming(monkeypatch, min(claimed, len(data)))
        assert limits.read_bytes(path, ActSyntaxError) == data


def test_a_file_that_grew_past_the_bound_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv(limits.ENV_VAR, "0.01")  # 10 kB
    path = tmp_path / "act.txt"
    path.write_bytes(b"x" * 20_000)
    _claiming(monkeypatch, 100)  # measured small, read large
    with pytest.raises(ActSyntaxError, match="one input may hold"):
        limits.read_bytes(path, ActSyntaxError)


def test_a_file_of_exactly_the_bound_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv(limits.ENV_VAR, "0.01")
    bound = limits.max_input_bytes()
    path = tmp_path / "act.txt"
    path.write_bytes(b"y" * bound)
    _claiming(monkeypatch, 10)
    assert limits.read_bytes(path, ActSyntaxError) == b"y" * bound

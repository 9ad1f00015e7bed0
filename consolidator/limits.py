"""How much input the engine accepts, and reading input files within that bound.

Publishers run the engine unattended over files from outside, so an input file is
measured before it is read: a file larger than the bound is refused with a clear error
instead of being read into memory. The bound is generous (the largest law in BWB is a
few tens of megabytes of XML) and can be raised for one run with the environment
variable ``CONSOLIDATOR_MAX_INPUT_MB``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Type

from consolidator.errors import ConsolidatorError

#: the default bound on one input file (a law's XML, an act, a law text), in megabytes
DEFAULT_MAX_INPUT_MB = 256
ENV_VAR = "CONSOLIDATOR_MAX_INPUT_MB"


def max_input_bytes() -> int:
    """The bound on one input file in bytes (the environment variable, else the default)."""
    raw = os.environ.get(ENV_VAR, "").strip()
    if not raw:
        return DEFAULT_MAX_INPUT_MB * 1024 * 1024
    try:
        megabytes = float(raw)
    except ValueError:
        raise ConsolidatorError(f"{ENV_VAR}={raw!r} is not a number of megabytes") from None
    if megabytes <= 0:
        raise ConsolidatorError(f"{ENV_VAR}={raw!r}: the bound must be more than 0 megabytes")
    return int(megabytes * 1024 * 1024)


def check_size(size: int, source: str, error: Type[ConsolidatorError]) -> None:
    """Raise ``error`` when ``size`` bytes are more than one input may hold."""
    bound = max_input_bytes()
    if size > bound:
        raise error(f"the input is {_mb(size)}, more than the {_mb(bound)} one input may hold "
                    f"(set {ENV_VAR} to raise the bound)", source=source)


def read_bytes(path: Path, error: Type[ConsolidatorError]) -> bytes:
    """The bytes of the file at ``path``, refused with ``error`` when it cannot be read or
    is larger than the bound (measured before reading, and again after: a file that grows
    while it is read is still refused)."""
    source = str(path)
    bound = max_input_bytes()
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            check_size(size, source, error)
            data = _read_within(handle, size, bound)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", source=source) from None
    check_size(len(data), source, error)
    return data


def _read_within(handle, size: int, bound: int) -> bytes:
    """``handle.read(bound + 1)``: at most one byte more than the bound, so a file that
    grew past it shows. Asked for that many bytes at once, a read makes a buffer of the
    whole bound (256 MB: more time than reading a small act); so the size the file said it
    has is read first, plus one byte, and only a file that gave that byte too (it grew, or
    its size is not known, as of a pipe) is read on up to the bound."""
    data = handle.read(min(size, bound) + 1)
    if len(data) > size:
        data += handle.read(bound + 1 - len(data))
    return data


def read_text(path: Path, error: Type[ConsolidatorError]) -> str:
    """The UTF-8 text of the file at ``path`` (as ``read_bytes``; not UTF-8 is ``error``),
    with universal line ends."""
    return utf8_text(read_bytes(path, error), path, error)


def utf8_text(data: bytes, path: Path, error: Type[ConsolidatorError]) -> str:
    """``data`` (the bytes of the file at ``path``) as UTF-8 text with universal line
    ends; not UTF-8 is ``error``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise error(f"not UTF-8 text ({exc.reason}, byte 0x{data[exc.start]:02x})",
                    source=str(path), line=line, column=column) from None
    # line ends as text mode reads them (\r\n and \r become \n), so a file written on
    # another system reads the same; a text without \r (most) has nothing to replace
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"

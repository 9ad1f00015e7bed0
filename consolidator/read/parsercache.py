"""The Lark parsers, kept between runs in a private per-user cache folder.

Building the LALR tables of the instruction grammar takes about a second, loading them
from a file a tenth of that; every command that reads an act would otherwise pay the
build. ``cached_lark`` gives the parser Lark would build, from the cache when it holds
one for exactly this grammar, else built and written there for the next run.

Where: ``$XDG_CACHE_HOME/consolidator`` (when that variable is an absolute path), else
``~/.cache/consolidator``, made 0700. Never a shared temporary folder: Lark's own
``cache=True`` writes to ``tempfile.gettempdir()``, where another user could leave a file.

The key: one file per grammar text, Lark version, Python version, options and this
module's format, named by their SHA-256. Files of other keys are left alone (another
checkout may use them); the folder is safe to delete at any time.

Trust: a cache file is pickle data, and unpickling can run code. A file is read only
when the folder and the file are owned by this user and writable by no one else,
both opened without following a symbolic link and checked on the open descriptors
(what is checked is what is read). Otherwise the parser is built in memory and nothing
is written there (``Untrusted``).

Corruption: the file holds the SHA-256 of its payload. A file that does not match
(truncated, damaged) or does not load is rebuilt and replaced: written to a private
temporary file in the folder, then renamed over the old one, so a reader sees the old
file or the new one, never half of one.
"""
from __future__ import annotations

import hashlib
import io
import os
import stat
import sys
from pathlib import Path
from typing import Optional

import lark
from lark import Lark

#: the first line of every cache file; a new number when the layout changes
MAGIC = b"consolidator lark cache 1\n"
#: what only the owner may do: group and others may not write the folder or a file
_WRITABLE_BY_OTHERS = stat.S_IWGRP | stat.S_IWOTH


class Untrusted(Exception):
    """The cache folder or file could be written by another user: not read."""


def cache_folder() -> Optional[Path]:
    """The per-user cache folder of consolidator (it may not exist yet); None when
    there is no home folder to put it in."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
        try:
            base = os.path.join(Path.home(), ".cache")
        except (RuntimeError, KeyError):
            return None
    return Path(base) / "consolidator"


def cached_lark(name: str, grammar: str, **options) -> Lark:
    """``Lark(grammar, **options)`` (an LALR parser), loaded from the cache file of this
    grammar when there is a trusted, intact one; else built, and written to the cache
    when its folder can be made and trusted. ``name`` starts the file's name."""
    key = cache_key(grammar, options)
    filename = f"{name}-{key[:32]}.lark"
    try:
        folder = _open_folder()
    except (OSError, Untrusted):
        return Lark(grammar, **options)
    try:
        loaded = _load(folder, filename, key)
        if loaded is not None:
            return loaded
        parser = Lark(grammar, **options)
        _store(folder, filename, key, parser)
        return parser
    except Untrusted:
        return Lark(grammar, **options)
    finally:
        os.close(folder)


def cache_key(grammar: str, options: dict) -> str:
    """The SHA-256 of everything the cached tables depend on."""
    parts = [MAGIC.decode(), lark.__version__, sys.version, repr(sorted(options.items())),
             grammar]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _open_folder() -> int:
    """A descriptor of the cache folder, made 0700 if missing; raises ``Untrusted`` if
    it is not this user's own, OSError if it cannot be made."""
    folder = cache_folder()
    if folder is None:
        raise OSError("no home folder")
    os.makedirs(folder.parent, mode=0o700, exist_ok=True)
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        _check_owned(os.fstat(descriptor), stat.S_ISDIR)
    except Untrusted:
        os.close(descriptor)
        raise
    return descriptor


def _check_owned(info: os.stat_result, is_kind) -> None:
    if not is_kind(info.st_mode) or info.st_uid != os.getuid() \
            or info.st_mode & _WRITABLE_BY_OTHERS:
        raise Untrusted()


def _load(folder: int, filename: str, key: str) -> Optional[Lark]:
    """The parser in ``filename``; None if there is none, or it is damaged or stale.
    Raises ``Untrusted`` for a file another user could have written."""
    try:
        descriptor = os.open(filename, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder)
    except FileNotFoundError:
        return None
    except OSError:  # a symbolic link (ELOOP), or unreadable: rebuilt and replaced
        return None
    with os.fdopen(descriptor, "rb") as file:
        _check_owned(os.fstat(file.fileno()), stat.S_ISREG)
        data = file.read()
    payload = _payload(data, key)
    if payload is None:
        return None
    try:
        return Lark.load(io.BytesIO(payload))
    except Exception:  # noqa: BLE001 - a damaged file whose digest still matched: rebuilt
        return None


def _payload(data: bytes, key: str) -> Optional[bytes]:
    """The pickled parser in a cache file's ``data``, if the file is whole and of ``key``."""
    header = MAGIC + key.encode("ascii") + b"\n"
    if not data.startswith(header):
        return None
    digest, newline, payload = data[len(header):].partition(b"\n")
    if not newline or digest != hashlib.sha256(payload).hexdigest().encode("ascii"):
        return None
    return payload


def _store(folder: int, filename: str, key: str, parser: Lark) -> None:
    """Write ``parser`` to ``filename`` in the folder, atomically; a write the OS
    refuses (a full disk, a read-only folder) only means no cache."""
    buffer = io.BytesIO()
    parser.save(buffer)
    payload = buffer.getvalue()
    data = (MAGIC + key.encode("ascii") + b"\n" + hashlib.sha256(payload).hexdigest().encode()
            + b"\n" + payload)
    partial = f".partial-{os.getpid()}-{os.urandom(8).hex()}"
    try:
        handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600,
                         dir_fd=folder)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(partial, filename, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            os.unlink(partial, dir_fd=folder)
            raise
    except OSError:
        return

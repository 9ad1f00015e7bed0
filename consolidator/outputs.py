"""Putting a finished output folder in place: nobody ever sees half of one.

A command builds its folder (a site, an export, the latest texts) under a staging name
next to the output, and swaps it in only when everything was written. On Linux the swap is
one atomic exchange of the two names (``renameat2`` with ``RENAME_EXCHANGE``), so the
output path holds the old folder or the new one at every moment; where that call is
missing the old folder is moved aside first, and if a run is killed between the two
renames the next run puts the old folder back (``sweep``).

Staging names carry the pid of their run (``.render-<pid>-<random>``): a leftover of a
killed run (its pid no longer running) is removed by the next run that writes next to it.
Folders are made rwxr-xr-x and files rw-r--r--, less the umask, as ``mkdir`` and ``open``
do: ``mkdtemp`` and ``mkstemp`` make them private (0700, 0600), which a web server running
as another user could not read.

A write the OS refuses (a full disk, a read-only folder, no permission) becomes an
``OutputError`` that names the file and the OS's reason.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
from pathlib import Path

from consolidator import faults
from consolidator.errors import OutputError

#: the kinds of staging folder, as the first part of their names
STAGING_KINDS = ("consolidate", "render", "export")
#: a file in a staging folder naming a file (a journal): while that file exists, the
#: folder is needed to finish a stopped publication and no sweep removes it
PIN = ".pinned-by"

_STAGING_NAME = re.compile(r"^\.(?:%s)-(\d+)-[^/]+$" % "|".join(STAGING_KINDS))
_OLD_NAME = re.compile(r"^\.(.+)-old-(\d+)-[^/-]+$")


# --------------------------------------------------------------------------- modes

def _umask() -> int:  # read by setting it: there is no other portable way
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def dir_mode() -> int:
    return 0o777 & ~_umask()


def file_mode() -> int:
    return 0o666 & ~_umask()


def make_dir(path: Path) -> None:
    """``path`` and missing parents, with the usual modes."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, path) from None


# --------------------------------------------------------------------------- writing

def os_error(exc: OSError, path, verb: str = "write") -> OutputError:
    """«cannot write out/site/index.html: No space left on device»."""
    where = exc.filename if exc.filename not in (None, "") else path
    return OutputError(f"cannot {verb} {where}: {exc.strerror or exc}")


def write_bytes(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise os_error(exc, path) from None


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_atomic(path: Path, data: bytes, sync: bool = False) -> None:
    """Write ``path`` under a temporary name and rename it into place, readable as a file
    ``open`` makes (rw-r--r-- less the umask); ``sync``: on disk before the rename."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                   dir=str(path.parent or "."))
    except OSError as exc:
        raise os_error(exc, path) from None
    try:
        os.fchmod(fd, file_mode())  # mkstemp makes it rw------- for its own reasons
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise os_error(exc, path) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# --------------------------------------------------------------------------- staging

def staging_folder(output: Path, kind: str) -> Path:
    """An empty folder next to ``output`` (same file system, so the swap is a rename),
    named for this run: ``.<kind>-<pid>-<random>``."""
    if kind not in STAGING_KINDS:
        raise KeyError(kind)
    make_dir(output.parent)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{kind}-{os.getpid()}-", dir=output.parent))
        folder.chmod(dir_mode())
    except OSError as exc:
        raise os_error(exc, output.parent / f".{kind}-{os.getpid()}-…") from None
    return folder


def swap_in(staging: Path, output: Path) -> None:
    """Put the finished ``staging`` folder at ``output``; the old one is removed after."""
    try:
        if not os.path.lexists(output):
            os.rename(staging, output)
        elif _exchange(staging, output):
            faults.step("output:exchanged")
            shutil.rmtree(staging, ignore_errors=True)  # now the old folder
        else:
            _swap_by_two_renames(staging, output)
    except OSError as exc:
        raise os_error(exc, output, "put in place") from None


def _swap_by_two_renames(staging: Path, output: Path) -> None:
    old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-{os.getpid()}-",
                                dir=output.parent))
    old.rmdir()  # a free name next to the output, put back by ``sweep`` if we stop here
    output.rename(old)
    faults.step("output:moved-aside")
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two names in one step; False where the OS or file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                 _RENAME_EXCHANGE) == 0:
        return True
    import ctypes  # only here: a command that moves no folder need not load it

    code = ctypes.get_errno()
    if code in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not here; rename instead
        return False
    raise OSError(code, os.strerror(code), str(second))


@functools.cache
def _renameat2():
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None


# --------------------------------------------------------------------------- leftovers

def pid_running(pid: int) -> bool:
    """Is process ``pid`` alive (a zombie, killed and not yet reaped, is not)?"""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True  # no /proc: alive as far as we can tell


def sweep(parent: Path) -> list[str]:
    """Remove the staging folders of killed runs in ``parent`` and put back an output
    folder a killed run had moved aside; what was done, for the user."""
    done = []
    try:
        names = sorted(os.listdir(parent))
    except OSError:
        return done
    for name in names:
        path = parent / name
        staging, old = _STAGING_NAME.match(name), _OLD_NAME.match(name)
        if staging and not pid_running(int(staging.group(1))) and not _pinned(path):
            shutil.rmtree(path, ignore_errors=True)
            done.append(f"removed {path}, left by a stopped run (pid {staging.group(1)})")
        elif old and not pid_running(int(old.group(2))):
            done.append(_put_back(path, parent / old.group(1), int(old.group(2))))
    return done


def _put_back(old: Path, output: Path, pid: int) -> str:
    if os.path.lexists(output):
        shutil.rmtree(old, ignore_errors=True)
        return f"removed {old}, the old folder of a stopped run (pid {pid})"
    old.rename(output)
    return f"{output}: put back the folder a stopped run (pid {pid}) had moved aside"


def _pinned(folder: Path) -> bool:
    try:
        pin = (folder / PIN).read_text("utf-8").strip()
    except OSError:
        return False
    return bool(pin) and os.path.exists(pin)

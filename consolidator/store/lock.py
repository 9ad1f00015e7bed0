"""One writer at a time: an OS file lock beside the store (``<store>.lock``).

A command that writes the store (``consolidate``, ``import-bwb``) holds ``flock`` on the
lock file for its whole run and writes its pid there. A second writer is refused with
«store is being written by pid N», or, with ``--wait``, waits for the lock. The OS releases
the lock when the holder ends, however it ends (``kill -9`` too), so a lock is never stale;
the file itself stays (removing it would let two writers lock two different files).
Readers do not lock: a store is replaced by a rename, so they read the last committed one.
"""
from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from typing import Callable

from consolidator.errors import StoreError
from consolidator.outputs import os_error

#: file descriptors of the locks this process holds: a worker process forked while one is
#: held closes its copies (``close_inherited``), or a lock would outlive a killed holder
_HELD: set[int] = set()


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


class StoreLock:
    """``with StoreLock(path, wait, notify):`` — the store at ``path`` is ours to write."""

    def __init__(self, store_path: Path, wait: bool = False,
                 notify: Callable[[str], None] = lambda message: None):
        self.store_path = store_path
        self.path = lock_path(store_path)
        self.wait = wait
        self.notify = notify
        self.fd = -1

    def __enter__(self) -> "StoreLock":
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise os_error(exc, self.path, "lock the store with") from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._wait_or_refuse()
        _HELD.add(self.fd)
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)
        return self

    def _wait_or_refuse(self) -> None:
        holder = self._holder()
        if not self.wait:
            os.close(self.fd)
            raise StoreError(f"{self.store_path}: store is being written by {holder}; try again "
                             f"when it is done, or give --wait to wait for it")
        self.notify(f"{self.store_path}: store is being written by {holder}; waiting")
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def _holder(self) -> str:
        for _ in range(50):  # the holder writes its pid right after locking
            text = os.pread(self.fd, 32, 0).decode("ascii", "replace").strip()
            if text.isdigit():
                return f"pid {text}"
            time.sleep(0.01)
        return "another process"

    def __exit__(self, *exc_info) -> None:
        _HELD.discard(self.fd)
        os.ftruncate(self.fd, 0)
        os.close(self.fd)  # releases the lock


def close_inherited() -> None:
    """In a forked worker: drop the copies of the parent's locks."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


def held(store_path: Path) -> bool:
    """Does some process hold the store's write lock now? (A reader's question.)"""
    try:
        fd = os.open(lock_path(store_path), os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)

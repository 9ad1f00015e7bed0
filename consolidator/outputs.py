"""Putting a finished output folder in place: nobody ever sees half of one.

A command builds its folder (a site, an export, the latest texts) under a staging name
next to the output, and swaps it in only when everything was written. The old folder is
moved aside first and removed only after the new one is in place, so a crash leaves
either the old folder or the new one at the output path, never a mix or nothing.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def staging_folder(output: Path, prefix: str) -> Path:
    """An empty folder next to ``output`` (same file system, so the swap is a rename)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=output.parent))


def swap_in(staging: Path, output: Path) -> None:
    """Put the finished ``staging`` folder at ``output``; the old one is removed after."""
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        old.rmdir()  # a free name next to the output
        output.rename(old)
    staging.rename(output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

"""Which files in an output folder are the engine's, and whether a folder may be written.

Every output folder the engine writes (the latest texts of ``consolidate``, an ``export``,
a ``render``ed site) holds a marker, ``.consolidator-output``: its kind, the SHA-256 of the
store it was made from, and every file the engine wrote there. A folder written by an
older version, without the marker, is recognised by the names that version gave its files.

Before any work, ``plan_output`` refuses an output folder that holds the store or an input,
or lies inside an input, whatever ``--force`` says; and one that holds files the engine did
not write, unless ``--force``: then the new files are moved in one by one and only the
engine's old files are removed (``place``), the others stay. Otherwise the finished folder
replaces the old one as a whole (``outputs.swap_in``).
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from consolidator import faults, legacy
from consolidator.errors import OutputError
from consolidator.outputs import make_dir, os_error, swap_in, write_atomic

MARKER = ".consolidator-output"
_HEAD = "# consolidator output: consolidator replaces only the files listed here\n"
#: kind → the command that writes it
KINDS = {"latest": "consolidate", "export": "export", "site": "render"}


@dataclass(frozen=True)
class Marker:
    kind: str
    store_sha256: str
    files: tuple[str, ...]        # relative POSIX paths, the marker itself not included
    state: str = "complete"       # "updating" while --force moves files in

    def text(self) -> str:
        lines = [f"kind: {self.kind}", f"state: {self.state}", f"store-sha256: {self.store_sha256}"]
        return _HEAD + "".join(f"{line}\n" for line in lines + [f"file: {f}" for f in self.files])


def read_marker(folder: Path) -> Optional[Marker]:
    """The folder's marker; None if it has none (or one that cannot be read as one)."""
    try:
        text = (folder / MARKER).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    fields, files = {}, []
    for line in text.splitlines():
        key, _, value = line.partition(": ")
        if key == "file":
            files.append(value)
        elif key in ("kind", "state", "store-sha256"):
            fields[key] = value
    if fields.get("kind") not in KINDS:
        return None
    return Marker(fields["kind"], fields.get("store-sha256", ""), tuple(files),
                  fields.get("state", "complete"))


def write_marker(folder: Path, marker: Marker) -> None:
    write_atomic(folder / MARKER, marker.text().encode("utf-8"))


def files_of(folder: Path) -> tuple[str, ...]:
    """Every file under ``folder`` but the marker, as sorted relative POSIX paths."""
    found = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            relative = Path(root, name).relative_to(folder).as_posix()
            if relative != MARKER:
                found.append(relative)
    return tuple(sorted(found))


def mark(folder: Path, kind: str, store_sha256: str) -> None:
    """Write the marker of a finished staging folder (the last file written)."""
    write_marker(folder, Marker(kind, store_sha256, files_of(folder)))


# --------------------------------------------------------------------------- the plan

@dataclass(frozen=True)
class OutputPlan:
    output: Path
    kind: str
    force: bool
    ours: tuple[str, ...] = ()     # the engine's files in the folder now
    foreign: tuple[str, ...] = ()  # everything else (kept; only with --force)
    notes: tuple[str, ...] = ()    # to tell the user (a half-updated folder, say)

    @property
    def merge(self) -> bool:
        return bool(self.foreign)


def plan_output(output: Path, kind: str, *, store: Optional[Path] = None,
                inputs: Iterable[Path] = (), force: bool = False) -> OutputPlan:
    """May ``output`` be written as a folder of ``kind``? An ``OutputError`` if not."""
    real = Path(os.path.realpath(output))
    if store is not None and _inside(Path(os.path.realpath(store)), real):
        raise OutputError(f"{output} holds the store {store}: an output folder is replaced as "
                          f"a whole; choose another folder for -o (or move the store)")
    for folder in inputs:
        _check_input(output, real, folder)
    if not os.path.lexists(output):
        return OutputPlan(output, kind, force)
    if not real.is_dir():
        raise OutputError(f"{output} is not a folder")
    ours, foreign, notes = _survey(real, kind)
    other = read_marker(real)
    if foreign and not force and other is not None and other.kind != kind:
        raise OutputError(f"{output} holds the output of `consolidator {KINDS[other.kind]}`, "
                          f"not of `consolidator {KINDS[kind]}`; choose another folder for -o")
    if foreign and not force:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise OutputError(f"{output} holds files consolidator did not write ({shown}); use a "
                          f"new or empty folder, or give --force to replace only the files "
                          f"consolidator wrote there")
    return OutputPlan(real if os.path.islink(output) else output, kind, force, ours, foreign,
                      notes)


def _check_input(output: Path, real: Path, folder: Path) -> None:
    source = Path(os.path.realpath(folder))
    if source == real:
        raise OutputError(f"{output} is the input folder {folder}; choose another folder for -o")
    if _inside(source, real):
        raise OutputError(f"{output} holds the input folder {folder}; choose another folder "
                          f"for -o")
    if _inside(real, source):
        raise OutputError(f"{output} is inside the input folder {folder}; choose a folder "
                          f"outside it for -o")


def _inside(path: Path, folder: Path) -> bool:
    return path != folder and folder in path.parents


def _survey(folder: Path, kind: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(the engine's files, everything else, notes) in an existing output folder."""
    marker = read_marker(folder)
    files, odd = _entries(folder)
    if marker is not None and marker.kind == kind:
        listed = set(marker.files)
        ours = [f for f in files if f in listed or _temporary_marker(f)]
    elif marker is None:
        ours = [f for f in files if legacy.recognised(folder, kind, f) or _temporary_marker(f)]
    else:
        ours = []
    notes = ()
    if marker is not None and marker.kind == kind and marker.state != "complete":
        notes = (f"{folder} was left half-updated by a stopped run; its files are replaced "
                 f"now",)
    own = set(ours)
    foreign = [f for f in files if f not in own] + odd
    if marker is not None and marker.kind != kind:
        foreign.append(MARKER)
    return tuple(sorted(own)), tuple(sorted(foreign)), notes


def _temporary_marker(name: str) -> bool:
    return name.startswith(MARKER + ".") and name.endswith(".tmp") and "/" not in name


def _entries(folder: Path) -> tuple[list[str], list[str]]:
    """Regular files (relative paths, the marker left out), and everything that is not a
    regular file or a folder holding some: links, empty folders, devices (never ours)."""
    files, odd = [], []
    for root, dirs, names in os.walk(folder):
        base = Path(root)
        for name in dirs + names:
            path = base / name
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink() or not (path.is_dir() or path.is_file()):
                odd.append(relative)
            elif path.is_file() and relative != MARKER:
                files.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                odd.append(relative + "/")
        dirs[:] = [d for d in dirs if not (base / d).is_symlink()]
    return files, odd


# --------------------------------------------------------------------------- placing

def place(staging: Path, plan: OutputPlan) -> None:
    """Put the finished, marked ``staging`` folder at the plan's output."""
    if not plan.merge:
        again = plan_output(plan.output, plan.kind, force=plan.force)  # a file added since?
        if not again.merge:
            swap_in(staging, plan.output)
            return
        plan = again
    _merge(staging, plan)


def _merge(staging: Path, plan: OutputPlan) -> None:
    """--force beside files the engine did not write: move the new files in, remove the
    engine's old ones; the others stay. A kill leaves a marker «updating» that lists old
    and new files, so the next run knows them all as the engine's."""
    output, new = plan.output, read_marker(staging)
    _refuse_conflicts(output, new.files, set(plan.ours))
    listed = tuple(sorted(set(plan.ours) | set(new.files)))
    write_marker(output, Marker(plan.kind, "", listed, "updating"))
    faults.step("output:merge-started")
    try:
        for name in new.files:
            if (staging / name).exists():
                make_dir((output / name).parent)
                os.replace(staging / name, output / name)
                faults.step("output:merge-file")
        for name in sorted(set(plan.ours) - set(new.files)):
            _remove_file(output, name)  # also a marker half written by a killed run
        faults.step("output:merge-removed")
        os.replace(staging / MARKER, output / MARKER)
    except OSError as exc:
        raise os_error(exc, output, "update") from None
    shutil.rmtree(staging, ignore_errors=True)


def _refuse_conflicts(output: Path, names: Iterable[str], ours: set[str]) -> None:
    for name in names:
        target = output / name
        if name not in ours and os.path.lexists(target):
            raise OutputError(f"{target} was not written by consolidator; --force replaces "
                              f"only the files consolidator wrote, so this one is left: "
                              f"move it, or choose another folder for -o")
        for parent in Path(name).parents:
            if parent != Path(".") and os.path.lexists(output / parent) and \
                    not (output / parent).is_dir():
                raise OutputError(f"{output / parent} is in the way of {target}")


def _remove_file(output: Path, name: str) -> None:
    path = output / name
    if path.is_file() and not path.is_symlink():
        path.unlink()
    for parent in Path(name).parents:
        if parent == Path("."):
            break
        try:
            (output / parent).rmdir()  # only if it became empty
        except OSError:
            break

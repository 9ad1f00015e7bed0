"""A corpus of one small law (and, if asked, a one-toestand BWB history), for tests that
run ``consolidate`` many times; and ``run``: the command line in process, with its exit
code, stdout and stderr as ``main`` gives them."""
from __future__ import annotations

import contextlib
import hashlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

_BASE = ROOT / "corpus" / "OISOVSO" / "base.xml"
HISTORY_ID = "BWBR9999999"


def make(folder: Path, variant: str = "a", history: bool = False) -> Path:
    """``folder`` made a corpus; variants "a" and "b" differ in one word of the law."""
    law = folder / "OISOVSO"
    law.mkdir(parents=True)
    text = _BASE.read_text("utf-8")
    if variant == "b":
        assert text.count("het jaar 1989") == 1
        text = text.replace("het jaar 1989", "het jaar 1990")
    (law / "base.xml").write_text(text, "utf-8")
    if history:
        _history(folder / "bwb" / HISTORY_ID, _BASE.read_bytes())
    return folder


def _history(folder: Path, toestand: bytes) -> None:
    """A BWB history of one toestand: the file and a manifest with its hash and size."""
    folder.mkdir(parents=True)
    name = f"{HISTORY_ID}_1996-12-31_0.xml"
    (folder / name).write_bytes(toestand)
    dates = ("<datum_inwerkingtreding>1996-12-31</datum_inwerkingtreding>"
             "<einddatum>9999-12-31</einddatum><zichtdatum_start>1996-12-31</zichtdatum_start>"
             "<zichtdatum_eind>9999-12-31</zichtdatum_eind>")
    manifest = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<work label="{HISTORY_ID}"><metadata>'
        f"<datum_inwerkingtreding>1996-12-31</datum_inwerkingtreding></metadata>"
        f'<expression label="1996-12-31_0"><metadata>{dates}</metadata>'
        f'<manifestation label="xml"><metadata>'
        f"<hashcode>{hashlib.sha512(toestand).hexdigest()}</hashcode>"
        f"<size>{len(toestand)}</size></metadata>"
        f'<item label="{name}" _deleted="false"/></manifestation></expression></work>\n')
    (folder / "manifest.xml").write_text(manifest, "utf-8")


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args) -> Result:
    """``consolidator ARGS`` through ``cli.main`` in this process."""
    from consolidator import cli
    out, err = io.StringIO(), io.StringIO()
    old = sys.argv
    sys.argv = ["consolidator", *map(str, args)]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli.main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = old
    return Result(code, out.getvalue(), err.getvalue())


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes): to see that nothing changed."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(*folders: Path) -> list[str]:
    """Staging names and staged stores in ``folders`` (none may stay after a run)."""
    found = []
    for folder in folders:
        for path in folder.iterdir():
            name = path.name
            if name.startswith((".consolidate-", ".render-", ".export-")) or \
                    "-old-" in name or ".partial" in name or name.endswith(".publish"):
                found.append(name)
    return sorted(found)

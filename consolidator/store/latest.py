"""The latest text of each corpus law, as known now, as XML and as text (``consolidate -o``).

The store records the SHA-256 of each file it wrote (``law_input`` rows of kind ``latest``).
For a law kept as built, the files of the previous run are taken from the output folder when
they still have those hashes (the same bytes a new rendering would give: same rows, same
engine); otherwise, and for every law built, they are rendered from the store. The staged
folder is new and put in place whole: a file needs no sync or rename of its own.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from consolidator.law import lawtext
from consolidator.law.lawfile import parse_law, serialize
from consolidator.outputs import write_bytes
from consolidator.store.db import Store
from consolidator.store.inputs import Input, sha256
from consolidator.store.versions import LawInput


def write_latest(store: Store, laws: list[LawInput], staging: Path,
                 kept: dict[str, list[Input]], previous: Optional[Path]) -> dict[str, list[Input]]:
    """Write every law's latest files into ``staging``; for each law, the rows recording
    them. ``kept``: the recorded rows of the laws kept as built; ``previous``: the output
    folder of the run before (None: none to take from)."""
    written = {}
    for law in laws:
        name = Path(law.source).parent.name
        files = _taken(previous, name, kept.get(law.law_id)) or _rendered(store, law, name)
        for file_name, data in files:
            write_bytes(staging / file_name, data)
        written[law.law_id] = [Input("latest", f, None, sha256(data)) for f, data in files]
    return written


def _taken(previous: Optional[Path], name: str,
           recorded: Optional[list[Input]]) -> Optional[list[tuple[str, bytes]]]:
    if previous is None or recorded is None:
        return None
    hashes = {r.name: r.sha256 for r in recorded if r.kind == "latest"}
    found = []
    for file_name in (f"{name}.xml", f"{name}.txt"):
        try:
            data = (previous / file_name).read_bytes()
        except OSError:
            return None
        if hashes.get(file_name) != sha256(data):
            return None
        found.append((file_name, data))
    return found


def _rendered(store: Store, law: LawInput, name: str) -> list[tuple[str, bytes]]:
    latest = store.current_versions(law.law_id)[-1]
    tree = parse_law(store.xml(latest.id), source=law.source)
    return [(f"{name}.xml", serialize(tree)),
            (f"{name}.txt", lawtext.render_law_text(tree).encode("utf-8"))]

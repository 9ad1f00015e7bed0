"""Output folders of versions before the marker (``ownership.MARKER``), recognised by the
names those versions gave their files; only such a file counts as the engine's.

- latest texts (``consolidate -o``): ``<law>.xml`` beside ``<law>.txt``, the XML a toestand;
- export: ``<law>/manifest.xml`` and ``<law>/<law>_<date>_<n>.xml`` beside a manifest;
- site (``render``), only where ``index.html``, ``style.css`` and ``picker.js`` are all
  there: those three and the other top-level pages and scripts (``zoeken.html``,
  ``datum.js``, ``zoeken.js``), ``besluiten/<act>.html``, and, in a law folder with
  ``kies.html``, ``<law>/<page>.html``, ``<law>/zoekindex.js``, ``<law>/artikel/<nr>.html``
  and a version's stable address ``<law>/<date>/index.html``.
"""
from __future__ import annotations

import re
from pathlib import Path

_EXPORTED = re.compile(r"^(?P<law>[^/]+)/(?P=law)_\d{4}-\d{2}-\d{2}_\d+\.xml$")
_SITE_TOP = ("index.html", "style.css", "picker.js")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def recognised(folder: Path, kind: str, name: str) -> bool:
    """Is ``name`` (relative to ``folder``) a file an older version wrote for ``kind``?"""
    return {"latest": _latest, "export": _export, "site": _site}[kind](folder, name)


def _latest(folder: Path, name: str) -> bool:
    stem, _, extension = name.rpartition(".")
    if "/" in name or not stem or extension not in ("xml", "txt"):
        return False
    xml, text = folder / f"{stem}.xml", folder / f"{stem}.txt"
    return xml.is_file() and text.is_file() and _toestand(xml)


def _toestand(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return b"<toestand" in handle.read(4096)
    except OSError:
        return False


def _export(folder: Path, name: str) -> bool:
    parts = name.split("/")
    if len(parts) != 2 or not (folder / parts[0] / "manifest.xml").is_file():
        return False
    return parts[1] == "manifest.xml" or bool(_EXPORTED.match(name))


def _site(folder: Path, name: str) -> bool:
    parts = name.split("/")
    if not all((folder / top).is_file() for top in _SITE_TOP):
        return False  # a site has all three: a lone index.html is someone else's
    if len(parts) == 1:
        return name in _SITE_TOP or name.endswith((".html", ".js"))
    if not name.endswith((".html", ".js")):
        return False
    if parts[0] == "besluiten":
        return len(parts) == 2 and name.endswith(".html")
    if not (folder / parts[0] / "kies.html").is_file():
        return False
    if len(parts) == 2:
        return True
    return len(parts) == 3 and (parts[1] == "artikel" or (_DATE.match(parts[1]) is not None
                                                          and parts[2] == "index.html"))

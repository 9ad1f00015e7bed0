"""Exporting the store as BWB does: one toestand file per version and a manifest.

Files are named ``<bwb-id>_<valid-from>_<n>.xml``; ``n`` counts the distinct
texts with the same date of validity in order of knowledge (``_1`` is the text a
later, retroactive act gave that date). The manifest follows the BWB
``manifest.xml``: per expression its dates of validity (``einddatum`` is the
last day, inclusive) and of knowledge (``zichtdatum_start``/``_eind``), and the
file's SHA-512 and size. Written to a temporary folder and renamed into place.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import shutil
from pathlib import Path

from lxml import etree

from consolidator.errors import StoreError
from consolidator.names import check_name, inside
from consolidator.outputs import staging_folder, swap_in
from consolidator.store.db import EARLIEST, LATEST, Store, Version


def export_law(store: Store, law_id: str, folder: Path) -> int:
    """Write every version of ``law_id`` and its manifest into ``folder``; the count."""
    expressions = _expressions(store, law_id)
    work = etree.Element("work", label=law_id)
    meta = etree.SubElement(work, "metadata")
    etree.SubElement(meta, "datum_inwerkingtreding").text = store.base_date(law_id)
    for label, version, xml in expressions:
        name = check_name(f"{law_id}_{label}.xml", "an exported file", StoreError)
        (folder / name).write_bytes(xml)
        work.append(_expression(label, version, name, xml))
    (folder / "manifest.xml").write_bytes(
        etree.tostring(work, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return len(expressions)


def export_store(store_path: Path, laws, output: Path) -> dict[str, int]:
    """``consolidator export``: ``laws`` (ids or titles; none: every law) of the store at
    ``store_path`` into ``output``; the count of versions per law."""
    store = Store(store_path)
    try:
        law_ids = [store.find_law(name) for name in laws] or [i for i, _ in store.laws()]
        return export_all(store, law_ids, output)
    finally:
        store.close()


def export_all(store: Store, law_ids: list[str], output: Path) -> dict[str, int]:
    """Export each law into ``output/<law>/``; ``output`` is replaced as a whole."""
    staging = staging_folder(output, ".export-")
    try:
        counts = {}
        for law_id in law_ids:
            folder = inside(staging, law_id, what="the law id in the store", error=StoreError)
            folder.mkdir()
            counts[law_id] = export_law(store, law_id, folder)
        swap_in(staging, output)
        return counts
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _expressions(store: Store, law_id: str) -> list[tuple[str, Version, bytes]]:
    """(label, version, xml) per distinct text and date; the latest knowledge of each."""
    found: list[tuple[str, Version, bytes]] = []
    counter: dict[str, int] = {}
    for version in store.all_versions(law_id):
        xml = store.xml(version.id)
        same_date = [n for n, (_, v, x) in enumerate(found) if v.valid_from == version.valid_from]
        if same_date and found[same_date[-1]][2] == xml:
            label = found[same_date[-1]][0]
            found[same_date[-1]] = (label, _merged(found[same_date[-1]][1], version), xml)
            continue
        n = counter.get(version.valid_from, 0)
        counter[version.valid_from] = n + 1
        found.append((f"{version.valid_from}_{n}", version, xml))
    return found


def _merged(earlier: Version, later: Version) -> Version:
    """One expression for the same text known over two periods."""
    return Version(later.id, later.law, later.valid_from, later.valid_until, earlier.known_from,
                   later.known_until, later.sources)


def _expression(label: str, version: Version, name: str, xml: bytes) -> etree._Element:
    expression = etree.Element("expression", label=label)
    meta = etree.SubElement(expression, "metadata")
    etree.SubElement(meta, "datum_inwerkingtreding").text = version.valid_from
    etree.SubElement(meta, "einddatum").text = _last_day(version.valid_until)
    etree.SubElement(meta, "zichtdatum_start").text = (
        version.valid_from if version.known_from == EARLIEST else version.known_from)
    etree.SubElement(meta, "zichtdatum_eind").text = _last_day(version.known_until)
    manifestation = etree.SubElement(expression, "manifestation", label="xml")
    file_meta = etree.SubElement(manifestation, "metadata")
    etree.SubElement(file_meta, "hashcode").text = hashlib.sha512(xml).hexdigest()
    etree.SubElement(file_meta, "size").text = str(len(xml))
    etree.SubElement(manifestation, "item", label=name, _deleted="false")
    return expression


def _last_day(until) -> str:
    if until is None or until == LATEST:
        return LATEST
    return (_dt.date.fromisoformat(until) - _dt.timedelta(days=1)).isoformat()

"""Exporting the store as BWB does: one toestand file per version and a manifest.

Files are named ``<bwb-id>_<valid-from>_<n>.xml``; ``n`` counts the distinct
texts with the same date of validity in order of knowledge (``_1`` is the text a
later, retroactive act gave that date). The manifest follows the BWB
``manifest.xml``: per expression its dates of validity (``einddatum`` is the
last day, inclusive) and of knowledge (``zichtdatum_start``/``_eind``), and the
file's SHA-512 and size. Written to a staging folder and put in place as a whole
(``ownership.place``); a folder holding the store or files the engine did not write is
refused first.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import shutil
from pathlib import Path
from typing import Callable, Optional

from lxml import etree

from consolidator.law.history import withdrawn
from consolidator.law.lawfile import parse_law
from consolidator.outputs import make_dir, staging_folder, sweep, write_bytes
from consolidator.ownership import OutputPlan, mark, place, plan_output
from consolidator.errors import StoreError
from consolidator.names import check_name, inside
from consolidator.store.db import EARLIEST, LATEST, Store, Version
from consolidator.store.publish import file_sha256, open_store


def export_law(store: Store, law_id: str, folder: Path,
               notify: Callable[[str], None] = lambda message: None) -> int:
    """Write every version of ``law_id`` and its manifest into ``folder``; the count. A
    version in which the law is withdrawn is no toestand: it is left out, and ``notify``
    says so (as BWB ends a withdrawn regulation's last toestand on the day before)."""
    expressions = []
    for label, version, xml in _expressions(store, law_id):
        gone = withdrawn(parse_law(xml, source=f"version {version.id}"))
        if gone is None:
            expressions.append((label, version, xml))
        else:
            notify(f"{law_id}: withdrawn on {gone.date} by {gone.source}: the version valid "
                   f"from {version.valid_from} (known from {version.known_from}) is not "
                   "exported")
    work = etree.Element("work", label=law_id)
    meta = etree.SubElement(work, "metadata")
    etree.SubElement(meta, "datum_inwerkingtreding").text = store.base_date(law_id)
    for label, version, xml in expressions:
        name = check_name(f"{law_id}_{label}.xml", "an exported file", StoreError)
        write_bytes(folder / name, xml)
        work.append(_expression(label, version, name, xml))
    write_bytes(folder / "manifest.xml",
                etree.tostring(work, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return len(expressions)


def export_store(store_path: Path, laws, output: Path, force: bool = False,
                 notify: Callable[[str], None] = lambda message: None) -> dict[str, int]:
    """``consolidator export``: ``laws`` (ids or titles; none: every law) of the store at
    ``store_path`` into ``output``; the count of versions per law. ``force``: write beside
    files in ``output`` the engine did not write (only its own are replaced)."""
    plan = plan_output(output, "export", store=store_path, force=force)
    for note in plan.notes:
        notify(note)
    store = open_store(store_path, notify)
    try:
        law_ids = [store.find_law(name) for name in laws] or [i for i, _ in store.laws()]
        return export_all(store, law_ids, output, plan, notify)
    finally:
        store.close()


def export_all(store: Store, law_ids: list[str], output: Path,
               plan: Optional[OutputPlan] = None,
               notify: Callable[[str], None] = lambda message: None) -> dict[str, int]:
    """Export each law into ``output/<law>/``; ``output`` is replaced as a whole (or, by a
    forced ``plan``, only the engine's files in it)."""
    plan = plan or plan_output(output, "export", store=store.path)
    for message in sweep(plan.output.parent):
        notify(message)
    staging = staging_folder(plan.output, "export")
    try:
        counts = {}
        for law_id in law_ids:
            folder = inside(staging, law_id, what="the law id in the store", error=StoreError)
            make_dir(folder)
            counts[law_id] = export_law(store, law_id, folder, notify)
        mark(staging, "export", file_sha256(store.path))
        place(staging, plan)
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

"""The inhoudsopgave: ``wettekst > officiele-inhoudsopgave`` with one ``al`` per entry,
kept verbatim (BWB's ``inhoud`` entries, nr and titel, are read as well).
"""
from __future__ import annotations

from typing import Optional

from lxml import etree

from consolidator.law.elements import al_text, make_al, root_of, wettekst


def toc_element(tree) -> Optional[etree._Element]:
    """The ``officiele-inhoudsopgave`` (in the wettekst or after the wetsluiting)."""
    return root_of(tree).find("wetgeving/wet-besluit//officiele-inhoudsopgave")


def toc_entries(tree) -> list[str]:
    """The entries of the inhoudsopgave, one string each (``"Artikel 86. Bekostiging"``)."""
    toc = toc_element(tree)
    if toc is None:
        return []
    return [toc_entry_text(e) for e in toc if e.tag in ("al", "inhoud")]


def toc_entry_text(el) -> str:
    """One entry as text; BWB ``inhoud`` (nr + titel) is joined as «nr. titel»."""
    if el.tag == "inhoud":
        nr, titel = el.find("nr"), el.find("titel")
        parts = [al_text(nr) if nr is not None else "", al_text(titel) if titel is not None else ""]
        return ". ".join(p for p in parts if p)
    return al_text(el)


def toc_entry_elements(tree) -> list[etree._Element]:
    """The entry elements themselves (``al``), for the apply engine to edit."""
    toc = toc_element(tree)
    return [] if toc is None else [e for e in toc if e.tag in ("al", "inhoud")]


def make_toc_entry(text: str) -> etree._Element:
    """One inhoudsopgave entry, verbatim."""
    return make_al(text)


def set_toc_entries(tree, entries: Optional[list[str]]) -> None:
    """Replace the inhoudsopgave by these entries; ``None`` removes it."""
    old = toc_element(tree)
    if old is not None:
        old.getparent().remove(old)
    if entries is None:
        return
    toc = etree.Element("officiele-inhoudsopgave")
    for entry in entries:
        toc.append(make_toc_entry(entry))
    wettekst(tree).insert(0, toc)

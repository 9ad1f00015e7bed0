"""The toestand around the law text: a new empty document, the title, the dates it is
valid, its BWB label and the one it was made from, the schema it names.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from lxml import etree

from consolidator.errors import LawFormatError
from consolidator.law.elements import al_text, iso_date, root_of
from consolidator.law.lawfile import XML_DECLARATION, safe_parser

# --------------------------------------------------------------------------- documents

def new_toestand(bwb_id: Optional[str], citeertitel: str,
                 date: Optional[_dt.date] = None) -> etree._ElementTree:
    """A minimal valid toestand: title, an empty wettekst, nothing else.

    The document is written with an XML declaration (``serialize``), as the corpus files
    and everything the engine built so far are.
    """
    root = etree.fromstring(XML_DECLARATION + b"<toestand/>", safe_parser())
    if bwb_id:
        root.set("bwb-id", bwb_id)
    if date:
        root.set("inwerkingtreding", iso_date(date))
    etree.SubElement(root, "bwb-inputbestand")
    etree.SubElement(root, "bwb-wijzigingen")
    wetgeving = etree.SubElement(root, "wetgeving", id="consolidator", soort="wet")
    # intitule is required; the plain format has no long title, so it repeats the citeertitel
    etree.SubElement(wetgeving, "intitule").text = citeertitel
    etree.SubElement(wetgeving, "citeertitel").text = citeertitel
    etree.SubElement(etree.SubElement(wetgeving, "wet-besluit"), "wettekst")
    return etree.ElementTree(root)


def law_title(tree) -> str:
    """The citeertitel (or, lacking one, the intitule), as flat text."""
    for tag in ("citeertitel", "intitule"):
        el = root_of(tree).find(f"wetgeving/{tag}")
        if el is not None and al_text(el):
            return al_text(el)
    return ""


def toestand_date(tree) -> Optional[_dt.date]:
    """The date this version is valid from (``toestand/@inwerkingtreding``)."""
    value = root_of(tree).get("inwerkingtreding")
    return _dt.date.fromisoformat(value) if value else None


def set_toestand_date(tree, date: _dt.date) -> None:
    """Set the date this version is valid from."""
    root_of(tree).set("inwerkingtreding", iso_date(date))


# --------------------------------------------------------------------------- toestand metadata

def toestand_validity(tree) -> tuple[Optional[_dt.date], Optional[_dt.date]]:
    """``(valid_from, valid_until)`` of this toestand; either is None when not recorded.

    ``valid_from`` is ``toestand/@inwerkingtreding``. Official toestand files do not
    record their end (the manifest's ``einddatum`` does, see ``bwbmeta``); the schema's
    only end-date slot on the document is ``wetgeving/@vervaldatum``, which official
    files leave out, and ``valid_until`` is read from there (see
    ``set_toestand_validity``). ``wetgeving/@inwerkingtredingsdatum`` is not this
    toestand's date: in official files it is the date of the wetgeving element's own
    version (``BWBR0002458_2002-07-01_0`` says 2000-11-01), so it is neither read nor
    written here.
    """
    root = root_of(tree)
    wetgeving = root.find("wetgeving")
    until = wetgeving.get("vervaldatum") if wetgeving is not None else None
    return (_date_attr(root, "inwerkingtreding"),
            _dt.date.fromisoformat(until) if until else None)


def set_toestand_validity(tree, valid_from: _dt.date,
                          valid_until: Optional[_dt.date] = None) -> None:
    """Set ``toestand/@inwerkingtreding`` and (None removes it) ``wetgeving/@vervaldatum``.

    For an official file imported as it is, pass ``valid_until=None`` and keep the
    manifest's ``einddatum`` beside the file: writing ``vervaldatum`` adds an attribute
    the official file does not have, so its export would no longer be identical.
    """
    root = root_of(tree)
    root.set("inwerkingtreding", iso_date(valid_from))
    wetgeving = root.find("wetgeving")
    if valid_until is not None:
        if wetgeving is None:
            raise LawFormatError("no wetgeving element to record the end date on")
        wetgeving.set("vervaldatum", iso_date(valid_until))
    elif wetgeving is not None and "vervaldatum" in wetgeving.attrib:
        del wetgeving.attrib["vervaldatum"]


_ISO_DATE = r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
_LABEL = re.compile(rf"^(?P<bwb>[A-Z]+[0-9]+)_{_ISO_DATE}_(?P<n>[0-9]+)$")
_VAST_DEEL = re.compile(rf"/id/(?P<bwb>[A-Z]+[0-9]+)/{_ISO_DATE}/(?P<n>[0-9]+)/?$")


def toestand_label(bwb_id: str, valid_from: _dt.date, n: int = 0) -> str:
    """BWB's name of a toestand: ``toestand_label("BWBR0003420", date(1997, 1, 1), 0)
    == "BWBR0003420_1997-01-01_0"``; ``n`` counts the versions of one date (``_1`` is
    written when a later act reaches back to that date)."""
    if n < 0:
        raise ValueError(f"toestand number must be 0 or more, not {n}")
    return f"{bwb_id}_{iso_date(valid_from)}_{n}"


def parse_toestand_label(label: str) -> tuple[str, _dt.date, int]:
    """``"BWBR0003420_1997-01-01_0"`` -> ``("BWBR0003420", date(1997, 1, 1), 0)``."""
    found = _LABEL.match(label.strip())
    if not found:
        raise ValueError(f"not a toestand label (BWBR…_YYYY-MM-DD_N): {label!r}")
    return found["bwb"], _dt.date.fromisoformat(found["date"]), int(found["n"])


def toestand_input_label(tree) -> Optional[str]:
    """The toestand this one was made from (``bwb-inputbestand``), or None when empty."""
    el = root_of(tree).find("bwb-inputbestand")
    text = (el.text or "").strip() if el is not None else ""
    return text or None


def toestand_own_label(tree) -> Optional[str]:
    """This toestand's label, from ``toestand/@bwb-ng-vast-deel``
    (``http://wetten.overheid.nl/id/BWBR0002458/2013-01-01/1`` ->
    ``BWBR0002458_2013-01-01_1``); None when the document does not say."""
    found = _VAST_DEEL.search(root_of(tree).get("bwb-ng-vast-deel") or "")
    return f"{found['bwb']}_{found['date']}_{found['n']}" if found else None


def declared_schema(tree) -> Optional[str]:
    """The schema file the document names (``xsi:noNamespaceSchemaLocation``), e.g.
    ``"toestand_2015-1.xsd"``; None when it names none."""
    location = root_of(tree).get(f"{{{_XSI}}}noNamespaceSchemaLocation")
    return location.rstrip("/").rsplit("/", 1)[-1] if location else None


_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _date_attr(el, name: str) -> Optional[_dt.date]:
    value = el.get(name)
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as exc:
        raise LawFormatError(f"{el.tag}/@{name} is not a date: {value!r}",
                             source=root_of(el).getroottree().docinfo.URL or "",
                             line=el.sourceline or 0) from exc

"""Readers for the metadata BWB publishes beside its toestand XML.

* ``manifest.xml`` (schema ``_manifest.xsd``): one ``work`` (the regulation) with one
  ``expression`` per toestand: when it is valid (``datum_inwerkingtreding`` ..
  ``einddatum``), since when it is known (``zichtdatum_start`` .. ``zichtdatum_eind``)
  and its XML file. ``read_manifest`` gives one ``Expression`` per toestand.
* the WTI, *wetstechnische informatie* (schema ``wti_0.36.xsd``; the files name their
  successors ``wti_2015-1`` and ``wti_2016-1``, which read the same for what is used
  here): ``wijzigingen/regeling/datum`` lists the change events of the regulation, each
  with its ``details``: what it is (``betreft``), the act it comes from
  (``ontstaansbron``), the decision that put it in force (``inwerkingtreding``) and any
  retroactivity (``terugwerkende-kracht``); ``wijzigingen/regelingelementen`` repeats
  them per element (article, paragraaf) that they changed. ``read_wti`` gives one
  ``WtiChange`` per dated event and act, with the elements it touched.
* ``read_toestand_meta``: the three facts a toestand file itself states about its place
  in the history (BWB id, valid from, the toestand it was made from), read by ``toestand``.

Every file is parsed by ``lawfile.parse_law`` (no DTD, no entities, no network). A file
that is not XML, is not of the expected kind, or misses a required date raises
``LawFormatError`` naming the file, the line and the reason.
"""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from typing import NamedTuple, Optional, Union

from lxml import etree

from consolidator.law.lawfile import parse_law
from consolidator.law.toestand import (
    parse_toestand_label, toestand_input_label, toestand_label, toestand_validity,
)
from consolidator.errors import LawFormatError

#: BWB writes this date for "no end" (einddatum, zichtdatum_eind, geldig-tot)
OPEN_END = _dt.date(9999, 12, 31)

PathLike = Union[str, os.PathLike]


# --------------------------------------------------------------------------- manifest

@dataclass(frozen=True)
class Expression:
    """One toestand as ``manifest.xml`` lists it.

    Differences from what the manifest literally says:

    * ``label`` is the full toestand label as ``bwb-inputbestand`` and the file names use
      it (``BWBR0002458_2013-01-01_1``); the manifest's ``expression/@label`` is only
      ``2013-01-01_1`` and the BWB id comes from ``work/@label``.
    * ``valid_until`` and ``known_until`` are None where the manifest writes 9999-12-31.
    * ``known_from``/``known_until`` are ``zichtdatum_start``/``zichtdatum_eind``: the
      period in which BWB showed this toestand for its dates. A retroactive ``_1``
      version is known from the day the act that reached back took effect, and ends the
      visibility of the ``_0`` it replaces: ``2013-01-01_0`` is known 2013-01-01 ..
      2014-02-14, ``2013-01-01_1`` from 2014-02-15.
    * ``filename`` is the ``item/@label`` of the ``xml`` manifestation that is not
      ``_deleted`` (``""`` when there is none). ``size`` and ``hashcode`` describe the
      file as BWB served it, with its XML declaration; copies whose declaration was
      replaced by a comment (../shared/data) do not match them.
    """

    label: str
    valid_from: _dt.date
    valid_until: Optional[_dt.date]
    known_from: Optional[_dt.date]
    filename: str
    bwb_id: str = ""
    number: int = 0
    known_until: Optional[_dt.date] = None
    size: Optional[int] = None
    hashcode: str = ""
    line: int = 0


def read_manifest(path: PathLike) -> list[Expression]:
    """The toestanden of ``manifest.xml``, in the order of the file.

    The order of the file is the order in which BWB added them (the DHW manifest lists
    ``2014-02-15_0`` before the retroactive ``2013-01-01_1`` and ``2014-01-01_1``); sort
    on ``(valid_from, number)`` for validity order.
    """
    root, name = _parse(path, "work")
    bwb_id = (root.get("label") or "").strip()
    if not bwb_id:
        raise _error(name, root, "the work has no label (the BWB id)")
    out = []
    for expression in root.findall("expression"):
        out.append(_expression(expression, bwb_id, name))
    return out


def _expression(el, bwb_id: str, name: str) -> Expression:
    raw = (el.get("label") or "").strip()
    try:
        _, label_date, number = parse_toestand_label(f"{bwb_id}_{raw}")
    except ValueError:
        raise _error(name, el, f"expression label {raw!r} is not DATE_N") from None
    meta = _required(el, "metadata", name)
    valid_from = _date(meta, "datum_inwerkingtreding", name, required=True)
    if valid_from != label_date:
        raise _error(name, el, f"expression {raw} says datum_inwerkingtreding "
                               f"{valid_from.isoformat()}")
    item = _xml_item(el)
    size = el.findtext("manifestation[@label='xml']/metadata/size")
    return Expression(
        label=toestand_label(bwb_id, valid_from, number),
        valid_from=valid_from,
        valid_until=_open(_date(meta, "einddatum", name)),
        known_from=_date(meta, "zichtdatum_start", name),
        filename=item.get("label", "").strip() if item is not None else "",
        bwb_id=bwb_id,
        number=number,
        known_until=_open(_date(meta, "zichtdatum_eind", name)),
        size=int(size) if size and size.strip().isdecimal() else None,
        hashcode=(el.findtext("manifestation[@label='xml']/metadata/hashcode") or "").strip(),
        line=el.sourceline or 0,
    )


def _xml_item(expression):
    for item in expression.iterfind("manifestation[@label='xml']/item"):
        if item.get("_deleted", "false").strip() != "true":
            return item
    return None


# --------------------------------------------------------------------------- WTI

@dataclass(frozen=True)
class Publication:
    """Where an act was published: ``Publication("Stb", "2013", "560")`` is Stb. 2013, 560."""

    kind: str                    # bekendmaking/@soort: Stb, Stcrt, Trb, …
    year: str
    number: str
    date: Optional[_dt.date] = None   # publicatiedatum (not in every entry)

    def __str__(self) -> str:
        return f"{self.kind}. {self.year}, {self.number}"


@dataclass(frozen=True)
class WtiSource:
    """One ``bron`` of an ontstaansbron or inwerkingtreding."""

    role: str                    # bron/@type: oorspronkelijk, juncto, …
    publication: Optional[Publication]
    dossier: str = ""            # the Kamerstukken number, when the WTI names it
    signed: Optional[_dt.date] = None   # ondertekening

    def __str__(self) -> str:
        text = str(self.publication) if self.publication else ""
        if self.dossier:
            text = f"{text} (Kamerstukken {self.dossier})" if text else \
                f"Kamerstukken {self.dossier}"
        return text


@dataclass(frozen=True)
class WtiElement:
    """One element the WTI lists as changed by an event: its label as the WTI writes it
    («Artikel 35», «§ 8»; sometimes empty for intitule and the like), the change to it
    (``nieuw``, ``wijziging``, ``vervallen``, …) and BWB's ``label-id``."""

    label: str
    effect: str
    label_id: str = ""


@dataclass(frozen=True)
class WtiChange:
    """One change event: the changes one act (``source``) made to the regulation with
    effect from ``valid_from``.

    Differences from the brief that defined it, after reading the real files:

    * one ``datum`` of the WTI can hold several acts (``details``); each is its own
      ``WtiChange`` (the DHW on 2003-06-01: Stb. 2002, 347 and Stb. 2002, 220).
    * entries without a date are left out: bills not yet passed (``Aanhangig``) and
      acts not yet in force.
    * ``source`` is the ontstaansbron written out: «Stb. 2013, 560 (Kamerstukken
      33507)», several ``bron`` joined with their role («… juncto Stb. 2024, 291 …»). The
      WTI gives no title of the act.
    * ``articles`` are the labels of the elements the WTI lists for this date and act,
      verbatim («Artikel 4», «§ 8»), in the order of the file; ``elements`` has them
      with their effect. Elements without a label are in ``elements`` only.
    * ``retroactive_to`` is the ``terugwerkende-kracht-datum`` (with ``retroactive_scope``
      ``tot-en-met`` or ``tot``, and ``retroactive_articles`` when the WTI names them).
    """

    valid_from: _dt.date
    source: str
    retroactive_to: Optional[_dt.date]
    articles: tuple[str, ...]
    kind: str = ""                               # betreft: wijziging, nieuwe-regeling, …
    sources: tuple[WtiSource, ...] = ()          # the ontstaansbron, parsed
    in_force_by: tuple[WtiSource, ...] = ()      # the inwerkingtreding decision(s)
    retroactive_scope: str = ""
    retroactive_articles: tuple[str, ...] = ()
    elements: tuple[WtiElement, ...] = ()
    line: int = 0

    @property
    def publication(self) -> Optional[Publication]:
        """The publication of the (first) act this change comes from."""
        return next((s.publication for s in self.sources if s.publication), None)


def read_wti(path: PathLike) -> list[WtiChange]:
    """The dated change events of a WTI file, oldest first (the file lists them newest
    first; events of one date keep the order of the file)."""
    root, name = _parse(path, "wetstechnische-informatie")
    wijzigingen = _required(root, "wijzigingen", name)
    regeling = _required(wijzigingen, "regeling", name)
    touched = _elements_by_event(wijzigingen, name)
    changes = []
    for datum in regeling.findall("datum"):
        if not datum.get("waarde"):
            continue
        valid_from = _date_value(datum, "waarde", name)
        for details in datum.findall("details"):
            changes.append(_change(details, valid_from, touched, name))
    changes.sort(key=lambda c: c.valid_from)
    return changes


def _change(details, valid_from: _dt.date, touched: dict, name: str) -> WtiChange:
    sources = _sources(details.find("ontstaansbron"), name)
    elements = tuple(touched.get((valid_from, _source_key(sources)), ()))
    retro = details.find("terugwerkende-kracht/terugwerkende-kracht-datum")
    return WtiChange(
        valid_from=valid_from,
        source=_describe(sources),
        retroactive_to=_date_value(retro, "waarde", name) if retro is not None else None,
        articles=tuple(dict.fromkeys(e.label for e in elements if e.label)),
        kind=(details.findtext("betreft") or "").strip(),
        sources=sources,
        in_force_by=_sources(details.find("inwerkingtreding"), name),
        retroactive_scope=(retro.get("datum-scope") or "").strip() if retro is not None else "",
        retroactive_articles=tuple((label.text or "").strip()
                                   for label in retro.iterfind("artikelen/label"))
        if retro is not None else (),
        elements=elements,
        line=details.sourceline or 0,
    )


def _elements_by_event(wijzigingen, name: str) -> dict:
    """(date, ontstaansbron) -> the elements the WTI lists as changed then by that act."""
    out: dict = {}
    for element in wijzigingen.iterfind("regelingelementen/regelingelement"):
        for datum in element.findall("datum"):
            if not datum.get("waarde"):
                continue
            when = _date_value(datum, "waarde", name)
            for details in datum.findall("details"):
                key = (when, _source_key(_sources(details.find("ontstaansbron"), name)))
                out.setdefault(key, []).append(WtiElement(
                    label=(datum.get("label") or "").strip(),
                    effect=(details.findtext("betreft") or "").strip(),
                    label_id=(element.get("label-id") or "").strip()))
    return out


def _sources(parent, name: str) -> tuple[WtiSource, ...]:
    if parent is None:
        return ()
    out = []
    for bron in parent.findall("bron"):
        bekendmaking = bron.find("bekendmaking")
        publication = None
        if bekendmaking is not None:
            publication = Publication(
                kind=(bekendmaking.get("soort") or "").strip(),
                year=(bekendmaking.findtext("publicatiejaar") or "").strip(),
                number=(bekendmaking.findtext("publicatienummer") or "").strip(),
                date=_date(bekendmaking, "publicatiedatum", name))
        out.append(WtiSource(role=(bron.get("type") or "").strip(), publication=publication,
                             dossier=(bron.findtext("dossiernummer") or "").strip(),
                             signed=_date(bron, "ondertekening", name)))
    return tuple(out)


def _source_key(sources: tuple[WtiSource, ...]) -> tuple:
    """The act(s) of an event, as a key that does not depend on the order of the bron."""
    return tuple(sorted((s.role, s.dossier, s.publication.kind if s.publication else "",
                         s.publication.year if s.publication else "",
                         s.publication.number if s.publication else "") for s in sources))


def _describe(sources: tuple[WtiSource, ...]) -> str:
    text = ""
    for source in sources:
        part = str(source)
        if not part:
            continue
        joiner = f" {source.role} " if source.role and source.role != "oorspronkelijk" else "; "
        text = f"{text}{joiner}{part}" if text else part
    return text


# --------------------------------------------------------------------------- toestand

class ToestandMeta(NamedTuple):
    """What a toestand file says about itself (unpacks as a 3-tuple)."""

    bwb_id: str
    valid_from: _dt.date
    input_label: Optional[str]   # bwb-inputbestand: the toestand it was made from


def read_toestand_meta(path_or_tree) -> ToestandMeta:
    """``(bwb_id, valid_from, input_label)`` of a toestand file or tree.

    ``bwb_id`` and ``valid_from`` are the root's ``bwb-id`` and ``inwerkingtreding``
    (both required here); ``input_label`` is ``bwb-inputbestand`` (None when empty, as
    in the first toestand of a history). The toestand's own label is not in this tuple:
    ``toestand.toestand_own_label`` reads it from ``bwb-ng-vast-deel``.
    """
    if isinstance(path_or_tree, (etree._ElementTree, etree._Element)):
        tree, name = path_or_tree, ""
    else:
        name = str(path_or_tree)
        tree = parse_law(path_or_tree, source=name)
    if isinstance(tree, etree._Element):
        tree = tree.getroottree()
    root = tree.getroot()
    if root.tag != "toestand":
        raise _error(name, root, f"not a BWB toestand (root element {root.tag!r})")
    bwb_id = (root.get("bwb-id") or "").strip()
    if not bwb_id:
        raise _error(name, root, "the toestand has no bwb-id")
    try:
        valid_from, _ = toestand_validity(tree)
    except LawFormatError as exc:
        raise _error(name, root, exc.message) from None
    if valid_from is None:
        raise _error(name, root, "the toestand has no inwerkingtreding date")
    return ToestandMeta(bwb_id, valid_from, toestand_input_label(tree))


# --------------------------------------------------------------------------- helpers

def _parse(path: PathLike, root_tag: str):
    name = str(path)
    tree = parse_law(path, source=name)
    root = tree.getroot()
    if root.tag != root_tag:
        raise _error(name, root, f"expected a <{root_tag}> document, found <{root.tag}>")
    return root, name


def _error(name: str, el, reason: str) -> LawFormatError:
    return LawFormatError(reason, source=name, line=getattr(el, "sourceline", 0) or 0)


def _required(parent, tag: str, name: str):
    found = parent.find(tag)
    if found is None:
        raise _error(name, parent, f"<{parent.tag}> has no <{tag}>")
    return found


def _date(parent, tag: str, name: str, required: bool = False) -> Optional[_dt.date]:
    el = parent.find(tag)
    text = (el.text or "").strip() if el is not None else ""
    if not text:
        if required:
            raise _error(name, parent if el is None else el,
                         f"<{parent.tag}> has no {tag} date")
        return None
    return _iso(text, el, f"{tag} is not a date: {text!r}", name)


def _date_value(el, attribute: str, name: str) -> _dt.date:
    text = (el.get(attribute) or "").strip()
    return _iso(text, el, f"<{el.tag}> {attribute}={text!r} is not a date", name)


def _iso(text: str, el, reason: str, name: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise _error(name, el, reason) from None


def _open(date: Optional[_dt.date]) -> Optional[_dt.date]:
    return None if date == OPEN_END else date

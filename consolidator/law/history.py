"""The change history of a law, recorded as BWB records it.

* Elements whose schema allows them (artikel, the structural divisions,
  citeertitel, officiele-inhoudsopgave) carry the latest change in the
  attributes ``inwerking`` (date), ``bron`` (the amending provision),
  ``effect`` (``nieuw``, ``wijziging``, ``vervallen``, ...) and, when
  repealed, ``status="vervallen"``.
* A repealed artikel keeps its ``kop``; its content becomes
  ``<al><redactie type="vervanging">Vervallen</redactie></al>``. A repealed
  lid or li keeps its number, its content becomes ``Vervallen.`` /
  ``vervallen;`` in the same way (lid and li allow no history attributes).
* Every mark is also logged in the document's ``bwb-wijzigingen`` list, one
  ``bwb-wijziging idref=ID`` per change, whose ``label`` carries ``inwerking``,
  ``bron`` and ``effect``: the only place the schema leaves for the date and
  source of a change to a lid or li. Marking gives the element an ``id``
  (``cons-N``) when it has none.
"""
from __future__ import annotations

import datetime as _dt
from typing import NamedTuple, Optional

from lxml import etree

from consolidator.errors import LawFormatError
from consolidator.law.bwbstyle import apply_bwb_style, is_bwb_styled
from consolidator.law.elements import (
    HAS_STATUS, first_child, is_heading, is_repealed, iso_date, root_of,
)
from consolidator.law.ledgertext import EntryWriter, append_entries

#: elements whose schema allows inwerking/bron/effect/status attributes
_STAMPABLE = {"artikel", "boek", "deel", "hoofdstuk", "titeldeel", "afdeling", "paragraaf",
              "sub-paragraaf", "citeertitel", "intitule", "officiele-inhoudsopgave", "bijlage",
              "aanhef", "wetsluiting"}


class Change(NamedTuple):
    """One recorded change: since when, by which provision, what it did."""

    date: Optional[_dt.date]
    source: str
    effect: str


class _IdCounter:
    """The highest «cons-N» in a change list, read incrementally: a law of thousands
    of articles gets thousands of changes, and rescanning the list for each new id
    would make applying an act quadratic. Holding the list element keeps its lxml
    proxy (and so its identity) alive; only the last few lists are remembered."""

    __slots__ = ("keep", "seen", "latest")

    def __init__(self, keep: int = 8):
        self.keep = keep
        self.seen: dict[int, tuple] = {}  # id(list) -> (list, last entry read, highest N)
        self.latest = None  # the id of the list last in ``seen`` (the one read last)

    def next_number(self, ledger) -> int:
        if ledger is None:
            return 1
        held, last, high = self.seen.get(id(ledger), _UNREAD)
        if held is ledger and last is not None and last.getnext() is None \
                and last.getparent() is ledger and self.latest == id(ledger):
            return high + 1  # read to its end, and the latest list asked about: as it was
        if held is not ledger or (last is not None and last.getparent() is not ledger):
            last, high = None, 0
        if last is None or last.getnext() is not None:  # entries not read yet
            for entry in last.itersiblings() if last is not None else iter(ledger):
                last = entry
                ref = entry.get("idref") or ""
                if ref.startswith("cons-") and ref[5:].isdecimal():
                    high = max(high, int(ref[5:]))
        self.read_to(ledger, last, high)
        return high + 1

    def read_to(self, ledger, last, high: int) -> None:
        """Every entry of ``ledger`` up to ``last`` is read, the highest N among them is
        ``high``: said by ``next_number``, and by a writer that appended entries to a list
        just read and knows their ids (so the next call reads nothing again)."""
        key = id(ledger)
        if self.latest == key and key in self.seen:
            self.seen[key] = (ledger, last, high)  # the latest already: stays last
            return
        self.seen.pop(key, None)
        self.seen[key] = (ledger, last, high)
        while len(self.seen) > self.keep:
            self.seen.pop(next(iter(self.seen)))
        self.latest = key if key in self.seen else None


_IDS = _IdCounter()
_UNREAD = (None, None, 0)  # a list not read yet: no list held, no last entry, no N


def _ensure_id(el, ledger) -> str:
    """el's id, given one if it has none; ``ledger`` is its document's bwb-wijzigingen."""
    given = el.get("id")
    if given:
        return given
    # Ids made here are «cons-N» and each is logged in the change list at once
    # (``_log``), which only grows: one more than the highest N logged is free, so a
    # new element never takes the id (and the history) of a removed one.
    made = f"cons-{_IDS.next_number(ledger)}"
    el.set("id", made)
    return made


def _ledger_of(root):
    """The document's change list (``bwb-wijzigingen``)."""
    ledger = first_child(root, "bwb-wijzigingen")
    if ledger is None and root.tag == "toestand":  # a law file that lacks it
        raise LawFormatError("the law has no <bwb-wijzigingen> to record the change in "
                             "(a BWB toestand needs one)",
                             source=root.getroottree().docinfo.URL or "")
    if ledger is None or root.tag != "toestand":
        raise ValueError("mark the element after it is inside a toestand document")
    return ledger


def _log(el, date, source: str, effect: str) -> None:
    """Append a ``bwb-wijziging`` for el to the document's change list."""
    root = root_of(el)
    held = _OPEN.get(id(root))
    if held is not None and held.root is root:  # a ChangeList open on it keeps the order
        held.log(el, date, source, effect)
        return
    ledger = _ledger_of(root)
    _entry(ledger, _ensure_id(el, ledger), date, source, effect)


def _entry(ledger, ref: str, date, source: str, effect: str):
    # attributes set one by one, in this order (the order they are written in): a little
    # faster than keyword arguments, and an act of thousands of changes writes thousands
    entry = etree.SubElement(ledger, "bwb-wijziging")
    entry.set("idref", ref)
    label = etree.SubElement(entry, "label")
    label.set("bron", source)
    label.set("effect", effect)
    if date is not None:  # a preview without dates still records the source
        label.set("inwerking", iso_date(date))
    label.text = source
    return entry


def _stamp(el, date, source: str, effect: str) -> None:
    if date is not None:
        el.set("inwerking", iso_date(date))
    if source:
        el.set("bron", source)
    el.set("effect", effect)


def mark_changed(el, date, source: str, effect: str = "wijziging") -> None:
    """Record that ``source`` changed (or, effect ``nieuw``, inserted) el as of ``date``
    (None when the date is not known: then no ``inwerking`` is written).

    Example: ``mark_changed(lid, date(1997, 1, 1), "Stb. 1996, 649, art. I,
    onderdeel H, punt 2")``. A lid or li is logged in ``bwb-wijzigingen``
    and, as BWB versions whole articles, its artikel is stamped too. In an official
    document (``is_bwb_styled``) el and its parts also get BWB's own attributes
    (``apply_bwb_style``), so an inserted or renumbered element looks like its neighbours.
    """
    mark_changed_all([(el, source, effect)], date)


def mark_changed_all(marks: list, date) -> None:
    """``mark_changed`` of each (element, source, effect) in ``marks``, in order, all in
    one document: its change list, its style and the next free id are looked up once
    per call (a sentence marks several elements), not once per element."""
    if marks:
        change_list(root_of(marks[0][0])).mark_all(marks, date)


def change_list(root) -> "ChangeList":
    """The ``ChangeList`` open (``with``) on the document of root element ``root``, which
    every mark in it must go through while it is open, or a new one."""
    found = _OPEN.get(id(root))
    return found if found is not None and found.root is root else ChangeList(root)


class ChangeList:
    """``mark_changed_all`` for the marks of many calls in one document (an act's
    sentences, each marking what it changed), its change list and style looked up on the
    first marks and kept: the document's root, its ``bwb-wijzigingen`` and the root's
    attributes are not what an instruction changes. The next free «cons-N» comes from
    the change list's counter (``_IDS``), which reads only entries it has not read.

    Opened (``with changes:``, for an apply), it holds the entries its marks and the
    repeals in the document (``_log``) write as text, and appends them all at once when it
    is closed, or before anything needs them in the list (the counter, ``change_log``): see
    ``ledgertext``. Its ids are those written one by one: it counts the next free «cons-N»
    itself from the first it needs, as every entry written while it is open is its own."""

    __slots__ = ("root", "_found", "_open", "_free", "_pending", "_writer")

    def __init__(self, root):
        self.root = root  # the root element of the document every mark is in
        self._found = None  # (change list, styled), once looked up
        self._open = False  # entries held (``_pending``) until closed
        self._free = None  # while open: the next free «cons-N», once read
        self._pending: list = []  # while open: entries not in the list yet, as XML text
        self._writer = EntryWriter()  # while open: writes the entries held

    def __enter__(self) -> "ChangeList":
        held = _OPEN.get(id(self.root))
        if held is None or held.root is not self.root:  # else: that one holds the entries
            _OPEN[id(self.root)] = self
            self._open = True
        return self

    def __exit__(self, *exc) -> None:
        if self._open:
            try:
                self.settle()
            finally:
                del _OPEN[id(self.root)]
                self._open, self._free, self._writer = False, None, EntryWriter()

    def settle(self) -> None:
        """Append the entries held, so that the list reads as if each had been written
        when it was marked; the counter learns that every entry is read."""
        if self._found is None:
            return
        ledger = self._found[0]
        if self._pending:
            append_entries(ledger, self._pending)
            self._pending = []
        if self._free is not None and len(ledger):
            _IDS.read_to(ledger, ledger[-1], self._free - 1)

    def _lookup(self) -> tuple:
        if self._found is None:  # looked up (and refused) when first needed, as before
            self._found = (_ledger_of(self.root), is_bwb_styled(self.root))
        return self._found

    def mark_all(self, marks: list, date) -> None:
        if not marks:
            return
        ledger, styled = self._lookup()
        if not self._open:
            entry, free = _mark_in(ledger, styled, marks, date)
            if free is not None:  # the list was read, and every entry since is one written
                _IDS.read_to(ledger, entry, free - 1)  # here, whose highest N ``free`` followed
            return
        stamped = None  # as ``_mark_in``
        for el, source, effect in marks:
            self._log_in(ledger, el, date, source, effect)
            if styled:
                apply_bwb_style(el)
            stamped = _stamp_changed(el, date, source, effect, stamped)

    def log(self, el, date, source: str, effect: str) -> None:
        """``_log`` while open: the entry held with the others, in order."""
        self._log_in(self._lookup()[0], el, date, source, effect)

    def _log_in(self, ledger, el, date, source: str, effect: str) -> None:
        """Give el an id if it has none and hold its entry (``_ensure_id`` and ``_entry``)."""
        ref = el.get("id")
        made = not ref
        if made:
            free = self._free
            if free is None:  # the counter reads the list: all of it in place first
                self.settle()
                free = _IDS.next_number(ledger)
            ref = f"cons-{free}"
            el.set("id", ref)
            self._free = free + 1  # taken now, logged just below
        elif self._free is not None and ref.startswith("cons-") and ref[5:].isdecimal():
            self._free = max(self._free, int(ref[5:]) + 1)  # as a rescan of the list would
        piece = self._writer.entry(ref, made, date, source, effect)
        if piece is not None:
            self._pending.append(piece)
        else:  # a value the parser would not give back: the direct way, after those held
            self.settle()
            _entry(ledger, ref, date, source, effect)


_OPEN: dict = {}  # id(root) -> the ChangeList open on that document


def _settled(root) -> None:
    """Every entry held for the document of ``root`` in its list (for a reader of it)."""
    held = _OPEN.get(id(root))
    if held is not None and held.root is root:
        held.settle()


def _mark_in(ledger, styled: bool, marks: list, date) -> tuple:
    """Mark each of ``marks`` in ``ledger``; the last entry written, and the next free
    «cons-N» after it (None when no id was given: the list was not read)."""
    free = None  # the next free «cons-N», read from the list on first need
    entry = None
    stamped = None  # what the mark before stamped on an artikel for a part of it
    for el, source, effect in marks:
        ref = el.get("id")
        if not ref:
            free = _IDS.next_number(ledger) if free is None else free
            ref = f"cons-{free}"
            el.set("id", ref)
            free += 1  # taken now, logged just below
        elif free is not None and ref.startswith("cons-") and ref[5:].isdecimal():
            free = max(free, int(ref[5:]) + 1)  # as a rescan of the list would count it
        entry = _entry(ledger, ref, date, source, effect)
        if styled:
            apply_bwb_style(el)
        stamped = _stamp_changed(el, date, source, effect, stamped)
    return entry, free


def _stamp_changed(el, date, source: str, effect: str, stamped=None):
    """Stamp el, or the artikel of a part of it (a lid, a li); what it stamped on such an
    artikel, (artikel, date, source), else None. ``stamped``: that of the call before in
    the same marking, in which nothing else writes these attributes: the artikel of
    several leden a sentence renumbered is stamped once, not again with the same values
    (each write costs lxml a check of the attribute's name)."""
    if el.tag in _STAMPABLE:
        _stamp(el, date, source, effect)
        return None
    parent = el.getparent()  # a lid's artikel is nearly always its parent: no iterator
    artikel = parent if parent is not None and parent.tag == "artikel" \
        else next(el.iterancestors("artikel"), None)
    if stamped is not None and stamped[0] is artikel and stamped[1] == date \
            and stamped[2] == source:
        return stamped  # stamped just so, and not repealed since: nothing would change
    if artikel is not None and not is_repealed(artikel):
        _stamp(artikel, date, source, "wijziging")
        return artikel, date, source
    return None


def _replace_content(el, keep: tuple, words: str) -> None:
    """el's children but those of ``keep`` removed, then the repeal text (``words`` in a
    redactie in an al) put after the kept ones but a meta-data."""
    at = 0  # how many kept children the al comes after
    for child in list(el):
        tag = child.tag  # read once: lxml makes a new string on every read
        if tag not in keep:
            el.remove(child)
        elif tag != "meta-data":
            at += 1
    template = _REPEAL_TEXTS.get(words)
    el.insert(at, template.__copy__() if template is not None else _repeal_text(words))


def _repeal_text(words: str):
    al = etree.Element("al")
    etree.SubElement(al, "redactie", type="vervanging").text = words
    return al


#: the repeal texts, copied for each repeal: a copy (lxml's ``__copy__`` copies the whole
#: element) costs less than a new al and redactie, whose tag and attribute names lxml
#: checks each time; made by hand, not parsed, so that no line number comes with them
_REPEAL_TEXTS = {words: _repeal_text(words) for words in ("Vervallen", "Vervallen.", "vervallen;")}


def mark_repealed(el, date, source: str) -> None:
    """Repeal el as BWB shows it: status/effect ``vervallen`` and a «Vervallen» text.

    A repealed heading keeps its kop and its articles, each repealed too.
    ``date=None`` (a repeal whose date is unknown) records no date and logs nothing.
    """
    if date is not None:
        _log(el, date, source, "vervallen")
    tag = el.tag  # read once: lxml makes a new string on every read
    if is_heading(el):
        for artikel in el.iter("artikel"):
            if not is_repealed(artikel):
                mark_repealed(artikel, date, source)
    elif tag == "artikel":
        _replace_content(el, ("kop", "meta-data"), "Vervallen")
    elif tag == "lid" or tag == "li":
        words = "Vervallen." if tag == "lid" else "vervallen;"
        _replace_content(el, ("lidnr", "li.nr", "meta-data"), words)
    if tag in _STAMPABLE:
        _stamp(el, date, source, "vervallen")
    if tag in HAS_STATUS:
        el.set("status", "vervallen")


def _logged(entry) -> Optional[Change]:
    label = entry.find("label")
    if label is not None and label.get("inwerking"):
        return Change(_dt.date.fromisoformat(label.get("inwerking")), label.get("bron", ""),
                      label.get("effect", ""))
    return None


def change_log(tree) -> dict[str, list[Change]]:
    """The document's change list read once, by element id, for ``changes(el, log)``: a
    view that asks for every element of a law would otherwise search the whole list
    for each one (a law of thousands of articles has thousands of entries)."""
    log: dict[str, list[Change]] = {}
    _settled(root_of(tree))
    for ledger in root_of(tree).iterchildren("bwb-wijzigingen"):
        for entry in ledger.iterchildren("bwb-wijziging"):
            change = _logged(entry) if entry.get("idref") is not None else None
            if change is not None:
                log.setdefault(entry.get("idref"), []).append(change)
    return log


def changes(el, log: Optional[dict] = None) -> list[Change]:
    """Everything recorded about el, oldest first (the attributes when nothing is logged).
    ``log``: ``change_log`` of el's document, when the caller has read it."""
    logged = []
    if el.get("id") and log is not None:
        logged = list(log.get(el.get("id"), ()))
    elif el.get("id"):
        _settled(root_of(el))
        logged_path = f"bwb-wijzigingen/bwb-wijziging[@idref='{el.get('id')}']"
        for entry in root_of(el).iterfind(logged_path):
            change = _logged(entry)
            if change is not None:
                logged.append(change)
    if logged or not el.get("inwerking"):
        return logged
    return [Change(_dt.date.fromisoformat(el.get("inwerking")), el.get("bron", ""),
                   el.get("effect", ""))]


def repealed_on(el) -> Optional[_dt.date]:
    """The date el was repealed, when recorded."""
    dated = [c.date for c in changes(el) if c.effect == "vervallen"]
    if dated:
        return dated[-1]
    if el.get("status") == "vervallen" and el.get("inwerking"):
        return _dt.date.fromisoformat(el.get("inwerking"))
    return None


# --------------------------------------------------------------------------- withdrawal

WITHDRAWN = "intrekking"


def mark_withdrawn(tree, date, source: str) -> None:
    """Withdraw the whole regulation (intrekking) as BWB marks it: ``wetgeving`` gets
    ``status="vervallen"``, and the change list records when and by which provision. The
    text stays, as a repealed element's place does; ``lawtext`` shows it only on request."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    wetgeving = first_child(root, "wetgeving")
    if wetgeving is None:
        raise LawFormatError("the law has no <wetgeving> to mark withdrawn")
    _log(wetgeving, date, source, WITHDRAWN)
    wetgeving.set("status", "vervallen")


def withdrawn(tree) -> Optional[Change]:
    """When and by what the regulation was withdrawn, or None while it is not."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    wetgeving = first_child(root, "wetgeving")
    if wetgeving is None or wetgeving.get("status") != "vervallen":
        return None
    found = [c for c in changes(wetgeving) if c.effect == WITHDRAWN]
    return found[-1] if found else Change(None, "", WITHDRAWN)

"""What each act part changed in a version: the articles it touched.

A version the engine builds records one source per act part that took effect on its first
day (``{"label": "Stb. 1996, 649, ARTIKEL I, onderdeel B", "reason": …}``). So that
``show --artikel 86`` and ``history --artikel 86`` can name onderdeel B rather than every part
of the act, each source also records the numbers of the articles it touched
(``"artikelen": ["86"]``). They are read from the change log the engine keeps in the text
(``law.history``): each entry names the instruction's place («Stb. 1996, 649, art. I,
onderdeel B», ``model.Place``), which lies inside exactly one act part.

The log is checked against the article digests: when an article whose text changed is not
named by any part's entries, the version records no ``artikelen`` at all, and every source
is shown for every article, as before. A source list that may be incomplete is never used to
single one part out.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from lxml import etree

from consolidator.law.elements import artikel_number, first_child, is_heading, root_of
from consolidator.store.db import KNOWN_BY
from consolidator.time.acts import act_label

#: the key of a source that lists the numbers of the articles it changed
ARTIKELEN = "artikelen"


def event_sources(tree, events: list, before: dict[str, str],
                  after: dict[str, str]) -> list[dict]:
    """The sources of a version made by ``events`` (one date) from a text whose article
    digests were ``before``; ``after`` are the digests of ``tree``, the new text."""
    sources = [{"label": e.label, "reason": e.reason} for e in events]
    touched = _touched(tree, events[0].valid_from.isoformat())
    per_event = [_claimed(touched, _places(event)) for event in events]
    changed = {n for n in set(before) | set(after) if before.get(n) != after.get(n)}
    if not changed <= set().union(*per_event):
        return sources  # the log does not account for every change: name no article
    return [dict(source, **{ARTIKELEN: sorted(numbers, key=_number_key)})
            for source, numbers in zip(sources, per_event)]


def _places(event) -> list[str]:
    """The change-log labels of the instructions of one event start with one of these."""
    from consolidator.model import Place  # here: `show` and `history` load no model

    act = act_label(event.act)
    return [f"{act}, {Place(part.artikel, part.onderdeel, part.punt)}" for part in event.parts]


def _claimed(touched: dict[str, set], places: list[str]) -> set:
    """The articles the log entries inside ``places`` touched (a subpunt is inside its punt)."""
    found: set = set()
    for label, numbers in touched.items():
        if any(label == place or label.startswith(place + ", subpunt ") for place in places):
            found |= numbers
    return found


#: the change-log entries whose first label is dated ``$date`` («inwerking»), in order;
#: and the elements of the whole document whose id is ``$id``, in document order. Both are
#: asked for every version written, and the log grows by an entry or more with every act:
#: walked in Python they made each version cost more the longer the history. Each path
#: selects attribute nodes first and steps up from them, which libxml2 does several times
#: quicker than testing an attribute of every element (``tests/test_sources.py`` holds
#: them to a walk in Python)
_DATED_ENTRIES = etree.XPath("bwb-wijziging/label[1]/@inwerking[. = $date]/../..")
_WITH_ID = etree.XPath("//@id[. = $id]/..")


def _touched(tree, date: str) -> dict[str, set]:
    """Per change-log label, the numbers of the articles its entries dated ``date`` touched
    (an entry on a heading touches every article in it)."""
    root = root_of(tree)
    ledger = first_child(root, "bwb-wijzigingen")
    if ledger is None:
        return {}
    entries = [(entry.get("idref"), first_child(entry, "label").get("bron", ""))
               for entry in _DATED_ENTRIES(ledger, date=date)]
    if not entries:
        return {}
    elements = {}
    for ref in {ref for ref, _ in entries if ref is not None}:
        found = _WITH_ID(root, id=ref)
        if found:  # an id given twice: the last, as a walk that keeps each would
            elements[ref] = found[-1]
    touched: dict[str, set] = {}
    for ref, label in entries:
        numbers = touched.setdefault(label, set())
        el = elements.get(ref)
        if el is not None:
            numbers |= articles_in(el)
    return touched


def articles_in(el) -> set:
    """The numbers of the articles a changed element belongs to or, for a heading, holds."""
    if el.tag == "artikel":
        return {artikel_number(el)}
    holder = next(el.iterancestors("artikel"), None)
    if holder is not None:
        return {artikel_number(holder)}
    if is_heading(el):
        return {artikel_number(a) for a in el.iter("artikel")}
    return set()


def sources_for_article(sources: Iterable[dict], number: str) -> Optional[list[dict]]:
    """The sources that changed article ``number``: by the articles an official history's
    entry lists («Artikel 42»), else by the ``artikelen`` the engine recorded. None when the
    sources do not say which articles they changed (a store built before they did)."""
    sources = list(sources)
    if any("articles" in s for s in sources):
        return [s for s in sources if f"Artikel {number}" in s.get("articles", ())]
    if sources and all(ARTIKELEN in s for s in sources):
        return [s for s in sources if number in s[ARTIKELEN]]
    return None


def _number_key(number: str) -> tuple:
    """«9» before «86» before «105a1»: the leading number by value, then the rest."""
    lead = re.match(r"\d+", number)
    return (int(lead.group(0)) if lead else 0, number)


def known_by_sources(causes: list[dict], known_from: str, listed: Iterable[dict]) -> list[dict]:
    """The causes of a knowledge date (``time.causes``) as entries of a version's source
    list, marked ``KNOWN_BY`` with that date. A cause records the articles its events
    touched (from ``listed``: the sources of the versions before and after) only when the
    source of every one of its events says which articles it touched."""
    # only the sources of the causes' events are looked up: ``listed`` grows with the
    # history, the causes of one date do not
    wanted = {label for cause in causes for label in cause["events"]}
    by_label: dict[str, list[dict]] = {}
    for source in listed:
        label = source.get("label", "")
        if label in wanted:
            by_label.setdefault(label, []).append(source)
    entries = []
    for cause in causes:
        entry = {"label": cause["label"], "reason": cause["reason"],
                 "events": list(cause["events"]), "from": cause["from"], KNOWN_BY: known_from}
        found = [by_label.get(label, []) for label in cause["events"]]
        if all(found) and all(ARTIKELEN in s for sources in found for s in sources):
            numbers = {n for sources in found for s in sources for n in s[ARTIKELEN]}
            entry[ARTIKELEN] = sorted(numbers, key=_number_key)
        entries.append(entry)
    return entries

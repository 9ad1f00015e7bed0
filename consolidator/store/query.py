"""Questions to the version store: a law's text on a date as known on a date, its history.

Thin over ``store``: it turns command-line dates into store lookups and gives
clear answers when there is nothing to show (a date before the base text, a
law not in the store). An act is asked for by its id or Staatsblad number
(``stb-1996-649``, «Stb. 1996, 649», ``kst-36301``): ``show`` prints its text as other acts
had changed it by then, ``history`` its versions (``actquery``). Of a law withdrawn by then
(«De Wet … wordt ingetrokken.») nothing is printed; the explanation says so and by which act.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from consolidator.law import lawtext

from consolidator.law.elements import artikel_number, find_article
from consolidator.law.lawfile import parse_law, serialize
from consolidator.errors import StoreError, TimeError
from consolidator.law.history import withdrawn
from consolidator.actids import parse_act_id
from consolidator.store.db import EARLIEST, KNOWN_BY, LATEST, Store, Version
from consolidator.store.publish import open_store
from consolidator.store.sources import ARTIKELEN, sources_for_article


@dataclass(frozen=True)
class Answer:
    law: str
    version: Version
    tree: object
    notes: list[str]


def show(store_path: Path, law: str, date: _dt.date, known_at: Optional[_dt.date],
         artikel: Optional[str], fmt: str,
         notify: Callable[[str], None] = lambda message: None) -> tuple[list[str], str]:
    """``consolidator show``: (lines telling which version and why, the text as ``fmt``)
    of ``law`` valid on ``date`` as known on ``known_at``, from the store at ``store_path``."""
    if parse_act_id(law):
        from consolidator.store.actquery import show_act  # the act reader: only for acts

        return show_act(store_path, parse_act_id(law), date, known_at, artikel, fmt)
    store = open_store(store_path, notify)
    try:
        answer = text_on(store, law, date, known_at)
        gone = withdrawn(answer.tree)
        output = "" if gone is not None else render(answer, artikel, fmt)
        number = artikel_number(_article(answer, artikel)) if artikel and not gone else None
        unchanged = number is not None and not _picked(answer.version.sources, number)
        since = last_change(store, answer, number) if unchanged else None
    finally:
        store.close()
    return describe(answer, number, since), output


def text_on(store: Store, law: str, date: _dt.date, known_at: Optional[_dt.date] = None) -> Answer:
    """The version of ``law`` valid on ``date`` as known on ``known_at`` (default: now)."""
    law_id = store.find_law(law)
    known = known_at.isoformat() if known_at else LATEST
    version = store.version_at(law_id, date.isoformat(), known)
    if version is None:
        base = store.base_date(law_id)
        if date.isoformat() < base:
            raise TimeError(f"{law_id}: no text before {base} in the store (its earliest version, "
                            f"the base text, is valid from {base})")
        raise StoreError(f"{law_id}: no version valid on {date} as known on {known}")
    tree = parse_law(store.xml(version.id), source=f"{store.path} version {version.id}")
    return Answer(law_id, version, tree, store.notes(law_id, known))


def render(answer: Answer, artikel: Optional[str], fmt: str) -> str:
    """The answer as plain law text or BWB XML, whole or one article."""
    if fmt == "xml":
        if artikel is None:
            return serialize(answer.tree).decode("utf-8")
        return serialize(_article(answer, artikel)).decode("utf-8")
    if artikel is not None:
        _article(answer, artikel)  # a clear error for an article that does not exist
    return lawtext.render_law_text(answer.tree, artikel=artikel)


def _article(answer: Answer, artikel: str):
    el = find_article(answer.tree, artikel)
    if el is None:
        raise StoreError(f"{answer.law}: no article {artikel} in the version valid from "
                         f"{answer.version.valid_from}")
    return el


def describe(answer: Answer, artikel: Optional[str] = None,
             since: Optional[Version] = None) -> list[str]:
    """Lines telling which version this is and why (for stderr). With ``artikel`` (its
    number) only the act parts that changed that article, and, when none in this version
    did, the version ``since`` which it reads so and the parts that made it so."""
    v = answer.version
    lines = [f"{answer.law}: version valid from {v.valid_from}"
             + (f" until {v.valid_until}" if v.valid_until else "")
             + f", known from {_day(v.known_from)}"
             + (f" (superseded on {v.known_until})" if v.known_until else "")]
    lines += [f"  changed by {s['label']}: {s['reason']}" for s in _picked(v.sources, artikel)]
    if artikel is not None and not _picked(v.sources, artikel):
        lines += _unchanged(artikel, since)
    lines += [f"  known from {c[KNOWN_BY]} by {c['label']}: {c['reason']}"
              for c in causes_for(v.known_by, artikel)]
    gone = withdrawn(answer.tree)
    if gone is not None:
        lines.append(f"  {answer.law} was withdrawn" + (f" on {gone.date}" if gone.date else "")
                     + (f" by {gone.source}" if gone.source else "") + ": nothing to show "
                     "(`consolidator text --show-repealed` on the XML shows its last text)")
    lines += [f"  note: {note}" for note in answer.notes]
    return lines


def _picked(sources, artikel: Optional[str]) -> list[dict]:
    """The sources that changed ``artikel`` (all of them when no article is asked, or when
    the sources do not say which articles they changed)."""
    picked = sources_for_article(sources, artikel) if artikel is not None else None
    return list(sources) if picked is None else picked


def _unchanged(artikel: str, since: Optional[Version]) -> list[str]:
    """«artikel 6 is not changed by this version; it reads so since …» for ``show --artikel``."""
    line = f"  artikel {artikel} is not changed by this version"
    if since is None:
        return [line]
    found = _picked(since.sources, artikel)
    by = "; ".join(s["label"] for s in found)
    return [f"{line}; it reads so since {since.valid_from}" + (f", changed by {by}" if by else "")]


def causes_for(known_by, artikel: Optional[str] = None) -> list[dict]:
    """The causes of a knowledge change worth saying beside the sources: those that are not
    themselves a part that took effect (an act amending another act's entry into force,
    say); with ``artikel`` only those that concern it (or do not say what they concern)."""
    found = [c for c in known_by if c.get("events") != [c.get("label")]]
    if artikel is None:
        return found
    return [c for c in found if ARTIKELEN not in c or artikel in c[ARTIKELEN]]


def last_change(store: Store, answer: Answer, artikel: str) -> Optional[Version]:
    """The version, as known when ``answer`` was, since which ``artikel`` reads as it does
    in ``answer``: going back while the article's digest stays the same."""
    known = answer.version.known_from
    versions = [v for v in store.all_versions(answer.law) if v.known_from <= known
                and (v.known_until is None or v.known_until > known)
                and v.valid_from <= answer.version.valid_from]
    versions.sort(key=lambda v: v.valid_from)
    digest = store.article_digests(answer.version.id).get(artikel)
    found = answer.version
    for version in reversed(versions[:-1]):
        if store.article_digests(version.id).get(artikel) != digest:
            break
        found = version
    return found


def withdrawn_notice(store_path: Path, law: str, dates, known_at=None) -> Optional[str]:
    """If ``law`` is withdrawn in the version valid on any of ``dates`` (as known on
    ``known_at``, or on the knowledge date paired with it), the sentence saying so; None
    otherwise (``diff`` and ``export`` print nothing of a withdrawn law)."""
    store = open_store(store_path)
    try:
        return withdrawn_in(store, law, dates, known_at)
    finally:
        store.close()


def withdrawn_in(store: Store, law: str, dates, known_at=None) -> Optional[str]:
    """``withdrawn_notice`` in a store already open."""
    law_id = store.find_law(law)
    for date, known in dates:
        known = (known or known_at)
        version = store.version_at(law_id, date.isoformat(),
                                   known.isoformat() if known else LATEST)
        if version is None:
            continue
        xml = store.xml(version.id)
        if not may_be_withdrawn(xml):
            continue
        gone = withdrawn(parse_law(xml, source=f"version {version.id}"))
        if gone is not None:
            return (f"{law_id} was withdrawn" + (f" on {gone.date}" if gone.date else "")
                    + (f" by {gone.source}" if gone.source else "")
                    + f": nothing to show for {date}")
    return None


_WETGEVING_TAG = re.compile(rb"<wetgeving[\s/>]")


def may_be_withdrawn(xml: bytes) -> bool:
    """False only when no ``<wetgeving`` start tag in the bytes holds «vervallen» (nor a
    character reference): then no wetgeving has ``status="vervallen"``, ``withdrawn`` of
    the parsed text is None and the text need not be parsed to tell (``diff`` reads both
    versions for its redline too). Bytes without such a tag (another encoding, say) are
    left to the parse. A start tag ends before the next «<», which no attribute holds."""
    found = False
    for match in _WETGEVING_TAG.finditer(xml):
        found = True
        end = xml.find(b"<", match.end())
        tag = xml[match.start():end if end >= 0 else len(xml)]
        if b"vervallen" in tag or b"&" in tag:
            return True
    return not found


def history_of(store_path: Path, law: str, artikel: Optional[str] = None,
               notify: Callable[[str], None] = lambda message: None) -> tuple[str, list[Version]]:
    """``consolidator history``: ``history`` of ``law`` in the store at ``store_path``."""
    store = open_store(store_path, notify)
    try:
        return history(store, law, artikel)
    finally:
        store.close()


def history(store: Store, law: str, artikel: Optional[str] = None) -> tuple[str, list[Version]]:
    """All versions (current and superseded); with ``artikel`` only those that changed it."""
    if parse_act_id(law):
        from consolidator.store.actquery import act_history  # the act reader: only for acts

        return act_history(store, parse_act_id(law))
    law_id = store.find_law(law)
    versions = store.all_versions(law_id)
    if artikel is None:
        return law_id, versions
    ending: dict[Optional[str], list[Version]] = {}   # versions by the day their validity ends
    for version in versions:
        ending.setdefault(version.valid_until, []).append(version)
    digests: dict[int, Optional[str]] = {}  # each version's digest of the article, read once
    return law_id, [v for v in versions if _changes(store, ending, v, artikel, digests)]


def _changes(store: Store, ending: dict, version: Version, artikel: str, digests: dict) -> bool:
    """Whether ``artikel`` differs from the version before it in the same knowledge."""
    mine = _digest(store, version, artikel, digests)
    before = [v for v in ending.get(version.valid_from, ())
              if v.known_from <= version.known_from
              and (v.known_until is None or v.known_until > version.known_from)]
    if not before:
        return mine is not None
    return _digest(store, before[-1], artikel, digests) != mine


def _digest(store: Store, version: Version, artikel: str, digests: dict) -> Optional[str]:
    if version.id not in digests:
        digests[version.id] = store.article_digests(version.id).get(artikel)
    return digests[version.id]


def _day(value: str) -> str:
    return {"0001-01-01": "the start", LATEST: "when all acts given are known"}.get(value, value)


def history_lines(law_id: str, versions: list[Version],
                  artikel: Optional[str] = None) -> list[str]:
    """One line per version: validity, knowledge, the act parts behind it (with
    ``artikel``: those that changed that article) and, when later knowledge changed it,
    the part of the act published then that did («known by …»)."""
    lines = [f"{law_id}: {len(versions)} version(s)"]
    for v in versions:
        period = f"{v.valid_from} – {v.valid_until or '':10}"
        since = "known from the start" if v.known_from == EARLIEST else f"known {_day(v.known_from)}"
        known = since + (f" – {v.known_until}" if v.known_until else "")
        sources = "; ".join(s["label"] for s in _picked(v.sources, artikel))
        gone = any("withdrawn" in s.get("reason", "") for s in v.sources)
        causes = "; ".join(f"{c['label']} ({c['reason']})" for c in causes_for(v.known_by, artikel))
        lines.append(f"{period}  {known:32}  {sources}" + ("  (withdrawn)" if gone else "")
                     + (f"  (known by {causes})" if causes else ""))
    return lines


def history_json(law_id: str, versions: list[Version], artikel: Optional[str] = None) -> dict:
    """The history as a JSON-ready dict: the law and its versions with their dates,
    sources and what made each known (``known_by``); with ``artikel`` also the sources
    that changed that article (``artikel_sources``)."""
    rows = []
    for v in versions:
        row = {"valid_from": v.valid_from, "valid_until": v.valid_until,
               "known_from": v.known_from, "known_until": v.known_until,
               "sources": list(v.sources), "known_by": list(v.known_by)}
        if artikel is not None:
            row["artikel_sources"] = _picked(v.sources, artikel)
        rows.append(row)
    return {"law": law_id, "versions": rows}

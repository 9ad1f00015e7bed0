"""The acts on the site: every act named in the versions' sources, each part per law and date
with when it took effect, why, what it changed and when that became known."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from consolidator.model import act_id_of
from consolidator.store.db import EARLIEST
from consolidator.views.redline import natural_key
from consolidator.views.site_pages import LawSite, Page, slug
from consolidator.views.site_sources import Publication, act_name, part_name, publication
from consolidator.views.site_words import Wording, dutch_date, is_base_text, note, reason

#: what each kind of change is called on the site
CHANGE_NAMES = {"changed": "gewijzigd", "added": "ingevoegd", "repealed": "vervallen",
                "removed": "uit de tekst verdwenen",
                "restamped": "nieuwe versie (BWB), tekst ongewijzigd"}


@dataclass
class ActPart:
    """One part of an act (ARTIKEL, onderdeel, punt) as it takes effect in one law on one
    date, over every version of the store that says so."""

    law_id: str
    part: str            # «ARTIKEL I, onderdeel A»; «geheel» for an official history's entry
    label: str           # the store's source label
    reason: Wording
    valid_from: str
    known_from: str      # the earliest knowledge date of a version that says so
    known_until: Optional[str]   # None while it holds; else when it was superseded
    page: str            # the text page of that date, as known now or superseded
    articles: list[tuple[str, str]]   # (label, page relative to the site root)

    @property
    def known(self) -> str:
        start = "vanaf het begin" if self.known_from == EARLIEST else dutch_date(self.known_from)
        if self.known_until is None:
            return f"sinds {start}"
        return f"van {start} tot {dutch_date(self.known_until)}"


@dataclass
class Act:
    name: str
    slug: str
    parts: list[ActPart] = field(default_factory=list)
    notes: list[tuple[str, Wording]] = field(default_factory=list)   # (law, note)

    @property
    def publication(self) -> Optional[Publication]:
        return publication(self.name)

    def current(self) -> list[ActPart]:
        return [p for p in self.parts if p.known_until is None]

    def superseded(self) -> list[ActPart]:
        return [p for p in self.parts if p.known_until is not None]


def _same_part(change_label: str, part_label: str) -> bool:
    """The change log writes «…, art. I, onderdeel H, punt 2» where the store writes
    «…, ARTIKEL I, onderdeel H, punt 2»; a change is the part's when it is the part or
    lies within it."""
    normal = part_label.replace(", ARTIKEL ", ", art. ")
    return change_label == normal or change_label.startswith(normal + ",")


def collect_acts(laws: list[LawSite]) -> list[Act]:
    """Every act named in the laws' version sources, with its parts per law and date:
    those that hold as known now, and those that later knowledge superseded."""
    acts: dict[str, Act] = {}
    slugs: set[str] = set()
    for law in laws:
        pages = {p.version.id: p for p in law.pages}
        for (label, valid_from), rows in _labels(law).items():
            act = acts.get(act_name(label))
            if act is None:
                name = act_id_of(act_name(label))
                while name in slugs:
                    name += "-"
                slugs.add(name)
                act = acts[act_name(label)] = Act(act_name(label), name)
            act.parts.append(_act_part(law, pages, label, valid_from, rows))
    for law in laws:
        for text in law.notes:
            act = acts.get(text.split(", ARTIKEL ", 1)[0])
            if act is not None:
                act.notes.append((law.law_id, note(text)))
    ordered = sorted(acts.values(), key=lambda a: natural_key(a.name))
    for act in ordered:
        act.parts.sort(key=lambda p: (p.law_id, natural_key(p.part), p.valid_from, p.known_from))
    return ordered


def _labels(law: LawSite) -> dict[tuple[str, str], list]:
    """Per source label and date of effect: the versions (and their source entries) that
    name it; the base text is no act."""
    found: dict[tuple[str, str], list] = {}
    for version in law.history:
        for source in version.sources:
            label = source.get("label", "")
            if label and not is_base_text(label):
                found.setdefault((label, version.valid_from), []).append((version, source))
    return found


def _act_part(law: LawSite, pages: dict[int, Page], label: str, valid_from: str,
              rows: list) -> ActPart:
    holding = [(v, s) for v, s in rows if v.known_until is None]
    version, source = (holding or rows)[-1]
    return ActPart(law.law_id, part_name(label), label, reason(source.get("reason", "")),
                   valid_from, min(v.known_from for v, _ in rows),
                   None if holding else max(v.known_until for v, _ in rows),
                   law.version_pages.get(version.id, ""),
                   _part_articles(law, pages.get(version.id), source))


def _part_articles(law: LawSite, page: Optional[Page], source: dict) -> list[tuple[str, str]]:
    """The articles (and other units) this part changed in this version: the store's own
    list for an official history; else the redline's changes that name the part."""
    if page is None:  # a superseded version: no redline against the one before
        return []
    label = source["label"]
    found = []
    for change in page.changes:
        names = [s.label for s in change.sources]
        if label in names or any(_same_part(name, label) for name in names) or \
                change.label in source.get("articles", ()):
            link = law.article_pages.get(change.key, "")
            found.append((f"{change.label} ({CHANGE_NAMES[change.change]})",
                          f"{law.law_id}/{link}" if link else
                          f"{law.law_id}/{page.changes_name}#{slug(change.key)}"))
    return found

"""A static site of the store, from the jinja2 templates in ``templates/``.

``render_site(store, output)`` writes, for every law, one page per version (the
text valid then, with a date picker), one page per version with the redline
against the version before (``redline.compare``), one page per article with the
periods it was in force («Geldend van … t/m …») and what changed it, and the
history of the law on both time axes; and one page per act with what each of its
parts changed and when it took effect. The pages show the store as known now;
superseded versions appear in the law's history and on the act pages.

All text is autoescaped. Pages link relatively, so the site works from any folder
and from ``file://``; the date picker is a form whose select navigates with a few
lines of JavaScript and, without JavaScript, leads to a page listing every version.
The site is written to a temporary folder next to the output and renamed into place;
the same store gives byte-identical files.

Layout::

    index.html                      the laws
    style.css, picker.js
    <law>/index.html                overview: versions, history, articles
    <law>/<valid-from>.html         the text valid from that date
    <law>/<valid-from>-wijzigingen.html   the redline against the version before
    <law>/kies.html                 every version (the picker's page without JavaScript)
    <law>/artikel/<nr>.html         one article through time
    besluiten/index.html            the acts
    besluiten/<act>.html            one act: its parts, when they took effect, what they changed
"""
from __future__ import annotations

import datetime as _dt
import re
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Optional

import jinja2
from markupsafe import Markup

from consolidator.law.lawfile import parse_law
from consolidator.dates import MONTHS
from consolidator.errors import StoreError
from consolidator.names import check_name, url_path
from consolidator.outputs import staging_folder, swap_in
from consolidator.views.redline import (Redline, Unit, UnitChange, compare, fresh_sources, natural_key,
                      split_lines, units)
from consolidator.store.db import EARLIEST, LATEST, Store, Version

_MONTH_NAMES = {n: name for name, n in MONTHS.items()}
#: what each kind of change is called on the site
CHANGE_NAMES = {"changed": "gewijzigd", "added": "ingevoegd", "repealed": "vervallen",
                "removed": "uit de tekst verdwenen",
                "restamped": "nieuwe versie (BWB), tekst ongewijzigd"}
_STATIC = ("style.css", "picker.js")


# --------------------------------------------------------------------------- templates

def _source(name: str):
    try:
        text = resources.files("consolidator.templates").joinpath(name).read_text("utf-8")
    except FileNotFoundError:
        return None
    return text, None, lambda: True


def environment() -> jinja2.Environment:
    """The templates, autoescaped, with the filters the pages use."""
    env = jinja2.Environment(loader=jinja2.FunctionLoader(_source), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["datum"] = dutch_date
    env.filters["url"] = url_path  # every href from data: encoded, never a scheme
    env.globals.update(change_names=CHANGE_NAMES, known_period=known_period, period=period)
    return env


def static_file(name: str) -> str:
    return resources.files("consolidator.templates").joinpath(name).read_text("utf-8")


def dutch_date(value) -> str:
    """«1 januari 1997» for ``"1997-01-01"`` or a date."""
    date = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(value)
    return f"{date.day} {_MONTH_NAMES[date.month]} {date.year}"


def period(valid_from: str, valid_until: Optional[str]) -> str:
    """«Geldend van 1 januari 1997 t/m 31 december 1998» (the store's end is exclusive)."""
    if valid_until is None or valid_until == LATEST:
        return f"Geldend van {dutch_date(valid_from)} t/m heden"
    last = _dt.date.fromisoformat(valid_until) - _dt.timedelta(days=1)
    return f"Geldend van {dutch_date(valid_from)} t/m {dutch_date(last)}"


def known_period(version: Version) -> str:
    """«bekend sinds 23 december 1996», «bekend van … tot …» (knowledge axis)."""
    if version.known_from == EARLIEST:
        start = "bekend vanaf het begin"
    elif version.known_from == LATEST:
        start = "bekend zodra alle gegeven besluiten bekend zijn"
    else:
        start = f"bekend sinds {dutch_date(version.known_from)}"
    if version.known_until:
        return f"{start}, vervangen op {dutch_date(version.known_until)}"
    return start


# --------------------------------------------------------------------------- page data

@dataclass
class Line:
    level: int
    pieces: list  # [(op, text)]: op "same" for plain text


@dataclass
class Block:
    """One unit of a law text as the templates show it."""

    kind: str
    label: str
    level: int         # heading level (2 for a top-level heading or article)
    heading: str
    lines: list[Line]
    repealed: bool
    anchor: str
    article_page: str = ""


@dataclass
class Page:
    """One version of a law on the site."""

    version: Version
    name: str                       # "1997-01-01.html"
    changes_name: str               # "1997-01-01-wijzigingen.html" ("" for the first)
    period: str
    units: list[Unit]
    changes: list[UnitChange] = field(default_factory=list)
    previous: Optional["Page"] = None


def _plain_lines(text_lines: list[str]) -> list[Line]:
    out = []
    for line in text_lines:
        body = line.lstrip(" ")
        out.append(Line((len(line) - len(body)) // 2, [("same", body)]))
    return out


def _redline_lines(change: UnitChange) -> list[Line]:
    out = []
    for pieces in split_lines(change.pieces):
        level, rest = 0, [(p.op, p.text) for p in pieces]
        if rest and rest[0][0] == "same":  # the indent of a list item
            body = rest[0][1].lstrip(" ")
            level = (len(rest[0][1]) - len(body)) // 2
            rest[0] = ("same", body)
        out.append(Line(level, [r for r in rest if r[1]]))
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-").lower() or "x"


def _anchor(unit: Unit) -> str:
    return _slug(unit.key)


def _block(unit: Unit, article_pages: dict[str, str]) -> Block:
    lines = unit.text.split("\n")
    return Block(unit.kind, unit.label, 2 + len(unit.parents), lines[0],
                 _plain_lines(lines[1:]), unit.repealed, _anchor(unit),
                 article_pages.get(unit.key, ""))


# --------------------------------------------------------------------------- one law

@dataclass
class LawSite:
    law_id: str
    title: str
    pages: list[Page]
    article_pages: dict[str, str]     # unit key -> "artikel/105a1.html"
    history: list[Version]            # every version, superseded ones too
    notes: list[str]
    base_source: str


def build_law(store: Store, law_id: str) -> LawSite:
    """Everything the pages of one law need, read from the store once."""
    current = store.current_versions(law_id)
    if not current:
        raise StoreError(f"{law_id}: no versions in {store.path}")
    pages: list[Page] = []
    trees = []
    for version in current:
        check_name(version.valid_from, f"{law_id}: the date of a version", StoreError)
        tree = parse_law(store.xml(version.id), source=f"{store.path} version {version.id}")
        trees.append(tree)
        page = Page(version, f"{version.valid_from}.html", "", period(version.valid_from,
                                                                     version.valid_until),
                    units(tree))
        if pages:
            previous = pages[-1]
            page.previous = previous
            page.changes_name = f"{version.valid_from}-wijzigingen.html"
            page.changes = compare(trees[-2], tree, fresh_sources(previous.version, [version]),
                                   previous.units, page.units)
        pages.append(page)
    title = next(u.text for u in pages[-1].units if u.kind == "title")
    return LawSite(law_id, title, pages, _article_pages(pages), store.all_versions(law_id),
                   store.notes(law_id), store.law_source(law_id))


def _article_pages(pages: list[Page]) -> dict[str, str]:
    found: dict[str, str] = {}
    taken: set[str] = set()
    for page in pages:
        for unit in page.units:
            if unit.kind != "artikel" or unit.key in found:
                continue
            name = _slug(unit.key.removeprefix("artikel "))
            while name in taken:
                name += "-"
            taken.add(name)
            found[unit.key] = f"artikel/{name}.html"
    return found


@dataclass
class Period:
    """A stretch of versions in which one article read the same."""

    first: Page
    last: Page
    unit: Unit
    change: Optional[UnitChange]   # how it came to read so (None: in the first version)

    @property
    def text(self) -> str:
        return period(self.first.version.valid_from, self.last.version.valid_until)


def article_periods(law: LawSite, key: str) -> list[Period]:
    """The periods of one article, oldest first; a gap where it was not in the text."""
    periods: list[Period] = []
    for page in law.pages:
        unit = next((u for u in page.units if u.key == key), None)
        if unit is None:
            continue
        change = next((c for c in page.changes if c.key == key), None)
        same = periods and periods[-1].last is page.previous and change is None
        if same:
            periods[-1].last = page
        else:
            periods.append(Period(page, page, unit, change))
    return periods


# --------------------------------------------------------------------------- acts

@dataclass
class ActPart:
    """One part of an act (ARTIKEL, onderdeel, punt) as it takes effect in one law on one
    date, over every version of the store that says so."""

    law_id: str
    part: str            # «ARTIKEL I, onderdeel A»; «geheel» for an official history's entry
    label: str           # the store's source label
    reason: str
    valid_from: str
    known_from: str      # the earliest knowledge date of a version that says so
    known_until: Optional[str]   # None while it holds; else when it was superseded
    page: str            # the text page of that date ("" when superseded)
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
    notes: list[tuple[str, str]] = field(default_factory=list)   # (law, note)

    def current(self) -> list[ActPart]:
        return [p for p in self.parts if p.known_until is None]

    def superseded(self) -> list[ActPart]:
        return [p for p in self.parts if p.known_until is not None]


def act_name(label: str) -> str:
    """The act of a source label: «Stb. 1996, 649» of «Stb. 1996, 649, ARTIKEL I, onderdeel A»."""
    return label.split(", ARTIKEL ", 1)[0]


def _part(label: str) -> str:
    rest = label.split(", ARTIKEL ", 1)
    return f"ARTIKEL {rest[1]}" if len(rest) == 2 else "geheel"


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
        found: dict[tuple[str, str], list] = {}
        for version in law.history:
            for source in version.sources:
                label = source.get("label", "")
                if label and label != f"base text ({law.base_source})":
                    found.setdefault((label, version.valid_from), []).append((version, source))
        for (label, valid_from), rows in found.items():
            act = acts.get(act_name(label))
            if act is None:
                slug = _slug(act_name(label))
                while slug in slugs:
                    slug += "-"
                slugs.add(slug)
                act = acts[act_name(label)] = Act(act_name(label), slug)
            holding = [(v, s) for v, s in rows if v.known_until is None]
            version, source = (holding or rows)[-1]
            page = pages.get(version.id)
            act.parts.append(ActPart(
                law.law_id, _part(label), label, source.get("reason", ""), valid_from,
                min(v.known_from for v, _ in rows),
                None if holding else max(v.known_until for v, _ in rows),
                page.name if page else "", _part_articles(law, page, source)))
    for law in laws:
        for note in law.notes:
            act = acts.get(note.split(", ARTIKEL ", 1)[0])
            if act is not None:
                act.notes.append((law.law_id, note))
    ordered = sorted(acts.values(), key=lambda a: natural_key(a.name))
    for act in ordered:
        act.parts.sort(key=lambda p: (p.law_id, natural_key(p.part), p.valid_from, p.known_from))
    return ordered


def _part_articles(law: LawSite, page: Optional[Page], source: dict) -> list[tuple[str, str]]:
    """The articles (and other units) this part changed in this version: the store's own
    list for an official history; else the redline's changes that name the part."""
    if page is None:  # a superseded version: no redline is made for it
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
                          f"{law.law_id}/{page.changes_name}#{_slug(change.key)}"))
    return found


# --------------------------------------------------------------------------- writing

class _Writer:
    def __init__(self, folder: Path, env: jinja2.Environment):
        self.folder = folder
        self.env = env
        self.count = 0

    def page(self, path: str, template: str, **values) -> None:
        depth = path.count("/")
        html = self.env.get_template(template).render(root="../" * depth, **values)
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8", newline="\n")
        self.count += 1


def render_store(store_path: Path, output: Path,
                 notify: Callable[[str], None] = lambda message: None) -> int:
    """``consolidator render``: the site of the store at ``store_path``; the page count."""
    store = Store(store_path)
    try:
        return render_site(store, output, notify)
    finally:
        store.close()


def render_site(store: Store, output: Path,
                notify: Callable[[str], None] = lambda message: None) -> int:
    """Write the whole site to ``output`` (replaced as a whole); the number of pages."""
    output = Path(output)
    staging = staging_folder(output, ".render-")
    try:
        writer = _Writer(staging, environment())
        laws = []
        for law_id, _ in store.laws():
            check_name(law_id, "the law id in the store", StoreError, source=str(store.path))
            laws.append(build_law(store, law_id))
            notify(f"{law_id}: {len(laws[-1].pages)} version(s), "
                   f"{len(laws[-1].article_pages)} article(s) read")
        acts = collect_acts(laws)
        slugs = {act.name: act.slug for act in acts}
        for law in laws:
            _write_law(writer, law, slugs)
        notify(f"{len(laws)} law(s) written")
        for act in acts:
            writer.page(f"besluiten/{act.slug}.html", "act.html", act=act,
                        laws={law.law_id: law for law in laws})
        writer.page("besluiten/index.html", "acts.html", acts=acts)
        writer.page("index.html", "index.html", laws=laws, acts=acts)
        for name in _STATIC:
            (staging / name).write_text(static_file(name), encoding="utf-8", newline="\n")
        notify(f"{len(acts)} act(s); {writer.count} page(s)")
        swap_in(staging, output)
        return writer.count
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def act_summary(sources, slugs: dict[str, str]) -> list[dict]:
    """The acts behind a version, each once, with how many of its parts: «Stb. 1996, 649
    (44 onderdelen)» rather than 44 labels."""
    found: dict[str, dict] = {}
    for source in sources:
        name = act_name(source.get("label", ""))
        entry = found.setdefault(name, {"name": name, "slug": slugs.get(name, ""), "parts": 0})
        entry["parts"] += 1
    return list(found.values())


def _write_law(writer: _Writer, law: LawSite, slugs: dict[str, str]) -> None:
    base = law.law_id
    picker = [{"name": p.name, "period": p.period, "from": p.version.valid_from,
               "until": p.version.valid_until or ""} for p in law.pages]
    articles = _article_index(law)
    writer.page(f"{base}/index.html", "law.html", law=law, picker=picker, articles=articles,
                current_name=law.pages[-1].name)
    writer.page(f"{base}/kies.html", "choose.html", law=law)
    for page in law.pages:
        blocks = [_block(u, law.article_pages) for u in page.units if u.kind != "title"]
        writer.page(f"{base}/{page.name}", "text.html", law=law, page=page, blocks=blocks,
                    picker=picker, current_name=page.name,
                    acts=act_summary(page.version.sources, slugs))
        if page.previous is not None:
            writer.page(f"{base}/{page.changes_name}", "changes.html", law=law, page=page,
                        changes=[_change_view(c, law) for c in page.changes])
    for key, path in law.article_pages.items():
        periods = article_periods(law, key)
        views = [{"period": p, "block": _block(p.unit, {}),
                  "change": _change_view(p.change, law) if p.change else None}
                 for p in periods]
        writer.page(f"{base}/{path}", "article.html", law=law, label=periods[-1].unit.label,
                    periods=views)


def _article_index(law: LawSite) -> list[dict]:
    """Every article that was ever in the text (as known now), in the order of the last
    version it appears in."""
    seen: dict[str, dict] = {}
    for page in law.pages:
        for unit in page.units:
            if unit.kind == "artikel":
                seen[unit.key] = {"label": unit.label, "page": law.article_pages[unit.key],
                                  "repealed": unit.repealed, "until": page.version.valid_until}
    last = law.pages[-1].version.valid_until
    for entry in seen.values():
        entry["gone"] = entry["until"] != last
    return list(seen.values())


def _change_view(change: UnitChange, law: LawSite) -> dict:
    return {"change": change, "anchor": _slug(change.key), "name": CHANGE_NAMES[change.change],
            "lines": _redline_lines(change),
            "article_page": law.article_pages.get(change.key, "")}


# --------------------------------------------------------------------------- one redline

def redline_page(redline: Redline) -> str:
    """``diff --format html``: one standalone page (the site's stylesheet inlined)."""
    law = LawSite(redline.law, redline.title, [], {}, [], [], "")
    return environment().get_template("redline.html").render(
        root="", inline_css=Markup(static_file("style.css")), redline=redline,
        changes=[_change_view(c, law) for c in redline.changes])

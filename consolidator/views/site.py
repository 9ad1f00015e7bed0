"""A static site of the store, in Dutch, from the jinja2 templates in ``templates/``.

``render_site(store, output)`` writes, for every law, one page per version as known now
(the text valid then, with a date picker), at ``<law>/<date>.html`` and at its stable
address ``<law>/<date>/``; one page per version with the redline against the version
before; one page per version that later knowledge superseded, with what is known now
instead, and one «zoals bekend op» page per moment of knowledge that had such versions; one
page per article with the periods it was in force («Geldend van … t/m …») and what changed
it; a page that opens the version in force on any date (``op.html?datum=2010-05-05``); a
search index; and one page per act with what each of its parts changed and when it took
effect. Page data comes from ``site_pages`` and ``site_acts``, the Dutch from
``site_words``, sources and their publications from ``site_sources``, the search index from
``site_search``; the version picker's options and the blocks of law text, each rendered
once per law and shared by the pages, from ``site_picker`` and ``site_text``.

All text is autoescaped. Pages link relatively, so the site works from any folder and from
``file://``; the scripts (date picker, date address, search) only add to pages that work
without them. The site is written to a staging folder next to the output and put in place as
a whole (``ownership.place``; a folder holding the store or files the engine did not write is
refused first); the same store gives byte-identical files.

Layout::

    index.html, zoeken.html          the laws; the search
    style.css, picker.js, datum.js, zoeken.js
    <law>/index.html                 overview: versions, history, earlier knowledge, articles
    <law>/<valid-from>.html          the text valid from that date
    <law>/<valid-from>/index.html    the same text at its stable address
    <law>/<valid-from>-wijzigingen.html   the redline against the version before
    <law>/op.html                    ?datum=D: the version in force on D; else every version
    <law>/kies.html                  every version (the picker's page without JavaScript)
    <law>/bekend-op-<K>.html         the versions as known from K («zoals bekend op»)
    <law>/<valid-from>-bekend-op-<K>.html           a superseded version's text
    <law>/<valid-from>-bekend-op-<K>-verschil.html  what later knowledge changed in it
    <law>/artikel/<nr>.html          one article through time
    <law>/zoekindex.js               the law's search index
    besluiten/index.html             the acts
    besluiten/<act>.html             one act: its parts, when they took effect, what they changed
"""
from __future__ import annotations

import dataclasses
import functools
import shutil
from importlib import resources
from pathlib import Path
from typing import Callable, Optional

import jinja2
from markupsafe import Markup

from consolidator.outputs import make_dir, staging_folder, sweep, write_text
from consolidator.ownership import OutputPlan, mark, place, plan_output
from consolidator.store.publish import file_sha256, open_store
from consolidator.store.db import Store
from consolidator.views.redline import Redline, UnitChange, split_lines, word_diff
from consolidator.views.site_acts import CHANGE_NAMES, Act, collect_acts
from consolidator.views.site_pages import (LawSite, Page, article_index, article_periods,
                                           build_law, slug)
from consolidator.views.site_picker import Picker
from consolidator.views.site_text import Block, Line, TextBlocks
from consolidator.views.site_search import INDEX_NAME, index_script, search_index
from consolidator.views.site_sources import act_summary, publication, source_groups
from consolidator.views.site_words import (asked, count, dutch_date, first_capital,
                                           known_period, known_since, note, period, reason,
                                           known_reason, repeal_marks, source_label)
from consolidator.errors import StoreError
from consolidator.names import check_name, url_path

_STATIC = ("style.css", "picker.js", "datum.js", "zoeken.js")


# --------------------------------------------------------------------------- templates

def _source(name: str):
    try:
        text = resources.files("consolidator.templates").joinpath(name).read_text("utf-8")
    except FileNotFoundError:
        return None
    return text, None, lambda: True


@functools.cache
def environment() -> jinja2.Environment:
    """The templates, autoescaped, with the filters and wording the pages use."""
    env = jinja2.Environment(loader=jinja2.FunctionLoader(_source), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["datum"] = dutch_date
    env.filters["hoofdletter"] = first_capital
    # every href from data: encoded, never a scheme; the same few names (versions, articles)
    # are encoded on every page, so each is encoded once
    env.filters["url"] = functools.lru_cache(maxsize=1 << 16)(url_path)
    env.globals.update(change_names=CHANGE_NAMES, known_period=known_period, period=period,
                       known_since=known_since, count=count, publication=publication,
                       source_label=source_label, reason=reason, asked=asked,
                       known_reason=known_reason)
    return env


def static_file(name: str) -> str:
    return resources.files("consolidator.templates").joinpath(name).read_text("utf-8")


# --------------------------------------------------------------------------- page views

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


def _change_view(change: UnitChange, law: LawSite) -> dict:
    return {"change": change, "anchor": slug(change.key), "name": CHANGE_NAMES[change.change],
            "lines": _redline_lines(change),
            "article_page": law.article_pages.get(change.key, "")}


# --------------------------------------------------------------------------- writing

class _Writer:
    def __init__(self, folder: Path, env: jinja2.Environment):
        self.folder = folder
        self.env = env
        self.count = 0

    def page(self, path: str, template: str, **values) -> None:
        depth = path.count("/")
        html = self.env.get_template(template).render(root="../" * depth, **values)
        self.file(path, html)
        self.count += 1

    def file(self, path: str, text: str) -> None:
        target = self.folder / path
        make_dir(target.parent)
        write_text(target, text)


def render_store(store_path: Path, output: Path,
                 notify: Callable[[str], None] = lambda message: None,
                 force: bool = False, report: Optional[Callable[[str], None]] = None) -> int:
    """``consolidator render``: the site of the store at ``store_path``; the page count.
    ``force``: write beside files in ``output`` the engine did not write; ``report``: where
    repairs of what a killed run left are told (default ``notify``, which is progress)."""
    report = report or notify
    plan = plan_output(output, "site", store=store_path, force=force)
    store = open_store(store_path, report)
    try:
        return render_site(store, output, notify, plan, report)
    finally:
        store.close()


def render_site(store: Store, output: Path,
                notify: Callable[[str], None] = lambda message: None,
                plan: Optional[OutputPlan] = None,
                report: Optional[Callable[[str], None]] = None) -> int:
    """Write the whole site to ``output`` (replaced as a whole, or by a forced ``plan``
    only the engine's files in it); the number of pages."""
    plan = plan or plan_output(Path(output), "site", store=store.path)
    for message in plan.notes + tuple(sweep(plan.output.parent)):
        (report or notify)(message)
    staging = staging_folder(plan.output, "render")
    try:
        writer = _Writer(staging, environment())
        laws = []
        for law_id, _ in store.laws():
            check_name(law_id, "the law id in the store", StoreError, source=str(store.path))
            laws.append(build_law(store, law_id))
            notify(f"{law_id}: {len(laws[-1].pages)} version(s), "
                   f"{len(laws[-1].superseded)} superseded, "
                   f"{len(laws[-1].article_pages)} article(s) read")
        for message in untranslated(laws):
            notify(f"not in Dutch, shown as it is: {message}")
        acts = collect_acts(laws)
        slugs = {act.name: act.slug for act in acts}
        for law in laws:
            _write_law(writer, law, slugs)
        notify(f"{len(laws)} law(s) written")
        _write_site_pages(writer, laws, acts)
        notify(f"{len(acts)} act(s); {writer.count} page(s)")
        mark(staging, "site", file_sha256(store.path))
        place(staging, plan)
        return writer.count
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_site_pages(writer: _Writer, laws: list[LawSite], acts: list[Act]) -> None:
    by_id = {law.law_id: law for law in laws}   # once, not once per act
    for act in acts:
        writer.page(f"besluiten/{act.slug}.html", "act.html", act=act, laws=by_id)
    writer.page("besluiten/index.html", "acts.html", acts=acts)
    writer.page("index.html", "index.html", laws=laws, acts=acts)
    writer.page("zoeken.html", "search.html", laws=laws, index_name=INDEX_NAME)
    for name in _STATIC:
        writer.file(name, static_file(name))


def untranslated(laws: list[LawSite]) -> list[str]:
    """The store's sentences the site has no Dutch for (shown as they are, marked English)."""
    found: dict[str, None] = {}
    for law in laws:
        for version in law.history:
            for source in version.sources:
                for wording in (source_label(source.get("label", "")),
                                reason(source.get("reason", ""))):
                    if wording.lang != "nl":
                        found.setdefault(f"{law.law_id}: {wording.text}", None)
        for text in law.notes:
            if note(text).lang != "nl":
                found.setdefault(f"{law.law_id}: {text}", None)
    return list(found)


def _write_law(writer: _Writer, law: LawSite, slugs: dict[str, str]) -> None:
    base = law.law_id
    picker = [{"name": p.name, "folder": p.folder, "period": p.period,
               "from": p.version.valid_from, "until": p.version.valid_until or ""}
              for p in law.pages]
    chooser = Picker(writer.env.get_template("_macros.html").module, picker)
    groups = {v.id: source_groups(v.sources, slugs) for v in law.history}
    writer.page(f"{base}/index.html", "law.html", law=law, picker=chooser, groups=groups,
                articles=article_index(law), current_name=law.pages[-1].name,
                notes=[note(n) for n in law.notes], index_name=INDEX_NAME)
    writer.page(f"{base}/kies.html", "choose.html", law=law)
    writer.page(f"{base}/op.html", "date.html", law=law, picker=picker)
    texts = TextBlocks(writer.env.get_template("_macros.html").module)
    for page in law.pages:
        _write_version(writer, law, page, chooser, slugs, texts)
    for old in law.superseded:
        writer.page(f"{base}/{old.name}", "superseded.html", law=law, old=old,
                    groups=groups[old.version.id], body=texts.body(old.units, {}, ""))
        if old.now is not None:
            writer.page(f"{base}/{old.changes_name}", "difference.html", law=law, old=old,
                        changes=[_change_view(c, law) for c in old.changes])
    for moment in law.knowledge:
        writer.page(f"{base}/{moment.name}", "known.html", law=law, moment=moment,
                    groups=groups)
    _write_articles(writer, law)
    writer.file(f"{base}/{INDEX_NAME}", index_script(search_index(law)))


def _write_version(writer: _Writer, law: LawSite, page: Page, picker: Picker,
                   slugs: dict[str, str], texts: TextBlocks) -> None:
    """The text of one version, at ``<law>/<date>.html`` and at ``<law>/<date>/``."""
    base = law.law_id
    values = dict(law=law, page=page, picker=picker, current_name=page.name,
                  acts=act_summary(page.version.sources, slugs))
    for path, up in ((page.name, ""), (f"{page.folder}index.html", "../")):
        writer.page(f"{base}/{path}", "text.html", up=up,
                    body=texts.body(page.units, law.article_pages, up), **values)
    if page.previous is not None:
        writer.page(f"{base}/{page.changes_name}", "changes.html", law=law, page=page,
                    changes=[_change_view(c, law) for c in page.changes])


def _write_articles(writer: _Writer, law: LawSite) -> None:
    for key, path in law.article_pages.items():
        periods = article_periods(law, key)
        views = [{"period": p, "block": Block(p.unit, {}),
                  "change": _change_view(p.change, law) if p.change else None}
                 for p in periods]
        writer.page(f"{law.law_id}/{path}", "article.html", law=law,
                    label=periods[-1].unit.label, periods=views)


# --------------------------------------------------------------------------- one redline

def redline_page(redline: Redline) -> str:
    """``diff --format html``: one standalone page (the site's stylesheet inlined), with
    the repeal marks' dates in words (marked again, so that a changed date is one word)."""
    return environment().get_template("redline.html").render(
        root="", inline_css=Markup(static_file("style.css")), redline=redline,
        changes=change_views(redline.changes))


def change_views(changes, prefix: str = "") -> list[dict]:
    """The changes of a standalone redline page as its templates show them (no links to
    article pages); ``prefix`` keeps anchors apart when one page has several laws."""
    law = LawSite("", "", [], {}, [], [], "")
    views = [_change_view(_dutch_marks(c), law) for c in changes]
    for view in views:
        view["anchor"] = prefix + view["anchor"]
    return views


def _dutch_marks(change: UnitChange) -> UnitChange:
    old, new = repeal_marks(change.old), repeal_marks(change.new)
    if (old, new) == (change.old, change.new) or change.change == "restamped":
        return change
    return dataclasses.replace(change, old=old, new=new, pieces=word_diff(old, new))

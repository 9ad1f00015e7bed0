"""Commands that apply acts to laws: ``apply`` and ``consolidate``.

Thin: read the inputs, select the articles, call ``apply``, write atomically.
"""
from __future__ import annotations

from pathlib import Path

import click

from consolidator.law.lawfile import assert_valid, parse_law, write_law
from consolidator.law.toestand import law_title, set_toestand_date, toestand_date
from consolidator.read.act import parse_act_file
from consolidator.apply.sentences import apply_articles
from consolidator.store.consolidate import consolidate
from consolidator.dates import parse_iso
from consolidator.errors import TimeError
from consolidator.time.facts import load_facts
from consolidator.read.select import articles_for, conditional_articles_for, law_names
from consolidator.store.db import DEFAULT_STORE
from consolidator.time.timeline import act_label, plan
from consolidator.store.versions import LawInput


def _bwb_id(tree) -> str:
    return tree.getroot().get("bwb-id", "")


def _source_label(act) -> str:
    return f"Stb. {act.stb}" if act.stb else act.title


def apply_acts(tree, acts, notify=lambda message: None):
    """``tree`` with the amending ARTIKELEN of each act that change it, in order.

    Samenloop ARTIKELEN are reported, not applied: which branch holds depends on
    when other acts took effect (the time rules)."""
    title = law_title(tree)
    names = law_names(title, _bwb_id(tree))
    for act in acts:
        articles = articles_for(act, names)
        if articles:
            notify(f"{act.source}: applying ARTIKEL {_numbers(articles)} to {title}")
            tree = apply_articles(tree, articles, source_label=_source_label(act), in_place=True)
        skipped = conditional_articles_for(act, names)
        if skipped:
            notify(f"{act.source}: samenloop ARTIKEL {_numbers(skipped)} not applied "
                   "(its condition needs the dates of other acts)")
    return tree


def _numbers(articles) -> str:
    return ", ".join(a.number for a in articles)


@click.command("apply")
@click.argument("law_xml", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("acts", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The BWB toestand XML file to write (only if every instruction applied).")
@click.option("--date", default=None,
              help="Apply only what is in force on this date (YYYY-MM-DD), by the acts' "
                   "entry-into-force articles.")
@click.option("--known-at", default=None,
              help="As known on this date (YYYY-MM-DD): acts published later are left out.")
@click.option("--facts", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Facts file about other acts, for samenloop articles (see corpus/facts.toml).")
def apply_cmd(law_xml: Path, acts, output: Path, date, known_at, facts) -> None:
    """Apply the ARTIKELEN of ACTS that change LAW_XML, in order, and write OUTPUT.

    Without --date every amending instruction applies (a preview of the acts as
    if in force; samenloop articles are reported, not applied). With --date only
    the parts in force on that date apply, in order of their dates, and samenloop
    articles are decided (with --facts for acts not given). With no ACTS the law
    is written back unchanged."""
    tree = parse_law(law_xml, source=str(law_xml))
    parsed = [parse_act_file(path) for path in acts]
    notify = lambda m: click.echo(m, err=True)  # noqa: E731
    if date is None and known_at is None:
        result = apply_acts(tree, parsed, notify=notify)
    else:
        if date is None:
            raise TimeError("--known-at needs --date: the text valid on which date?")
        facts_list = load_facts(facts) if facts else []
        result = apply_in_force(tree, str(law_xml), parsed, facts_list, parse_iso(date, "--date"),
                                parse_iso(known_at, "--known-at") if known_at else None, notify)
    assert_valid(result, source=str(output))
    write_law(result, output)


def apply_in_force(tree, source: str, acts, facts, date, known_at, notify):
    """``tree`` with the parts of ``acts`` in force on ``date`` as known on ``known_at``."""
    law = law_input_from_tree(tree, source)
    found = plan(set(law.names), acts, facts, known_at=known_at)
    for note in found.notes:
        notify(f"note: {note}")
    base = toestand_date(tree)
    events = [e for e in found.events if e.valid_from <= date]
    early = [e for e in events if base is not None and e.valid_from <= base]
    if early:
        raise TimeError(f"{early[0].label} takes effect on {early[0].valid_from}, not after the "
                        f"date of {source} ({base}): cannot tell whether the law already has it")
    for event in events:
        notify(f"applying {event.label} (in force {event.valid_from}: {event.reason})")
        tree = apply_articles(tree, [event.article], source_label=act_label(event.act),
                              date=event.valid_from, in_place=True)
    if events:
        set_toestand_date(tree, max(e.valid_from for e in events))
    return tree


def law_input_from_tree(tree, source: str) -> LawInput:
    law_id = tree.getroot().get("bwb-id", "")
    return LawInput(law_id, tree, source, frozenset(law_names(law_title(tree), law_id)))


@click.command("consolidate")
@click.argument("corpus", required=False, default="corpus",
                type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", default="out/consolidated", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the latest text of each law (replaced as a whole).")
@click.option("--store", "store_path", default=DEFAULT_STORE, show_default=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="The version store to fill (an SQLite file, replaced as a whole).")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Build laws in this many processes (same result as --jobs 1).")
def consolidate_cmd(corpus: Path, output: Path, store_path: Path, jobs: int) -> None:
    """Fill the version store with every version of every law in CORPUS.

    CORPUS holds <law>/base.xml (base texts), acts/*.txt (acts as published),
    facts.toml (facts about other acts) and bwb/<id>/ (official BWB histories:
    toestanden, manifest.xml and WTI, loaded as they are). Each act takes effect
    by its own entry-into-force article, as known from its publication on.
    Writes the store, and to OUTPUT the latest text of each law (XML and plain
    text); both are replaced only when everything consolidated without error."""
    summary = consolidate(corpus, output, store_path, jobs,
                          notify=lambda m: click.echo(m, err=True))
    click.echo(f"{summary.laws} laws, {summary.acts} act(s), {summary.histories} official BWB "
               f"histories: {summary.versions} version(s) in {store_path}; latest texts in "
               f"{output}")

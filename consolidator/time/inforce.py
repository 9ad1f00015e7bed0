"""Acts applied to one law file (``consolidator apply``): the parts in force on a date as
known on another, by the acts' entry-into-force articles and the time rules; or, without
a date, every amending ARTIKEL (``apply.preview``).
"""
from __future__ import annotations

from pathlib import Path

from consolidator.apply.sentences import apply_articles
from consolidator.apply.preview import apply_acts, refuse_unnamed
from consolidator.dates import parse_iso
from consolidator.errors import TimeError
from consolidator.law.lawfile import assert_valid, parse_law, write_law
from consolidator.law.toestand import law_title, set_toestand_date, toestand_date
from consolidator.read.act import parse_act_file
from consolidator.read.select import law_names
from consolidator.time.facts import load_facts
from consolidator.time.timeline import act_label, plan


def apply_law_file(law_xml: Path, act_paths, output: Path, date=None, known_at=None,
                   facts=None, notify=lambda message: None) -> None:
    """Apply the acts in ``act_paths`` to the law in ``law_xml`` and write ``output``,
    only if every instruction applied and the result is valid.

    ``date`` and ``known_at`` are YYYY-MM-DD as given to ``--date`` and ``--known-at``
    (the errors name those options; read in this order so that the first problem
    reported is the same as ever); ``facts`` a facts file about other acts."""
    tree = parse_law(law_xml, source=str(law_xml))
    parsed = [parse_act_file(path) for path in act_paths]
    refuse_unnamed(tree, parsed)
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
    law_id = tree.getroot().get("bwb-id", "")
    found = plan(law_names(law_title(tree), law_id), acts, facts, known_at=known_at)
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

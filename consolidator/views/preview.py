"""The drafter's preview: the redline of every law an act changes, against the text it
will meet, without touching the store.

The text is the one ``check`` checks against (``check_store.meet``): each law in the
version store as in force on the act's own date (or the date asked), as known just before
the act's publication. The act's parts in force then are applied as ``check`` applies
them (``check_store.run_law``: a sentence that does not fit is reported and skipped, the
rest go on), and ``redline.compare`` gives the changes, article by article, each naming
the provisions that made it from the change log the engine keeps per element («Stb. 1996,
649, art. I, onderdeel H, punt 2»). The problems ``check`` finds come with it, and the
regulations the act changes that the store does not hold are listed as not checked.

``render_text`` writes it with ``[-old-]{+new+}`` marks (dates ISO, like ``diff``);
``render_html`` one standalone page in Dutch, like ``diff --format html``.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from consolidator.errors import ActSyntaxError
from consolidator.law.toestand import law_title
from consolidator.read.act import parse_act_file
from consolidator.store.db import Version
from consolidator.time.timeline import act_label
from consolidator.views.check import check_meeting, syntax_problem
from consolidator.views.check_report import Problem, sort_problems
from consolidator.views.check_store import meet, run_law
from consolidator.views.redline import UnitChange, change_lines, compare, describe_version

#: the kinds of problem that name a regulation the store does not hold
NOT_IN_STORE = ("law-not-in-corpus", "law-name")


@dataclass(frozen=True)
class LawPreview:
    """One law: the text the act meets (a store version) and what the act changes in it."""

    law: str
    title: str
    version: Version
    changes: tuple[UnitChange, ...]


@dataclass(frozen=True)
class Preview:
    act: str               # the act's label («Stb. 1996, 649»)
    date: _dt.date
    known: str             # «as known on 1996-12-22» / «as known now (…)»
    known_on: Optional[_dt.date]  # that knowledge date; None: every act in the store
    store: Path
    laws: tuple[LawPreview, ...]
    problems: tuple[Problem, ...]   # what ``check`` finds, errors and warnings
    not_checked: tuple[str, ...]    # «ARTIKEL III changes «Wet X», which is not in …»
    notes: tuple[str, ...]


def preview_file(act_path: str | Path, store_path: str | Path,
                 date: Optional[_dt.date] = None, facts: Iterable = (),
                 today: Optional[_dt.date] = None) -> Preview:
    """The preview of the act in ``act_path`` against the store at ``store_path`` (only
    read). An act whose structure cannot be read raises ``ActSyntaxError``."""
    syntax: list[ActSyntaxError] = []
    act = parse_act_file(act_path, errors=syntax)
    meeting = meet(Path(store_path), act, date, facts, today)
    runs = [run_law(meeting, law) for law in meeting.laws]
    problems = [syntax_problem(exc) for exc in syntax] + check_meeting(meeting, runs)
    laws = tuple(LawPreview(law.law.law_id, law_title(run.tree), law.version,
                            tuple(compare(law.law.tree, run.tree)))
                 for law, run in zip(meeting.laws, runs))
    return Preview(act_label(act), meeting.date, meeting.known_words, meeting.known,
                   meeting.store, laws,
                   tuple(sort_problems(problems)), _not_checked(problems),
                   tuple(meeting.notes))


def _not_checked(problems: list[Problem]) -> tuple[str, ...]:
    """The regulations the act changes that are not in the store, each once, in the order
    of the act: what the preview cannot show."""
    found = [p.message for p in sort_problems(problems) if p.kind in NOT_IN_STORE]
    return tuple(dict.fromkeys(found))


# --------------------------------------------------------------------------- as text

def render_text(preview: Preview) -> str:
    """Per law a header (which text, on which date, as known when) and its changes with
    ``[-old-]{+new+}`` marks, each headed by the provisions that made it; then the
    regulations not checked."""
    out = [f"preview of {preview.act}: the law in force on {preview.date}, {preview.known} "
           f"(store {preview.store}), with the act's changes"]
    if not preview.laws:
        out.append("no law of the store is changed on this date")
    for law in preview.laws:
        out += ["", f"{law.law} {law.title}",
                f"from: in force on {preview.date}, {preview.known}: "
                f"{describe_version(law.version)}",
                f"to:   the same text with the changes of {preview.act} in force on "
                f"{preview.date}",
                f"{len(law.changes)} change(s)" if law.changes else "no changes"]
        out += change_lines(law.changes)
    if preview.not_checked:
        out += ["", "not checked (not in the store):"]
        out += [f"  {line}" for line in preview.not_checked]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- as HTML

def render_html(preview: Preview) -> str:
    """One standalone page in Dutch (the site's stylesheet inlined), one section per law."""
    from markupsafe import Markup

    from consolidator.views.site import change_views, environment, static_file

    laws = [{"law": law, "anchor": f"wet-{law.law}",
             "changes": change_views(law.changes, prefix=f"{law.law}-")}
            for law in preview.laws]
    return environment().get_template("preview.html").render(
        root="", inline_css=Markup(static_file("style.css")), preview=preview, laws=laws)

"""The drafter's check of an act's entry-into-force article against the act's own parts:
``entry-into-force`` (a part given two dates), ``no-date`` (a part given none),
``no-entry-into-force`` (no such article), ``entry-into-force-part`` (it names a part the act
does not have), ``entry-into-force-unread`` (this tool cannot read it); and ``not-a-date``
(an error): a date anywhere in the act that no calendar has («31 februari 2026»).
"""
from __future__ import annotations

from consolidator.dates import impossible_dates
from consolidator.errors import ActSyntaxError, TimeError
from consolidator.model import Act, Place, Span
from consolidator.read import iwtrules
from consolidator.time.timeline import RuleCache
from consolidator.views.check_report import ERROR, WARNING, Problem, problem, unique


def entry_into_force(act: Act) -> list[Problem]:
    """The act's entry-into-force article against the act's own parts."""
    iwt_articles = [a for a in act.articles if a.kind == "entry-into-force"]
    parts = [p for p in _parts(act)]
    if not parts:
        return []
    try:
        rules = RuleCache().own(act)
    except (ActSyntaxError, TimeError) as exc:
        if "not a date" in exc.message and impossible_dates_in(act):
            return []  # ``impossible_dates_in`` reports it, as an error
        span = Span(exc.line, exc.column) if exc.line else \
            (iwt_articles[0].span if iwt_articles else Span(0, 0))
        return [problem(WARNING, "entry-into-force-unread", "the entry-into-force article "
                        f"cannot be read by this tool, so no dates are checked: {exc.message}",
                        span)]
    if not iwt_articles:  # the timeline then applies the Bekendmakingswet (Aanwijzing 172)
        return [problem(WARNING, "no-entry-into-force", "the act has no entry-into-force "
                        "article: the Bekendmakingswet applies, the first day of the second "
                        "calendar month after publication (Aanwijzing 172)",
                        act.articles[0].span)]
    if not rules.rules:
        return [problem(WARNING, "no-entry-into-force", "the act has no entry-into-force "
                        "article: no part of it can be dated", act.articles[0].span)]
    problems = _undated_parts(act, rules, parts)
    where = iwt_articles[0] if iwt_articles else None
    for rule in rules.rules + rules.retro:
        for ref in rule.scope.include + rule.scope.exclude:
            for part in (ref.first, ref.last):
                if part is not None and not _part_exists(act, part):
                    problems.append(problem(
                        WARNING, "entry-into-force-part", f"the entry-into-force article "
                        f"names {_part_label(part)}, which this act does not have",
                        where.span if where else Span(0, 0),
                        Place(where.number) if where else Place()))
    return unique(problems)


def impossible_dates_in(act: Act) -> list[Problem]:
    """Every date in the act that no calendar has («31 februari 2026»): an error
    (``not-a-date``), wherever it stands, at its line and column."""
    starts = sorted((a.span.line, a.number) for a in act.articles if a.span.line)
    problems = []
    for number, line in enumerate((act.text or "").splitlines(), 1):
        for start, end in impossible_dates(line):
            artikel = next((n for at, n in reversed(starts) if at <= number), "")
            problems.append(problem(ERROR, "not-a-date", f"«{line[start:end]}» is not a date "
                                    "(the month has no such day)", Span(number, start + 1),
                                    Place(artikel)))
    return problems


def _undated_parts(act: Act, rules, parts: list[tuple]) -> list[Problem]:
    """A part the rules give two dates (an error) or none (a warning)."""
    problems = []
    for part, span, place in parts:
        try:
            entry = rules.entry(part, act.published)
        except TimeError as exc:
            problems.append(problem(ERROR, "entry-into-force", exc.message, span, place))
            continue
        if entry.pending == iwtrules.NO_PROVISION:
            problems.append(problem(WARNING, "no-date", f"the entry-into-force article names "
                                    f"no date for {_part_label(part)}", span, place))
    return problems


def _parts(act: Act) -> list[tuple]:
    """(iwtrules.Part, span, place) for every part that needs a date: amending ARTIKELEN per
    punt where an onderdeel has punten, else per onderdeel; other ARTIKELEN whole."""
    found = []
    for article in act.articles:
        if article.kind == "entry-into-force":
            continue
        if article.kind != "amend" or not article.onderdelen:
            found.append((iwtrules.Part(article.number), article.span, Place(article.number)))
            continue
        for onderdeel in article.onderdelen:
            place = Place(article.number, onderdeel.label)
            if not onderdeel.items or onderdeel.sentences:
                found.append((iwtrules.Part(article.number, onderdeel.label), onderdeel.span, place))
            for item in onderdeel.items:
                found.append((iwtrules.Part(article.number, onderdeel.label, item.label), item.span,
                              Place(article.number, onderdeel.label, item.label)))
    return found


def _part_label(part: iwtrules.Part) -> str:
    text = f"ARTIKEL {part.artikel}"
    text += f", onderdeel {part.onderdeel}" if part.onderdeel else ""
    return text + (f", punt {part.punt}" if part.punt else "")


def _part_exists(act: Act, part: iwtrules.Part) -> bool:
    if _elided(act, part.artikel):
        return True  # an excerpt leaves it out; it may well exist
    article = next((a for a in act.articles if same_label(a.number, part.artikel, "artikel")),
                   None)
    if article is None or not part.onderdeel:
        return article is not None
    onderdeel = next((o for o in article.onderdelen
                      if same_label(o.label, part.onderdeel, "onderdeel")), None)
    if onderdeel is None or not part.punt:
        return onderdeel is not None
    return any(same_label(i.label, part.punt, "punt") for i in onderdeel.items)


def _elided(act: Act, number: str) -> bool:
    """Whether an excerpt marks ARTIKEL ``number`` as left out («[ARTIKELEN XXII tot en
    met LV niet opgenomen]»)."""
    for first, last in act.elided:
        try:
            if iwtrules.label_key(first, "artikel") <= iwtrules.label_key(number, "artikel") \
                    <= iwtrules.label_key(last, "artikel"):
                return True
        except ValueError:
            continue
    return False


def same_label(label: str, wanted: str, level: str) -> bool:
    """Whether two labels of an act's parts (ARTIKEL, onderdeel, punt) are the same one."""
    try:
        return iwtrules.label_key(label, level) == iwtrules.label_key(wanted, level)
    except ValueError:
        return label.strip().lower() == wanted.strip().lower()

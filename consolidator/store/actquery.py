"""``show`` and ``history`` of an act in the store (``actstore``): the act's text valid on a
date as known on a date, and its versions, named by the act's id (``stb-2024-88``).
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Optional

from consolidator.errors import ActSyntaxError, StoreError
from consolidator.read.act import parse_act
from consolidator.store.actstore import act_title, act_version_at, act_versions, find_act
from consolidator.store.db import LATEST, Store, Version


def show_act(store_path: Path, act_id: str, date: _dt.date, known_at: Optional[_dt.date],
             artikel: Optional[str], fmt: str) -> tuple[list[str], str]:
    """(lines telling which version and why, the act's text) on ``date`` as known on
    ``known_at``; ``artikel``: only that ARTIKEL. A withdrawn act prints nothing."""
    if fmt != "text":
        raise StoreError(f"{act_id}: an act is kept as its text; --format {fmt} is for laws")
    store = Store(store_path)
    try:
        find_act(store, act_id)
        known = known_at.isoformat() if known_at else LATEST
        row = act_version_at(store, act_id, date.isoformat(), known)
        if row is None:
            raise StoreError(f"{act_id}: no text valid on {date} as known on {known} (an act "
                             "is valid from its publication)")
        lines = [f"{act_id}: {act_title(store, act_id)}",
                 f"{act_id}: version valid from {row.valid_from}"
                 + (f" until {row.valid_until}" if row.valid_until else "")
                 + f", known from {row.known_from}"]
        lines += [f"  changed by {label}" for label in row.changes]
        if row.withdrawn:
            lines.append(f"  {act_id} was withdrawn on {row.valid_from} by {row.withdrawn}: "
                         "nothing to show")
            return lines, ""
        return lines, _article_text(row.text, act_id, artikel) if artikel else _ended(row.text)
    finally:
        store.close()


def _article_text(text: str, act_id: str, artikel: str) -> str:
    try:
        act = parse_act(text, source=act_id)
    except ActSyntaxError as exc:
        raise StoreError(f"{act_id}: the stored text cannot be read: {exc.message}") from None
    numbers = [a.number for a in act.articles]
    if artikel not in numbers:
        raise StoreError(f"{act_id} has no ARTIKEL {artikel} (it has {', '.join(numbers)})")
    lines = text.split("\n")
    index = numbers.index(artikel)
    start = act.articles[index].span.line - 1
    stop = act.articles[index + 1].span.line - 1 if index + 1 < len(numbers) else len(lines)
    part = lines[start:stop]
    closing = next((n for n, line in enumerate(part) if line.startswith(
        ("Lasten en bevelen", "Gegeven te", "Uitgegeven", "XNoot"))), len(part))
    return _ended("\n".join(part[:closing]).strip("\n"))


def _ended(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def act_history(store: Store, act_id: str) -> tuple[str, list[Version]]:
    """Every version of the act, as versions of a law are listed (``history``)."""
    find_act(store, act_id)
    found = []
    for row in act_versions(store, act_id):
        sources = [{"label": label, "reason": "changes this act"} for label in row.changes]
        if row.withdrawn:
            sources.append({"label": row.withdrawn, "reason": "the act is withdrawn"})
        found.append(Version(row.id, act_id, row.valid_from, row.valid_until, row.known_from,
                             row.known_until, tuple(sources)))
    return act_id, found

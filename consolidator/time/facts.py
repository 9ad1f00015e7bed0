"""Facts about acts the corpus does not hold as act files (``corpus/facts.toml``).

A samenloop article asks whether and when another act took effect; when that
act is not among the inputs, its dates come from here. Each fact is known from
the other act's publication on: asked as known before that, it is unknown.
"""
from __future__ import annotations

import datetime as _dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from consolidator.errors import TimeError

_FIELDS = {"stb", "kamerstukken", "title", "enacted", "published", "in_force", "source"}


@dataclass(frozen=True)
class ActFact:
    """What is known about one other act."""

    stb: str = ""
    kamerstukken: str = ""
    title: str = ""
    enacted: Optional[_dt.date] = None
    published: Optional[_dt.date] = None
    in_force: Optional[_dt.date] = None
    source: str = ""

    @property
    def name(self) -> str:
        return f"Stb. {self.stb}" if self.stb else f"Kamerstukken {self.kamerstukken}"


def load_facts(path: str | Path) -> list[ActFact]:
    """The facts in ``path``; none if the file does not exist."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TimeError(f"facts file cannot be read: {exc}", source=str(path)) from None
    return [_fact(entry, n, path) for n, entry in enumerate(data.get("act", []), 1)]


def _fact(entry: dict, number: int, path: Path) -> ActFact:
    unknown = set(entry) - _FIELDS
    if unknown:
        raise TimeError(f"act entry {number}: unknown field(s) {', '.join(sorted(unknown))}",
                        source=str(path))
    if not (entry.get("stb") or entry.get("kamerstukken")):
        raise TimeError(f"act entry {number}: needs stb or kamerstukken", source=str(path))
    for key in ("enacted", "published", "in_force"):
        if key in entry and not isinstance(entry[key], _dt.date):
            raise TimeError(f"act entry {number}: {key} must be a date (YYYY-MM-DD)",
                            source=str(path))
    return ActFact(**{key: entry[key] for key in entry})


def find_fact(facts: list[ActFact], reference: str) -> Optional[ActFact]:
    """The fact for an act cited as «Stb. 1996, 580» or «Kamerstukken 24 138» (or both)."""
    stb = re.search(r"(\d{4}),\s*(\d+)", reference)
    kamerstuk = re.search(r"Kamerstukken\s+([\d ]+\d)", reference)
    for fact in facts:
        if stb and fact.stb == f"{stb.group(1)}, {stb.group(2)}":
            return fact
        if kamerstuk and fact.kamerstukken == kamerstuk.group(1).strip():
            return fact
    return None


def fact_for(facts: list[ActFact], ref) -> Optional[ActFact]:
    """The fact for the act a ``LawRef`` names: by Staatsblad number, else by Kamerstuk
    number (spacing aside), else by title."""
    if ref is None:
        return None
    digits = re.sub(r"\D", "", ref.kamerstuk or "")
    for fact in facts:
        if ref.stb and fact.stb == ref.stb:
            return fact
        if digits and re.sub(r"\D", "", fact.kamerstukken) == digits:
            return fact
    title = " ".join(ref.name.split()).casefold()
    return next((f for f in facts if f.title and " ".join(f.title.split()).casefold() == title),
                None) or find_fact(facts, ref.name)

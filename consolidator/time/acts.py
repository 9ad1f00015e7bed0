"""Naming acts and telling them apart: labels for people, keys for the timeline, and
whether a reference («de Wet van … (Stb. 2024, 88)», «Kamerstukken 36 301») names an act.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # annotations only: `show` and `history` load no model (bench/startup.py)
    from consolidator.model import Act, LawRef


def act_label(act: Act) -> str:
    return f"Stb. {act.stb}" if act.stb else act.title


def act_key(act: Act) -> str:
    """Identity of an act: its Staatsblad reference, else its title."""
    return f"stb {act.stb}" if act.stb else _norm(act.title)


def refers_to(ref: Optional[LawRef], act: Act) -> bool:
    """Whether a ``LawRef`` of kind act names ``act``: by Staatsblad number, else by
    Kamerstuk number (a bill, or the act it became), else by title."""
    if ref is None or ref.kind != "act":
        return False
    if ref.stb and act.stb:
        return ref.stb == act.stb
    if ref.kamerstuk and act.kamerstuk:
        return _digits(ref.kamerstuk) == _digits(act.kamerstuk)
    return _norm(ref.name) == _norm(act.title)


def names_act(ref: Optional[LawRef], act: Act) -> bool:
    """Whether a reference names ``act``: ``refers_to``, or a name that is the act's title or
    the citeertitel it gives itself («Deze wet wordt aangehaald als: …»)."""
    if ref is None:
        return False
    if ref.kind == "act" and (ref.stb or ref.kamerstuk):
        return refers_to(ref, act)
    name = re.sub(r"^(de|het)\s+", "", _norm(ref.name))
    return bool(name) and name in {re.sub(r"^(de|het)\s+", "", _norm(act.title))} | \
        citation_titles(act)


def citation_titles(act: Act) -> set[str]:
    """The citeertitel an act gives itself («Deze wet wordt aangehaald als: Wet X.»)."""
    found = set()
    for article in act.articles:
        for paragraph in article.text:
            match = re.search(r"aangehaald\s+als\s*:?\s*(.+?)\.?$", paragraph)
            if match:
                found.add(_norm(match.group(1)))
    return found


def known_acts(acts: list[Act], known_at: Optional[_dt.date]) -> list[Act]:
    if known_at is None:
        return list(acts)
    return [a for a in acts if a.published is not None and a.published <= known_at]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)

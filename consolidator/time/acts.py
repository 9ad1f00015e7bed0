"""Naming acts and telling them apart: labels for people, keys for the timeline, and
whether a reference («de Wet van … (Stb. 2024, 88)», «Kamerstukken 36 301») names an act.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

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


def known_acts(acts: list[Act], known_at: Optional[_dt.date]) -> list[Act]:
    if known_at is None:
        return list(acts)
    return [a for a in acts if a.published is not None and a.published <= known_at]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)

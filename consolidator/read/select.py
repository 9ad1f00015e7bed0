"""Which ARTIKELEN of an act change a given law.

An article names the regulation it changes by its citeertitel as it read then
(«Wet op het basisonderwijs»); the law file carries its current one («Wet op het
primair onderwijs» since 1998). ``FORMER_NAMES`` holds the renamings we know of,
by BWB id, so that both names match.
"""
from __future__ import annotations

import re

from consolidator.model import Act, Article

#: BWB id → earlier citeertitels (facts: the 1998 Invoeringswet WPO/WEC renamed them).
FORMER_NAMES = {
    "BWBR0003420": ("Wet op het basisonderwijs",),
    "BWBR0003549": ("Interimwet op het speciaal onderwijs en het voortgezet speciaal onderwijs",),
}


def law_names(title: str, bwb_id: str = "") -> set[str]:
    """Every name under which an act may refer to this law."""
    return {_key(title)} | {_key(name) for name in FORMER_NAMES.get(bwb_id, ())}


def articles_for(act: Act, names: set[str]) -> list[Article]:
    """The amending ARTIKELEN of ``act`` that change the law known by ``names``."""
    return [a for a in act.articles
            if a.kind == "amend" and a.law is not None and _key(a.law.name) in names]


def conditional_articles_for(act: Act, names: set[str]) -> list[Article]:
    """Samenloop ARTIKELEN whose instructions would reach this law (not applied here:
    which branch holds depends on when other acts took effect)."""
    return [a for a in act.articles if a.kind == "samenloop" and any(
        b.law is not None and o.instructions and _key(b.law.name) in names
        for b in a.samenloop_branches for o in b.onderdelen)]


def repeals_for(act: Act, names: set[str]) -> list[Article]:
    """ARTIKELEN of ``act`` that withdraw the law known by ``names`` («De Wet … wordt
    ingetrokken.»)."""
    return [a for a in act.articles if a.kind == "repeal" and any(
        ref.kind == "law" and _key(ref.name) in names for r in a.repeals for ref in r.laws)]


def names_law(name: str, names: set[str]) -> bool:
    """Whether ``name`` (as an act writes it) is one of a law's ``names``."""
    return _key(name) in names


def name_key(name: str) -> str:
    """The form in which names compare (``_key``): for «did you mean» over known names."""
    return _key(name)


def _key(name: str) -> str:
    """Names compare without case, spacing or a leading article («de Wet …»). A book of
    the Burgerlijk Wetboek compares as BWB names it: «Boek 7 van het Burgerlijk Wetboek»
    is «Burgerlijk Wetboek Boek 7»."""
    name = re.sub(r"\s+", " ", name).strip().lower()
    name = re.sub(r"^(de|het) ", "", name)
    return re.sub(r"^boek (\w+) van het (burgerlijk wetboek(?: bes)?)$", r"\2 boek \1", name)

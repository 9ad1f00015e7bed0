"""Act ids: one scheme for acts everywhere (``stb-1996-649``, ``stcrt-2012-13245``,
``kst-36301``), and the id a user or a source label writes.

Apart from ``model`` (which names them too) so that a query of the store (``show``,
``history``) can tell an act from a law without building the model's classes.
"""
from __future__ import annotations

import re

_ACT_ID_RE = re.compile(r"^(stb|stcrt)-(\d{4})-(\d+)$|^kst-(\d+)$")
_CITATION_RE = re.compile(r"^(?:(Stb|Stcrt|Staatsblad|Staatscourant)\.?\s*)?(\d{4}),\s*(\d+)$"
                          r"|^(?:Kamerstuk(?:ken)?\s+)?(\d{2}\s?\d{3})$", re.IGNORECASE)


def act_id(stb: str = "", stcrt: str = "", kamerstuk: str = "") -> str:
    """One id scheme for acts everywhere: «1996, 649» in the Staatsblad → ``stb-1996-649``,
    in the Staatscourant → ``stcrt-2012-13245``, a bill by Kamerstuk «36 301» → ``kst-36301``;
    "" when none is known."""
    for prefix, number in (("stb", stb), ("stcrt", stcrt)):
        found = re.fullmatch(r"\s*(\d{4}),\s*(\d+)\s*", number or "")
        if found:
            return f"{prefix}-{found.group(1)}-{found.group(2)}"
    digits = re.sub(r"\s+", "", kamerstuk or "")
    return f"kst-{digits}" if digits.isdigit() else ""


def parse_act_id(text: str) -> str:
    """The act id a user or a source label writes: «stb-1996-649», «Stb. 1996, 649»,
    «Stcrt. 2012, 13245», «kst-36301», «Kamerstukken 36 301»; "" if it names no act."""
    text = " ".join(text.split())
    if _ACT_ID_RE.match(text.lower()):
        return text.lower()
    found = _CITATION_RE.match(text)
    if not found:
        return ""
    if found.group(4):
        return act_id(kamerstuk=found.group(4))
    kind = (found.group(1) or "stb").lower()
    number = f"{found.group(2)}, {found.group(3)}"
    return act_id(stcrt=number) if kind.startswith(("stcrt", "staatscourant")) else act_id(number)

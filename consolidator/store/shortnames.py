"""Common short names of laws (WBO, WPO, Wsob, DHW, …): a table kept as data,
``consolidator/data/abbreviations.toml``, one entry per short name with the BWB id and the
citeertitel under that name.

``resolve(name, laws)`` gives the store's law for a short name, or for a citeertitel the
table knows under another name (the Wet op het primair onderwijs is the Wet op het
basisonderwijs of a 1996 text). It is checked before it is used: the store's citeertitel of
that id must be one the table gives for the id, or the name is refused with what the table
and the store say. A table that named the wrong law is never followed.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from consolidator.errors import StoreError

TABLE = "abbreviations.toml"


@dataclass(frozen=True)
class ShortName:
    short: str          # «WBO»
    bwb_id: str         # «BWBR0003420»
    citeertitel: str    # «Wet op het basisonderwijs»


@functools.cache
def table() -> tuple[ShortName, ...]:
    """Every entry of the table, in its order."""
    # imported here: `show` and `history` given a BWB id or a citeertitel never read the
    # table, and these two imports cost them some milliseconds of start-up
    from importlib import resources
    text = resources.files("consolidator.data").joinpath(TABLE).read_text("utf-8")
    return parse_table(text)


def parse_table(text: str) -> tuple[ShortName, ...]:
    """The entries of a table in the format of ``abbreviations.toml``; an entry without
    both fields, or a short name given twice (in any case), is an error."""
    import tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StoreError(f"{TABLE}: {exc}") from None
    found, seen = [], set()
    for short, entry in data.items():
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) and entry[k].strip()
                for k in ("bwb_id", "citeertitel")):
            raise StoreError(f"{TABLE}: [{short}] needs bwb_id and citeertitel")
        if _key(short) in seen:
            raise StoreError(f"{TABLE}: [{short}] is given twice")
        seen.add(_key(short))
        found.append(ShortName(short, entry["bwb_id"], entry["citeertitel"]))
    return tuple(found)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def names_of(bwb_id: str) -> set[str]:
    """The citeertitels the table gives for one law (under each of its short names)."""
    return {_key(e.citeertitel) for e in table() if e.bwb_id == bwb_id}


def resolve(name: str, laws: list[tuple[str, str]]) -> Optional[str]:
    """The id of the law in ``laws`` ((id, citeertitel) of the store) that ``name`` means
    as a short name or as a citeertitel of the table; None if the table does not know the
    name. A law the table names that the store has under another citeertitel is an error."""
    key = _key(name)
    entry = next((e for e in table() if key in (_key(e.short), _key(e.citeertitel))), None)
    if entry is None:
        return None
    titles = dict(laws)
    if entry.bwb_id not in titles:
        return None
    if _key(titles[entry.bwb_id]) not in names_of(entry.bwb_id):
        raise StoreError(f"{name!r}: the table of short names ({TABLE}) says {entry.bwb_id} "
                         f"({entry.citeertitel}), but {entry.bwb_id} in the store is "
                         f"«{titles[entry.bwb_id]}»: give the BWB id or the citeertitel")
    return entry.bwb_id

"""A change list's entries written as XML text, for many entries to be parsed at once.

Each ``bwb-wijziging`` written element by element costs lxml a check of every tag and
attribute name it is given (some thousands of instructions each: an apply of thousands of
changes writes thousands of entries); the same entries as one string, parsed once, cost
about half. ``EntryWriter`` writes an entry exactly as ``history._entry`` builds it, or
refuses (None) a value that the parser would not give back unchanged or that lxml would
refuse to set: such an entry is written the direct way, which raises what it raises.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from lxml import etree

from consolidator.law.elements import iso_date

#: a character XML 1.0 does not allow (lxml refuses it in an attribute or a text; a
#: lone surrogate cannot even be encoded): the complement of XML's Char production
#: (``XML_CHAR``) written as the few ranges it is, since compiling the negated class of
#: that production takes some milliseconds, which every command importing this module
#: paid at start-up (tests/test_history_batch.py holds the two to each other)
XML_CHAR = "\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: longer values are written the direct way: libxml2's parser refuses a text or an
#: attribute value over 10,000,000 bytes (this many characters are at most 4,000,000)
LONGEST = 1_000_000
#: its own parser, with lxml's defaults: not the default parser, which a caller may replace
_PARSER = etree.XMLParser()


def markup(value) -> Optional[str]:
    """``value`` as XML text that parses back to exactly ``value``, both inside an
    attribute's quotes and as an element's text; None when it would not, or when lxml
    would refuse it (not a str, a character XML does not allow, too long)."""
    if type(value) is not str or len(value) > LONGEST:
        return None
    if value.isprintable():  # no control, surrogate or non-character: the usual value
        if "&" in value or "<" in value or ">" in value or '"' in value:
            return _escaped(value)
        return value
    if _NOT_XML.search(value) is not None:
        return None
    # a parser turns a tab or line end in an attribute into a space, and «\r\n» in a
    # text into «\n»: as character references they come back as they are
    return _escaped(value).replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")


def _escaped(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;")


class EntryWriter:
    """The ``bwb-wijziging`` of ``history._entry`` as XML text, for the entries of one
    change list while it is open: the last source, effect and date written are remembered
    by identity (a sentence's marks and repeals share them; a str, a date cannot change)."""

    __slots__ = ("source", "effect", "date")

    def __init__(self):
        self.source = self.effect = self.date = (None, None)  # (value, as written)

    def entry(self, ref: str, made: bool, date, source: str, effect: str) -> Optional[str]:
        """The entry, or None when a value cannot be written so (``markup``), when the
        source is empty (lxml keeps an empty text that a parser would not make) or when the
        date has no text to be had. ``made``: ``ref`` is a «cons-N» made here, plain."""
        if not made:
            ref = markup(ref)
            if ref is None:
                return None
        known = self.source
        if source is not known[0]:
            known = self.source = (source, markup(source))
        if not known[1]:
            return None
        written_source = known[1]
        known = self.effect
        if effect is not known[0]:
            known = self.effect = (effect, markup(effect))
        dated = self._dated(date)
        if known[1] is None or dated is None:
            return None
        return (f'<bwb-wijziging idref="{ref}"><label bron="{written_source}" '
                f'effect="{known[1]}"{dated}>{written_source}</label></bwb-wijziging>')

    def _dated(self, date) -> Optional[str]:
        """The ``inwerking`` attribute as written (with its leading space), "" for no date."""
        if date is None:
            return ""
        known = self.date
        if date is known[0]:
            return known[1]
        try:
            written = markup(iso_date(date))
        except Exception:  # noqa: BLE001 - raised again by the direct way, where it raises
            return None
        dated = None if written is None else f' inwerking="{written}"'
        if type(date) is _dt.date:  # immutable, its text the same each time
            self.date = (date, dated)
        return dated


def append_entries(ledger, pieces: list) -> None:
    """Append the entries written in ``pieces`` (``EntryWriter``'s) to ``ledger``, in order,
    parsed in one go."""
    wrapper = etree.fromstring("<w>" + "".join(pieces) + "</w>", _PARSER)
    ledger.extend(list(wrapper))  # moved out of the wrapper: not while iterating it

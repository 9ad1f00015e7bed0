"""The law text on the site's pages: each unit as a block of HTML. Most articles read the
same in one version as in the next, and every version has two pages (``<date>.html`` and
``<date>/``), so a block is rendered once per law for what it shows and each page joins
the blocks of its version.
"""
from __future__ import annotations

from markupsafe import Markup

from consolidator.views.site_pages import slug


class Line:
    """One line of law text: its indent and its pieces ((op, text); op "same" for plain)."""

    def __init__(self, level: int, pieces: list):
        self.level = level
        self.pieces = pieces


class Block:
    """One unit of a law text as the templates show it."""

    def __init__(self, unit, article_pages: dict[str, str]):
        lines = unit.text.split("\n")
        self.kind = unit.kind
        self.label = unit.label
        self.level = 2 + len(unit.parents)   # heading level (2: top-level heading or article)
        self.heading = lines[0]
        self.lines = _plain_lines(lines[1:])
        self.repealed = unit.repealed
        self.anchor = slug(unit.key)
        self.article_page = article_pages.get(unit.key, "")


def _plain_lines(text_lines: list[str]) -> list[Line]:
    out = []
    for line in text_lines:
        body = line.lstrip(" ")
        out.append(Line((len(line) - len(body)) // 2, [("same", body)]))
    return out


class TextBlocks:
    """The blocks of one law's pages, each rendered once by the template's own macro
    (``law_block``) for everything it shows: the unit's kind, key, label, depth, text and
    repeal, its article page and the way up to the law's folder."""

    def __init__(self, macros):
        self._block = macros.law_block
        self._made: dict[tuple, str] = {}

    def body(self, units, article_pages: dict[str, str], up: str) -> Markup:
        """The blocks of ``units`` (all but the title), as the template's loop wrote them."""
        out = []
        for unit in units:
            if unit.kind == "title":
                continue
            page = article_pages.get(unit.key, "")
            key = (unit.kind, unit.key, unit.label, len(unit.parents), unit.text,
                   unit.repealed, page, up)
            made = self._made.get(key)
            if made is None:
                made = self._made[key] = str(self._block(Block(unit, article_pages), up))
            out.append(made)
        return Markup("".join(out))

"""Quoted new content: what each line after «luidende:» is (a lid, a list item, an
article heading, a structural heading, or plain text), as real pages print it.

* A lid: «1. …» at the start of the line, or «• 1. …» (a bullet before its number).
* A list item: «a.», «a)», «aa.», «1°.», «1°», «–», «•» followed by the text, indented or
  not; a bullet before a letter or «°» number («• 1°. leidinggevenden;», as the page of
  Stb. 2013, 380 prints them) is the page's, the item is «1°». An indented item's level is its indentation (two spaces a level); an item that is
  not indented takes the level of the list of its style (letters, «°» numbers, digits,
  dashes) that is open, or opens a list one level deeper after an item that introduces
  one (ends in «:»).
* The term of a new definition printed on a line of its own («a. inrichting:» and then
  «een bedrijf …») belongs to the text on the next line.
* Footnote digits glued to a name («Wet op de architectentitel1») are publication
  artefacts and go, as in the instructions.
* The full stop that closes the instruction sentence is not new text: after the «;» of
  an onderdeel that is not the last («b. …;.»), after «:», «,», «; en», «; of», and after
  a heading or an article's title, which carry none (``without_closing_stop``). A lid or
  the last onderdeel of a list ending in «.» keeps it: there the law's full stop and the
  instruction's are one.

What cannot be told apart is refused (``ContentAmbiguous``), never guessed: an item of a
new style after an item that introduces no list, a lid «1.» right after an item that
introduces one.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from consolidator.model import ContentLine, Span
from consolidator.read.paras import Para, clean_text

PUNT_RE = re.compile(r"^(\d+[a-z]?)\.\s+(.*)$")
# An article heading inside quoted content: «Artikel 95a. Grondslag …», «ARTIKEL VA. …»;
# the full stop after the number keeps «Artikel 8:2 van de Awb is …» a sentence. A part of
# the number is «\d\w*», not «\d+\w*»: the two would share the digits out in 2^n ways on
# «Artikel 13.11.11.11…!» (a minute for 540 bytes).
CONTENT_ARTICLE_RE = re.compile(r"^(?:ARTIKEL|Artikel)\s+([A-Z]\s\d\w*|[\w:]+(?:\.\d\w*)*)(?:\.\s+(.*)|\.?)$")
CONTENT_LID_RE = re.compile(r"^•\s*(\d+[a-z]?)\.\s*(.*)$")
CONTENT_ITEM_RE = re.compile(r"^(\d+°|[a-z]{1,2}|\d+[a-z]?)[.)]\s+(.*)$|^(\d+°)\s+(.*)$")
# a dash or bullet item: «– tekst», «- tekst», «• tekst» (a bullet before a number is a lid)
MARK_ITEM_RE = re.compile(r"^([–—-]|•)\s+(?!\d+[a-z]?\.\s)(.*)$")
# a bullet the page prints before an item's own label: «• 1°. …», «• b. …»
BULLET_LABEL_RE = re.compile(r"^•\s*(?=(?:\d+°\.?|[a-z]{1,2}[.)])\s)")
_DIGIT_LABEL_RE = re.compile(r"\d+[a-z]?")
_LETTER_LABEL_RE = re.compile(r"[a-z]{1,2}")
HEADING_RE = re.compile(r"^(§|Hoofdstuk|HOOFDSTUK|Titel|TITEL|Afdeling|AFDELING|Paragraaf|PARAGRAAF)\s+(\S+?)\.?(?:\s+(.*))?$")


class ContentAmbiguous(Exception):
    """A line of quoted content whose place cannot be told (``para``, why)."""

    def __init__(self, para: Para, message: str):
        super().__init__(message)
        self.para = para


def content_line(para: Para, footnotes: Optional[dict] = None) -> ContentLine:
    """Classify one line of quoted new content (an item not indented gets level 0: its
    level is decided by ``content_lines``, which sees the lines around it)."""
    text, span = para.text, Span(para.line, para.column)
    if footnotes:
        text = clean_text(text, footnotes)
    if text.startswith("•"):  # what CONTENT_LID_RE and BULLET_LABEL_RE start with
        lid = CONTENT_LID_RE.match(text)
        if lid:
            return ContentLine("lid", lid.group(2), label=lid.group(1), span=span)
        text = BULLET_LABEL_RE.sub("", text)
    if _plain_text(text):  # most lines: none of the patterns below can match
        return ContentLine("text", text, span=span)
    first = text[0]  # not empty: ``_plain_text`` takes an empty text
    if first in _ITEM_STARTS or first.isdecimal():  # a heading or article is neither
        indent = len(para.raw) - len(para.raw.lstrip())
        plain_lid = PUNT_RE.match(text) if first.isdecimal() else None
        if plain_lid and indent == 0:  # modern acts write new leden without a bullet
            return ContentLine("lid", plain_lid.group(2), label=plain_lid.group(1), span=span)
        item = _item(text, indent)
        if item is not None:
            label, words, level = item
            return ContentLine("item", words, label=label, level=level, span=span)
    article = CONTENT_ARTICLE_RE.match(text)
    if article:
        return ContentLine("artikel", (article.group(2) or "").strip(), label=article.group(1),
                           span=span)
    heading = HEADING_RE.match(text)
    if heading:
        kind = heading.group(1).lower()
        kind = "paragraaf" if kind == "§" else kind
        return ContentLine("heading", (heading.group(3) or "").strip(), label=heading.group(2),
                           heading_kind=kind, span=span)
    return ContentLine("text", text, span=span)


# The first characters the patterns of ``content_line`` can match (after a bullet): a digit
# (PUNT_RE, CONTENT_ITEM_RE; ``\d`` matches only what ``str.isdigit`` calls a digit), a
# lower-case letter (CONTENT_ITEM_RE), a dash or bullet (MARK_ITEM_RE), and the first
# letters of CONTENT_ARTICLE_RE and HEADING_RE.
_LABEL_STARTS = frozenset("abcdefghijklmnopqrstuvwxyz" "–—-•" "A" "§HTAP")


# What PUNT_RE, CONTENT_ITEM_RE and MARK_ITEM_RE can start with besides a digit (``\d``:
# what ``str.isdecimal`` calls one): a lower-case letter, a dash or a bullet. A line that
# starts otherwise («Artikel …», «§ 3a. …») is tried as an article or a heading at once.
_ITEM_STARTS = frozenset("abcdefghijklmnopqrstuvwxyz" "–—-•")


def _plain_text(text: str) -> bool:
    """Whether no pattern of ``content_line`` can match ``text`` (one test for five)."""
    first = text[:1]
    return not (first in _LABEL_STARTS or first.isdigit())


def _item(text: str, indent: int) -> Optional[tuple[str, str, int]]:
    """(label, text, level) of a list item line; level 0 when not indented."""
    match = CONTENT_ITEM_RE.match(text)
    if match:
        label, words = (match.group(1), match.group(2)) if match.group(1) \
            else (match.group(3), match.group(4))
        if indent < 2 and _DIGIT_LABEL_RE.fullmatch(label):
            return None  # «1)» at the margin: not an item we can place
    else:
        match = MARK_ITEM_RE.match(text)
        if not match:
            return None
        label, words = match.group(1), match.group(2)
    if indent >= 2:
        return label, words, 2 if label.endswith("°") or indent >= 4 else 1
    return label, words, 0


# ---------------------------------------------------------------------------- a whole block


def content_lines(paras: list[Para], footnotes: Optional[dict] = None) -> tuple[ContentLine, ...]:
    """The lines of one block of quoted content, items placed at their levels and terms
    joined to their definitions; ``ContentAmbiguous`` for what cannot be told."""
    lines = [content_line(p, footnotes) for p in paras]
    if _has_items(lines):  # terms are joined to items, and only items have levels
        lines = _levels(_joined_terms(lines, paras), paras)
    if lines:  # the last line ends the instruction sentence
        last = lines[-1]
        text = without_closing_stop(last.text, last.kind in ("heading", "artikel"))
        if text != last.text:
            lines[-1] = replaced(last, text, last.level)
    return tuple(lines)


def replaced(line: ContentLine, text: str, level: int) -> ContentLine:
    """``dataclasses.replace(line, text=text, level=level)``, made at once: ``replace``
    asks the class for its fields and reads each by name (a third of the time of making
    the line's content; tests/test_reader_shortcuts2.py holds the two alike, and the
    fields of ``ContentLine`` to those named here)."""
    return ContentLine(line.kind, text, line.label, level, line.heading_kind, line.span)


def _has_items(lines: list[ContentLine]) -> bool:
    """Whether a block holds a list item: without one, ``_joined_terms`` and ``_levels``
    give its lines as they are (most blocks: a lid, an article, a sentence)."""
    for line in lines:
        if line.kind == "item":
            return True
    return False


# the «.» after another closing mark: «;.», «:.», «,.», «; en.», «; of.» (Aanwijzingen model:
# a new onderdeel that is not the last of its list ends «…;.»)
_STOP_AFTER_MARK_RE = re.compile(r"(?:[;:,]|[;,]\s+(?:en|of))\.$")
# what stands before the final «.» in every match of ``_STOP_AFTER_MARK_RE``: a mark, or the
# end of «en» or «of»
_CLOSING_MARKS = frozenset(";:,")
_CLOSING_WORDS = frozenset(("en.", "of."))
# a title's last word with a full stop inside it is an abbreviation («V.B.O.»): its own
_DOTTED_WORD_RE = re.compile(r"\.\S*\.$")


def without_closing_stop(text: str, title: bool = False) -> str:
    """The last line of new text without the full stop that closes the instruction: the
    one after another closing mark (the onderdeel keeps its «;», the «.» closes the
    act's sentence) and, for a ``title`` (a heading, an opschrift: they end in no full
    stop), the one at its end unless it closes an abbreviation («… en V.B.O.»). Any
    other final «.» is the law's own (and the instruction's with it)."""
    stripped = text.rstrip()
    if not stripped.endswith("."):  # what both patterns end with
        return text
    # a match of ``_STOP_AFTER_MARK_RE`` ends in a mark and «.», or in «en.» or «of.»: a
    # last line that ends otherwise (most) is not searched for its last mark
    if (stripped[-2:-1] in _CLOSING_MARKS or stripped[-3:] in _CLOSING_WORDS) \
            and _STOP_AFTER_MARK_RE.match(stripped, _last_mark(stripped)):
        return stripped[:-1]
    if title and stripped.endswith(".") and not _DOTTED_WORD_RE.search(stripped):
        return stripped[:-1]
    return text


def _last_mark(text: str) -> int:
    """Where the last «;», «:» or «,» of ``text`` stands (0 if none): the only place a match
    of ``_STOP_AFTER_MARK_RE`` can start, as no mark follows its own. ``search`` tried the
    pattern at every character of a long last line."""
    return max(0, text.rfind(";"), text.rfind(":"), text.rfind(","))


def _joined_terms(lines: list[ContentLine], paras: list[Para]) -> list[ContentLine]:
    """«a. inrichting:» followed by a plain line «een bedrijf …»: one item."""
    out: list[ContentLine] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and previous.kind == "item" and line.kind == "text" \
                and _lone_term(previous.text):
            out[-1] = replaced(previous, f"{previous.text} {line.text}", previous.level)
            continue
        out.append(line)
    return out


def _lone_term(text: str) -> bool:
    head, colon, rest = text.strip().partition(":")
    return bool(colon) and not rest.strip() and 0 < len(head.split()) <= 4 \
        and not head.strip().endswith(("volgende", "volgt"))


def style(label: str) -> str:
    """The kind of list a label belongs to: letters, «°» numbers, digits or a mark."""
    if label.endswith("°"):
        return "degree"
    if _LETTER_LABEL_RE.fullmatch(label):
        return "letter"
    if _DIGIT_LABEL_RE.fullmatch(label):
        return "digit"
    return "mark:" + label


class _ParaOf:
    """The paragraph of a content line, for an error to name: found only when one does."""

    def __init__(self, paras: list[Para]):
        self.paras = paras
        self.by_line: Optional[dict[int, Para]] = None

    def __call__(self, index: int, line: ContentLine) -> Para:
        if self.by_line is None:
            # line number → the first paragraph on it: looked up, not searched for (a search
            # of all paragraphs for every line made quoted content quadratic in its lines)
            self.by_line = {}
            for para in self.paras:
                self.by_line.setdefault(para.line, para)
        para = self.by_line.get(line.span.line)
        return para if para is not None else self.paras[min(index, len(self.paras) - 1)]


def _levels(lines: list[ContentLine], paras: list[Para]) -> list[ContentLine]:
    stack: list[str] = []  # the style of each open list level
    out: list[ContentLine] = []
    para_of = _ParaOf(paras)
    for index, line in enumerate(lines):
        previous = out[-1] if out else None
        if line.kind != "item":
            if line.kind == "lid" and previous is not None and previous.kind == "item" \
                    and previous.text.rstrip().endswith(":"):
                raise ContentAmbiguous(para_of(index, line), f"«{line.label}.» follows an item "
                                       "that introduces a list: a new lid or an item of that list?")
            stack = []
            out.append(line)
            continue
        level = _level(line, stack, previous, lambda: para_of(index, line))
        out.append(line if level == line.level else replaced(line, line.text, level))
    return out


def _level(line: ContentLine, stack: list[str], previous, para_of: Callable[[], Para]) -> int:
    """The level of an item line; ``para_of`` gives its paragraph, for an error to name."""
    mine = style(line.label)
    if line.level:  # indented: the page says the level
        del stack[line.level - 1:]
        stack.extend([mine] * (line.level - len(stack)))
        return line.level
    if mine in stack:
        del stack[stack.index(mine) + 1:]
        return len(stack)
    opens = previous is None or previous.kind != "item" or previous.text.rstrip().endswith(":")
    if stack and not opens:
        raise ContentAmbiguous(para_of(), f"list item «{line.label}» follows «{previous.label}. "
                               f"{previous.text[-30:]}», which introduces no list (no «:»): "
                               "its level cannot be told")
    stack.append(mine)
    return len(stack)

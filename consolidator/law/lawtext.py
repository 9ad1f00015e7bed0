"""The plain law-text format (docs/law-text-format.md), read and written.

``parse_law_text`` turns the text into a BWB toestand tree and
``render_law_text`` writes any toestand tree (ours or an official one) back as
text; text -> tree -> text gives the same text, with whitespace runs inside a
line normalised to one space. All XML knowledge stays in the
modules that know BWB elements (``elements``, ``history``, ``toc``, ``toestand``).

A repealed element is written ``<heading or label> [Vervallen per YYYY-MM-DD]``
(``[Vervallen]`` when the date is unknown) and read back as repealed.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from consolidator import limits
from consolidator.law.elements import (
    HEADING_LABELS, al_text, artikel_number, artikel_titel, ensure_content, find_article,
    heading_info, is_al, is_artikel, is_heading, is_li, is_lid, is_lijst, is_repealed, li_label,
    lid_number, make_al, make_artikel, make_heading, make_li, make_lid, make_lijst, wettekst,
)
from consolidator.law.history import mark_repealed, mark_withdrawn, repealed_on, withdrawn
from consolidator.law.lawfile import assert_valid, non_xml_char_error, write_law
from consolidator.law.toc import set_toc_entries, toc_element, toc_entries
from consolidator.law.toestand import law_title, new_toestand
from consolidator.errors import LawFormatError, TargetNotFound, underline
from consolidator.names import check_name

NUM = r"[0-9A-Za-z]+(?:[.:][0-9A-Za-z]+)*"
HEADING_WORDS = {"Hoofdstuk": "hoofdstuk", "Titel": "titel", "Afdeling": "afdeling",
                 "Paragraaf": "paragraaf", "§": "paragraaf"}
_HEADING_RE = re.compile(rf"^(Hoofdstuk|Titel|Afdeling|Paragraaf|§) ({NUM})(?:\.(?: (.*))?)?$")
# «Artikel E 24» (Overgangswet ISOVSO): a capital, a space and a number is one article number.
_ARTIKEL_RE = re.compile(rf"^Artikel ([A-Z] \d+[a-z]*|{NUM})(?:\.(?: (.*))?)?$")
_LID_RE = re.compile(r"^(\d+[a-z]?)\.(?: (.*))?$")
_REPEALED_RE = re.compile(r"^(.*?) ?\[Vervallen(?: per (\S+))?\]$")
TOC_LINE = "Inhoudsopgave"
INDENT = "  "

#: which heading kinds may hold which, as the XSD allows; used to close headings
_MAY_HOLD = {None: {"hoofdstuk", "titel", "afdeling", "paragraaf"},
             "hoofdstuk": {"titel", "afdeling", "paragraaf"},
             "titel": {"hoofdstuk", "afdeling", "paragraaf"},
             "afdeling": {"hoofdstuk", "paragraaf"},
             "paragraaf": {"afdeling"}}


# --------------------------------------------------------------------------- reading

@dataclass
class _Line:
    number: int
    raw: str
    indent: int
    text: str  # without indent, whitespace runs collapsed


def _lines(text: str) -> Iterator[_Line]:
    for number, raw in enumerate(text.splitlines(), start=1):
        body = raw.lstrip(" ")
        if body.strip():
            yield _Line(number, raw, len(raw) - len(body), re.sub(r"\s+", " ", body).strip())


@dataclass
class _State:
    """Where the next line goes: heading stack, article, lid, open lists."""

    tree: object
    source: str
    headings: list = field(default_factory=list)   # (kind, element)
    artikel: Optional[object] = None
    lid: Optional[object] = None
    lists: list = field(default_factory=list)      # per level: [lijst, last li]

    def error(self, line: _Line, message: str, column: int = 1, width: int = 1):
        return LawFormatError(message, source=self.source, line=line.number, column=column,
                              context=underline(line.raw, column, width))


_WITHDRAWN_LINE = re.compile(r"^\[Ingetrokken(?: per (\S+))?\]$")


def parse_law_text(text: str, source: str = "", bwb_id: Optional[str] = None,
                   date: Optional[_dt.date] = None):
    """Read a law in the plain format into a valid BWB toestand tree.

    Raises ``LawFormatError`` with line and column for lines that do not fit
    (a lid or list item outside an article, an indent that skips a level, ...).
    """
    if bwb_id is not None:  # it names the law's files and pages later
        check_name(bwb_id, "--bwb-id", LawFormatError)
    text = text[1:] if text.startswith("\ufeff") else text  # a byte order mark
    bad = non_xml_char_error(LawFormatError, text, source, "a law text")
    if bad is not None:
        raise bad
    lines = list(_lines(text))
    if not lines:
        raise LawFormatError("empty law text: the first line must be the title", source=source)
    state = _State(new_toestand(bwb_id, lines[0].text, date), source)
    rest = lines[1:]
    gone = _WITHDRAWN_LINE.match(rest[0].text) if rest else None
    if gone:  # «[Ingetrokken per 2025-01-01]»: the whole law was withdrawn
        mark_withdrawn(state.tree, _date(state, rest[0], gone.group(1)), "")
        rest = rest[1:]
    rest = _read_toc(state, rest)
    for line in rest:
        _read_line(state, line)
    _close_article(state)
    return state.tree


def import_text_file(path: Path, output: Path, bwb_id: Optional[str] = None,
                     date: Optional[_dt.date] = None) -> None:
    """Read the law in the plain format at ``path`` and write it to ``output`` as BWB
    toestand XML, checked against the schema first (``consolidator import-text``)."""
    tree = parse_law_text(limits.read_text(path, LawFormatError), source=str(path),
                          bwb_id=bwb_id, date=date)
    assert_valid(tree, source=str(path))
    write_law(tree, output)


def _read_toc(state: _State, lines: list) -> list:
    """Consume ``Inhoudsopgave`` and its indented entries; return the lines after."""
    if not lines or lines[0].indent or lines[0].text != TOC_LINE:
        return lines
    n = 1
    while n < len(lines) and lines[n].indent:
        if lines[n].indent != len(INDENT):
            raise state.error(lines[n], "an inhoudsopgave entry is indented two spaces",
                              lines[n].indent + 1)
        n += 1
    set_toc_entries(state.tree, [line.text for line in lines[1:n]])
    return lines[n:]


def _read_line(state: _State, line: _Line) -> None:
    if line.raw[:line.indent + 1].endswith("\t"):
        raise state.error(line, "indent with a tab; use two spaces per level", line.indent + 1)
    if line.indent:
        _read_list_item(state, line)
        return
    for reader in (_read_heading, _read_artikel, _read_lid):
        if reader(state, line):
            return
    _read_alinea(state, line)


def _split_marker(text: str) -> tuple:
    """(text before a trailing repeal marker, True, date text) or (text, False, None)."""
    found = _REPEALED_RE.match(text)
    return (found.group(1), True, found.group(2)) if found else (text, False, None)


def _date(state: _State, line: _Line, value: Optional[str]) -> Optional[_dt.date]:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        column = line.raw.rindex(value) + 1
        raise state.error(line, f"not a date: {value!r} (use YYYY-MM-DD)",
                          column, len(value)) from None


def _read_heading(state: _State, line: _Line) -> bool:
    head, repealed, date = _split_marker(line.text)
    found = _HEADING_RE.match(head)
    if not found or (repealed and found.group(3)):
        return False
    _close_article(state)
    word, nr, titel = found.groups()
    kind = HEADING_WORDS[word]
    label = None if word == HEADING_LABELS[kind] else word
    heading = make_heading(kind, nr, titel or "", label=label)
    _place_heading(state, kind, heading)
    if repealed:
        mark_repealed(heading, _date(state, line, date), "")
    return True


def _place_heading(state: _State, kind: str, heading) -> None:
    """A heading closes the one of its kind and any the schema won't let hold it."""
    kinds = [k for k, _ in state.headings]
    if kind in kinds:
        del state.headings[kinds.index(kind):]
    while state.headings and kind not in _MAY_HOLD[state.headings[-1][0]]:
        state.headings.pop()
    _container(state).append(heading)
    state.headings.append((kind, heading))


def _container(state: _State):
    return state.headings[-1][1] if state.headings else wettekst(state.tree)


def _read_artikel(state: _State, line: _Line) -> bool:
    head, repealed, date = _split_marker(line.text)
    found = _ARTIKEL_RE.match(head)
    if not found or (repealed and found.group(2)):
        return False
    _close_article(state)
    artikel = make_artikel(found.group(1), found.group(2) or "")
    _container(state).append(artikel)
    state.artikel = artikel
    if repealed:
        mark_repealed(artikel, _date(state, line, date), "")
    return True


def _close_article(state: _State) -> None:
    if state.artikel is not None:
        ensure_content(state.artikel)  # the schema wants content after the kop
    state.artikel, state.lid, state.lists = None, None, []


def _need_article(state: _State, line: _Line, what: str) -> None:
    if state.artikel is None:
        raise state.error(line, f"{what} outside an article", line.indent + 1,
                          len(line.raw) - line.indent)
    if is_repealed(state.artikel):
        raise state.error(line, f"{what} in a repealed article", line.indent + 1,
                          len(line.raw) - line.indent)


def _read_lid(state: _State, line: _Line) -> bool:
    found = _LID_RE.match(line.text)
    if not found:
        return False
    _need_article(state, line, "a lid")
    nr, text = found.group(1), found.group(2) or ""
    head, repealed, date = _split_marker(text)
    repealed = repealed and not head  # only «2. [Vervallen ...]» is a repealed lid
    # an empty first alinea keeps «1.» followed by an alinea line apart from «1. tekst»
    lid = make_lid(nr, [] if repealed else [text])
    state.artikel.append(lid)
    state.lid, state.lists = lid, []
    if repealed:
        mark_repealed(lid, _date(state, line, date), "")
    return True


def _read_alinea(state: _State, line: _Line) -> None:
    _need_article(state, line, "text")
    holder = state.lid if state.lid is not None else state.artikel
    _need_live(state, line, holder, "text")
    holder.append(make_al(line.text))
    state.lists = []


def _read_list_item(state: _State, line: _Line) -> None:
    _need_article(state, line, "a list item")
    if line.indent % len(INDENT):
        raise state.error(line, "list items are indented two spaces per level", line.indent + 1)
    level = line.indent // len(INDENT)
    if level > len(state.lists) + 1:
        raise state.error(line, f"indent skips a level: a list item at level {level} "
                                f"after level {len(state.lists)}", 1, line.indent)
    label, _, text = line.text.partition(" ")
    head, repealed, date = _split_marker(text)
    repealed = repealed and not head
    li = make_li(label, "" if repealed else text)
    _open_list(state, line, level).append(li)
    state.lists[level - 1][1] = li
    if repealed:
        mark_repealed(li, _date(state, line, date), "")


def _need_live(state: _State, line: _Line, holder, what: str) -> None:
    if is_repealed(holder):
        raise state.error(line, f"{what} under a repealed {holder.tag}", line.indent + 1,
                          len(line.raw) - line.indent)


def _open_list(state: _State, line: _Line, level: int):
    """The lijst a list item at ``level`` belongs to, made when it is the first."""
    del state.lists[level:]
    if len(state.lists) == level:
        return state.lists[level - 1][0]
    holder = state.lists[-1][1] if state.lists else (
        state.lid if state.lid is not None else state.artikel)
    _need_live(state, line, holder, "a list item")
    lijst = make_lijst()
    holder.append(lijst)
    state.lists.append([lijst, None])
    return lijst


# --------------------------------------------------------------------------- writing

def render_law_text(tree, artikel: Optional[str] = None, show_repealed: bool = False) -> str:
    """Write a toestand tree in the plain format (one article with ``artikel``).

    Repealed elements are left out unless ``show_repealed``; an article asked
    for by number is shown even when repealed, as its repeal line. Of a withdrawn law
    (``history.withdrawn``) nothing is shown unless ``show_repealed``: then its text, with
    the line «[Ingetrokken per YYYY-MM-DD]» after the title.
    """
    gone = withdrawn(tree)
    if gone is not None and not show_repealed:
        return ""
    if artikel is not None:
        found = find_article(tree, artikel)
        if found is None:
            raise TargetNotFound(f"Artikel {artikel} is not in this law")
        return _join(_render_artikel(found, True))
    out = [law_title(tree)]
    if gone is not None:
        out.append(f"[Ingetrokken per {gone.date}]" if gone.date else "[Ingetrokken]")
    if toc_element(tree) is not None:
        out.append(TOC_LINE)
        out.extend(INDENT + entry for entry in toc_entries(tree))
    for child in wettekst(tree):
        out.extend(_render_block(child, show_repealed))
    return _join(out)


def article_lines(el) -> list:
    """The lines of one article in the plain format, a repealed one as its repeal line."""
    return _render_artikel(el, True)


def _join(lines: list) -> str:
    return "".join(line.rstrip() + "\n" for line in lines)


def _marker(el) -> str:
    date = repealed_on(el)
    return f"[Vervallen per {date.isoformat()}]" if date else "[Vervallen]"


def _render_block(el, show: bool) -> list:
    if is_heading(el):
        return _render_heading(el, show)
    if is_artikel(el):
        return _render_artikel(el, show)
    return []  # inhoudsopgave (written after the title), metadata


def _render_heading(el, show: bool) -> list:
    head = heading_info(el)
    number = " ".join(p for p in (head.label, head.nr) if p)
    if is_repealed(el):
        if not show:
            return []
        out = [f"{number} {_marker(el)}"]
    else:
        out = [f"{number}. {head.titel}" if number and head.titel else number or head.titel]
    for child in el:
        out.extend(_render_block(child, show))
    return out


def _render_artikel(el, show: bool) -> list:
    nr = artikel_number(el)
    if is_repealed(el):
        return [f"Artikel {nr} {_marker(el)}"] if show else []
    titel = artikel_titel(el)
    out = [f"Artikel {nr}. {titel}" if titel else f"Artikel {nr}"]
    for child in el:
        out.extend(_render_body(child, show))
    return out


def _render_body(el, show: bool) -> list:
    """Lines for one child of an artikel or lid."""
    if el.tag in ("kop", "lidnr", "meta-data") or not isinstance(el.tag, str):
        return []
    if is_lid(el):
        return _render_lid(el, show)
    if is_lijst(el):
        return _render_lijst(el, 1, show)
    text = al_text(el)  # al, and anything else (tables, ...) flattened to a line
    return [text] if text else []


def _render_lid(el, show: bool) -> list:
    nr = lid_number(el)
    if is_repealed(el):
        return [f"{nr}. {_marker(el)}"] if show else []
    content = [c for c in el if isinstance(c.tag, str) and c.tag not in ("lidnr", "meta-data")]
    first = ""
    if content and is_al(content[0]):
        first = al_text(content.pop(0))
    out = [f"{nr}. {first}"]
    for child in content:
        out.extend(_render_body(child, show))
    return out


def _render_lijst(lijst, level: int, show: bool) -> list:
    out = []
    for li in lijst:
        if isinstance(li.tag, str) and is_li(li):
            out.extend(_render_li(li, level, show))
    return out


def _render_li(li, level: int, show: bool) -> list:
    label = li_label(li)
    if is_repealed(li):
        return [f"{INDENT * level}{label} {_marker(li)}"] if show else []
    parts, nested = [label], []
    for child in li:
        if not isinstance(child.tag, str) or child.tag in ("li.nr", "meta-data"):
            continue
        if is_lijst(child):
            nested.extend(_render_lijst(child, level + 1, show))
        else:  # one line per item: further alineas join the first
            parts.append(al_text(child))
    return [INDENT * level + " ".join(p for p in parts if p)] + nested

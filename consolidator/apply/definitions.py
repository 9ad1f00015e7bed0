"""Definitions (begripsbepalingen, Aanwijzing 100): found by their term in any list form the
Aanwijzing allows — a lettered list («a. inrichting: …;»), an unlabelled list, a dash list
(«– inrichting: …;») or alineas of their own, their mark written in the text as BWB writes
the Drank- en Horecawet («<al>– inrichting: …;</al>») — and inserted «in de alfabetische
volgorde» or after (before) the one the act names.

A definition's term is what its text starts with, up to the colon («inrichting: een …»),
after the mark. Terms compare as the alphabet orders them: without case, accents or quotes.
A definition that introduces a list of its own («leidinggevende:» + 1°, 2°, 3°) is one with
that list: an item holds it, an alinea has it right after it (``extent``).
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple, Optional

from consolidator.apply import textedit as T
from consolidator.errors import AmbiguousTarget, ApplyError, NumberMismatch, TargetNotFound
from consolidator.law.elements import (
    al_text, first_child, is_al, is_li, is_lijst, is_repealed, li_label, make_al, make_li,
    make_lijst,
)
from consolidator.model import Content

_QUOTES = "«»‘’“”'\""
#: labels of lists whose items carry no letter or number (dash and bullet lists)
MARKS = ("–", "-", "—", "•", "·")
#: a list mark written at the start of an alinea's own text («– inrichting: …»)
_WRITTEN_MARK_RE = re.compile(r"^\s*[–—•·-]\s+")


def written_mark(text: str) -> str:
    """The mark (and the space after it) an alinea's text starts with; «» when none."""
    match = _WRITTEN_MARK_RE.match(text)
    return match.group().lstrip() if match else ""


def term_of(text: str) -> str:
    """The term a definition text starts with: «inrichting: een …» (or «– inrichting:
    een …») → «inrichting»; «» when the text is no definition (no colon, or nothing
    after it: «… verstaan onder:»)."""
    head, colon, rest = text.partition(":")
    head = head[len(written_mark(head)):] if written_mark(head) else head
    return head.strip().strip(_QUOTES).strip() if colon and rest.strip() else ""


def _own_line_term(text: str) -> str:
    """«inrichting:» printed on a line of its own, its definition on the next; «» else."""
    head, colon, rest = text.strip().partition(":")
    return head.strip() if colon and not rest.strip() and 0 < len(head.split()) <= 4 else ""


def sort_term(term: str) -> str:
    """The alphabet's order: «Ëerste» files with «eerste»; quotes and case do not count."""
    plain = unicodedata.normalize("NFKD", term.strip(_QUOTES))
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


def candidates(holder) -> list:
    """The elements of ``holder`` that may hold a definition: the items of its lists and
    the alineas directly in it (definitions written as alineas of their own)."""
    found = []
    for child in holder:
        if is_lijst(child):
            found.extend(li for li in child if is_li(li) and not is_repealed(li))
        elif is_al(child):
            found.append(child)
    return found


def text_of(el) -> str:
    """The text a definition starts with (a list item's first alinea)."""
    if is_al(el):
        return al_text(el)
    first = next((c for c in el if is_al(c)), None)
    return al_text(first) if first is not None else ""


def element_term(el) -> str:
    """The term an element of the law defines: its text's («inrichting: een …»), or —
    a list item or a marked alinea that is only «term:» and introduces a list of its own
    («– leidinggevende:» + 1°, 2°, 3°) — that term; «» when it defines none."""
    text = text_of(el)
    term = term_of(text)
    if term:
        return term
    mark = written_mark(text)
    has_list = any(is_lijst(c) for c in el) if is_li(el) else bool(mark) and len(extent(el)) > 1
    return _own_line_term(text[len(mark):]).strip(_QUOTES).strip() if has_list else ""


def extent(el) -> list:
    """The elements of one definition: an alinea that introduces a list («–
    leidinggevende:») with the list right after it; else the element alone (a list item
    holds its own list)."""
    following = el.getnext() if is_al(el) else None
    if following is not None and is_lijst(following) and al_text(el).rstrip().endswith(":"):
        return [el, following]
    return [el]


def find_definition(holder, term: str, where: str):
    """The one element of ``holder`` defining ``term``; ``TargetNotFound`` naming the terms
    there are, ``AmbiguousTarget`` when two define it."""
    wanted = sort_term(term)
    found = [el for el in candidates(holder) if sort_term(element_term(el)) == wanted]
    if len(found) > 1:
        raise AmbiguousTarget(f"{where} defines «{term}» {len(found)} times")
    if not found:
        terms = [element_term(el) for el in candidates(holder)]
        shown = ", ".join(f"«{t}»" for t in terms if t) or "none"
        raise TargetNotFound(f"{where} has no definition of «{term}»; its terms: {shown}")
    return found[0]


# --------------------------------------------------------------------------- new definitions


class NewDefinition(NamedTuple):
    """A definition in quoted content: its label («c», «–» or none), its text and the
    (label, text) of the items of the list it introduces («met uitzondering van:»)."""

    label: str
    text: str
    items: tuple = ()


def definition_texts(content: Content) -> list[NewDefinition]:
    """Each new definition in quoted content. A term printed on a line of its own
    («inrichting:» then «een bedrijf …») is joined to the text line after it; the items
    after a definition that ends in «:», deeper than it, are its list («bezoeker: …, met
    uitzondering van:» + «1°. leidinggevenden;» …; «leidinggevende:» + «1°. …»)."""
    out: list[NewDefinition] = []
    level, bare = 0, False  # the last one's list level (0: an alinea); only «term:» yet
    for line in content.lines:
        label = line.label if line.kind == "item" else ""
        text = line.text.strip()
        if out and line.kind == "item" and line.level > level and out[-1].text.endswith(":"):
            out[-1] = out[-1]._replace(items=out[-1].items + ((label, text),))
            bare = False
        elif bare and line.kind == "text" and not out[-1].items:
            out[-1], bare = out[-1]._replace(text=f"{out[-1].text} {text}"), False
        elif line.kind in ("item", "text"):
            out.append(NewDefinition(label, text))
            level = line.level if line.kind == "item" else 0
            bare = bool(_own_line_term(text))
        else:
            raise ApplyError(f"a definition cannot be a {line.kind} line («{line.text}»)")
    for new in out:
        if not new_term(new) and _own_line_term(new.text):
            raise ApplyError(f"the term «{_own_line_term(new.text)}» has no definition after it")
        if not new_term(new):
            raise ApplyError(f"«{new.text[:60]}» is no definition (no «term:» at its start)")
    return out


def new_term(new: NewDefinition) -> str:
    """The term a new definition defines: its text's, or — only «term:» with a list of
    its own — that term."""
    return term_of(new.text) or (_own_line_term(new.text) if new.items else "")


def make_definition(new: NewDefinition, sibling) -> list:
    """The elements of a new definition, written as its neighbour ``sibling`` is: an
    alinea among alineas (with the mark their text starts with, and its list after it); a
    list item (holding its list) with the list's mark («–»), with none, or — in a lettered
    list — with the letter the act gives it (none given: refused, not guessed)."""
    sub = [_sub_list(new.items)] if new.items else []
    if sibling is None or is_al(sibling):
        return [make_al(written_mark(al_text(sibling)) + new.text if sibling is not None
                        else new.text)] + sub
    li = _make_item(new.label, new.text, li_label(sibling).strip())
    li.extend(sub)
    return [li]


def _make_item(label: str, text: str, theirs: str):
    if theirs in MARKS or not theirs:
        if label and label != theirs:
            raise ApplyError(f"the definitions are marked «{theirs or 'nothing'}», the new one "
                             f"«{label}»")
        li = make_li(theirs, text)
        if not theirs:
            li.remove(first_child(li, "li.nr"))
        return li
    if not label:
        raise ApplyError("the definitions are lettered: the new one needs its letter")
    return make_li(_full_label(label), text)


def _full_label(label: str) -> str:
    return label if label.endswith((".", ")")) else label + "."


def _sub_list(items: tuple):
    """The list a new definition introduces; its items labelled as the act labels them."""
    for label, text in items:
        if not label or label in MARKS:
            raise ApplyError(f"the list of a new definition is not numbered («{text[:40]}»)")
    return make_lijst([make_li(_full_label(label), text) for label, text in items])


def alphabetical_place(holder, term: str):
    """(parent, index, neighbour) where a definition of ``term`` goes among those of
    ``holder``: before the first whose term sorts after it, else after the last."""
    items = [el for el in candidates(holder) if element_term(el)]
    if not items:
        raise TargetNotFound("there are no definitions to insert among")
    key = sort_term(term)
    if any(sort_term(element_term(el)) == key for el in items):
        raise ApplyError(f"«{term}» is defined already")
    following = next((el for el in items if sort_term(element_term(el)) > key), None)
    if following is not None:
        return following.getparent(), following.getparent().index(following), following
    last = items[-1]
    return last.getparent(), last.getparent().index(extent(last)[-1]) + 1, last


def closing_fits(text: str, neighbour, at_end: bool) -> Optional[str]:
    """Why a new last definition cannot simply follow the list's last one: the list ends
    in «.», its items in «;» — which mark each ends in would be guessed. None when fine."""
    if not at_end:
        return None
    last = T.normalize(text_of(neighbour))
    if last.endswith(".") and text.rstrip().endswith(";"):
        return ("the new definition would come last, after one that closes the list with "
                "«.»: which of them ends in «;» the act does not say")
    return None


def is_definition_list(holder) -> bool:
    return any(element_term(el) for el in candidates(holder))


# --------------------------------------------------------------------------- the edits


def delete_definition(ws, el) -> None:
    """A lettered definition is marked vervallen (its letter stays, as BWB keeps it); one
    with a mark or none, or an alinea, goes."""
    label = li_label(el).strip() if is_li(el) else ""
    if label and label not in MARKS:
        ws.repeal(el)
        return
    parent = el.getparent()
    for part in extent(el):  # an alinea's own list goes with it
        parent.remove(part)
    ws.touch(parent)


def replace_definition(ws, content: Content, el, where: str) -> None:
    """The definition's text replaced; a list item keeps its label (another letter in the
    new text is a mismatch)."""
    texts = definition_texts(content)
    if len(texts) != 1:
        raise ApplyError(f"{where}: one definition is replaced by {len(texts)}")
    label = texts[0].label
    theirs = li_label(el).strip().rstrip(".)") if is_li(el) else ""
    if label and label.rstrip(".)") != theirs:
        raise NumberMismatch(f"{where} is onderdeel {theirs or '(unlabelled)'}, the new text "
                             f"is headed {label}")
    new = make_definition(texts[0]._replace(label=li_label(el).strip() if is_li(el) else ""),
                          el)
    parent, old = el.getparent(), extent(el)  # an alinea's own list is replaced with it
    index = parent.index(old[0])
    for part in old:
        parent.remove(part)
    for offset, part in enumerate(new):
        parent.insert(index + offset, part)
    ws.touch(new[0], "wijziging")


def insert_definitions(ws, content: Content, holder, where: str, anchor=None,
                       position: str = "alphabetical", count: int = 1) -> None:
    """New definitions: each in its alphabetical place among those of ``holder``, or right
    after (before) the definition ``anchor``; ``count`` as the act announces it."""
    texts = definition_texts(content)
    if not texts:
        raise ApplyError("the instruction gives no content to insert")
    if count > 1 and len(texts) != count:
        raise ApplyError(f"the act announces {count} new definitions but gives {len(texts)}")
    for definition in texts:
        if position == "alphabetical":
            parent, index, neighbour = alphabetical_place(holder, new_term(definition))
            why = closing_fits(definition.text, neighbour, index > parent.index(neighbour))
            if why:
                raise ApplyError(f"{where}: {why}")
        else:  # after a definition: after the list it introduces, too
            parent, neighbour = anchor.getparent(), anchor
            index = parent.index(anchor if position == "before" else extent(anchor)[-1]) \
                + (position != "before")
        new = make_definition(definition, neighbour)
        for offset, part in enumerate(new):
            parent.insert(index + offset, part)
        ws.touch(new[0], "nieuw")
        if position != "alphabetical":  # a second new definition follows the first
            anchor, position = new[0], "after"

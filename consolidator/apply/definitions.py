"""Definitions (begripsbepalingen, Aanwijzing 100): found by their term in any list form the
Aanwijzing allows — a lettered list («a. inrichting: …;»), an unlabelled list, a dash list
(«– inrichting: …;») or alineas of their own — and inserted «in de alfabetische volgorde».

A definition's term is what its text starts with, up to the colon («inrichting: een …»).
Terms compare as the alphabet orders them: without case, accents or quotes.
"""
from __future__ import annotations

import unicodedata
from typing import Optional

from consolidator.apply import textedit as T
from consolidator.errors import AmbiguousTarget, ApplyError, NumberMismatch, TargetNotFound
from consolidator.law.elements import (
    al_text, first_child, is_al, is_li, is_lijst, is_repealed, li_label, make_al, make_li,
)
from consolidator.model import Content

_QUOTES = "«»‘’“”'\""
#: labels of lists whose items carry no letter or number (dash and bullet lists)
MARKS = ("–", "-", "—", "•", "·")


def term_of(text: str) -> str:
    """The term a definition text starts with: «inrichting: een …» → «inrichting»; «» when
    the text is no definition (no colon, or nothing after it: «… verstaan onder:»)."""
    head, colon, rest = text.partition(":")
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


def find_definition(holder, term: str, where: str):
    """The one element of ``holder`` defining ``term``; ``TargetNotFound`` naming the terms
    there are, ``AmbiguousTarget`` when two define it."""
    wanted = sort_term(term)
    found = [el for el in candidates(holder) if sort_term(term_of(text_of(el))) == wanted]
    if len(found) > 1:
        raise AmbiguousTarget(f"{where} defines «{term}» {len(found)} times")
    if not found:
        terms = [term_of(text_of(el)) for el in candidates(holder)]
        shown = ", ".join(f"«{t}»" for t in terms if t) or "none"
        raise TargetNotFound(f"{where} has no definition of «{term}»; its terms: {shown}")
    return found[0]


# --------------------------------------------------------------------------- new definitions


def definition_texts(content: Content) -> list[tuple[str, str]]:
    """(label, text) of each new definition in quoted content. A term printed on a line of
    its own («inrichting:» then «een bedrijf …») is joined to the line after it."""
    out: list[tuple[str, str]] = []
    pending = ""
    for line in content.lines:
        label = line.label if line.kind == "item" else ""
        text = line.text.strip()
        if pending:
            text, pending = f"{pending}: {text}", ""
        elif _own_line_term(text):
            pending = _own_line_term(text)
            continue
        if line.kind not in ("item", "text"):
            raise ApplyError(f"a definition cannot be a {line.kind} line («{line.text}»)")
        out.append((label, text))
    if pending:
        raise ApplyError(f"the term «{pending}» has no definition after it")
    for _, text in out:
        if not term_of(text):
            raise ApplyError(f"«{text[:60]}» is no definition (no «term:» at its start)")
    return out


def make_definition(label: str, text: str, sibling):
    """The element for a new definition, written as its neighbour ``sibling`` is: an
    alinea among alineas; a list item with the list's mark («–»), with none, or — in a
    lettered list — with the letter the act gives it (none given: refused, not guessed)."""
    if sibling is None or is_al(sibling):
        return make_al(text)
    theirs = li_label(sibling).strip()
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
    return make_li(label if label.endswith((".", ")")) else label + ".", text)


def alphabetical_place(holder, term: str):
    """(parent, index, neighbour) where a definition of ``term`` goes among those of
    ``holder``: before the first whose term sorts after it, else after the last."""
    items = [el for el in candidates(holder) if term_of(text_of(el))]
    if not items:
        raise TargetNotFound("there are no definitions to insert among")
    key = sort_term(term)
    if any(sort_term(term_of(text_of(el))) == key for el in items):
        raise ApplyError(f"«{term}» is defined already")
    following = next((el for el in items if sort_term(term_of(text_of(el))) > key), None)
    if following is not None:
        return following.getparent(), following.getparent().index(following), following
    last = items[-1]
    return last.getparent(), last.getparent().index(last) + 1, last


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
    return any(term_of(text_of(el)) for el in candidates(holder))


# --------------------------------------------------------------------------- the edits


def delete_definition(ws, el) -> None:
    """A lettered definition is marked vervallen (its letter stays, as BWB keeps it); one
    with a mark or none, or an alinea, goes."""
    label = li_label(el).strip() if is_li(el) else ""
    if label and label not in MARKS:
        ws.repeal(el)
        return
    parent = el.getparent()
    parent.remove(el)
    ws.touch(parent)


def replace_definition(ws, content: Content, el, where: str) -> None:
    """The definition's text replaced; a list item keeps its label (another letter in the
    new text is a mismatch)."""
    texts = definition_texts(content)
    if len(texts) != 1:
        raise ApplyError(f"{where}: one definition is replaced by {len(texts)}")
    label, text = texts[0]
    theirs = li_label(el).strip().rstrip(".)") if is_li(el) else ""
    if label and label.rstrip(".)") != theirs:
        raise NumberMismatch(f"{where} is onderdeel {theirs or '(unlabelled)'}, the new text "
                             f"is headed {label}")
    new = make_definition(li_label(el).strip() if is_li(el) else "", text, el)
    el.getparent().replace(el, new)
    ws.touch(new, "wijziging")


def insert_definitions(ws, content: Content, holder, where: str, anchor=None,
                       position: str = "alphabetical", count: int = 1) -> None:
    """New definitions: each in its alphabetical place among those of ``holder``, or right
    after (before) the definition ``anchor``; ``count`` as the act announces it."""
    texts = definition_texts(content)
    if not texts:
        raise ApplyError("the instruction gives no content to insert")
    if count > 1 and len(texts) != count:
        raise ApplyError(f"the act announces {count} new definitions but gives {len(texts)}")
    for label, text in texts:
        if position == "alphabetical":
            parent, index, neighbour = alphabetical_place(holder, term_of(text))
            why = closing_fits(text, neighbour, index > parent.index(neighbour))
            if why:
                raise ApplyError(f"{where}: {why}")
        else:
            parent, neighbour = anchor.getparent(), anchor
            index = parent.index(anchor) + (position != "before")
        new = make_definition(label, text, neighbour)
        parent.insert(index, new)
        ws.touch(new, "nieuw")
        if position != "alphabetical":  # a second new definition follows the first
            anchor, position = new, "after"

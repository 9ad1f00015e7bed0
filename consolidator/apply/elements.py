"""Whole elements: repealed, replaced, inserted or renumbered (articles, headings,
leden, list items, volzinnen, alineas, opschriften, inhoudsopgave entries).

Repeal keeps the element (BWB style, ``history.mark_repealed``); renumbering happens
only when the act says so (``Renumber``), and then drops a repealed element whose
number it takes. Inserting an element whose number exists, or replacing a lid by new
leden that collide with other leden, is ``NumberTaken``.
"""
from __future__ import annotations

from consolidator.apply import definitions as D
from consolidator.apply import textedit as T
from consolidator.apply import volzin as V
from consolidator.apply.content import build, one_line_text, toc_texts
from consolidator.apply.numbering import number_of, number_read, sort_key
from consolidator.apply.resolve import Slot, Target, text_parts
from consolidator.apply.workspace import Workspace
from consolidator.errors import ApplyError, NumberMismatch, NumberTaken
from consolidator.law.elements import (
    al_text, artikel_number, first_child, heading_info, is_al, is_artikel, is_heading, is_li,
    is_lid, is_lijst, is_repealed, iter_articles, li_label, make_al, make_lijst, set_text,
)
from consolidator.law.toc import make_toc_entry
from consolidator.model import Content, DeleteElement, InsertElement, Renumber, ReplaceElement

# --------------------------------------------------------------------------- repeal


def delete_element(ws: Workspace, ins: DeleteElement, targets: list[Target]) -> None:
    """«Artikel 86 vervalt.», «Het achtste lid vervalt.», «vervalt de eerste volzin»."""
    for target in targets:
        if target.kind in ("artikel", "lid", "onderdeel") or is_heading(target.element):
            ws.repeal(target.element)
        elif target.kind == "definition":
            D.delete_definition(ws, target.element)
        elif target.kind == "volzin":
            _delete_volzin(ws, target)
        elif target.kind in ("opschrift", "toc-entry", "aanhef", "alinea"):
            ws.touch(target.owner if target.owner is not None else target.element.getparent())
            target.element.getparent().remove(target.element)
        else:
            raise ApplyError(f"{target.label} cannot be deleted")


def _delete_volzin(ws: Workspace, target: Target) -> None:
    if len(target.slots) != 1:
        raise ApplyError(f"{target.label} runs over a list; deleting it is not supported")
    slot = target.slots[0]
    ws.edit(slot.element, T.delete(ws.text(slot.element), slot.start, slot.end))


# --------------------------------------------------------------------------- replace


def replace_element(ws: Workspace, ins: ReplaceElement, targets: list[Target]) -> None:
    """«komt te luiden:», «wordt vervangen door:», «… door drie nieuwe leden»."""
    kind = targets[0].kind
    if not any(line.text or line.label for line in ins.content.lines):
        raise ApplyError(f"{targets[0].label}: the instruction gives no new text (an element "
                         "replaced by nothing would be deleted: «vervalt»)")
    if kind == "toc-entry":
        _replace_toc(ws, ins, targets)
    elif kind == "volzin":
        slot = _single_slot(targets[0])
        text = ws.text(slot.element)
        ws.edit(slot.element, T.replace(text, slot.start, slot.end,
                                        _closed(ins.content.text, text[slot.start:slot.end])))
    elif kind in ("opschrift", "aanhef", "alinea"):
        if kind == "opschrift":
            _check_heading_line(ins.content, targets[0])
        set_text(targets[0].element, one_line_text(ins.content, kind))
        ws.touch(targets[0].owner if targets[0].owner is not None else targets[0].element)
    elif kind == "definition":
        for target in targets:
            D.replace_definition(ws, ins.content, target.element, target.label)
    elif kind in ("artikel", "lid", "onderdeel") or is_heading(targets[0].element):
        _replace_blocks(ws, ins, targets)
    else:
        raise ApplyError(f"{targets[0].label} cannot be replaced")


def _closed(new: str, old: str) -> str:
    """A new volzin ends as the old one did: on the instruction's own line («… komt te
    luiden: Het besluit wordt bekendgemaakt.») its full stop also closed the instruction
    and was cut off with it."""
    new, old = new.strip(), old.rstrip()
    closing = old[-1] if old and old[-1] in ".?!:;" else ""
    return new + closing if closing and new and new[-1] not in ".?!:;" else new


def _check_heading_line(content: Content, target: Target) -> None:
    """A new opschrift printed with its heading («HOOFDSTUK E Districten …») names the
    division it belongs to: another number is a ``NumberMismatch``."""
    for line in content.lines:
        if line.kind in ("heading", "artikel") and line.label and target.owner is not None \
                and not _same(line.label, number_of(target.owner)):
            raise NumberMismatch(f"the opschrift of {number_of(target.owner)} is to be "
                                 f"replaced, but the new text is headed {line.label}")


def _single_slot(target: Target) -> Slot:
    if len(target.slots) != 1:
        raise ApplyError(f"{target.label} runs over a list; replacing it is not supported")
    return target.slots[0]


def _plain_texts(content: Content) -> list[str]:
    return [line.text for line in content.lines if line.text]


def _replace_blocks(ws: Workspace, ins: ReplaceElement, targets: list[Target]) -> None:
    """Swap the target elements for the new ones, at the place of the first."""
    first = targets[0]
    new = build(ins.content, default_kind=first.kind,
                default_number=number_of(first.element))
    if ins.count > 1 and len(new) != ins.count:
        raise ApplyError(f"the act announces {ins.count} new elements but gives {len(new)}")
    same_kind = [el for el in new if el.tag == first.element.tag]
    if same_kind and not _same(number_of(same_kind[0]), number_of(first.element)):
        raise NumberMismatch(f"{first.label} is to be replaced, but the new text is numbered "
                             f"{number_of(same_kind[0])}")
    old = [t.element for t in targets]
    _check_numbers(ws, first.element.getparent(), new, replaced=old)
    parent, index = first.element.getparent(), first.element.getparent().index(first.element)
    for el in old:
        el.getparent().remove(el)
    for offset, el in enumerate(new):
        parent.insert(index + offset, el)
        ws.touch(el, "wijziging" if offset < len(old) else "nieuw")


def _replace_toc(ws: Workspace, ins: ReplaceElement, targets: list[Target]) -> None:
    entries = toc_texts(ins.content)
    first = targets[0].element
    parent, index = first.getparent(), first.getparent().index(first)
    for target in targets:
        parent.remove(target.element)
    for offset, text in enumerate(entries):
        parent.insert(index + offset, make_toc_entry(text))
    ws.touch(parent)


# --------------------------------------------------------------------------- insert


def insert_element(ws: Workspace, ins: InsertElement, targets: list[Target]) -> None:
    """«Na artikel 95 wordt ingevoegd …», «Aan het zesde lid wordt een volzin toegevoegd»."""
    for target in targets:
        if target.kind in ("toc-entry", "inhoudsopgave"):
            _insert_toc(ws, ins, target)
        elif ins.position == "alphabetical" or target.kind == "definition":
            _insert_definitions(ws, ins, target)
        elif _is_volzin_insert(ins, target):
            _insert_volzin(ws, ins, target)
        else:
            _insert_blocks(ws, ins, target)


def _insert_definitions(ws: Workspace, ins: InsertElement, target: Target) -> None:
    """«wordt in de alfabetische volgorde ingevoegd:», «na de begripsomschrijving van
    «x» wordt ingevoegd:»: definitions placed by their term, or after the one named."""
    if ins.position == "alphabetical":
        holders = [target.element] + [el for el in target.element if is_lid(el)
                                      and D.is_definition_list(el)]
        lists = [h for h in holders if D.is_definition_list(h)]
        if len(lists) != 1:
            raise ApplyError(f"{target.label} has {len(lists) or 'no'} lists of definitions; "
                             "which one the new definition goes into is not said")
        D.insert_definitions(ws, ins.content, lists[0], target.label, count=ins.count)
    elif ins.position in ("after", "before"):
        D.insert_definitions(ws, ins.content, None, target.label, target.element,
                             ins.position, ins.count)
    else:
        raise ApplyError(f"inserting at the {ins.position} of {target.label} is not supported")


def _is_volzin_insert(ins: InsertElement, target: Target) -> bool:
    if ins.element == "volzin" or target.kind == "volzin":
        return True
    plain = all(line.kind == "text" for line in ins.content.lines)
    return plain and target.kind in ("lid", "onderdeel") and not ins.element


def _insert_volzin(ws: Workspace, ins: InsertElement, target: Target) -> None:
    text = " ".join(_plain_texts(ins.content))
    if target.kind == "volzin":
        slot = _single_slot(target)
        at = slot.end if ins.position != "before" else slot.start
        ws.edit(slot.element, T.insert(ws.text(slot.element), at, text))
        return
    holder = target.element
    count = len(_volzin_count(holder))
    if ins.number and ins.number.isdigit() and int(ins.number) != count + 1:
        raise NumberTaken(f"{target.label} has {count} volzin(nen); a new volzin "
                          f"{ins.number} does not follow on")
    alineas = [c for c in holder if is_al(c) or is_lijst(c)]
    if ins.position == "end" and alineas and is_al(alineas[-1]):
        last = alineas[-1]
        ws.edit(last, T.insert(ws.text(last), len(ws.text(last)), text))
    elif ins.position == "end":
        holder.append(make_al(text))
        ws.touch(holder)
    else:
        raise ApplyError(f"inserting a volzin at the {ins.position} of {target.label} "
                         f"is not supported")


def _volzin_count(holder) -> list:
    return V.volzinnen_of_parts([(al_text(el), li) for el, li in text_parts(holder)])


def _insert_toc(ws: Workspace, ins: InsertElement, target: Target) -> None:
    entries = [make_toc_entry(text) for text in toc_texts(ins.content)]
    if target.kind == "inhoudsopgave":
        parent = target.element
        index = len(parent) if ins.position == "end" else 0
    else:
        parent = target.element.getparent()
        index = parent.index(target.element) + (ins.position != "before")
    for offset, el in enumerate(entries):
        parent.insert(index + offset, el)
    ws.touch(parent)


def _insert_blocks(ws: Workspace, ins: InsertElement, target: Target) -> None:
    new = build(ins.content, default_kind=ins.element or "", default_number=ins.number)
    if not new:
        raise ApplyError("the instruction gives no content to insert")
    _check_announced(ins, new)
    parent, index = _insertion_point(ws, ins, target, new[0])
    _check_numbers(ws, parent, new, replaced=[])
    for offset, el in enumerate(new):
        parent.insert(index + offset, el)
        ws.touch(el, "nieuw")
    for el in new:
        if is_heading(el):
            _adopt_following(el)


def _check_announced(ins: InsertElement, new: list) -> None:
    """The number and count the instruction announces are those of its new text:
    «een nieuw artikel 12a» followed by «Artikel 12b.» is ``NumberMismatch``."""
    if ins.count > 1 and len(new) != ins.count:
        raise ApplyError(f"the act announces {ins.count} new elements but gives {len(new)}")
    if ins.number and not _same(ins.number, number_of(new[0])):
        raise NumberMismatch(f"the act announces {ins.element or 'element'} {ins.number}, "
                             f"but the new text is numbered {number_of(new[0]) or '(none)'}")


def _same(announced: str, given: str) -> bool:
    """«12a» = «12a»; «III» = «3»; «b.» = «b»."""
    a, b = announced.strip().rstrip(".").replace(" ", ""), given.strip().rstrip(".").replace(" ", "")
    if a.lower() == b.lower():
        return True
    return sort_key(a) is not None and sort_key(a) == sort_key(b)


def _insertion_point(ws: Workspace, ins: InsertElement, target: Target, first):
    """(parent, index) where the new elements go."""
    anchor = target.owner if target.kind == "opschrift" else target.element
    if ins.position in ("end", "start"):
        holder = _holder_for(anchor, first)
        kids = [c for c in holder if c.tag == first.tag]
        gap = _gap_for(kids, first)
        if gap is not None:  # Aanwijzing 6.18 (238), fourth lid: in the gap a renumbering left
            return holder, holder.index(gap)
        if ins.position == "start":
            return holder, holder.index(kids[0]) if kids else _content_start(holder)
        return holder, (holder.index(kids[-1]) + 1) if kids else len(holder)
    if is_heading(first) and is_heading(anchor.getparent()) and \
            anchor.getparent().tag == first.tag and is_artikel(anchor):
        anchor = anchor.getparent()  # a § after an article of a §: after that §
    parent = anchor.getparent()
    return parent, parent.index(anchor) + (ins.position != "before")


def _gap_for(kids: list, first):
    """The sibling a numbered new lid or onderdeel goes before when its number falls below
    theirs («c.» where the list has a, b, d, e after a renumbering); None otherwise."""
    if not (is_lid(first) or is_li(first)):
        return None
    key = sort_key(number_of(first))
    if key is None:
        return None
    for kid in kids:
        theirs = sort_key(number_of(kid))
        if theirs is not None and theirs[0] == key[0] and theirs > key:
            return kid
    return None


def _holder_for(anchor, first):
    """Where a new lid/li goes «aan het eind van» anchor: the artikel, or the list."""
    if is_li(first):
        lists = [c for c in anchor if is_lijst(c)]
        if lists:
            return lists[-1]
        lijst = make_lijst()
        anchor.append(lijst)
        return lijst
    return anchor


def _content_start(holder) -> int:
    return len([c for c in holder if c.tag in ("kop", "lidnr", "li.nr", "meta-data")])


def _adopt_following(heading) -> None:
    """Articles after a new heading in the same container now fall under it."""
    while heading.getnext() is not None and is_artikel(heading.getnext()):
        heading.append(heading.getnext())


# --------------------------------------------------------------------------- numbers


def _check_numbers(ws: Workspace, parent, new: list, replaced: list) -> None:
    """NumberTaken when a new element's number is already used (replaced ones excepted)."""
    for el in new:
        number, taken = number_of(el), None
        if is_artikel(el):
            taken = ws.index.find(number) if ws.index is not None else \
                [a for a in iter_articles(ws.tree) if artikel_number(a) == number]
        elif is_lid(el) or is_li(el) or is_heading(el):
            taken = [c for c in parent if c.tag == el.tag and number_of(c) == number
                     and not (is_heading(c) and is_repealed(c))]
        taken = [c for c in taken or [] if not any(c is r for r in replaced)]
        if number and taken:
            raise NumberTaken(f"{_kind_name(el)} {number} already exists"
                              + (f" in artikel {artikel_number(parent)}"
                                 if is_artikel(parent) else ""))


def _kind_name(el) -> str:
    if is_heading(el):
        return heading_info(el).kind
    return {"artikel": "artikel", "lid": "lid", "li": "onderdeel"}.get(el.tag, el.tag)


def renumber(ws: Workspace, ins: Renumber, targets: list[Target]) -> None:
    """«onder vernummering van het derde tot en met vijfde lid tot …»: all at once."""
    if len(ins.new_numbers) != len(targets):
        raise ApplyError(f"{len(targets)} elements to renumber but {len(ins.new_numbers)} "
                         f"new numbers")
    moving = {id(t.element) for t in targets}  # each alive in its target while this runs
    read = {}  # id(sibling) -> (sibling, number): numbers do not change until all are clear
    for target, number in zip(targets, ins.new_numbers):
        _clear_number(ws, target, number, moving, read)
    for target, number in zip(targets, ins.new_numbers):
        _set_number(target.element, number)
        ws.touch(target.element)


def _clear_number(ws: Workspace, target: Target, number: str, moving: set,
                  read: dict) -> None:
    """A repealed holder of the number goes; a live one is NumberTaken. ``moving``: the
    ids of the elements being renumbered; ``read``: the numbers of siblings read by an
    earlier call for the same renumbering."""
    el = target.element
    tag = el.tag
    for other in list(el.getparent()):
        if other.tag != tag or id(other) in moving:
            continue
        if number_read(other, read) != number:
            continue
        if not is_repealed(other):
            raise NumberTaken(f"{target.label} cannot become {number}: "
                              f"{_kind_name(other)} {number} exists")
        other.getparent().remove(other)


def _set_number(el, number: str) -> None:
    # first_child is ``find`` of a plain tag without ElementPath's machinery
    if is_lid(el):
        first_child(el, "lidnr").text = number
    elif is_li(el):
        old = li_label(el)
        first_child(el, "li.nr").text = number + old[len(old.rstrip(".)")):]
    elif is_artikel(el) or is_heading(el):
        nr = el.find("kop/nr")
        if nr is None:
            raise ApplyError("renumbering an element without a kop/nr is not supported")
        nr.text = number
    else:
        raise ApplyError(f"renumbering a {el.tag} is not supported")

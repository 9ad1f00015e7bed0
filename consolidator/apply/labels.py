"""Labels removed: «de aanduiding van het eerste lid / van onderdeel a vervalt».

Deleting the label of the only remaining lid turns it into unnumbered text of the
article (repealed leden go). Deleting the label of a list item folds the list into
its intro: repealed items go, the text of the unlabelled items is joined to the intro
(«…: a. x; b. y;» → «… x.»). Both happen at the end of the sentence
(``finish_labels``), when every label the sentence removes is gone.
"""
from __future__ import annotations

from consolidator.apply import textedit as T
from consolidator.apply.resolve import Target, text_parts
from consolidator.apply.workspace import Workspace
from consolidator.errors import ApplyError
from consolidator.law.elements import (
    artikel_number, is_al, is_li, is_lid, is_lijst, is_repealed, li_label, lid_number, make_lid,
    set_text,
)
from consolidator.model import DeleteLabel, InsertLabel


def delete_label(ws: Workspace, ins: DeleteLabel, targets: list[Target]) -> None:
    """«de aanduiding van het eerste lid / van onderdeel a vervalt»."""
    for target in targets:
        if target.kind == "lid":
            ws.unnumbered_leden.append(target.element)
        elif target.kind == "onderdeel":
            label = target.element.find("li.nr")
            if label is not None:
                target.element.remove(label)
            ws.unlabelled_items.append(target.element.getparent())
            ws.touch(target.element.getparent())
        else:
            raise ApplyError(f"removing the label of {target.label} is not supported")


def insert_label(ws: Workspace, ins: InsertLabel, targets: list[Target]) -> None:
    """«Voor de tekst wordt de aanduiding «1.» geplaatst.»: the unnumbered text of an
    article (its alineas and lists) becomes its lid ``ins.label``, in any article."""
    for target in targets:
        if target.kind != "artikel":
            raise ApplyError(f"placing a label before the text of {target.label} is not "
                             "supported (an article's unnumbered text becomes its lid)")
        artikel = target.element
        leden = [lid_number(el) for el in artikel if is_lid(el)]
        if leden:
            raise ApplyError(f"{target.label} already has numbered leden ({', '.join(leden)}); "
                             f"its text cannot become lid {ins.label}")
        text = [el for el in artikel if is_al(el) or is_lijst(el)]
        if not text:
            raise ApplyError(f"{target.label} has no text to number")
        lid = make_lid(ins.label.rstrip("."))
        artikel.insert(artikel.index(text[0]), lid)
        for el in text:
            lid.append(el)
        ws.touch(lid)


# --------------------------------------------------------------------------- end of the sentence


def finish_labels(ws: Workspace) -> None:
    """End of the sentence: fold the lists whose item labels went, then turn the leden
    whose number went into text of their article."""
    if ws.unlabelled_items:  # the usual sentence removes no label
        for lijst in _unique(ws.unlabelled_items):
            _fold_list(ws, lijst)
    if ws.unnumbered_leden:
        for lid in _unique(ws.unnumbered_leden):
            _unnumber_lid(ws, lid)


def _unique(items: list) -> list:
    out = []
    for item in items:
        if not any(item is o for o in out):
            out.append(item)
    return out


def _unnumber_lid(ws: Workspace, lid) -> None:
    """The lid becomes plain text of its article; repealed leden go with their numbers."""
    artikel = lid.getparent()
    others = [el for el in artikel if is_lid(el) and el is not lid]
    live = [lid_number(el) for el in others if not is_repealed(el)]
    if live:
        raise ApplyError(f"the number of lid {lid_number(lid)} cannot go: artikel "
                         f"{artikel_number(artikel)} still has leden {', '.join(live)}")
    for el in others:
        artikel.remove(el)
    index = artikel.index(lid)
    for offset, child in enumerate([c for c in lid if c.tag != "lidnr"]):
        artikel.insert(index + offset, child)
    artikel.remove(lid)
    ws.touch(artikel)


def _fold_list(ws: Workspace, lijst) -> None:
    """Join the unlabelled items of a list to its intro; repealed items go."""
    items = [li for li in lijst if is_li(li)]
    labelled = [li_label(li) for li in items if li_label(li) and not is_repealed(li)]
    if labelled:
        raise ApplyError(f"the list cannot be folded: onderdelen {', '.join(labelled)} "
                         f"keep their labels")
    intro = lijst.getprevious()
    if intro is None or not is_al(intro):
        raise ApplyError("the list has no intro text to fold into")
    text = ws.text(intro)
    for li in items:
        if not is_repealed(li):
            text = T.seam(text, " ".join(ws.text(al) for al, _ in text_parts(li)))
    set_text(intro, text)
    lijst.getparent().remove(lijst)
    ws.touch(intro)

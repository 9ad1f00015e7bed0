"""The attributes official BWB files derive from the text: the address of each element
(``bwb-ng-variabel-deel``), the kop label and ``status``.

Elements the engine creates or changes in an official document get these attributes
(``apply_bwb_style``); the ones BWB takes from its own database (stam-id, versie-id,
id, label-id, code, the publication dates of the amending act) are not invented and
stay absent.
"""
from __future__ import annotations

import re
from typing import Optional

from consolidator.law.elements import (
    HAS_STATUS, artikel_number, heading_info, kop_parts, li_label, lid_number, root_of,
)

# --------------------------------------------------------------------------- BWB addresses

#: the word BWB writes in ``bwb-ng-variabel-deel`` for each numbered element (only the
#: kinds seen in the official files of ../shared/data; boek, deel, titeldeel and
#: sub-paragraaf never occur there, so no address is guessed for them or below them)
_PATH_WORDS = {"hoofdstuk": "Hoofdstuk", "afdeling": "Afdeling", "paragraaf": "Paragraaf",
               "artikel": "Artikel", "bijlage": "Bijlage", "lid": "Lid", "li": "Onderdeel"}
_PATH_FIXED = {"intitule": "Intitule", "citeertitel": "Citeertitel", "aanhef": "Aanhef",
               "wetsluiting": "SlotformulierEnOndertekening"}
_PATH_TRANSPARENT = {"toestand", "wetgeving", "wet-besluit", "wettekst", "lijst"}
_NOT_NR = re.compile(r"[^0-9A-Za-z.]")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]")
_LABELLED = {"artikel", "hoofdstuk", "afdeling", "paragraaf", "bijlage"}


def _path_nr(el) -> str:
    if el.tag == "lid":
        return _NOT_ALNUM.sub("", lid_number(el))
    if el.tag == "li":
        label = li_label(el)
        # «–», «•» (no letter or digit) give BWB's «Onderdeel._N», no label «Onderdeel_N»
        return _NOT_ALNUM.sub("", label) or ("." if label else "")
    if el.tag == "artikel":
        return _NOT_NR.sub("", artikel_number(el))
    return _NOT_NR.sub("", heading_info(el).nr)


def _path_segment(el) -> str:
    if el.tag in _PATH_FIXED:
        return _PATH_FIXED[el.tag]
    parent = el.getparent()
    if el.tag == "lijst":  # a list is a step only when its parent holds several
        lists = [] if parent is None else [s for s in parent if s.tag == "lijst"]
        return f"Opsomming_{lists.index(el) + 1}" if len(lists) > 1 else ""
    word, nr = _PATH_WORDS[el.tag], _path_nr(el)
    same = [el] if parent is None else [s for s in parent if s.tag == el.tag and _path_nr(s) == nr]
    if nr in ("", ".") or len(same) > 1:  # unnumbered, or a number used twice: Lid5_1, Lid5_2
        return f"{word}{nr}_{same.index(el) + 1}"
    return word + nr


def bwb_path(el) -> Optional[str]:
    """The address BWB gives el in ``bwb-ng-variabel-deel``, derived from the numbers
    of el and its ancestors: ``/Hoofdstuk1/Paragraaf1.1/Artikel3/Lid1/Onderdeela``.

    None for elements BWB gives no address (an ``al``, a list that is its parent's
    only one) or that sit inside a kind not seen in the official files. Matches all
    8,191 addresses in the official toestanden of ../shared/data (tested).
    """
    if not isinstance(el.tag, str) or el.tag not in _PATH_WORDS and el.tag not in _PATH_FIXED \
            and el.tag != "lijst":
        return None
    parts = []
    node = el
    while node is not None:
        if node.tag in _PATH_WORDS or node.tag in _PATH_FIXED or node.tag == "lijst":
            segment = _path_segment(node)
            if segment:
                parts.append(segment)
            elif node is el:
                return None
        elif node.tag not in _PATH_TRANSPARENT:
            return None
        node = node.getparent()
    return "/" + "/".join(reversed(parts))


def is_bwb_styled(tree_or_el) -> bool:
    """True for an official BWB document: its root carries ``bwb-ng-vast-deel``.

    Documents made by ``new_toestand`` (the corpus models) do not, and are left in
    their own, smaller style.
    """
    root = root_of(tree_or_el)
    return root.tag == "toestand" and root.get("bwb-ng-vast-deel") is not None


def apply_bwb_style(el) -> None:
    """Give el and everything in it the attributes official files derive from the text.

    * ``bwb-ng-variabel-deel``: the address (``bwb_path``), recomputed, so that a
      renumbered element and its parts move along;
    * ``label`` on artikel and headings: kop label and number («Artikel 5», «§ 3a»), as
      on every official one that has it;
    * ``status="goed"`` on elements that carry a status, when they have none (official
      files write it on every artikel and heading; ``vervallen`` is left alone).

    Not written, because BWB takes them from its database and inventing them would
    forge an identity: ``stam-id``, ``versie-id``, ``id`` (``C…``), ``label-id``,
    ``code``, ``hashvalue``, and ``ondertekening_bron``/``publicatie_bron``/
    ``publicatie_iwt`` (dates of the amending act, unknown at this level). ``status``
    on lidnr/nr/titel (``officieel``) is the schema default and is not written either.
    """
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        path = bwb_path(node)
        if path is not None:
            node.set("bwb-ng-variabel-deel", path)
        if node.tag in _LABELLED:
            label, nr, _ = kop_parts(node)
            text = " ".join(p for p in (label, nr) if p)
            if text:
                node.set("label", text)
        if node.tag in HAS_STATUS and node.get("status") is None:
            node.set("status", "goed")

"""The ``numbering-gap`` warning of the drafter's check: after an instruction that inserts
or renumbers leden or onderdelen, their numbering has a gap it did not have before.
"""
from __future__ import annotations

import re
from typing import Callable

from consolidator.law.elements import artikel_number, is_artikel, is_li, is_lid, is_lijst, lid_number
from consolidator.apply.resolve import item_label
from consolidator.model import Instruction


def note_groups(groups: list, targets: list, ins: Instruction) -> None:
    """Add to ``groups`` (container, tag, gaps before, instruction) each numbered group
    the instruction may change that is not there yet."""
    for target in targets:
        for container, tag in _numbered_groups(target.element):
            if not any(container is g[0] and tag == g[1] for g in groups):
                groups.append((container, tag, _gaps(container, tag), ins))


def warn_new_gaps(tree, groups: list, warn: Callable) -> None:
    """A gap in a noted group (still in the law) that it did not have before."""
    for container, tag, gaps_before, ins in groups:
        root = tree.getroot()
        if not any(a is root for a in container.iterancestors()):
            continue  # replaced by the sentence
        new = [n for n in _gaps(container, tag) if n not in gaps_before]
        if new:
            word = "lid" if tag == "lid" else "onderdeel"
            warn("numbering-gap", f"{_label_of(container)} now has "
                 f"{_plural(word)} {', '.join(_numbers(container, tag))}: no "
                 f"{word} {', '.join(new)}", ins.span, ins.place)


def _numbered_groups(el) -> list:
    """(container, tag) whose children's numbers an instruction on el may change:
    the leden of its article, the items of the lists in and around it."""
    groups = []
    for node in (el, el.getparent(), el.getparent().getparent() if el.getparent() is not None
                 else None):
        if node is None:
            continue
        if is_artikel(node):
            groups.append((node, "lid"))
        if is_lijst(node):
            groups.append((node, "li"))
        groups += [(c, "li") for c in node if is_lijst(c)]
    return groups


def _numbers(container, tag: str) -> list[str]:
    if tag == "lid":
        return [lid_number(c) for c in container if is_lid(c) and lid_number(c)]
    return [item_label(c) for c in container if is_li(c) and item_label(c)]


def _gaps(container, tag: str) -> list[str]:
    """Numbers missing from 1 (or a) up to the highest plain number of the group."""
    values, letters = set(), None
    for label in _numbers(container, tag):
        if re.fullmatch(r"\d+°?", label):
            values.add(int(label.rstrip("°")))
            letters = False if letters is None else letters
        elif re.fullmatch(r"[a-z]", label):
            values.add(ord(label) - ord("a") + 1)
            letters = True if letters is None else letters
    if not values:
        return []
    missing = sorted(set(range(1, max(values) + 1)) - values)
    return [chr(ord("a") + n - 1) if letters else str(n) for n in missing]


def _label_of(container) -> str:
    parts = []
    for node in reversed([container, *container.iterancestors()]):
        if is_artikel(node):
            parts.append(f"artikel {artikel_number(node)}")
        elif is_lid(node):
            parts.append(f"lid {lid_number(node)}")
        elif is_li(node):
            parts.append(f"onderdeel {item_label(node)}")
    return ", ".join(parts) or "the list"


def _plural(word: str) -> str:
    return {"lid": "leden", "onderdeel": "onderdelen"}[word]

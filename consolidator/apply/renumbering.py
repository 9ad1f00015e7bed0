"""What a renumbering leaves in its group: no double number, ever, and no gap once the
onderdeel (or punt) that renumbers is done.

Aanwijzing 6.18 (238) lets a drafter renumber in one punt and fill the place it left in
the next («1. Het tweede lid wordt vernummerd tot derde lid. 2. Na het eerste lid wordt
een lid ingevoegd, luidende: …»), so a gap is judged when the onderdeel ends; a
renumbering that leaves a gap nothing fills («Het derde lid wordt vernummerd tot vijfde
lid.» in an article of three leden) is an error there. A plain «Het achtste lid vervalt.»
leaves no gap: the repealed lid keeps its number.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from consolidator.apply.numbering import group_state
from consolidator.law.elements import has_ancestor
from consolidator.model import Instruction, Renumber, Sentence


@dataclass(slots=True)
class _Group:
    container: object
    tag: str
    gaps: tuple
    doubles: tuple
    instruction: Instruction
    sentence: Sentence


@dataclass(slots=True)
class Renumbering:
    """The groups the renumberings of one onderdeel touch, with their gaps and doubles
    before the first of them."""

    groups: list = field(default_factory=list)
    # each group's (gaps, doubles) as ``doubles`` read them at the end of a sentence, for
    # ``gaps`` at the end of the onderdeel when no sentence began since (``note`` drops
    # them: a sentence changes the law only after its ``note``)
    _read: Optional[list] = None

    def note(self, plans: list, sentence: Sentence) -> None:
        """The groups a sentence's Renumber instructions (resolved: ``plans``) touch; called
        by every sentence before it changes the law."""
        self._read = None
        for ins, targets in plans:
            if not isinstance(ins, Renumber):
                continue
            for target in targets:
                container, tag = target.element.getparent(), target.element.tag
                if tag in ("lid", "li") and container is not None and not any(
                        container is g.container and tag == g.tag for g in self.groups):
                    self.groups.append(_Group(container, tag, *group_state(container, tag),
                                              ins, sentence))

    def doubles(self, tree) -> Optional[tuple[str, Instruction, Sentence]]:
        """(message, renumbering, its sentence) when a group has a new double number."""
        if not self.groups:  # the usual sentence renumbers nothing: nothing to read
            self._read = []
            return None
        self._read = list(self._now(tree))
        for group, (_, doubles) in self._read:
            new = [d for d in doubles if d not in group.doubles]
            if new:
                many = "leden" if group.tag == "lid" else "onderdelen"
                return (f"the renumbering leaves {many} numbered twice: {', '.join(new)}",
                        group.instruction, group.sentence)
        return None

    def gaps(self, tree) -> Optional[tuple[str, Instruction, Sentence]]:
        """(message, renumbering, its sentence) when a group has a gap it did not have."""
        if not self.groups:
            self._read = None
            return None
        read, self._read = (self._read if self._read is not None else self._now(tree)), None
        for group, (gaps, _) in read:
            new = [g for g in gaps if g not in group.gaps]
            if new:
                one = "lid" if group.tag == "lid" else "onderdeel"
                return (f"the renumbering leaves a gap: no {one} {', '.join(new)}",
                        group.instruction, group.sentence)
        return None

    def _now(self, tree):
        if not self.groups:  # the usual sentence renumbers nothing
            return
        root = tree.getroot() if hasattr(tree, "getroot") else tree
        for group in self.groups:
            if has_ancestor(group.container, root):
                yield group, group_state(group.container, group.tag)

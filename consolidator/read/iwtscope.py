"""The parts of an act an entry-into-force rule names (``Part``, ``Ref``, ``Scope``)
and the order of their labels (``label_key``): ARTIKEL, onderdeel, punt, each as
the act numbers it.

* A rule for a punt covers that punt only; a rule for an onderdeel covers all its
  punten. A rule narrowed to one law article or lid («onderdeel H, voor wat betreft
  artikel 13d», «artikel 8, eerste lid») covers only ``Part(..., qualifier=…)``,
  never the plain part: the caller asks for the qualified piece separately.
* A part with an empty ``artikel`` is an onderdeel the act names without its
  ARTIKEL («de onderdelen D, J en K»): it covers that onderdeel of any ARTIKEL.
* A part with a ``unit`` is a division that is no ARTIKEL («afdeling 2.2»,
  «bijlage 1»). Which ARTIKELEN it holds is not known from the rule, so asking
  whether it covers a plain ARTIKEL is an error, never a guess.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Optional

from consolidator.errors import TimeError
from consolidator.numbers import roman_to_int


@dataclass(frozen=True)
class Part:
    """A part of an act as the act numbers it: ARTIKEL, onderdeel, punt.

    ``qualifier`` names a piece of it that a rule treats apart («artikel 13d» in
    «onderdeel H, voor wat betreft artikel 13d», «eerste lid»); ``unit`` a division
    that is no ARTIKEL («afdeling 2.2»)."""

    artikel: str
    onderdeel: str = ""
    punt: str = ""
    qualifier: str = ""
    unit: str = ""

    def __str__(self) -> str:
        if self.unit:
            return self.unit
        text = f"artikel {self.artikel}" if self.artikel else ""
        text += f", onderdeel {self.onderdeel}" if self.onderdeel else ""
        text += f", punt {self.punt}" if self.punt else ""
        text = text.lstrip(", ")
        return text + (f" ({self.qualifier})" if self.qualifier else "")


_LOW, _HIGH = (-1,), (10 ** 9,)


def label_key(label: str, level: str) -> tuple:
    """Sort key of a label at ``level`` (artikel, onderdeel, punt): IX < IXa < X,
    A < A1 < A1a < B < Z < AA < BB (a < b < aa where an act letters its onderdelen in
    lower case), 2 < 2a < 3. Raises ValueError for a label that is not one of these
    forms."""
    if level == "artikel":
        return _artikel_key(label)
    if level == "onderdeel":
        match = re.fullmatch(r"([A-Z]+|[a-z]+)(\d*)([a-z]?)", label)
        if not match:
            raise ValueError(f"«{label}» is not a {level} label")
        main = (_letters_value(match.group(1).upper()),)
        if not match.group(2):  # A < A1 < A2 < Aa
            return main + _suffix_key(match.group(3)) + (0, 0)
        return main + _suffix_key(match.group(2)) + _suffix_key(match.group(3))
    match = re.fullmatch(r"(\d+)([a-z]?)", label)
    if not match:
        raise ValueError(f"«{label}» is not a {level} label")
    return (int(match.group(1)),) + _suffix_key(match.group(2))


def _artikel_key(label: str) -> tuple:
    if label == "enig":  # «Enig artikel»: the act's only ARTIKEL
        return (1, 0, 0)
    # «IVC»: ARTIKEL IV, letter C (not the roman IVC, which is no numeral)
    for numeral, suffix in ((label, ""), (label[:-1], label[-1:])):
        if re.fullmatch(r"[IVXLC]+", numeral or "-") and re.fullmatch(r"[A-Za-z]?", suffix):
            try:
                return (roman_to_int(numeral),) + _suffix_key(suffix.lower())
            except ValueError:
                continue
    arabic = re.fullmatch(r"(\d+(?:\.\d+)*)([a-z]?)", label)
    if not arabic:
        raise ValueError(f"«{label}» is not an ARTIKEL number")
    return tuple(int(n) for n in arabic.group(1).split(".")) + _suffix_key(arabic.group(2))


def _letters_value(letters: str) -> int:
    """A=1 … Z=26, AA=27: the order of both AA, AB, … and AA, BB, … numbering."""
    value = 0
    for char in letters:
        value = value * 26 + ord(char) - ord("A") + 1
    return value


def _suffix_key(suffix: str) -> tuple:
    if not suffix:
        return (0, 0)
    return (1, int(suffix)) if suffix.isdigit() else (2, ord(suffix))


def bounds(part: Part) -> tuple[tuple, tuple]:
    """The lowest and highest key of everything inside ``part``."""
    lo, hi = [], []
    for level, label in (("artikel", part.artikel), ("onderdeel", part.onderdeel),
                         ("punt", part.punt)):
        try:
            key = label_key(label, level) if label else None
        except ValueError as exc:  # a part of an act whose numbering cannot be ordered
            raise TimeError(f"{part}: {exc}, so no entry-into-force rule that names a "
                            "range of parts can be applied to it") from None
        lo.append(key or _LOW)
        hi.append(key or _HIGH)
    return tuple(lo), tuple(hi)


@dataclass(frozen=True)
class Ref:
    """One part, or a range of parts («onderdelen B tot en met J», «onderdelen JJ,
    onder 3, tot en met VV»), as named in an entry-into-force article."""

    first: Part
    last: Optional[Part] = None  # None: just ``first``

    def covers(self, part: Part) -> bool:
        if self.first.unit or part.unit:
            return self._covers_unit(part)
        if self.first.punt and not self.first.onderdeel:
            return self._covers_artikel_punt(part)
        if self.first.qualifier and part.qualifier != self.first.qualifier:
            return False
        first, last = self.first, self.last or self.first
        if not first.artikel:  # «de onderdelen D, J en K»: those of whichever ARTIKEL
            if not part.artikel:
                return False
            first = dataclasses.replace(first, artikel=part.artikel)
            last = dataclasses.replace(last, artikel=part.artikel)
        lo, _ = bounds(first)
        _, hi = bounds(last)
        part_lo, part_hi = bounds(dataclasses.replace(part, qualifier=""))
        return lo <= part_lo and part_hi <= hi

    def _covers_unit(self, part: Part) -> bool:
        if part.unit:
            return part.unit == self.first.unit
        raise TimeError(f"the entry-into-force rule names {self.first}; which ARTIKELEN it "
                        f"holds is not known here, so the date of {part} cannot be decided")

    def _covers_artikel_punt(self, part: Part) -> bool:
        """«artikel V, punt 1»: a punt directly under its ARTIKEL. It covers only itself;
        an onderdeel of that ARTIKEL may or may not be that punt, so asking is an error."""
        if self.last is not None:
            raise TimeError(f"a range from {self.first}: not supported")
        if part.artikel != self.first.artikel or not (part.onderdeel or part.punt):
            return False
        if part.onderdeel:
            raise TimeError(f"the entry-into-force rule names {self.first}; whether "
                            f"onderdeel {part.onderdeel} is that punt is not known here")
        return part.punt == self.first.punt and part.qualifier == self.first.qualifier

    @property
    def depth(self) -> float:
        """How precisely the ref names a part: ARTIKEL 1, onderdeel 2, punt 3."""
        first = self.first
        depth = 1 + bool(first.onderdeel) + bool(first.punt)
        return depth + (0.5 if first.qualifier else 0)

    def __str__(self) -> str:
        return f"{self.first} tot en met {self.last}" if self.last else str(self.first)


@dataclass(frozen=True)
class Scope:
    """A set of parts: the whole act (``whole``) or ``include``, less ``exclude``."""

    whole: bool = False
    include: tuple[Ref, ...] = ()
    exclude: tuple[Ref, ...] = ()

    def covers(self, part: Part) -> bool:
        return self.depth(part) >= 0

    def depth(self, part: Part) -> float:
        """-1 if not covered, 0 for the whole act, else the depth of the best ref."""
        if any(ref.covers(part) for ref in self.exclude):
            return -1
        depths = [ref.depth for ref in self.include if ref.covers(part)]
        if depths:
            return max(depths)
        return 0 if self.whole else -1

    def without(self, other: "Scope") -> "Scope":
        return dataclasses.replace(self, exclude=self.exclude + other.include)

    def plus(self, other: "Scope") -> "Scope":
        return Scope(whole=self.whole or other.whole, include=self.include + other.include,
                     exclude=self.exclude + other.exclude)

    def __str__(self) -> str:
        text = "the whole act" if self.whole else ", ".join(map(str, self.include))
        if self.exclude:
            text += " except " + ", ".join(map(str, self.exclude))
        return text


WHOLE = Scope(whole=True)

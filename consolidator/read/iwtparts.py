"""The parts an entry-into-force sentence names («de artikelen II, onderdeel J, VII
en IX», «onderdelen JJ, onder 3, tot en met VV», «artikel I, met uitzondering van
onderdeel C», «artikel 8, eerste en derde lid», «de tweede volzin van artikel 18a,
eerste lid», «afdeling 2.2 en bijlage 1») → ``Scope``. The iwt grammar gives the
part words as a flat run of tokens; this reader places each label at its level,
strictly."""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from lark import Token

from consolidator.numbers import ORDINALS, ordinal_word
from consolidator.read.iwtscope import Part, Ref, Scope, bounds, label_key


class Unsupported(Exception):
    """A reading the grammar accepts but the reader refuses; ``token`` is where."""

    def __init__(self, message: str, token=None):
        super().__init__(message)
        self.token = token


class PartsReader:
    """A flat run of part tokens → Scope. Strict: anything it cannot place raises.

    Keywords set the level of the labels after them («artikel», «onderdelen»,
    «punt»/«onder»); a label with «°» is a punt; in a list opened with «de
    artikelen», a label followed by «onderdeel(en)» or following a single
    «onderdeel X» is the next ARTIKEL («de artikelen II, onderdeel J, VII en IX»),
    and so is a plain number after the onderdeel of a numbered ARTIKEL («de
    artikelen 21, 22, 23, onderdeel A, 1°, en 24»); «van artikel I» gives the
    preceding onderdelen their ARTIKEL."""

    def __init__(self, tokens: Sequence[Token]):
        self.tokens = [t for t in tokens]
        self.include: list[Ref] = []
        self.exclude: list[Ref] = []
        self.target = self.include
        self.mode = ""
        self.plural_artikelen = False
        self.singular_onderdeel_used = False
        self.artikel = ""
        self.onderdeel = ""
        self.orphans: list[int] = []  # indexes in include of refs waiting for «van artikel»
        self.range_open = False
        self.van = False
        self.singular_onderdeel = False
        self.volzin = ""  # «de tweede volzin van» waiting for its ARTIKEL
        # «onderdelen C en E, III»: a list of onderdelen ends with its «en»; a label after
        # that is no onderdeel of it
        self.after_and = False
        self.onderdelen_closed = False

    def read(self) -> Scope:
        for index, token in enumerate(self.tokens):
            getattr(self, "_" + token.type.lower())(token, index)
        if self.range_open:
            raise Unsupported("a range without its end", self.tokens[-1])
        if self.volzin:
            raise Unsupported(f"«{self.volzin}» without its ARTIKEL", self.tokens[-1])
        return Scope(include=tuple(self.include), exclude=tuple(self.exclude))

    def orphaned(self) -> bool:
        """Whether onderdelen were named without their ARTIKEL («de onderdelen D, J en K»)."""
        return bool(self.orphans)

    def _kw_artikel(self, token, index):
        plural = token.value.lower().endswith("artikelen")
        if self.target is self.exclude and not self.van:
            self.target = self.include  # «…, en artikel II»: the exception list ended
        self.mode = "van" if self.van else "artikel"
        self.van = False
        self.plural_artikelen = plural or self.plural_artikelen
        self.onderdeel = ""
        self.onderdelen_closed = False

    def _kw_onderdeel(self, token, index):
        self.mode = "onderdeel"
        self.onderdelen_closed = False
        self.singular_onderdeel_used = False
        self.singular_onderdeel = not token.value.lower().endswith("onderdelen")

    def _kw_punt(self, token, index):
        if not self.onderdeel and not self.artikel:
            raise Unsupported("a punt without its onderdeel", token)
        self.mode = "punt"

    def _lower_label(self, token, index):
        if self.mode != "onderdeel":
            raise Unsupported(f"cannot tell what «{token.value}» is", token)
        self._label(token, index)

    def _label(self, token, index):
        if self.mode == "onderdeel" and self.onderdelen_closed and not self.range_open:
            self._after_closed_onderdelen(token)
        label, level = self._level(token, index)
        self.onderdelen_closed = level == "onderdeel" and self.after_and
        self.after_and = False
        if self.mode == "van":
            return self._resolve_orphans(token)
        part = self._part(level, label, token)
        if self.range_open:
            self._close_range(part, token)
        else:
            self._drop_parent(part)
            if level != "artikel" and not self.artikel:
                self.orphans.append(len(self.target))
            self.target.append(Ref(part))

    def _after_closed_onderdelen(self, token) -> None:
        """«de artikelen I, onderdelen C en E, III, IV en V»: the next ARTIKEL of the list;
        after «artikel I» alone it is neither, so refused."""
        if not self.plural_artikelen or self.artikel[:1].isdigit():
            raise Unsupported(f"cannot tell what «{token.value}» is: the list of onderdelen "
                              "before it ended with «en»", token)
        self.mode = "artikel"

    def _drop_parent(self, part: Part) -> None:
        """«artikel I, onderdelen B en C» names B and C, not all of artikel I."""
        parent = Part(part.artikel, part.onderdeel if part.punt else "")
        if (part.onderdeel or part.punt) and self.target and self.target[-1] == Ref(parent):
            self.target.pop()

    def _level(self, token, index) -> tuple[str, str]:
        label = token.value
        if label.endswith("°"):  # «onderdeel A, 2°»
            if not self.onderdeel:
                raise Unsupported(f"«{label}» without its onderdeel", token)
            self.mode = "degree"
            return label[:-1], "punt"
        if self.mode == "degree":  # «23, onderdeel A, 1°, en 24»: not a punt numbered with °
            if not self._next_numbered_artikel():
                raise Unsupported(f"cannot tell what «{label}» is", token)
            self.mode = "artikel"
        if self.mode in ("artikel", "van"):
            return label, "artikel"
        if self.mode == "punt":
            if label[0].isdigit():
                return label, "punt"
            self.mode = "onderdeel"
        if self.mode == "onderdeel" and label[0].isdigit() and self._next_numbered_artikel():
            self.mode = "artikel"
            return label, "artikel"
        if self.mode != "onderdeel" or label[0].isdigit():
            raise Unsupported(f"cannot tell what «{label}» is", token)
        if self.plural_artikelen and self._starts_artikel(index):
            self.mode = "artikel"
            return label, "artikel"
        if self.singular_onderdeel and self.plural_artikelen:
            if self.singular_onderdeel_used:
                raise Unsupported(f"«{label}» after a single onderdeel", token)
            self.singular_onderdeel_used = True
        return label, "onderdeel"

    def _next_numbered_artikel(self) -> bool:
        """«de artikelen 21, 22, 23, onderdeel A, 1°, en 24»: a number after an onderdeel
        is the next ARTIKEL of a list of numbered ARTIKELEN."""
        return self.plural_artikelen and self.artikel[:1].isdigit() and not self.range_open

    def _starts_artikel(self, index: int) -> bool:
        if self.range_open:
            return False
        after = [t.type for t in self.tokens[index + 1:index + 3]]
        if after[:1] == ["KW_ONDERDEEL"] or after == ["PSEP", "KW_ONDERDEEL"]:
            return True
        return self.singular_onderdeel and self.singular_onderdeel_used

    def _part(self, level: str, label: str, token) -> Part:
        try:
            label_key(label, level)
        except ValueError as exc:
            raise Unsupported(str(exc), token) from None
        if level == "artikel":
            self.artikel, self.onderdeel = label, ""
            qualifier, self.volzin = self.volzin, ""
            return Part(label, qualifier=qualifier)
        if level == "onderdeel":
            self.onderdeel = label
            return Part(self.artikel, label)
        return Part(self.artikel, self.onderdeel, label)

    def _close_range(self, part: Part, token) -> None:
        first = self.target[-1].first
        if first.qualifier or part.qualifier or first.unit:
            raise Unsupported("a range of parts narrowed to a lid or volzin", token)
        if bounds(part)[1] < bounds(first)[0]:
            raise Unsupported(f"a range that runs backwards ({first} tot en met {part})", token)
        self.target[-1] = Ref(first, part)
        self.range_open = False

    def _resolve_orphans(self, token) -> None:
        self.artikel = token.value
        for i in self.orphans:
            ref = self.include[i]
            self.include[i] = Ref(dataclasses.replace(ref.first, artikel=token.value),
                                  ref.last and dataclasses.replace(ref.last, artikel=token.value))
        self.orphans = []
        self.mode = "artikel"

    def _psep(self, token, index):
        self.after_and = bool(re.search(r"\b(en|alsmede)\b", token.value))

    def _range(self, token, index):
        if not self.target or self.target[-1].last or self.range_open:
            raise Unsupported("«tot en met» without a start", token)
        self.range_open = True

    def _qual(self, token, index):
        text = re.sub(r"^,?\s*(voor\s+wat\s+betreft|wat\s+betreft|voor\s+zover\s+het\s+betreft)\s+",
                      "", token.value.strip())
        self._qualify([re.sub(r"^de\s+", "", text)], token)

    def _lidq(self, token, index):
        """«, eerste lid», «, eerste en derde lid», «, tweede tot en met vierde lid»: one
        qualified part per lid."""
        words = re.findall(r"[a-z]+|tot\s+en\s+met", token.value)
        numbers, through = [], False
        for word in words:
            if word.startswith("tot"):
                through = True
            elif word in ORDINALS:
                start = numbers[-1] + 1 if through and numbers else ORDINALS[word]
                numbers.extend(range(start, ORDINALS[word] + 1))
                through = False
        self._qualify([f"{ordinal_word(n)} lid" for n in numbers], token)

    def _piece(self, token, index):
        """«, aanhef en tweede gedachtestreepje»: one qualified part per piece."""
        pieces = re.split(r"\s+en\s+", token.value.lstrip(", \t"))
        self._qualify([re.sub(r"\s+", " ", piece) for piece in pieces], token)

    def _qualify(self, texts: list[str], token) -> None:
        if not self.target or self.target[-1].last or self.range_open:
            raise Unsupported(f"«{token.value.strip(', ')}» does not follow a single part", token)
        if self.target[-1].first.qualifier and not self.target[-1].first.qualifier.endswith("volzin"):
            raise Unsupported(f"a part narrowed twice («{self.target[-1].first.qualifier}», "
                              f"«{token.value.strip(', ')}»)", token)
        orphan = self.target is self.include and len(self.target) - 1 in self.orphans
        first = self.target.pop().first
        for number, text in enumerate(texts):
            if orphan and number:
                self.orphans.append(len(self.target))
            qualifier = f"{text}, {first.qualifier}" if first.qualifier else text
            self.target.append(Ref(dataclasses.replace(first, qualifier=qualifier)))

    def _volzin(self, token, index):
        self.volzin = re.sub(r"^de\s+|\s+van$", "", re.sub(r"\s+", " ", token.value))
        self.mode = "artikel"

    def _unit(self, token, index):
        self.target.append(Ref(Part("", unit=re.sub(r"\s+", " ", token.value))))
        self.mode = "unit"

    def _van_art(self, token, index):
        if not self.orphans:
            raise Unsupported("«van artikel» without onderdelen before it", token)
        self.van = True

    def _muv_inner(self, token, index):
        if not self.include or self.target is self.exclude:
            raise Unsupported("an exception without a part before it", token)
        self.target = self.exclude
        self.artikel = self.include[-1].first.artikel

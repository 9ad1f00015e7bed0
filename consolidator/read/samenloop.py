"""Samenloop lids → typed conditions (grammar/samenloop.lark).

A samenloop ARTIKEL says what changes if another act (mostly a bill, named by the date of
its koninklijke boodschap, its title and its Kamerstuk number, or an act by its Staatsblad
number) takes effect earlier or later than this one (Aanwijzing 171b / 5.68). One lid is
read into a ``Reading``: the relation (``model.CONDITION_KINDS``), the other act, the parts
compared, and what the lid then does: amend this act or the other one («wordt (artikel II
van) deze wet als volgt gewijzigd:»), or something else («wordt in artikel I, onderdeel B,
«…» vervangen door: …», «berust dit besluit op …»), kept as text.

The numbered form (Aanwijzing 5.68, third lid) is a head («Indien … tot wet is of wordt
verheven en artikel I van die wet:») and numbered branches («1. eerder in werking treedt of
is getreden dan …, wordt … als volgt gewijzigd:»); each is read on its own and the branches
take the head's other act (``with_head``).

``read_samenloop_text`` is the contract for ``consolidator parse --sentences``: the reading
as a JSON-able dict. Text that cannot be read raises ``ActSyntaxError`` with its column.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from lark import Token, Transformer, v_args
from lark.exceptions import UnexpectedInput, VisitError

from consolidator.dates import find_date
from consolidator.errors import ActSyntaxError, TimeError, underline
from consolidator.model import Condition, LawRef, Span
from consolidator.read.grammars import samenloop_parser
from consolidator.read.onepass import OnePassParser
from consolidator.read.transformed import TransformerReductions

Parts = tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Other:
    """The other act as the lid names it."""

    kind: str  # "bill", "act" (by Staatsblad), "law" (by name)
    title: str = ""
    kamerstuk: str = ""
    stb: str = ""
    citation: str = ""  # the Kamerstuk or Staatsblad citation as written
    submitted: str = ""  # ISO date of the koninklijke boodschap / sending to the Eerste Kamer

    @property
    def label(self) -> str:
        """For people, as notes and errors name it: «Kamerstukken 24 138 (Stb. 1996, 580)»."""
        if self.kamerstuk:
            return f"Kamerstukken {self.kamerstuk}" + (f" (Stb. {self.stb})" if self.stb else "")
        if self.stb:
            return f"Stb. {self.stb}"
        return self.title

    def ref(self) -> LawRef:
        kind = "law" if self.kind == "law" else "act"
        return LawRef(self.label if kind == "act" else self.title, kind=kind, stb=self.stb,
                      kamerstuk=self.kamerstuk)


@dataclass(frozen=True)
class Reading:
    """One samenloop lid. ``kind`` is None for the head of the numbered form."""

    kind: Optional[str]
    other: Optional[Other] = None
    other_parts: Parts = ()
    this_parts: Parts = ()
    effect: str = "amend"  # "amend" (onderdelen follow) or "other" (``rest`` says what)
    target: str = ""  # "this-act" or "other-act" for an amend effect
    target_parts: Parts = ()
    rest: str = ""
    branches: tuple["Reading", ...] = field(default=())

    def with_head(self, head: "Reading", footnote_stb: str = "") -> "Reading":
        """A branch of the numbered form completed with its head's other act and parts."""
        other = head.other
        if other is not None and footnote_stb and not other.stb:
            other = dataclasses.replace(other, stb=footnote_stb)
        return dataclasses.replace(self, other=other,
                                   other_parts=self.other_parts or head.other_parts)

    def condition(self, text: str, span: Span) -> Condition:
        other = self.other or Other("bill")
        return Condition(kind=self.kind or "", other=other.label, text=text, span=span,
                         act=other.ref(), other_parts=self.other_parts,
                         this_parts=self.this_parts)

    def law(self) -> LawRef:
        """The regulation an amend effect changes: this act, or the other act."""
        if self.target == "this-act":
            return LawRef("deze wet", kind="this-act")
        return (self.other or Other("bill")).ref()


# --------------------------------------------------------------------------- reading


_LID_NUMBER = re.compile(r"^\s*(?:•\s*)?(\d+[a-z]?)\.\s+")


def read_samenloop(text: str, footnote_stb: str = "") -> Reading:
    """The reading of one samenloop lid (a head with its branches on the lines after it,
    one a line, is read whole). ``footnote_stb`` is the Staatsblad number a footnote gives
    the other act. Raises ActSyntaxError."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        raise ActSyntaxError("cannot read samenloop: the text is empty", column=1)
    first = _parse(lines[0])
    if first.other is not None and footnote_stb and not first.other.stb:
        first = dataclasses.replace(first, other=dataclasses.replace(first.other,
                                                                     stb=footnote_stb))
    if len(lines) == 1:
        return first
    if first.kind is not None:
        raise ActSyntaxError("cannot read samenloop: only the head of the numbered form "
                             "(«… en die wet:») is followed by branches", column=1)
    branches = tuple(_parse(line).with_head(first) for line in lines[1:])
    return dataclasses.replace(first, branches=branches)


def read_samenloop_text(text: str) -> dict:
    """The typed condition of one samenloop lid, as a JSON-able dict (the contract of
    ``consolidator parse --sentences``). Raises ActSyntaxError."""
    return _as_dict(read_samenloop(text))


def _parse(line: str) -> Reading:
    number = _LID_NUMBER.match(line)
    body = line[number.end():] if number else line
    offset = number.end() if number else 0
    parser = _one_pass_parser()
    parser.builder.failure = None
    try:
        reading = parser.parse(body).value
    except UnexpectedInput as exc:
        raise _error(line, offset + _position(body, exc)) from None
    if parser.builder.failure is not None:  # what a Transformer would have raised
        rule, inner = parser.builder.failure
        if isinstance(inner, TimeError):
            raise ActSyntaxError(f"cannot read samenloop: {inner.message}", column=1,
                                 context=underline(line, 1, len(line))) from None
        raise VisitError(rule, None, inner) from inner
    return reading


@lru_cache(maxsize=1)
def _one_pass_parser() -> OnePassParser:
    """The grammar's tables driven by the one-pass parser, which calls ``_Builder`` at each
    reduction: what ``_Builder().transform(samenloop_parser().parse(…))`` gives, without
    the tree in between (that took half the time of reading a samenloop ARTIKEL)."""
    return OnePassParser(samenloop_parser(), TransformerReductions(_Builder()))


def _position(text: str, exc: UnexpectedInput) -> int:
    pos = getattr(exc, "pos_in_stream", None)
    return pos if isinstance(pos, int) and pos >= 0 else len(text)


def _error(line: str, offset: int) -> ActSyntaxError:
    got = re.match(r"\S+(\s+\S+){0,3}", line[offset:])
    what = f"«{got.group(0)}»" if got else "end of sentence"
    column = min(offset + 1, max(len(line), 1))
    width = len(re.match(r"\S*", line[offset:]).group(0)) or 1
    return ActSyntaxError(f"cannot read samenloop condition: unexpected {what}", column=column,
                          context=underline(line, column, width))


# --------------------------------------------------------------------------- tree → reading


@v_args(inline=True)
class _Builder(Transformer):
    # whole lids

    def sentence(self, condition: Reading, effect: dict) -> Reading:
        return dataclasses.replace(condition, **effect)

    def head(self, other, enacted, side) -> Reading:
        return Reading(None, other, other_parts=side)

    def branch(self, relation: dict, effect: dict) -> Reading:
        return Reading(relation["kind"], this_parts=relation["this"], **effect)

    # conditions

    def on_or_after(self, *items) -> Reading:
        return Reading("on-or-after", _other(items))

    def not_yet(self, *items) -> Reading:
        return Reading("not-yet", _other(items))

    def related(self, other, enacted, side, relation) -> Reading:
        return Reading(relation["kind"], other, other_parts=side, this_parts=relation["this"])

    def related_named(self, *items) -> Reading:
        parts = items[0] if len(items) == 3 else ()
        other, relation = items[-2], items[-1]
        return Reading(relation["kind"], other, other_parts=parts, this_parts=relation["this"])

    def in_force(self, other, *rest) -> Reading:
        sides = [item for item in rest if isinstance(item, tuple)]
        return Reading("in-force", other, other_parts=sides[0] if sides else ())

    def enacted(self, other, token) -> Reading:
        return Reading("enacted", other)

    def parts_in_force(self, parts, other) -> Reading:
        return Reading("in-force", other, other_parts=parts)

    def earlier(self, than=()) -> dict:
        return {"kind": "earlier", "this": than}

    def later(self, than=()) -> dict:
        return {"kind": "later", "this": than}

    def than(self, side) -> Parts:
        return side

    def side(self, *items) -> Parts:
        return items[0] if items and isinstance(items[0], tuple) else ()

    # the other act

    def bill(self, token, *rest) -> Other:
        title = next((r for r in rest if isinstance(r, str) and not isinstance(r, Token)), "")
        cited = next((r for r in rest if isinstance(r, Token) and r.type == "KAMERSTUK"), None)
        submitted = find_date(token.value)
        return Other("bill", title=title, kamerstuk=_kamerstuk(cited.value) if cited else "",
                     citation=cited.value.strip("()") if cited else "",
                     submitted=submitted.isoformat() if submitted else "")

    def act(self, token, *rest) -> Other:
        title = " ".join([token.value.strip()] + [r for r in rest[:-1]])
        stb = rest[-1].value
        number = _STB_NUMBER_RE.search(stb)
        year = number.group(1) or _YEAR_RE.search(token.value).group(0)
        name = _ARTICLE_WORD_RE.sub("", title)
        return Other("act", title=name, stb=f"{year}, {number.group(2)}",
                     citation=stb.strip("()"))

    def law(self, token, title) -> Other:
        return Other("law", title=title)

    @v_args(inline=False)
    def title(self, tokens) -> str:
        return str(" ".join(t.value for t in tokens))

    def parts(self, token) -> Parts:
        return read_parts(token.value)

    # effects

    def amend(self, target) -> dict:
        return {"effect": "amend", "target": target[0], "target_parts": target[1]}

    def other_effect(self, token) -> dict:
        return {"effect": "other", "rest": token.value.strip()}

    def this_target(self, *items) -> tuple:
        return "this-act", items[0] if items and isinstance(items[0], tuple) else ()

    def other_target(self, *items) -> tuple:
        return "other-act", items[0] if items else ()


# the numbers of an act's Staatsblad citation («(Stb. 1996, 580)», «580)»), a year, a leading
# article, and the Kamerstuk number of a bill's citation
# («(Kamerstukken I, …, 24 138, nr. 300)»)
_STB_NUMBER_RE = re.compile(r"(?:(\d{4})\s*,\s*)?(\d+)\)")
_YEAR_RE = re.compile(r"\d{4}")
_ARTICLE_WORD_RE = re.compile(r"^(de|het)\s+", re.I)
_KAMERSTUK_DIGITS_RE = re.compile(r"(\d{2})\s?(\d{3})(?=\s*(?:,\s*nr\.\s*\d+\s*)?\))")


def _other(items) -> Other:
    return next(item for item in items if isinstance(item, Other))


def _kamerstuk(citation: str) -> str:
    digits = _KAMERSTUK_DIGITS_RE.findall(citation)
    return f"{digits[-1][0]} {digits[-1][1]}" if digits else ""


# --------------------------------------------------------------------------- parts

_PART_TOKEN = re.compile(r"(?P<kw>(de\s+)?artikel(en)?|onderde(el|len)|onder|punt(en)?)\b"
                         r"|(?P<range>tot\s+en\s+met)|(?P<label>[\w.:]+)", re.I)


def read_parts(text: str) -> Parts:
    """«artikel I, onderdelen E, onder 1, FA, L en BBBA» → (I, E, 1), (I, FA, ''), (I, L, ''),
    (I, BBBA, ''). A range «onderdelen B tot en met D» gives its two ends."""
    parts: list[tuple[str, str, str]] = []
    level, artikel, onderdeel = "artikel", "", ""
    for match in _PART_TOKEN.finditer(text.rstrip(", ")):
        if match.group("kw"):
            word = match.group("kw").lower().split()[-1]
            level = ("artikel" if word.startswith("artikel") else
                     "onderdeel" if word.startswith("onderde") else "punt")
            continue
        label = match.group("label")
        if not label or match.group("range") or label.lower() == "en":
            continue
        if level == "punt" and not label[0].isdigit():
            level = "onderdeel"  # «E, onder 1, FA»: FA is the next onderdeel
        if level == "artikel":
            artikel, onderdeel = label, ""
            parts.append((artikel, "", ""))
        elif level == "onderdeel":
            onderdeel = label
            _replace_bare(parts, artikel, (artikel, onderdeel, ""))
        else:
            _replace_bare(parts, artikel, (artikel, onderdeel, label), onderdeel)
    return tuple(parts)


def _replace_bare(parts: list, artikel: str, part: tuple, onderdeel: str = "") -> None:
    """Add ``part``; a bare «artikel I» (or «onderdeel E») it narrows is dropped."""
    bare = (artikel, onderdeel, "")
    if parts and parts[-1] == bare:
        parts.pop()
    parts.append(part)


def parts_text(parts: Parts) -> str:
    return "; ".join(", ".join(filter(None, (f"artikel {a}", o and f"onderdeel {o}",
                                             p and f"punt {p}"))) for a, o, p in parts)


# --------------------------------------------------------------------------- as JSON


def _as_dict(reading: Reading) -> dict:
    other = reading.other
    found = {
        "kind": reading.kind,
        "other": dataclasses.asdict(other) if other else None,
        "other_parts": [_part_dict(p) for p in reading.other_parts],
        "this_parts": [_part_dict(p) for p in reading.this_parts],
        "effect": ({"kind": "amend", "act": reading.target,
                    "parts": [_part_dict(p) for p in reading.target_parts]}
                   if reading.effect == "amend" else {"kind": "other", "text": reading.rest}),
    }
    if reading.branches:
        found["branches"] = [_as_dict(branch) for branch in reading.branches]
    if reading.kind is None:
        found["effect"] = None
    return found


def _part_dict(part: tuple[str, str, str]) -> dict:
    return {"artikel": part[0], "onderdeel": part[1], "punt": part[2]}

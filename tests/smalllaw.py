"""A small law made to fit one instruction sentence: every element its targets name, with
the quoted words the instruction looks for, in the plain law-text format. For running real
sentences (tests/fixtures/devcorpus) through the apply engine without their laws: what
matters is that the engine applies or refuses, never crashes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from consolidator.model import (
    DeletePunctuation, DeleteWords, InsertWords, ReplaceAfter, ReplacePunctuation, ReplaceWords,
    Sentence,
)

STRUCTURAL = ("boek", "deel", "hoofdstuk", "titel", "afdeling", "paragraaf", "subparagraaf")
_WORDS = {"hoofdstuk": "Hoofdstuk", "titel": "Titel", "afdeling": "Afdeling",
          "paragraaf": "§", "subparagraaf": "§"}


@dataclass
class _Part:
    """A lid, an onderdeel or an article's text: words, volzinnen, items."""

    words: list = field(default_factory=list)
    volzinnen: int = 1
    items: dict = field(default_factory=dict)  # label → _Part
    terms: list = field(default_factory=list)

    def lines(self, indent: str = "") -> list[str]:
        text = " ".join(f"Zin {n} over de zaak {' '.join(self.words) if n == 1 else ''}."
                        .replace("  ", " ").replace(" .", ".")
                        for n in range(1, self.volzinnen + 1))
        if self.terms:
            text = text[:-1] + ":"
        out = [text]
        for term in self.terms:
            out.append(f"{indent}  – {term}: de betekenis;")
        for label, part in self.items.items():
            sub = part.lines(indent + "  ")
            out.append(f"{indent}  {label}. {sub[0]}")
            out.extend(sub[1:])
        return out


@dataclass
class _Article:
    title: str = "Opschrift"
    text: _Part = field(default_factory=_Part)
    leden: dict = field(default_factory=dict)


class SmallLaw:
    """The elements of a law that some sentences name, grown step by step."""

    def __init__(self):
        self.headings: list[tuple[str, str]] = []
        self.articles: dict[str, _Article] = {}

    def add(self, steps, words: tuple[str, ...] = ()) -> bool:
        """Make the elements ``steps`` name; False for a step this builder cannot make."""
        part: Optional[_Part] = None
        article = None
        for step in steps:
            kind, number = step.kind, step.number
            if kind in STRUCTURAL:
                if (kind, number) not in self.headings:
                    self.headings.append((kind, number))
            elif kind == "artikel":
                article = self.articles.setdefault(number, _Article())
                part = article.text
            elif kind == "lid" and article is not None:
                part = article.leden.setdefault(number, _Part())
            elif kind in ("onderdeel", "subonderdeel") and part is not None:
                part = part.items.setdefault(number.rstrip("."), _Part())
            elif kind == "volzin" and part is not None:
                part.volzinnen = max(part.volzinnen, _ordinal(number) + 1)
            elif kind == "definition" and part is not None:
                if number not in part.terms:
                    part.terms.append(number)
            elif kind not in ("opschrift", "aanhef", "alinea"):
                return False
        if part is not None:
            part.words.extend(w for w in words if w)
        return True

    def text(self) -> str:
        lines = ["Wet proef"]
        for kind, number in self.headings:
            lines.append(f"{_WORDS.get(kind, kind.capitalize())} {number}. Opschrift")
        for number, article in self.articles.items():
            lines.append(f"Artikel {number}. {article.title}")
            if article.leden:
                for nr, lid in article.leden.items():
                    first, *rest = lid.lines()
                    lines += [f"{nr}. {first}", *rest]
            else:
                lines += article.text.lines()
        return "\n".join(lines) + "\n"


def _ordinal(number: str) -> int:
    words = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste"]
    if number.lstrip("-").isdigit():
        return abs(int(number))
    return words.index(number) + 1 if number in words else 1


def quoted(ins) -> tuple[str, ...]:
    """The words an instruction looks for in its target."""
    if isinstance(ins, ReplaceWords):
        return (ins.old,)
    if isinstance(ins, DeleteWords):
        return (ins.anchor, ins.words) if ins.position != "before" else (ins.words, ins.anchor)
    if isinstance(ins, (InsertWords, ReplaceAfter)):
        return (ins.anchor,)
    if isinstance(ins, ReplacePunctuation):
        return (ins.old,)
    if isinstance(ins, DeletePunctuation):
        return (ins.mark,)
    return ()


def law_for(sentence: Sentence) -> Optional[str]:
    """The text of a small law the sentence's targets exist in, or None."""
    law = SmallLaw()
    for ins in sentence.instructions:
        for target in ins.targets:
            if not target.steps or not law.add(target.steps, quoted(ins)):
                return None
    if not law.articles and not law.headings:
        return None
    return law.text()


def content_for(ins):
    """Quoted content for an instruction read without its own (a sentence read alone):
    new elements of the kind it names, numbered as it says."""
    from consolidator.model import Content, InsertElement, ReplaceElement

    if not isinstance(ins, (InsertElement, ReplaceElement)) or ins.content.lines \
            or ins.content.onderdelen:
        return ins
    last = ins.targets[0].steps[-1] if ins.targets and ins.targets[0].steps else None
    if isinstance(ins, InsertElement):
        kind, number = ins.element or "", ins.number
    else:
        kind, number = (last.kind, last.number) if last else ("", "")
    lines = []
    for n in range(max(1, ins.count)):
        lines.extend(_new_lines(kind, _nth(number, n, kind)))
    import dataclasses
    return dataclasses.replace(ins, content=Content(tuple(lines)))


def _nth(number: str, n: int, kind: str) -> str:
    if not number:
        number = {"lid": "9", "onderdeel": "x", "artikel": "99"}.get(kind, "9")
    if n == 0:
        return number
    return number + chr(ord("a") + n) if number[-1].isdigit() else number + str(n)


def _new_lines(kind: str, number: str):
    from consolidator.model import ContentLine

    if kind == "lid":
        return [ContentLine("lid", "Een nieuw lid.", label=number)]
    if kind in ("onderdeel", "subonderdeel"):
        return [ContentLine("item", "een nieuw onderdeel;", label=number, level=1)]
    if kind == "artikel":
        return [ContentLine("artikel", "Nieuw", label=number), ContentLine("text", "Nieuw.")]
    if kind in STRUCTURAL:
        return [ContentLine("heading", "Nieuw", label=number, heading_kind=kind),
                ContentLine("artikel", "", label=number + "x"), ContentLine("text", "Nieuw.")]
    if kind == "definition":
        return [ContentLine("text", f"nieuwterm{number}: de betekenis;")]
    if kind == "opschrift":
        return [ContentLine("text", "Nieuw opschrift")]
    return [ContentLine("text", "Een nieuwe volzin.")]

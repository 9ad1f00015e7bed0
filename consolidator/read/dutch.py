"""Instructions back to canonical Dutch, in the wording of the Aanwijzingen.

``render(instruction)`` gives the sentence and the content lines that follow it;
parsing them again gives the same instruction (the round-trip property the tests
check). Locators are written in full, so the sentence needs no context:
«In artikel 105b, eerste lid, wordt «bijzondere scholen» vervangen door: …».
"""
from __future__ import annotations

from consolidator.model import (
    Content, ContentLine, DeleteElement, DeleteLabel, DeletePunctuation, DeleteWords,
    InsertElement, InsertLabel, InsertWords, Instruction, Locator, Renumber, ReplaceAfter,
    ReplaceElement, ReplacePunctuation, ReplaceWords, Step,
)
from consolidator.numbers import PUNCTUATION_NAMES, ordinal_word

_COUNTS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht",
           9: "negen", 10: "tien"}
_PLURALS = {"artikel": "artikelen", "lid": "leden", "volzin": "volzinnen",
            "onderdeel": "onderdelen", "paragraaf": "paragrafen", "afdeling": "afdelingen",
            "hoofdstuk": "hoofdstukken", "titel": "titels", "subonderdeel": "subonderdelen"}
_DE_WORDS = {"volzin", "paragraaf", "afdeling", "titel", "definition"}
_STRUCTURE = ("boek", "deel", "hoofdstuk", "titel", "afdeling", "paragraaf", "subparagraaf")


class NotRenderable(ValueError):
    """An instruction whose meaning depends on the act around it (places in an act)."""


# ---------------------------------------------------------------------------- locators


def locator(loc: Locator) -> str:
    """«artikel 100, vijfde lid, onderdeel a», «paragraaf 7 van titel III, afdeling II»."""
    steps = list(loc.steps)
    if any(s.kind.startswith("act-") for s in steps):
        raise NotRenderable("a place in an act")
    if steps and steps[0].kind == "inhoudsopgave":
        return _toc(steps)
    structure = [s for s in steps if s.kind in _STRUCTURE]
    inner = [s for s in steps if s.kind not in _STRUCTURE]
    head = [s for s in inner if s.kind in ("opschrift", "aanhef")]
    body = [s for s in inner if s.kind not in ("opschrift", "aanhef")]
    text = ", ".join(_step(s) for s in body)
    if structure:
        innermost = _step(structure[-1])
        outer = ", ".join(_step(s) for s in reversed(structure[:-1]))
        struct_text = innermost + (f" van {outer}" if outer else "")
        text = f"{text} van {struct_text}" if text else struct_text
    if head:
        text = f"{_step(head[0])} van {text}" if text else _step(head[0])
    return text or "de regeling"


def _step(step: Step) -> str:
    kind, number = step.kind, step.number
    if kind == "lid":
        return f"{_ordinal(number)} lid"
    if kind == "volzin":
        return f"{_ordinal(number)} volzin"
    if kind == "onderdeel":
        return f"onderdeel {number}" + (f" ({step.qualifier})" if step.qualifier else "")
    if kind == "subonderdeel":
        return f"subonderdeel {number}"
    if kind in ("opschrift",):
        return "het opschrift"
    if kind == "aanhef":
        return "de aanhef"
    if kind == "definition":
        return f"de begripsomschrijving «{number}»"
    return f"{kind} {number}"


def _ordinal(number: str) -> str:
    return ordinal_word(int(number))


def _toc(steps: list[Step]) -> str:
    if len(steps) == 1:
        return "de inhoudsopgave"
    kind, _, number = steps[1].number.partition(" ")
    kind = "paragraaf" if kind == "§" else kind.lower()
    return f"de omschrijving van {kind} {number}"


def _targets(targets: tuple[Locator, ...]) -> str:
    grouped = _grouped(targets)
    if grouped:
        return grouped
    texts = [locator(t) for t in targets]
    return ", en ".join(texts)


def _grouped(targets: tuple[Locator, ...]) -> str:
    """«artikel 96, eerste en vijfde lid» for targets that differ only in the last
    lid or volzin."""
    if len(targets) < 2:
        return ""
    prefix = targets[0].steps[:-1]
    kinds = {t.steps[-1].kind for t in targets}
    if any(t.steps[:-1] != prefix for t in targets) or len(kinds) != 1 \
            or kinds & {"lid", "volzin"} != kinds:
        return ""
    words = [_ordinal(t.steps[-1].number) for t in targets]
    listed = ", ".join(words[:-1]) + " en " + words[-1]
    head = locator(Locator(prefix))
    last = f"{listed} {kinds.pop()}"
    return f"{head}, {last}" if prefix else f"het {last}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------- instructions


def render(ins: Instruction) -> tuple[str, list[str]]:
    """(sentence, content lines) in canonical Dutch."""
    handler = RENDER[type(ins)]
    result = handler(ins)
    return result if isinstance(result, tuple) else (result, [])


def _telkens(ins) -> str:
    return " telkens" if getattr(ins, "telkens", False) else ""


def _replace_words(ins: ReplaceWords) -> str:
    return f"In {_targets(ins.targets)} wordt «{ins.old}»{_telkens(ins)} vervangen door: {ins.new}."


def _replace_after(ins: ReplaceAfter) -> str:
    direction = "na" if ins.position == "after" else "voor"
    return (f"In {_targets(ins.targets)} wordt het gedeelte {direction} «{ins.anchor}» "
            f"vervangen door: {ins.new}.")


def _delete_words(ins: DeleteWords) -> str:
    if ins.anchor:
        direction = "na" if ins.position == "after" else "voor"
        return (f"In {_targets(ins.targets)} vervalt {direction} «{ins.anchor}»"
                f"{_telkens(ins)}: {ins.words}.")
    return f"In {_targets(ins.targets)} vervalt{_telkens(ins)}: {ins.words}."


def _insert_words(ins: InsertWords) -> str:
    if ins.position in ("after", "before"):
        direction = "na" if ins.position == "after" else "voor"
        return (f"In {_targets(ins.targets)} wordt {direction} «{ins.anchor}»{_telkens(ins)} "
                f"ingevoegd: {ins.new}.")
    return f"In {_targets(ins.targets)} wordt aan het eind toegevoegd: {ins.new}."


def _replace_punct(ins: ReplacePunctuation) -> str:
    old = PUNCTUATION_NAMES[ins.old]
    new = f"een {PUNCTUATION_NAMES[ins.new]}" if ins.new in PUNCTUATION_NAMES else f"«{ins.new}»"
    return f"In {_targets(ins.targets)} wordt de {old} vervangen door {new}."


def _delete_punct(ins: DeletePunctuation) -> str:
    return f"In {_targets(ins.targets)} vervalt de {PUNCTUATION_NAMES[ins.mark]}."


def _delete_label(ins: DeleteLabel) -> str:
    return f"De aanduiding van {_targets(ins.targets)} vervalt."


def _delete_element(ins: DeleteElement) -> str:
    verb = "vervallen" if len(ins.targets) > 1 else "vervalt"
    return f"{_cap(_targets(ins.targets))} {verb}."


def _replace_element(ins: ReplaceElement):
    lines = content_lines(ins.content)
    if ins.count > 1:
        plural = _PLURALS.get(ins.element, ins.element)
        return (f"{_cap(_targets(ins.targets))} wordt vervangen door {_COUNTS[ins.count]} "
                f"nieuwe {plural}, luidende:", lines)
    verb = "komen" if len(ins.targets) > 1 else "komt"
    return f"{_cap(_targets(ins.targets))} {verb} te luiden:", lines


def _insert_element(ins: InsertElement):
    lines = content_lines(ins.content)
    new = _new_element(ins)
    if ins.position in ("after", "before"):
        prep = "Na" if ins.position == "after" else "Voor"
        if ins.count > 1:
            return (f"{prep} {_targets(ins.targets)} worden {new} ingevoegd, luidende:", lines)
        middle = f" {new}" if new else ""
        return f"{prep} {_targets(ins.targets)} wordt ingevoegd{middle}, luidende:", lines
    verb = "worden" if ins.count > 1 else "wordt"
    middle = f" {new}" if new else ""
    return f"Aan {_targets(ins.targets)} {verb}{middle} toegevoegd, luidende:", lines


def _new_element(ins: InsertElement) -> str:
    if not ins.element:
        return ""
    if ins.count > 1:
        return f"{_COUNTS[ins.count]} nieuwe {_PLURALS.get(ins.element, ins.element)}"
    if ins.number and ins.number.isdigit() and ins.element in ("lid", "volzin"):
        return f"een {_ordinal(ins.number)} {ins.element}"
    new = "een nieuwe" if ins.element in _DE_WORDS else "een nieuw"
    return f"{new} {ins.element}" + (f" {ins.number}" if ins.number else "")


def _renumber(ins: Renumber) -> str:
    numbers = list(ins.new_numbers)
    new = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " en " + numbers[-1]
    verb = "worden" if len(ins.targets) > 1 else "wordt"
    return f"{_cap(_targets(ins.targets))} {verb} vernummerd tot {new}."


def _insert_label(ins: InsertLabel) -> str:
    return (f"Voor de tekst van {_targets(ins.targets)} wordt de aanduiding «{ins.label}.» "
            "geplaatst.")


RENDER = {
    ReplaceWords: _replace_words, ReplaceAfter: _replace_after, DeleteWords: _delete_words,
    InsertWords: _insert_words, ReplacePunctuation: _replace_punct,
    DeletePunctuation: _delete_punct, DeleteLabel: _delete_label,
    DeleteElement: _delete_element, ReplaceElement: _replace_element,
    InsertElement: _insert_element, Renumber: _renumber, InsertLabel: _insert_label,
}


# ---------------------------------------------------------------------------- content


def content_lines(content: Content) -> list[str]:
    """Quoted content in the act's layout: «Artikel 95a. …», « • 1. …», «  a. …»."""
    if content.onderdelen:
        raise NotRenderable("onderdelen of an act as content")
    return [_content_line(line) for line in content.lines]


def _content_line(line: ContentLine) -> str:
    if line.kind == "lid":
        return f" • {line.label}. {line.text}"
    if line.kind == "item":
        return "  " * line.level + f"{line.label}. {line.text}"
    if line.kind == "artikel":
        return f"Artikel {line.label}. {line.text}" if line.text else f"Artikel {line.label}"
    if line.kind == "heading":
        word = "§" if line.heading_kind == "paragraaf" else line.heading_kind.capitalize()
        return f"{word} {line.label}. {line.text}" if line.text else f"{word} {line.label}"
    return line.text

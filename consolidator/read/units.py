"""One unit of an act read on its own: an amendment instruction, an intro, the text of
one lid of an entry-into-force or samenloop ARTIKEL, or a repeal («De Wet … wordt
ingetrokken.»). ``consolidator parse FILE --sentences`` reads a file of such units,
one a line, with ``read_unit``.

Which reader reads a unit is decided by the readers themselves, in this order: the
instruction grammar (instructions, intros and repeals: it knows their shapes
exactly); then, for what it cannot read, the samenloop reader for a lid that opens
with a condition on another act, the entry-into-force reader for a lid that sets
when something takes effect. What none of them reads is refused with the error of
the reader whose shape it has, or with ``kind`` None when it has none of these
shapes (a budget-table change, a substantive rule).

The entry-into-force and samenloop readers belong to the time side:
``consolidator.read.iwt.read_entry_text`` and
``consolidator.read.samenloop.read_samenloop_text``; until they exist, the adapters
below read the lid with what the act reader uses today.

Example::

    >>> read_unit("Artikel 86 vervalt.").kind
    'instruction'
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from consolidator import limits
from consolidator.errors import ActSyntaxError, ConsolidatorError
from consolidator.model import Article, Intro, Repeal, Sentence
from consolidator.read.instructions import NotAnAmendment, parse_sentence
from consolidator.read.outline import instruction_json, law_json

#: The kinds of unit (a contract of ``parse --sentences --json``: never renamed).
UNIT_KINDS = ("instruction", "intro", "entry-into-force", "samenloop", "repeal")


@dataclass(frozen=True)
class Unit:
    """What one unit reads as: ``kind`` (one of ``UNIT_KINDS``, or None for a unit
    refused as none of them), ``ok``, the typed ``result`` as JSON-able data (None
    when refused) and the ``error`` (None when read)."""

    kind: Optional[str]
    ok: bool
    result: Optional[dict]
    error: Optional[str]
    line: int = 1

    def json(self) -> dict[str, Any]:
        return {"line": self.line, "ok": self.ok, "kind": self.kind, "error": self.error,
                "result": self.result}


# A lid or punt number before the unit («1.», «12.», «D.1.» glued to the name): not part
# of the sentence. Only before a capital or a quote, so «1:7 …» is not cut.
_NUMBER_RE = re.compile(r"^(?:[A-Z]\.)?\d+[a-z]?\.\s*(?=[A-Z«‘“'\"])")
# A condition on another act or bill opens a samenloop lid (Aanwijzing 5.68).
_SAMENLOOP_RE = re.compile(r"^(Indien|Ingeval|Wanneer|Zodra|Op het tijdstip)\b.*"
                           r"(tot wet (is|wordt) verheven|in werking (is getreden|treedt)|"
                           r"eerder in werking|later in werking)", re.S)
_OTHER_ACT_RE = re.compile(r"voorstel van (wet|rijkswet)|wetsvoorstel|Kamerstukken|"
                           r"\bwet van \d|die wet|bij koninklijke boodschap|"
                           r"\b(de|het) (Wet|Rijkswet|Besluit|Regeling)\b")
# Entry into force and retroactivity (the words of grammar/iwt.lark's sentences).
_ENTRY_RE = re.compile(r"\b(treedt|treden|trad)\b[^.]*?\bin\s+werking|\bin\s+werking\s+"
                       r"(met ingang|op)\b|werkt\s+terug|terugwerk|\bvervalt\s+met\s+ingang",
                       re.I)


def read_unit(text: str, line: int = 1) -> Unit:
    """Read one unit (one line of a ``--sentences`` file) on its own."""
    body, column = _without_number(text.strip())
    try:
        return _ok(parse_sentence(body, line=line, column=column), line)
    except NotAnAmendment as exc:
        return Unit(None, False, None, _message(exc), line)
    except ActSyntaxError as exc:
        amendment_error = exc
    for kind, reader in (("samenloop", _samenloop), ("entry-into-force", _entry)):
        if reader.applies(body):
            try:
                return Unit(kind, True, reader.read(body), None, line)
            except NotAnAmendment as exc:
                return Unit(None, False, None, _message(exc), line)
            except ConsolidatorError as exc:
                return Unit(kind, False, None, _message(exc, line, column), line)
    return Unit(_refused_kind(body), False, None, _message(amendment_error), line)


def read_units_file(path: str) -> list[Unit]:
    """Every unit of a file of units, one a line (empty lines hold none)."""
    text = limits.read_text(Path(path), ActSyntaxError)
    text = text[1:] if text.startswith("\ufeff") else text
    return [read_unit(line, number) for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()]


def unit_line(unit: Unit) -> str:
    """One line for people: «12: instruction replace-words artikel 5, lid 2».
    A refusal: «12: not read (instruction): line 12, column 4: …»."""
    if not unit.ok:
        return f"{unit.line}: not read ({unit.kind or 'none of the kinds'}): {unit.error}"
    return f"{unit.line}: {unit.kind} {_summary(unit)}"


def _summary(unit: Unit) -> str:
    result = unit.result or {}
    if unit.kind == "instruction":
        return "; ".join(f"{i['kind']} {', '.join(i['targets']) or '(context)'}"
                         for i in result["instructions"])
    if unit.kind == "intro":
        law = (result.get("law") or {}).get("name")
        where = ", ".join(result["targets"]) or law or "(context)"
        return where + (f" from {result['date']}" if result.get("date") else "")
    if unit.kind == "repeal":
        return "; ".join(law["name"] for law in result["regulations"])
    return f"{len(result.get('rules', [])) or 1} rule(s)" if unit.kind == "entry-into-force" \
        else str(result.get("condition", {}).get("kind", ""))


def _without_number(text: str) -> tuple[str, int]:
    """The unit without its lid number, and the column where it starts."""
    match = _NUMBER_RE.match(text)
    return (text[match.end():], match.end() + 1) if match else (text, 1)


def _ok(parsed, line: int) -> Unit:
    if isinstance(parsed, Intro):
        return Unit("intro", True, intro_json(parsed), None, line)
    if isinstance(parsed, Repeal):
        return Unit("repeal", True, repeal_json(parsed), None, line)
    return Unit("instruction", True, sentence_json(parsed), None, line)


def _message(exc: ConsolidatorError, line: int = 0, column: int = 1) -> str:
    """«line N, column C: what went wrong» (no file: the unit is the whole input)."""
    if line and not exc.line:
        exc.line, exc.column = line, column
    elif line and exc.line == 1:  # a reader that counts from the unit's own first line
        exc.line, exc.column = line, exc.column + column - 1
    where = f"line {exc.line}, column {exc.column}: " if exc.line else ""
    return where + exc.message


# ---------------------------------------------------------------------------- results


def sentence_json(sentence: Sentence) -> dict[str, Any]:
    return {"instructions": [instruction_json(i) for i in sentence.instructions],
            "law": law_json(sentence.law), "date": _iso(sentence.date)}


def intro_json(intro: Intro) -> dict[str, Any]:
    return {"targets": [str(t) for t in intro.targets], "law": law_json(intro.law),
            "date": _iso(intro.date)}


def repeal_json(repeal: Repeal) -> dict[str, Any]:
    return {"regulations": [law_json(law) for law in repeal.laws]}


def _iso(date: Optional[_dt.date]) -> Optional[str]:
    return date.isoformat() if date else None


# ---------------------------------------------------------------------------- other kinds


@dataclass(frozen=True)
class _Reader:
    """A reader of the time side: when it applies, and how it reads."""

    applies: Callable[[str], bool]
    read: Callable[[str], dict]


def _time_side(module: str, name: str) -> Optional[Callable]:
    """The time side's reader, once its owner has written it."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _read_samenloop(text: str) -> dict:
    reader = _time_side("consolidator.read.samenloop", "read_samenloop_text")
    if reader is not None:
        return {"condition": _plain(reader(text))}
    return {"condition": _samenloop_adapter(text)}


def _samenloop_adapter(text: str) -> dict:
    """The condition as the act reader reads it today (read/act.py)."""
    if re.search(r"nog niet in werking", text):
        kind = "not-yet"
    elif re.search(r"op of na het tijdstip waarop .* in werking is getreden", text, re.S):
        kind = "on-or-after"
    else:
        raise ActSyntaxError("cannot read the condition of this samenloop lid", line=1, column=1)
    kamerstuk = re.search(r"Kamerstukken\s+I{1,2},?\s*[\d/]+,\s*([\d ]+?\d),\s*nr\.", text)
    return {"kind": kind, "other": kamerstuk.group(1) if kamerstuk else ""}


def _is_samenloop(text: str) -> bool:
    return bool(_SAMENLOOP_RE.match(text) and _OTHER_ACT_RE.search(text))


def _read_entry(text: str) -> dict:
    reader = _time_side("consolidator.read.iwt", "read_entry_text")
    if reader is not None:
        return {"rules": _plain(reader(text))}
    return {"rules": _entry_adapter(text)}


def _entry_adapter(text: str) -> list:
    """The rules of one lid as the act reader reads an entry-into-force ARTIKEL today."""
    from consolidator.read.iwt import rules_from_article  # the time side's module

    found = rules_from_article(Article(number="", kind="entry-into-force", text=(text,)))
    return [_plain(rule) for rule in found.rules + found.retro]


def _is_entry(text: str) -> bool:
    return bool(_ENTRY_RE.search(text))


_samenloop = _Reader(_is_samenloop, _read_samenloop)
_entry = _Reader(_is_entry, _read_entry)


def _plain(value) -> Any:
    """Dataclasses, tuples and dates as JSON-able data (a dataclass names its type)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {"type": type(value).__name__}
        data.update({f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                     if f.name not in ("span",)})
        return data
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


# ---------------------------------------------------------------------------- refusals

# The verbs of an amendment (Aanwijzingen 6.9–6.18) and of an intro.
_INTRO_RE = re.compile(r"(als volgt gewijzigd|gewijzigd als volgt|wijzigingen aangebracht)\s*[:.]?$")
_INSTRUCTION_RE = re.compile(r"\b(vervangen door|vervalt|vervallen|ingevoegd|toegevoegd|"
                             r"te luiden|vernummerd|geletterd|geplaatst)\b")
_REPEAL_RE = re.compile(r"^(De|Het)\s.*\b(wordt|worden)\s+ingetrokken\s*\.?$", re.S)


def _refused_kind(text: str) -> Optional[str]:
    """The kind a unit no reader read has the shape of: its error is that reader's. A
    condition («Indien …», «Ingeval …») is no instruction or intro by itself."""
    if re.match(r"(Indien|Ingeval|Wanneer|Zodra)\b", text):
        return None
    if _INTRO_RE.search(text):
        return "intro"
    if _REPEAL_RE.match(text):
        return "repeal"
    if _INSTRUCTION_RE.search(text):
        return "instruction"
    return None

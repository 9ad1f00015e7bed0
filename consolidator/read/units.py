"""One unit of an act read on its own: an amendment instruction, an intro, the text of
one lid of an entry-into-force or samenloop ARTIKEL, or a repeal («De Wet … wordt
ingetrokken.»). ``consolidator parse FILE --sentences`` reads a file of such units,
one a line, with ``read_unit``.

Which reader reads a unit is decided by the readers themselves, each with its own
grammar, in this order: the instruction grammar (instructions, intros and repeals: it
knows their shapes exactly); then, for what it cannot read, the samenloop reader
(``read.samenloop.read_samenloop_text``) and the entry-into-force reader
(``read.iwt.read_entry_text``). An entry-into-force reading counts only when it sets a
time (a rule other than a note) or is a decree's closing formula: a lid whose every
sentence is a note («Artikel 5 is van toepassing.») sets nothing and is not one. What
none of them reads is refused with the error of the reader whose shape it has, or with
``kind`` None when it has none of these shapes (a budget-table change, a substantive
rule).

Example::

    >>> read_unit("Artikel 86 vervalt.").kind
    'instruction'
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from consolidator import limits
from consolidator.errors import ActSyntaxError, ConsolidatorError
from consolidator.model import Intro, Repeal, Sentence
from consolidator.read.instructions import NotAnAmendment, parse_sentence
from consolidator.read.iwt import read_entry_text
from consolidator.read.samenloop import read_samenloop_text
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
# A condition opens a samenloop lid (Aanwijzing 5.68); its consequence, after the comma, changes
# a text with the verb first («Indien …, wordt artikel 5 als volgt gewijzigd:»).
_CONDITION_RE = re.compile(r"(Indien|Ingeval|Wanneer|Zodra|Voor het geval)\b")
_CHANGES_RE = re.compile(r",\s*(wordt|worden|komt|komen|vervalt|vervallen)\s")
# Entry into force and retroactivity (the words of grammar/iwt.lark's sentences).
_ENTRY_RE = re.compile(r"\b(treedt|treden|trad)\b[^.]*?\bin\s*werking|\bin\s*werking\s+"
                       r"(met ingang|op)\b|werkt\s+terug|terugwerk|\bvervalt\s+met\s+ingang|"
                       r"\bgeldt\s+met\s+ingang|\bbedoelde\s+tijdstip", re.I)
# A decree's closing formula: no rule, yet part of its entry-into-force article.
_CLOSING_RE = re.compile(r"is belast met de uitvoering van (dit|deze) (besluit|regeling|"
                         r"beschikking)", re.I)


def read_unit(text: str, line: int = 1) -> Unit:
    """Read one unit (one line of a ``--sentences`` file) on its own."""
    body, column = _without_number(text.strip())
    try:
        return _ok(parse_sentence(body, line=line, column=column), line)
    except NotAnAmendment as exc:
        return Unit(None, False, None, _message(exc), line)
    except ActSyntaxError as exc:
        errors = {None: exc, "instruction": exc, "intro": exc, "repeal": exc}
    for kind, reader in (("samenloop", _read_samenloop), ("entry-into-force", _read_entry)):
        try:
            return Unit(kind, True, reader(body), None, line)
        except ConsolidatorError as exc:
            errors[kind] = exc
    kind = _refused_kind(body)
    error = errors[kind]
    if kind in ("samenloop", "entry-into-force"):
        return Unit(kind, False, None, _message(error, line, column), line)
    return Unit(kind, False, None, _message(error), line)


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


def _read_samenloop(text: str) -> dict:
    return {"condition": _plain(read_samenloop_text(text))}


def _read_entry(text: str) -> dict:
    rules = _plain(read_entry_text(text))
    sets_time = any(rule.get("rule") not in ("note", "transitional") for rule in rules)
    if not sets_time and not _CLOSING_RE.search(text):
        raise ActSyntaxError("sets no time: none of its sentences says when anything takes "
                             "effect, so it is no entry-into-force lid", line=1, column=1)
    return {"rules": rules}


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
    condition («Indien …», «Ingeval …») is a samenloop lid when its consequence changes a
    text; otherwise none (a rule on which provisions apply)."""
    if _CONDITION_RE.match(text):
        return "samenloop" if _CHANGES_RE.search(text) else None
    if _ENTRY_RE.search(text):
        return "entry-into-force"
    if _INTRO_RE.search(text):
        return "intro"
    if _REPEAL_RE.match(text):
        return "repeal"
    if _INSTRUCTION_RE.search(text):
        return "instruction"
    return None

"""Entry-into-force rules as JSON-able dicts: what ``parse --json`` prints per
entry-into-force ARTIKEL and what ``read_entry_text`` returns per lid.

One dict per rule::

    {"rule": "in-force" | "retroactive" | "expires" | "decree-may-set" | "note" |
             "transitional",
     "target": null | {"name", "kind", "stb"},      # null: the act itself
     "scope": {"whole": bool, "include": [part], "exclude": [part]},
     "moment": {"kind": …, …},                      # when (retroactive: back to when)
     "conditions": [{"kind": …, …}],
     "text": "ARTIKEL II: met ingang van 1 januari 1997"}

A part is ``{"artikel", "onderdeel", "punt", "qualifier", "unit", "through"}``
(``through``: the last part of a range, or null). A ``note`` has only ``rule``
and ``text``: a sentence of the article that sets no time (publication,
citeertitel, first application); so has a ``transitional`` one: transitional law
(how the act applies to cases of before its entry into force), never a time.
The names are a contract: never rename.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any, Optional

from consolidator.read import iwtrules as r


def entry_rules_json(rules: r.EntryRules) -> list[dict[str, Any]]:
    """Every rule of ``rules`` (one act's, or those it sets for ``rules.target``)."""
    target = law_json(rules.target)
    out = [rule_json(rule, target) for rule in rules.rules]
    out += [retro_json(rule, target) for rule in rules.retro]
    out += [expiry_json(rule, target) for rule in rules.expiry]
    out += [{"rule": "note", "text": note} for note in rules.notes]
    out += [{"rule": "transitional", "text": text} for text in rules.transitional]
    return out


def law_json(law) -> Optional[dict[str, Any]]:
    if law is None:
        return None
    return {"name": law.name, "kind": law.kind, "stb": law.stb or None}


def rule_json(rule: r.Rule, target) -> dict[str, Any]:
    return {"rule": "decree-may-set" if rule.optional else "in-force", "target": target,
            "scope": scope_json(rule.scope), "moment": moment_json(rule.moment),
            "conditions": [condition_json(c) for c in rule.conditions], "text": rule.reason}


def retro_json(rule: r.RetroRule, target) -> dict[str, Any]:
    return {"rule": "retroactive", "target": target, "scope": scope_json(rule.scope),
            "moment": moment_json(rule.back_to),
            "conditions": [condition_json(c) for c in rule.conditions], "text": rule.reason}


def expiry_json(rule: r.ExpiryRule, target) -> dict[str, Any]:
    return {"rule": "expires", "target": target,
            "scope": scope_json(rule.scope), "moment": moment_json(rule.moment),
            "conditions": [condition_json(c) for c in rule.conditions], "text": rule.reason}


def scope_json(scope: r.Scope) -> dict[str, Any]:
    return {"whole": scope.whole, "include": [ref_json(ref) for ref in scope.include],
            "exclude": [ref_json(ref) for ref in scope.exclude]}


def ref_json(ref: r.Ref) -> dict[str, Any]:
    data = part_json(ref.first)
    data["through"] = part_json(ref.last) if ref.last else None
    return data


def part_json(part: r.Part) -> dict[str, Any]:
    return {name: getattr(part, name) or None
            for name in ("artikel", "onderdeel", "punt", "qualifier", "unit")}


def moment_json(moment) -> dict[str, Any]:
    """A moment as ``{"kind": …}`` plus its fields; dates as YYYY-MM-DD, nested
    moments and act references as dicts."""
    data: dict[str, Any] = {"kind": moment.KIND}
    for field in dataclasses.fields(moment):
        data[field.name] = _value(getattr(moment, field.name))
    return data


def condition_json(condition) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": condition.KIND}
    for field in dataclasses.fields(condition):
        data[field.name] = _value(getattr(condition, field.name))
    return data


def _value(value):
    """Dates as YYYY-MM-DD; an empty string, no day of a month or a zero count as
    null, so that a moment shows only what it says."""
    if value in ("", (0, 0), 0) and not isinstance(value, bool):
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    if dataclasses.is_dataclass(value) and hasattr(value, "KIND"):
        return moment_json(value)
    if dataclasses.is_dataclass(value):
        return {f.name: _value(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name != "span"}
    return value

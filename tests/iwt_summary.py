"""Entry-into-force rules in one line each, for tests: what ``read_entry_text`` gives,
written so a test can list the rules it expects («in-force all except II: date
2010-01-01»). Also the real sentences of the development corpus, found by their words."""
from __future__ import annotations

import json

from conftest import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "devcorpus" / "sentences.jsonl"


def records(kind: str = "entry-into-force") -> list[dict]:
    with CORPUS.open(encoding="utf-8") as handle:
        found = [json.loads(line) for line in handle if line.strip()]
    return [r for r in found if r["expect"]["kind"] == kind]


def sentence(start: str) -> str:
    """The entry-into-force sentence of the corpus that is ``start``, else the one that
    starts with it."""
    texts = [r["text"] for r in records()]
    if start in texts:
        return start
    found = [text for text in texts if text.startswith(start)]
    assert len(found) == 1, (start, len(found))
    return found[0]


def summary(rules: list[dict]) -> list[str]:
    return [line(rule) for rule in rules]


def line(rule: dict) -> str:
    if rule["rule"] in ("note", "transitional"):
        return f"{rule['rule']}: {rule['text']}"
    target = rule["target"]
    head = rule["rule"] + (f" [{target['kind']} {target['name']}]" if target else "")
    text = f"{head} {scope(rule['scope'])}: {moment(rule['moment'])}"
    for condition in rule["conditions"]:
        text += f" if {_condition(condition)}"
    return text


def scope(data: dict) -> str:
    text = "all" if data["whole"] else ", ".join(part(p) for p in data["include"])
    if data["exclude"]:
        text += " except " + ", ".join(part(p) for p in data["exclude"])
    return text


def part(data: dict) -> str:
    if data["unit"]:
        text = data["unit"]
    else:
        text = data["artikel"] or "?"
        text += f".{data['onderdeel']}" if data["onderdeel"] else ""
        text += f".{'' if data['onderdeel'] else 'punt '}{data['punt']}" if data["punt"] else ""
    if data["qualifier"]:
        text += f"({data['qualifier']})"
    if data.get("through"):
        text += "-" + part(data["through"])
    return text


def moment(data: dict) -> str:
    kind = data["kind"]
    if kind == "date":
        return f"date {data['date']}" + (f" {data['clock']}" if data["clock"] else "")
    if kind == "after-publication":
        fields = {k: v for k, v in data.items() if k != "kind" and v}
        return "after-publication " + " ".join(f"{k}={v}" for k, v in fields.items())
    if kind == "delegated":
        text = f"delegated {data['by']}"
        text += f" ({data['who']})" if data["who"] else ""
        text += f" day {data['day_month']}" if data["day_month"] else ""
        return text + (" may differ" if data["may_differ"] else "")
    if kind == "tied":
        other = data["other"]
        text = f"tied {other['kind']} '{other['name'] or other['text']}'"
        for key in ("parts", "stb", "kamerstuk"):
            text += f" {key} '{other[key]}'" if other[key] else ""
        return text + (f" ({data['event']})" if data["event"] != "in-force" else "")
    if kind in ("latest", "earliest"):
        return f"{kind}({'; '.join(moment(m) for m in data['moments'])})"
    if kind == "referred":
        return f"referred '{data['provision']}'" + (f" day {data['day_month']}"
                                                     if data["day_month"] else "")
    if kind == "event":
        return f"event '{data['text']}'"
    if kind == "after-entry":
        return f"after-entry days={data['days']}"
    return kind


def _condition(data: dict) -> str:
    if data["kind"] == "proviso":
        return f"proviso '{data['text']}'"
    against = data["date"] or moment(data["against"])
    offset = f"{data['offset_days']:+d}d" if data["offset_days"] else ""
    return f"published{data['op']}{against}{offset}"

"""Views of a parsed act: a readable outline and a JSON document."""
from __future__ import annotations

import dataclasses
from typing import Any, Optional

from consolidator.model import Act, Article, Content, Instruction, LawRef, Onderdeel
from consolidator.read.iwt import act_rules_json

#: Fields every instruction has; the others are the fields of its kind.
_COMMON = ("targets", "place", "span", "content")


def instruction_json(ins: Instruction) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": ins.kind, "line": ins.span.line, "column": ins.span.column,
        "targets": [str(t) for t in ins.targets],
        "punt": ins.place.punt or None, "subpunt": ins.place.subpunt or None,
    }
    for field in dataclasses.fields(ins):
        if field.name not in _COMMON:
            value = getattr(ins, field.name)
            data[field.name] = list(value) if isinstance(value, tuple) else value
    content = getattr(ins, "content", None)
    if content is not None:
        data["content"] = content_json(content)
    return data


def content_json(content: Content) -> dict[str, Any]:
    return {
        "lines": [{k: v for k, v in dataclasses.asdict(line).items() if k != "span"}
                  for line in content.lines],
        "onderdelen": [onderdeel_json(o) for o in content.onderdelen],
    }


def onderdeel_json(onderdeel: Onderdeel) -> dict[str, Any]:
    return {
        "label": onderdeel.label or None, "line": onderdeel.span.line,
        "context": str(onderdeel.context) if onderdeel.context.steps else None,
        "date": onderdeel.date.isoformat() if onderdeel.date else None,
        "instructions": [instruction_json(i) for i in onderdeel.instructions],
    }


def law_json(law: Optional[LawRef]) -> Optional[dict[str, Any]]:
    """A regulation as the act names it: its name, what it is, its date and numbers."""
    if law is None:
        return None
    return {"name": law.name, "kind": law.kind, "doc": law.doc or None,
            "date": law.date.isoformat() if law.date else None, "stb": law.stb or None,
            "stcrt": law.stcrt or None, "number": law.number or None,
            "kamerstuk": law.kamerstuk or None}


def article_json(article: Article) -> dict[str, Any]:
    law = article.law
    return {
        "number": article.number, "kind": article.kind, "heading": article.heading or None,
        "chapter": article.chapter or None, "line": article.span.line,
        "law": law.name if law else None,
        "law_kind": law.kind if law else None, "law_stb": (law.stb or None) if law else None,
        "condition": condition_json(article.condition),
        "onderdelen": [onderdeel_json(o) for o in article.onderdelen],
        "text": list(article.text),
        "law_ref": law_json(law), "date": article.date.isoformat() if article.date else None,
        "repeals": [{"line": r.span.line, "regulations": [law_json(x) for x in r.laws],
                     "date": r.date.isoformat() if r.date else None} for r in article.repeals],
        "branches": [article_json(b) for b in article.branches],
    }


def condition_json(condition) -> Optional[dict[str, Any]]:
    """A samenloop condition (read/samenloop.py): how it compares the acts, the other act,
    the parts compared."""
    if condition is None:
        return None
    parts = [{"artikel": a, "onderdeel": o or None, "punt": p or None}
             for a, o, p in condition.other_parts]
    own = [{"artikel": a, "onderdeel": o or None, "punt": p or None}
           for a, o, p in condition.this_parts]
    return {"kind": condition.kind, "other": condition.other, "text": condition.text,
            "act": law_json(condition.act), "other_parts": parts, "this_parts": own,
            "line": condition.span.line}


def act_json(act: Act) -> dict[str, Any]:
    """The JSON document of ``consolidator parse --json``. An entry-into-force ARTIKEL
    also has ``rules`` (read/iwtjson.py) and ``rules_error`` (null, or why it was not
    read, with its line and column)."""
    rules = act_rules_json(act)
    return {
        "title": act.title, "stb": act.stb or None,
        "signed": act.signed.isoformat() if act.signed else None,
        "published": act.published.isoformat() if act.published else None,
        "instruction_count": len(act.instructions),
        "articles": [dict(article_json(a), **rules.get(a.number, {})) if
                     a.kind == "entry-into-force" else article_json(a) for a in act.articles],
        "footnotes": [{"number": f.number, "text": f.text} for f in act.footnotes],
    }


def act_outline(act: Act) -> str:
    """A readable outline: articles, onderdelen, one line per instruction."""
    lines = [act.title]
    facts = [f"Stb. {act.stb}" if act.stb else "",
             f"signed {act.signed}" if act.signed else "",
             f"published {act.published}" if act.published else "",
             f"{len(act.instructions)} instructions"]
    lines.append("  " + ", ".join(f for f in facts if f))
    for article in act.articles:
        lines.extend(_article_outline(article))
    return "\n".join(lines) + "\n"


def _article_outline(article: Article) -> list[str]:
    law = f" → {article.law.name}" if article.law else ""
    heading = f". {article.heading}" if article.heading else ""
    out = [f"ARTIKEL {article.number}{heading} [{article.kind}]{law}"]
    if article.condition:
        out.append(f"  if {article.condition.kind}: {article.condition.other}")
    for n, branch in enumerate(article.branches, 1):
        out.append(f"  ({n}.)" + (f" → {branch.law.name}" if branch.law else ""))
        out.extend("  " + line for line in _article_outline(branch)[1:])
    for onderdeel in article.onderdelen:
        label = onderdeel.label or "(whole article)"
        context = f" in {onderdeel.context}" if onderdeel.context.steps else ""
        out.append(f"  {label}{context}")
        for ins in onderdeel.instructions:
            out.append(f"    {ins.span.line}:{ins.span.column}  {_summary(ins)}")
    for repeal in article.repeals:
        out.append(f"  {repeal.span.line}:{repeal.span.column}  withdraws "
                   + "; ".join(law.name for law in repeal.laws))
    if not article.onderdelen and not article.repeals and article.text:
        first = article.text[0]
        out.append(f"  {first[:100]}{'…' if len(first) > 100 else ''}")
    return out


def _summary(ins: Instruction) -> str:
    where = "; ".join(str(t) for t in ins.targets)
    punt = f"punt {ins.place.punt}: " if ins.place.punt else ""
    detail = ""
    if getattr(ins, "old", None) and getattr(ins, "new", None) is not None:
        detail = f" «{_short(ins.old)}» → «{_short(ins.new)}»"
    elif getattr(ins, "words", None):
        detail = f" «{_short(ins.words)}»"
    elif getattr(ins, "new", None):
        detail = f" + «{_short(ins.new)}»"
    if getattr(ins, "telkens", False):
        detail += " (telkens)"
    return f"{punt}{ins.kind} {where}{detail}"


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

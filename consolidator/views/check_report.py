"""The findings of the drafter's check (``views.check``) and how they are shown.

A ``Problem`` is one finding with its severity, kind, message, position and place in the
act; ``render_text`` writes them for people (the act's line with the position marked),
``render_json`` for tools.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Optional

from consolidator.errors import (
    AmbiguousTarget, ApplyError, NumberMismatch, NumberTaken, TargetNotFound, underline,
)
from consolidator.model import Place, Span

ERROR, WARNING = "error", "warning"

#: the kind of an apply error (any other: «not-applied»)
_KINDS = ((NumberTaken, "number-taken"), (NumberMismatch, "number-mismatch"),
          (AmbiguousTarget, "ambiguous"), (TargetNotFound, "not-found"))


@dataclass(frozen=True)
class Problem:
    """One finding. ``line``/``column`` are 1-based positions in the act (0 when the
    finding is about the act as a whole); ``artikel``, ``onderdeel``, ``punt`` and
    ``subpunt`` its place in the act; ``law`` the id of the law it concerns."""

    severity: str
    kind: str
    message: str
    line: int = 0
    column: int = 0
    artikel: str = ""
    onderdeel: str = ""
    punt: str = ""
    subpunt: str = ""
    law: str = ""

    @property
    def place(self) -> str:
        """«ARTIKEL I, onderdeel D, punt 2»."""
        parts = [f"ARTIKEL {self.artikel}"] if self.artikel else []
        for word, value in (("onderdeel", self.onderdeel), ("punt", self.punt),
                            ("subpunt", self.subpunt)):
            if value:
                parts.append(f"{word} {value}")
        return ", ".join(parts)

    def as_json(self) -> dict:
        data = asdict(self)
        data["place"] = self.place
        return data


def problem(severity: str, kind: str, message: str, span: Optional[Span] = None,
            place: Optional[Place] = None, law: str = "") -> Problem:
    span = span or Span(0, 0)
    place = place or Place()
    return Problem(severity, kind, message, span.line, span.column, place.article,
                   place.onderdeel, place.punt, place.subpunt, law)


def error_kind(exc: ApplyError) -> str:
    """«not-found», «ambiguous», «number-taken», «number-mismatch», else «not-applied»."""
    return next((k for cls, k in _KINDS if isinstance(exc, cls)), "not-applied")


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """In the order of the act; at one position errors first."""
    return sorted(problems, key=lambda p: (p.line or 10 ** 9, p.column,
                                           p.severity != ERROR, p.kind, p.law, p.message))


def unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)


def render_json(problems: list[Problem]) -> list[dict]:
    """The problems as JSON-ready dicts, for tools."""
    return [p.as_json() for p in problems]


def render_text(problems: list[Problem], act_file: Path) -> str:
    """One block per problem: «FILE:LINE:COL: severity [kind] place (law): message»,
    the act's line with the position marked; then a count."""
    try:
        lines = Path(act_file).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    out = []
    for p in problems:
        where = f"{act_file}:{p.line}:{p.column}" if p.line else str(act_file)
        place = f" {p.place}" if p.place else ""
        law = f" ({p.law})" if p.law else ""
        out.append(f"{where}: {p.severity} [{p.kind}]{place}{law}: {p.message}")
        if p.line and p.line <= len(lines) and p.column:
            out.append(underline(lines[p.line - 1], p.column, 1))
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    out.append(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return "\n".join(out) + "\n"

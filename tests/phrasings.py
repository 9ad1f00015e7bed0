"""Reader for tests/fixtures/phrasings.txt: real instruction sentences with their kinds."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "phrasings.txt"


@dataclass
class Phrasing:
    line: int
    sentence: str
    kinds: list[str]
    context: str = ""
    content: list[str] = field(default_factory=list)
    source: str = ""


def read_phrasings(path: Path = FIXTURE) -> list[Phrasing]:
    blocks, current, source = [], None, ""
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if raw.startswith("# source:"):
            source = raw[len("# source:"):].strip()
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("context:"):
            current = Phrasing(number, "", [], context=raw[len("context:"):].strip(), source=source)
        elif raw.startswith("| "):
            current.content.append(raw[2:])
        elif raw.startswith("=>"):
            current.kinds = [k.strip() for k in raw[2:].split(",") if k.strip()]
            blocks.append(current)
            current = None
        elif current is None or current.sentence:
            current = Phrasing(number, raw, [], source=source)
        else:
            current.sentence = raw
            current.line = number
    return blocks

"""Real whole cases: an amending act as published, the law as it read before, the official
text after. Runs ``consolidator apply`` on each case the way a user does and compares.

Run: python tools/realcases.py [--cases tests/fixtures/realcases] [--only NAME] [--json]

Each case is a folder of tests/fixtures/realcases/ with a ``case.toml`` (README there). The
law before (``before.xml``, a BWB toestand, or ``before.txt`` in the plain law-text format)
gets the act (``act.txt``) through ``consolidator apply BEFORE ACT -o OUT [--date D]``. Then:

* refused: the command exited 1 (its first error line is shown) — the engine would not
  write a text; acceptable when the error is precise;
* exact: every article the case names reads as in the official text after (``after.xml`` or
  ``after.txt``), and every other article of the law is as it was before, both compared
  with whitespace runs made one space; a case may name leden instead («15, lid 1»: when
  the official text after also holds another act's change of that article on that date):
  those leden are compared with the text after, the article's other leden with the text
  before;
* WRONG: the command exited 0 and some article differs: from the official text after (an
  article the act changes) or from the text before (an article it does not) — the worst
  outcome; the first differing article is shown as a diff.

Exit code 1 when a case is WRONG or the command failed otherwise (a crash, a usage error).
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "realcases"
sys.path.insert(0, str(ROOT))

from consolidator.law.elements import artikel_number, iter_articles  # noqa: E402
from consolidator.law.lawfile import parse_law  # noqa: E402
from consolidator.law.lawtext import render_law_text  # noqa: E402

OUTCOMES = ("exact", "refused", "WRONG")


@dataclass
class Outcome:
    case: str
    outcome: str  # one of OUTCOMES
    detail: str = ""  # the error (refused) or the diff of the first differing article (WRONG)
    articles: list = field(default_factory=list)  # the articles compared with the text after

    def json(self) -> dict:
        return {"case": self.case, "outcome": self.outcome, "detail": self.detail,
                "articles": self.articles}


def load_case(folder: Path) -> dict:
    with (folder / "case.toml").open("rb") as handle:
        case = tomllib.load(handle)
    if not case.get("articles"):
        raise SystemExit(f"{folder}/case.toml names no articles")
    return case


def cases_in(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/case.toml"))


def _consolidator(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "consolidator", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def law_file(folder: Path, stem: str, case: dict, tmp: Path) -> Path:
    """The case's law ``stem`` (before, after): the file ``case.toml`` names under that key
    (relative to the case folder: two cases of one act share the law's files), else
    ``stem``.xml, else ``stem``.txt; a .txt file is imported as XML (``import-text``)."""
    named = folder / case[stem] if case.get(stem) else None
    xml = named or folder / f"{stem}.xml"
    if xml.suffix == ".xml" and xml.exists():
        return xml
    text = named or folder / f"{stem}.txt"
    out = tmp / f"{stem}.xml"
    args = ["import-text", str(text), "-o", str(out), "--bwb-id", case["bwb_id"]]
    done = _consolidator(*args)
    if done.returncode != 0:
        raise SystemExit(f"{text}: import-text failed ({done.returncode}):\n{done.stderr}")
    return out


def article_renders(path: Path) -> dict[str, str]:
    """Every article of the law by number, as ``consolidator text --artikel`` prints it
    (the first of two articles with one number)."""
    tree = parse_law(path, source=str(path))
    texts: dict[str, str] = {}
    for artikel in iter_articles(tree):
        number = artikel_number(artikel)
        if number and number not in texts:
            texts[number] = render_law_text(tree, artikel=number)
    return texts


def _plain(text: Optional[str]) -> Optional[str]:
    return " ".join(text.split()) if text is not None else None


def article_texts(path: Path) -> dict[str, str]:
    """``article_renders`` with whitespace runs made one space."""
    return {number: _plain(text) for number, text in article_renders(path).items()}


# a lid as the plain law-text format prints it: its number at the start of a line
_LID_LINE_RE = re.compile(r"^(\d+[a-z]*)\. ")
# «15, lid 1»: a lid the case names instead of its whole article
_NAMED_LID_RE = re.compile(r"^(\S+), lid (\S+)$")


def lid_texts(rendered: str) -> dict[str, str]:
    """The leden of a printed article by number (whitespace runs made one space); «» holds
    the lines before the first lid (the article's heading)."""
    parts: dict[str, list[str]] = {"": []}
    key = ""
    for line in rendered.splitlines():
        match = _LID_LINE_RE.match(line)
        if match:
            key = match.group(1)
            parts.setdefault(key, [])
        parts[key].append(line)
    return {k: _plain("\n".join(lines)) for k, lines in parts.items()}


def named_leden(articles: list[str]) -> tuple[list[str], dict[str, set]]:
    """(whole articles, {article: leden}) of a case's ``articles``."""
    whole, leden = [], {}
    for name in articles:
        match = _NAMED_LID_RE.match(name)
        if match:
            leden.setdefault(match.group(1), set()).add(match.group(2))
        else:
            whole.append(name)
    return whole, leden


def first_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    return (lines or stderr.strip().splitlines() or ["(no message)"])[0]


def _diff(number: str, got: str, want: str, label: str) -> str:
    lines = difflib.unified_diff(_words(want), _words(got), f"artikel {number} ({label})",
                                 f"artikel {number} (engine)", lineterm="", n=2)
    return "\n".join(lines)


def _words(text: str) -> list[str]:
    """One line per clause, so that a diff shows where the text parts."""
    return text.replace("; ", ";\n").replace(". ", ".\n").splitlines()


def compare(out: Path, before: Path, after: Path, articles: list[str]) -> Optional[str]:
    """None when the named articles (and leden) read as after and all others as before;
    else the diff of the first article (or lid) that does not."""
    got, was, want = article_renders(out), article_renders(before), article_renders(after)
    whole, leden = named_leden(articles)
    for number in whole:
        if _plain(got.get(number, "")) != _plain(want.get(number, "")):
            return _diff(number, _plain(got.get(number, "(absent)")),
                         _plain(want.get(number, "(absent)")), "official text after")
    for number, named in leden.items():
        found = _compare_leden(number, named, *(lid_texts(texts.get(number, ""))
                                                for texts in (got, was, want)))
        if found:
            return found
    for number in sorted(set(got) | set(was)):
        if number not in whole and number not in leden \
                and _plain(got.get(number)) != _plain(was.get(number)):
            return _diff(number, _plain(got.get(number, "(absent)")),
                         _plain(was.get(number, "(absent)")),
                         "text before: the act does not change it")
    return None


def _compare_leden(number: str, named: set, got: dict, was: dict, want: dict) -> Optional[str]:
    """The named leden of an article as after, its other leden (and heading) as before."""
    for key in sorted(set(got) | set(was) | set(want)):
        expected, label = (want, "official text after") if key in named else \
            (was, "text before: the act does not change it")
        if got.get(key) != expected.get(key):
            where = f"{number}, lid {key}" if key else f"{number}, heading"
            return _diff(where, got.get(key) or "(absent)", expected.get(key) or "(absent)",
                         label)
    return None


def run_case(folder: Path) -> Outcome:
    case = load_case(folder)
    articles = [str(a) for a in case["articles"]]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        before = law_file(folder, "before", case, tmp)
        after = law_file(folder, "after", case, tmp)
        out = tmp / "out.xml"
        act = folder / case.get("act_file", "act.txt")
        args = ["apply", str(before), str(act), "-o", str(out)]
        if case.get("date"):
            args += ["--date", str(case["date"])]
        done = _consolidator(*args)
        if done.returncode == 1:
            return Outcome(folder.name, "refused", first_error(done.stderr), articles)
        if done.returncode != 0:
            raise SystemExit(f"{folder.name}: apply exited {done.returncode}:\n{done.stderr}")
        difference = compare(out, before, after, articles)
    if difference is None:
        return Outcome(folder.name, "exact", "", articles)
    return Outcome(folder.name, "WRONG", difference, articles)


def report(outcomes: list[Outcome]) -> str:
    lines = []
    for o in outcomes:
        head = f"{o.case}: {o.outcome}"
        if o.outcome == "exact":
            lines.append(f"{head} (artikel {', '.join(o.articles)})")
        elif o.outcome == "refused":
            lines.append(f"{head}\n    {o.detail}")
        else:
            lines.append(head + "\n" + "\n".join("    " + d for d in o.detail.splitlines()))
    counts = {name: sum(o.outcome == name for o in outcomes) for name in OUTCOMES}
    lines.append(f"{len(outcomes)} cases: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--only", default=None, help="run only the case of this folder name")
    parser.add_argument("--json", action="store_true", help="one JSON object a line")
    options = parser.parse_args(argv)
    every = cases_in(options.cases)
    if not every:
        parser.error(f"no case in {options.cases} (a case is a folder with a case.toml)")
    folders = [f for f in every if options.only in (None, f.name)]
    if not folders:
        parser.error(f"no case named {options.only!r} in {options.cases}; the cases: "
                     + ", ".join(f.name for f in every))
    outcomes = [run_case(folder) for folder in folders]
    if options.json:
        print("\n".join(json.dumps(o.json(), ensure_ascii=False) for o in outcomes))
    else:
        print(report(outcomes))
    return 1 if any(o.outcome == "WRONG" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())

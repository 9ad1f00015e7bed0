"""Read the entry-into-force ARTIKELEN of real amending acts in a snapshot of
statengeneraal/laws-markdown (BWB renderings of wijzigingswetten) and count what the
entry-into-force reader makes of them: read into rules, refused with a reason, or not
read («unexpected …»). A measure on text the project does not hold.

Run: python tools/iwtscan.py REPO [--part even|odd|all] [--show N] [--json FILE]

REPO is a git checkout (or bare snapshot) of statengeneraal/laws-markdown. An ARTIKEL
counts when its text starts as an entry-into-force provision does («Deze wet treedt …»,
«De artikelen …», «Artikel I … treedt …»); markdown links, emphasis, «Materieel
uitgewerkt» notes and the closing formula are taken out first. ``--part`` keeps the acts
whose BWB id ends in an even or an odd digit: rules are developed on one half and
measured on the other, which nobody tuned for.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess

from consolidator.model import Article, Span
from consolidator.read.iwt import rules_from_article
from consolidator.errors import ConsolidatorError

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NOT_READ = re.compile(r"sentence: unexpected «")
STARTS = re.compile(r"(\d+\. )?(Deze (rijks)?wet|De artikelen|Artikel|Het bepaalde|Met uitzondering)\b"
                    r".*\b(treedt|treden|werkt|werken)\b")


def articles(repo: str, path: str):
    """(number, paragraphs) of every ARTIKEL of one act's rendering."""
    text = subprocess.run(["git", "-C", repo, "show", "HEAD:" + path], capture_output=True,
                          text=True).stdout
    for part in re.split(r"\n### ARTIKEL\s+", text)[1:]:
        lines = part.split("\n")
        body = []
        for line in lines[1:]:
            line = LINK.sub(r"\1", line).replace("*", "").strip()
            if not line or line.startswith(("#", "<", "Materieel uitgewerkt")):
                continue
            if line.startswith(("Lasten en bevelen", "Gegeven te")):
                break
            body.append(re.sub(r"\s+", " ", line))
        yield lines[0].strip(), body


def outcome(number: str, body: list[str]) -> tuple[str, str]:
    """What the reader makes of one ARTIKEL: (read | refused | not read | CRASH, message)."""
    article = Article(number=number, kind="entry-into-force", text=tuple(body), span=Span(1, 1))
    try:
        rules_from_article(article, "scan")
        return "read", ""
    except ConsolidatorError as exc:
        message = str(exc).splitlines()[0]
        # a refusal on purpose names its reason; «unexpected» alone is a wording not read
        return ("not read" if _NOT_READ.search(message) else "refused"), message
    except Exception as exc:  # a crash is a finding
        return "CRASH", repr(exc)


def act_files(repo: str, part: str) -> list[tuple[str, str]]:
    """(BWB id, path) of every wijzigingswet in ``repo``, of the ``part`` asked for."""
    names = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD"],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    found = []
    for path in names:
        if re.match(r"(rijks)?wet/wijzigingswet/.*/README\.md$", path):
            bwb = path.split("/")[-2]
            if part == "all" or (int(bwb[-1]) % 2 == 0) == (part == "even"):
                found.append((bwb, path))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("repo", help="a checkout of statengeneraal/laws-markdown")
    ap.add_argument("--part", choices=("even", "odd", "all"), default="all")
    ap.add_argument("--show", type=int, default=0, help="list so many that are not read")
    ap.add_argument("--json", help="write every ARTIKEL and its outcome here")
    args = ap.parse_args()
    counts, rows = collections.Counter(), []
    for bwb, path in act_files(args.repo, args.part):
        for number, body in articles(args.repo, path):
            if STARTS.match(" ".join(body)):
                kind, message = outcome(number, body)
                counts[kind] += 1
                rows.append({"bwb": bwb, "artikel": number, "outcome": kind,
                             "message": message, "text": body})
    total = sum(counts.values())
    print(f"{total} entry-into-force ARTIKELEN ({args.part}): "
          + ", ".join(f"{k} {v}" for k, v in counts.most_common())
          + f"; read {counts['read'] / max(total, 1):.0%}")
    for row in [r for r in rows if r["outcome"] != "read"][:args.show]:
        print(f"- {row['bwb']} ARTIKEL {row['artikel']} [{row['outcome']}] {row['message'][:160]}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(rows, out, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()

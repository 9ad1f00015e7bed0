"""Apply time per instruction, and the whole run as a ratio to the floor.

Run: .venv/bin/python bench/apply_rate.py [--runs N]

For each corpus law and the ARTIKELEN of Stb. 1996, 649 that change it, prints:
the floor (lxml parse + serialise of the same XML, measured in the same run), the
time to apply the already parsed act, and the whole run (parse act, parse law,
apply, serialise) as ratios to the floor.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from lxml import etree  # noqa: E402
from timing import best  # noqa: E402

from consolidator.law import lawfile, toestand  # noqa: E402
from consolidator.read.act import parse_act_file  # noqa: E402
from consolidator.apply.sentences import apply_articles  # noqa: E402
from consolidator.read.select import articles_for, law_names  # noqa: E402
from consolidator.time.timeline import act_label  # noqa: E402

SEED = ROOT / "corpus" / "acts" / "stb-1996-649.txt"


def floor(path: Path) -> None:
    etree.tostring(etree.parse(str(path)))


def whole_run(path: Path) -> None:
    act = parse_act_file(SEED)
    tree = lawfile.parse_law(path)
    articles = articles_for(act, law_names(toestand.law_title(tree), tree.getroot().get("bwb-id", "")))
    lawfile.serialize(apply_articles(tree, articles, act_label(act)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    act = parse_act_file(SEED)
    print(f"{'law':<14}{'instr.':>7}{'floor ms':>10}{'apply ms':>10}{'ms/instr':>10}"
          f"{'apply/floor':>13}{'run/floor':>11}")
    for path in sorted(ROOT.glob("corpus/*/base.xml")):
        tree = lawfile.parse_law(path)
        names = law_names(toestand.law_title(tree), tree.getroot().get("bwb-id", ""))
        articles = articles_for(act, names)
        count = sum(len(a.instructions) for a in articles)
        base = best(args.runs, lambda: floor(path))
        applying = best(args.runs, lambda: apply_articles(tree, articles, act_label(act)))
        run = best(args.runs, lambda: whole_run(path))
        print(f"{path.parent.name:<14}{count:>7}{base * 1000:>10.2f}{applying * 1000:>10.2f}"
              f"{applying * 1000 / max(count, 1):>10.3f}{applying / base:>13.1f}{run / base:>11.1f}")


if __name__ == "__main__":
    main()

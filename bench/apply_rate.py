"""Apply time per instruction, and the whole run as a ratio to the floor.

Run: .venv/bin/python bench/apply_rate.py [--runs N]

First the target of issue 17: the bench act (bench/large.py: 2,000 onderdelen of nine
kinds) applied in place, postconditions included, to the bench law (5,000 articles)
that was parsed just before (not timed), as the CLI applies an act to the law it read;
the floor is lxml's parse + serialise of the same XML. Each of N rounds (default 5) times
the floor and then the apply, in turn, so load from other processes falls on both
alike; the figures are the medians, of wall-clock time and (as a check on a machine busy with
other work) of processor time. Target: apply at most 3x the floor. The spread of a fixed
loop timed before the strict floor and before each round (``timing.Pace``) says how much
the machine's own pace moved meanwhile.

What lxml's parse + serialise costs depends on the state of the process's memory: with a
law tree of the same size alive (as in these rounds, and in any real run) it is about half
as dear again as the best of repeated runs in a process that holds nothing else (the
memory of the tree before it is reused). Both floors are printed, and the ratio to each:
the best one is the strict floor (``bench/large.py`` uses it, and so did issue 17's own
figures).

Then, for each corpus law and the ARTIKELEN of Stb. 1996, 649 that change it, prints:
the floor (lxml parse + serialise of the same XML, measured in the same run), the
time to apply the already parsed act, and the whole run (parse act, parse law,
apply, serialise) as ratios to the floor.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from lxml import etree  # noqa: E402
from large import act_text, law_text  # noqa: E402
from timing import Pace, best  # noqa: E402

from consolidator.law import lawfile, lawtext, toestand  # noqa: E402
from consolidator.read.act import parse_act, parse_act_file  # noqa: E402
from consolidator.apply.sentences import apply_articles  # noqa: E402
from consolidator.read.select import articles_for, law_names  # noqa: E402
from consolidator.time.timeline import act_label  # noqa: E402

SEED = ROOT / "corpus" / "acts" / "stb-1996-649.txt"
TARGET = 3.0  # apply in place, at most this many times the floor


def floor(path: Path) -> None:
    etree.tostring(etree.parse(str(path)))


def whole_run(path: Path) -> None:
    act = parse_act_file(SEED)
    tree = lawfile.parse_law(path)
    articles = articles_for(act, law_names(toestand.law_title(tree), tree.getroot().get("bwb-id", "")))
    lawfile.serialize(apply_articles(tree, articles, act_label(act)))


def bench_law_target(runs: int) -> None:
    """The bench act applied in place to the bench law: medians of ``runs`` rounds of
    floor then apply, and whether the apply is within ``TARGET`` times the floor."""
    xml = lawfile.serialize(lawtext.parse_law_text(law_text(5000), bwb_id="BWBRBENCH"))
    pace = Pace()
    pace.sample()
    strict = _clean_floor(xml, runs)  # before anything else of the law's size is alive
    act = parse_act(act_text(2000, 5000)[0], source="bench act")
    floors, applies = [], []  # (wall-clock, processor) seconds of each run
    for _ in range(runs):
        pace.sample()
        floors.append(_clocked(lambda: etree.tostring(etree.fromstring(xml))))
        tree = lawfile.parse_law(xml, source="bench law")  # given: the CLI has read it
        applies.append(_clocked(lambda: apply_articles(tree, act.articles, "Stb. 2001, 1",
                                                       in_place=True)))
    print(f"bench law ({len(xml) / 1e6:.1f} MB), bench act ({len(act.instructions)} "
          f"instructions), medians of {runs} rounds; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}:")
    for clock, name in ((0, "wall-clock"), (1, "processor time (for a busy machine)")):
        floor_time = statistics.median(f[clock] for f in floors)
        apply_time = statistics.median(a[clock] for a in applies)
        ratio = apply_time / floor_time
        print(f"  {name}: floor (lxml parse + serialise, a law tree alive) "
              f"{floor_time * 1000:.0f} ms, apply in place, checks included "
              f"{apply_time * 1000:.0f} ms = {ratio:.2f}x that floor; target ≤ {TARGET:g}x: "
              f"{'met' if ratio <= TARGET else 'NOT met'}")
    apply_time = statistics.median(a[0] for a in applies)
    ratio = apply_time / strict
    print(f"  strict floor (best of {runs} runs, nothing else of the law's size alive) "
          f"{strict * 1000:.0f} ms: apply = {ratio:.2f}x; target ≤ {TARGET:g}x: "
          f"{'met' if ratio <= TARGET else 'NOT met'}")
    print(f"  {pace.summary()}")


def _clean_floor(xml: bytes, runs: int) -> float:
    """The best wall-clock seconds of lxml's parse + serialise of ``xml`` over ``runs``
    runs, each tree freed before the next (so its memory is reused)."""
    return best(runs, lambda: etree.tostring(etree.fromstring(xml)))


def _clocked(fn) -> tuple[float, float]:
    """Wall-clock and processor seconds of one call of ``fn``."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bench_law_target(args.runs)
    print()
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

"""The version store: `show` latency over a law with 100 versions, and the cost of
inserting a retroactive act into that history.

Run: .venv/bin/python bench/store_rate.py [--versions N] [--articles N] [--queries N]

Builds, in a temporary folder, a synthetic law (N articles) changed by N acts, one
a week, each in force the day after its publication, so the store holds N+1
versions. Then prints:

* the floor: lxml parse + serialise of one version's XML, measured in this run;
* `show` latency (store lookup, parse, render as law text) for random valid and
  knowledge dates, whole law and one article, in ms and as a ratio to the floor;
* building the whole history, per version;
* inserting one more act that reaches back to the middle of the history
  (retroactive): time, versions rebuilt, and as a ratio to rebuilding everything.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from consolidator.law import lawtext  # noqa: E402
from consolidator.read.act import parse_act  # noqa: E402
from consolidator.store.query import render, text_on  # noqa: E402
from consolidator.store.db import Store  # noqa: E402
from consolidator.time.settle import Settled  # noqa: E402
from consolidator.store.versions import LawBuilder, LawInput, build_law  # noqa: E402

MONTHS = ("januari februari maart april mei juni juli augustus september oktober november "
          "december").split()
BASE_DATE = dt.date(2000, 12, 31)


def words(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def synthetic_law(articles: int) -> LawInput:
    lines = ["Benchwet"]
    for n in range(1, articles + 1):
        lines += [f"Artikel {n}", f"1. De minister stelt regels over onderwerp {n}.",
                  f"2. Die regels gelden voor alle scholen in gebied {n}."]
    tree = lawtext.parse_law_text("\n".join(lines) + "\n", bwb_id="BWBRBENCH", date=BASE_DATE)
    return LawInput("BWBRBENCH", tree, "synthetic", frozenset({"benchwet"}))


def synthetic_act(number: int, published: dt.date, article: int, iwt: str):
    text = f"""Staatsblad {published.year}, {number}

Wet van {words(published - dt.timedelta(days=5))} tot wijziging van de Benchwet

ARTIKEL I

In artikel {article}, eerste lid, van de Benchwet wordt «onderwerp {article}» vervangen door: thema {article} ({number}).

ARTIKEL II

{iwt}

Gegeven te 's-Gravenhage, {words(published - dt.timedelta(days=5))}

Uitgegeven {words(published)}
"""
    return parse_act(text, source=f"synthetic act {number}")


def history(versions: int, articles: int):
    acts = []
    for n in range(1, versions + 1):
        published = BASE_DATE + dt.timedelta(days=7 * n)
        iwt = ("Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van het "
               "Staatsblad waarin zij wordt geplaatst.")
        acts.append(synthetic_act(n, published, (n - 1) % articles + 1, iwt))
    return acts


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=100)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    law = synthetic_law(args.articles)
    acts = history(args.versions, args.articles)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.sqlite", create=True)
        build_time, _ = timed(lambda: build_law(store, law, acts, []))
        count = len(store.current_versions("BWBRBENCH"))
        xml = store.xml(store.current_versions("BWBRBENCH")[-1].id)
        floor = min(timed(lambda: etree.tostring(etree.fromstring(xml)))[0] for _ in range(20))
        print(f"law: {args.articles} articles, {len(xml) / 1024:.0f} kB of XML; {count} versions")
        print(f"floor (lxml parse + serialise of one version): {floor * 1000:.2f} ms")
        print(f"build the whole history: {build_time:.2f} s "
              f"({build_time / count * 1000:.1f} ms per version)")
        _show_latency(store, acts, args.queries, floor)
        _retroactive(store, law, acts, args.versions, args.articles, build_time)
        store.close()


def _show_latency(store, acts, queries: int, floor: float) -> None:
    rng = random.Random(1)
    last = acts[-1].published
    span = (last - BASE_DATE).days
    for label, artikel in (("whole law", None), ("one article", "7")):
        times = []
        for _ in range(queries):
            date = BASE_DATE + dt.timedelta(days=rng.randrange(span + 30))
            known = BASE_DATE + dt.timedelta(days=rng.randrange(span + 30))
            seconds, _ = timed(lambda: render(text_on(store, "BWBRBENCH", date, known), artikel,
                                              "text"))
            times.append(seconds)
        median, worst = statistics.median(times), max(times)
        print(f"show ({label}): median {median * 1000:.2f} ms, max {worst * 1000:.2f} ms "
              f"= {median / floor:.1f}x the floor (target: under 20 ms)")


def _retroactive(store, law, acts, versions: int, articles: int, build_time: float) -> None:
    middle = acts[versions // 2].published + dt.timedelta(days=1)
    published = acts[-1].published + dt.timedelta(days=7)
    iwt = ("Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van het "
           f"Staatsblad waarin zij wordt geplaatst en werkt terug tot en met {words(middle)}.")
    late = synthetic_act(versions + 1, published, articles, iwt)  # an article no earlier act touched
    before = len(store.all_versions("BWBRBENCH"))
    seconds, _ = timed(lambda: _add_act(store, law, acts + [late], published.isoformat()))
    rebuilt = len(store.all_versions("BWBRBENCH")) - before
    print(f"insert a retroactive act reaching back to {middle} (half the history): "
          f"{seconds * 1000:.0f} ms, {rebuilt} versions written; "
          f"{seconds / build_time:.2f}x the time to build the whole history")


def _add_act(store, law, acts, since: str) -> None:
    """What an incremental ``consolidate`` does for a law one new act touches."""
    builder = LawBuilder(store, law, Settled(acts, []))
    with store.transaction():
        builder.resume(since)
        builder.run(since)


if __name__ == "__main__":
    main()

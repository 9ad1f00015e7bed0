"""Building one law's history from N acts: time over N, the fitted exponent, and the ratio
to the floor measured in the same run.

Run: .venv/bin/python bench/history_rate.py [--sizes 125,250,500,1000] [--articles 200]

The law and acts of bench/store_rate.py: a synthetic law of ``--articles`` articles, changed
by N acts, one a week, each in force the day after its publication (N+1 versions). For each
N, the best of ``--runs`` rounds; a round measures every size in turn (in the other
order on every other round), so that a slow stretch of a shared machine does not fall on
one size alone:

* build: ``build_law`` (settling the acts' timing, planning, applying, storing every
  version) into a fresh store, the acts parsed beforehand;
* floor: the work no consolidation can skip: each act's instructions applied once to the
  text before it (``apply_articles``), each version serialised, its article digests taken
  and inserted into a store (one transaction, as the build).

Prints the times, per act, the ratio build/floor, and the exponent k of a least-squares fit
``time ~ N^k`` over the sizes (1 is linear; the target is k ≤ 1.1). Times are the process's
CPU time (``time.process_time``): on a shared machine other processes' load does not enter
them (the build and the floor run in this process, with no sync to wait for); the
machine's own pace still moves them, so the spread of a fixed loop timed before each
measurement is printed too (``timing.Pace``). Asserts nothing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from linear_time import fit  # noqa: E402
from store_rate import BASE_DATE, synthetic_act, synthetic_law  # noqa: E402
from timing import Pace  # noqa: E402

from consolidator.apply.sentences import apply_articles  # noqa: E402
from consolidator.law.lawfile import serialize  # noqa: E402
from consolidator.law.toestand import set_toestand_date  # noqa: E402
from consolidator.read.act import parse_act  # noqa: E402
from consolidator.read.select import articles_for  # noqa: E402
from consolidator.store.db import EARLIEST, Store  # noqa: E402
from consolidator.store.versions import article_digests, build_law  # noqa: E402


IN_FORCE = ("Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van het "
            "Staatsblad waarin zij wordt geplaatst.")


def history(count: int, articles: int) -> list:
    """``count`` acts, one a week, act n changing article (n - 1) % articles + 1 again and
    again (each time the words the act before it wrote there)."""
    acts = []
    for n in range(1, count + 1):
        article = (n - 1) % articles + 1
        act = synthetic_act(n, BASE_DATE + dt.timedelta(days=7 * n), article, IN_FORCE)
        if n > articles:  # the article's words are those of the act before on it
            text = act.text.replace(f"«onderwerp {article}»", f"«thema {article} ({n - articles})»")
            act = parse_act(text, source=f"synthetic act {n}")
        acts.append(act)
    return acts


def build(law, acts, folder: Path, n: int) -> float:
    store = Store(folder / f"build-{n}.sqlite", create=True, scratch=True)
    start = time.process_time()
    build_law(store, law, acts, [])
    seconds = time.process_time() - start
    store.close()
    (folder / f"build-{n}.sqlite").unlink()  # a new store for the next run
    return seconds


def floor(law, acts, folder: Path, n: int) -> float:
    """Apply each act once, serialise and store each version: nothing else."""
    store = Store(folder / f"floor-{n}.sqlite", create=True, scratch=True)
    start = time.process_time()
    with store.transaction():
        store.add_law(law.law_id, "floor", BASE_DATE, "floor")
        tree = law.tree
        for act in acts:
            tree = apply_articles(tree, articles_for(act, set(law.names)), source_label="floor")
            set_toestand_date(tree, act.published)
            store.insert_version(law.law_id, act.published.isoformat(), None, EARLIEST,
                                 serialize(tree), [], article_digests(tree))
    seconds = time.process_time() - start
    store.close()
    (folder / f"floor-{n}.sqlite").unlink()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="125,250,500,1000")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    law = synthetic_law(args.articles)
    builds, floors = [], []
    print(f"one law of {args.articles} articles; N acts, one a week, each in force the next day")
    print(f"{'acts':>6} {'build s':>9} {'ms/act':>8} {'floor s':>9} {'ms/act':>8} {'build/floor':>12}")
    pace = Pace()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(law, history(5, args.articles), folder, 0)  # build the parsers first, untimed
        histories = {n: history(n, args.articles) for n in sizes}
        best_build = {n: float("inf") for n in sizes}
        best_floor = dict(best_build)
        for round_ in range(args.runs):
            for n in sizes if round_ % 2 == 0 else sizes[::-1]:
                pace.sample()
                best_build[n] = min(best_build[n], build(law, histories[n], folder, n))
                pace.sample()
                best_floor[n] = min(best_floor[n], floor(law, histories[n], folder, n))
        for n in sizes:
            seconds, least = best_build[n], best_floor[n]
            builds.append((n, seconds))
            floors.append((n, least))
            print(f"{n:>6} {seconds:>9.2f} {seconds / n * 1000:>8.1f} {least:>9.2f} "
                  f"{least / n * 1000:>8.1f} {seconds / least:>11.2f}x")
    print(f"growth exponent over {len(sizes)} sizes: build {fit(builds):.2f}, floor "
          f"{fit(floors):.2f} (target: build ≤ 1.1)")
    print(pace.summary())


if __name__ == "__main__":
    main()

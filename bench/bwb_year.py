"""A year of the BWB, modelled: ``consolidate`` on a generated corpus (bench/bwbmodel.py) at
growing sizes, its time per act, its growth, the ratio to the floor measured in the same
run, one more act on the filled store, and the time extrapolated to a real year.

Run: .venv/bin/python bench/bwb_year.py [--laws 2000] [--acts 600] [--dates 250]
                                        [--factors 0.125,0.25,0.5,1] [--jobs 1]

For each factor the corpus holds factor × (laws, acts, publication dates); acts change 1–4
laws each, a fifth wait for a decree that a later act sets. Per size:

* floor: the work no consolidation can skip: read the corpus (parse every law and act),
  apply each act's instructions once to the text before it, serialise and store each new
  text (one transaction) and write each law's latest text;
* full: ``consolidate`` into a new store (every law built; ``--jobs``);
* +1 act: one more act, changing two laws, then ``consolidate`` on the filled store.

Then a run with twice the laws at the largest size gives the cost of a law apart from that
of an act, and both give the time for a year of the Netherlands: ``--year-laws`` regelingen
(40,000 in the BWB), ``--year-acts`` Staatsblad publications (~600). Prints figures; asserts
nothing. Times are this process's CPU time (``time.process_time``; ``--jobs 1`` builds in
this process), so that other processes' load on a shared machine does not enter them.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bwbmodel import BASE_DATE, Shape, generate, one_more_act  # noqa: E402
from linear_time import fit  # noqa: E402

from consolidator.apply.sentences import apply_articles  # noqa: E402
from consolidator.law import lawtext  # noqa: E402
from consolidator.law.lawfile import serialize  # noqa: E402
from consolidator.outputs import write_bytes, write_text  # noqa: E402
from consolidator.read.select import _key as law_key, articles_for  # noqa: E402
from consolidator.store.consolidate import consolidate  # noqa: E402
from consolidator.store.corpus import load_corpus  # noqa: E402
from consolidator.store.db import EARLIEST, Store  # noqa: E402
from consolidator.store.lawtasks import Build  # noqa: E402
from consolidator.store.versions import article_digests  # noqa: E402


def floor(corpus: Path, work: Path) -> float:
    start = time.process_time()
    loaded = load_corpus(corpus)
    store = Store(work / "floor.sqlite", create=True, scratch=True)
    latest = work / "floor-latest"
    latest.mkdir()
    by_name: dict = {}  # law name → the acts that change it, by publication
    for act in sorted(loaded.acts, key=lambda a: a.published):
        for key in {law_key(a.law.name) for a in act.articles if a.law is not None}:
            by_name.setdefault(key, []).append(act)
    with store.transaction():
        for law in loaded.laws:
            store.add_law(law.law_id, "floor", BASE_DATE, law.source)
            tree = law.tree
            store.insert_version(law.law_id, "0001-01-01", None, EARLIEST, serialize(tree), [],
                                 article_digests(tree))
            for act in (a for key in law.names for a in by_name.get(key, ())):
                articles = articles_for(act, set(law.names))
                if articles:
                    tree = apply_articles(tree, articles, source_label="floor")
                    store.insert_version(law.law_id, act.published.isoformat(), None, EARLIEST,
                                         serialize(tree), [], article_digests(tree))
            write_bytes(latest / f"{law.law_id}.xml", serialize(tree))
            write_text(latest / f"{law.law_id}.txt", lawtext.render_law_text(tree))
    store.sync()
    store.close()
    return time.process_time() - start


def full(corpus: Path, work: Path, jobs: int) -> float:
    start = time.process_time()
    consolidate(corpus, work / "out", work / "store.sqlite", build=Build(jobs))
    return time.process_time() - start


def one_more(corpus: Path, work: Path, jobs: int) -> float:
    one_more_act(corpus)
    start = time.process_time()
    consolidate(corpus, work / "out", work / "store.sqlite", build=Build(jobs))
    return time.process_time() - start


def measure(shape: Shape, folder: Path, jobs: int, incremental: bool = True) -> dict:
    corpus, work = folder / "corpus", folder / "work"
    work.mkdir(parents=True)
    held = generate(corpus, shape)
    held["floor"] = floor(corpus, work)
    held["full"] = full(corpus, work, jobs)
    held["more"] = one_more(corpus, work, jobs) if incremental else float("nan")
    shutil.rmtree(folder)
    return held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=int, default=2000)
    parser.add_argument("--acts", type=int, default=600)
    parser.add_argument("--dates", type=int, default=250)
    parser.add_argument("--factors", default="0.125,0.25,0.5,1")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--year-laws", type=int, default=40000)
    parser.add_argument("--year-acts", type=int, default=600)
    args = parser.parse_args()
    shape = Shape(args.laws, args.acts, args.dates)
    rows = []
    print(f"{'laws':>6} {'acts':>5} {'decr':>5} {'chg':>5} {'dates':>5} {'floor s':>8} "
          f"{'full s':>8} {'ms/act':>7} {'full/floor':>10} {'+1 act s':>9} {'+1/full':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        measure(shape.scaled(0.05), Path(tmp) / "warm", args.jobs)  # parsers built, code loaded
        for n, factor in enumerate(float(f) for f in args.factors.split(",")):
            held = measure(shape.scaled(factor), Path(tmp) / str(n), args.jobs)
            rows.append(held)
            print(f"{held['laws']:>6} {held['acts']:>5} {held['decrees']:>5} {held['changes']:>5} "
                  f"{held['dates']:>5} {held['floor']:>8.2f} {held['full']:>8.2f} "
                  f"{held['full'] / held['acts'] * 1000:>7.1f} "
                  f"{held['full'] / held['floor']:>9.2f}x {held['more']:>9.2f} "
                  f"{held['more'] / held['full']:>7.1%}")
        print(f"growth exponent over {len(rows)} sizes (all dimensions scaled together): "
              f"full {fit([(r['acts'], r['full']) for r in rows]):.2f}, floor "
              f"{fit([(r['acts'], r['floor']) for r in rows]):.2f} (1 is linear)")
        top = rows[-1]
        wider = measure(Shape(top["laws"] * 2, args.acts, args.dates), Path(tmp) / "wider",
                        args.jobs, incremental=False)
    per_law = (wider["full"] - top["full"]) / top["laws"]
    per_act = (top["full"] - per_law * top["laws"]) / top["acts"]
    year = per_law * args.year_laws + per_act * args.year_acts
    print(f"twice the laws ({wider['laws']}): {wider['full']:.2f} s → {per_law * 1000:.1f} ms "
          f"per law, {per_act * 1000:.1f} ms per act ({top['changes'] / top['acts']:.1f} laws "
          f"changed per act)")
    print(f"a year of the BWB ({args.year_laws:,} laws, {args.year_acts} acts), one process: "
          f"{year / 60:.1f} min ({per_law * args.year_laws / 60:.1f} min for the laws, "
          f"{per_act * args.year_acts / 60:.1f} min for the acts)")


if __name__ == "__main__":
    main()

"""``consolidate --executor dask`` on the bench corpus (bench/bwbmodel.py) with a Dask
cluster of 1 and of 2 workers (a ``LocalCluster`` of worker processes on this machine),
beside ``--jobs 1`` and ``--jobs 2``: times, speed-ups, and the stores compared row by row.

Run: .venv/bin/python bench/dask_speedup.py [--laws 400] [--acts 120] [--dates 50] [--runs 1]

Each run builds every law anew into a new store. The parent reads the corpus and settles
the acts' timing before any law is built, and merges the parts after: that part does not
spread over workers. Times are wall time (the work is in other processes), with the
machine's load average beside them. Prints figures; asserts nothing but that the stores are the same.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bwbmodel import Shape, generate  # noqa: E402

from consolidator.store.consolidate import consolidate  # noqa: E402
from consolidator.store.lawtasks import Build  # noqa: E402


def timed_run(corpus: Path, folder: Path, build: Build) -> float:
    start = time.perf_counter()
    consolidate(corpus, folder / "out", folder / "store.sqlite", build=build, full=True)
    return time.perf_counter() - start


def dump(store: Path) -> list[str]:
    db = sqlite3.connect(str(store))
    try:
        return list(db.iterdump())
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=int, default=400)
    parser.add_argument("--acts", type=int, default=120)
    parser.add_argument("--dates", type=int, default=50)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    from distributed import LocalCluster
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        held = generate(corpus, Shape(args.laws, args.acts, args.dates))
        print(f"bench corpus: {held['laws']} laws, {held['acts']} acts ({held['decrees']} "
              f"decrees), {held['changes']} changes, {held['dates']} publication dates")
        timed_run(corpus, Path(tmp) / "warm", Build(1))  # parsers built, files cached
        times, dumps = {}, {}
        for label, build in (("--jobs 1", Build(1)), ("--jobs 2", Build(2))):
            folder = Path(tmp) / label.replace(" ", "")
            times[label] = min(timed_run(corpus, folder, build) for _ in range(args.runs))
            dumps[label] = dump(folder / "store.sqlite")
        for workers in (1, 2):
            label = f"dask, {workers} worker(s)"
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster:
                folder = Path(tmp) / f"dask{workers}"
                build = Build(1, "dask", cluster.scheduler_address)
                timed_run(corpus, Path(tmp) / f"warm{workers}", build)  # workers import
                times[label] = min(timed_run(corpus, folder, build) for _ in range(args.runs))
                dumps[label] = dump(folder / "store.sqlite")
    same = all(d == dumps["--jobs 1"] for d in dumps.values())
    # wall times: other processes' load enters them, so it is printed beside them
    print("load average (1, 5, 15 min) at the end: "
          + ", ".join(f"{v:.1f}" for v in os.getloadavg()))
    for label, seconds in times.items():
        print(f"{label:20} {seconds:7.2f} s  ({times['--jobs 1'] / seconds:.2f}x --jobs 1)")
    one, two = times["dask, 1 worker(s)"], times["dask, 2 worker(s)"]
    print(f"dask speed-up from 1 to 2 workers: {one / two:.2f}x; stores identical: {same}")
    if not same:
        raise SystemExit("the stores differ")


if __name__ == "__main__":
    main()

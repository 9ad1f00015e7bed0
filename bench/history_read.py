"""``history`` reads the versions' records, not their texts: its time over the size of the
law, beside the time to read the same rows with their XML (what the store's layout before
schema 3 made every metadata read do: the columns came after the text in each row).

Run: .venv/bin/python bench/history_read.py [--versions 200] [--sizes 100,400,1600,6400]

For each size a store holds one law of that many articles in ``--versions`` versions (each
row checked against its hash as every read does). Prints the median of ``--runs`` for
``history`` (query.history: every row read and checked) and for reading the same rows with
their XML, and the exponent of a fit of time over the XML size (0 is flat; the target for
``history`` is flat: it does not touch the XML). Times are CPU time (``time.process_time``).
Asserts nothing.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from linear_time import fit  # noqa: E402
from timing import median  # noqa: E402
from store_rate import BASE_DATE, synthetic_law  # noqa: E402

from consolidator.law.lawfile import serialize  # noqa: E402
from consolidator.store.db import EARLIEST, Store  # noqa: E402
from consolidator.store.query import history  # noqa: E402
from consolidator.store.versions import article_digests  # noqa: E402


def filled(path: Path, articles: int, versions: int) -> tuple[Store, int]:
    law = synthetic_law(articles)
    xml, digests = serialize(law.tree), article_digests(law.tree)
    store = Store(path, create=True, scratch=True)
    with store.transaction():
        store.add_law(law.law_id, "Benchwet", BASE_DATE, "synthetic")
        for n in range(versions):
            until = f"{2001 + n + 1:04d}-01-01" if n + 1 < versions else None
            store.insert_version(law.law_id, f"{2001 + n:04d}-01-01", until, EARLIEST, xml,
                                 [{"label": f"act {n}", "reason": "bench"}], digests)
    return store, len(xml)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=200)
    parser.add_argument("--sizes", default="100,400,1600,6400")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    plain, with_xml = [], []
    print(f"{args.versions} versions of one law; median of {args.runs}")
    print(f"{'articles':>9} {'XML kB':>8} {'history ms':>11} {'rows + XML ms':>14}")
    with tempfile.TemporaryDirectory() as tmp:
        for articles in (int(n) for n in args.sizes.split(",")):
            store, size = filled(Path(tmp) / f"{articles}.sqlite", articles, args.versions)
            seconds = median(args.runs, lambda: history(store, "BWBRBENCH"), time.process_time)
            through = median(args.runs, lambda: store.query(
                "SELECT v.*, x.xml FROM version v JOIN version_xml x ON x.version = v.id"),
                time.process_time)
            store.close()
            plain.append((size, seconds))
            with_xml.append((size, through))
            print(f"{articles:>9} {size / 1024:>8.0f} {seconds * 1000:>11.2f} {through * 1000:>14.2f}")
    print(f"growth over the XML size: history {fit(plain):.2f}, rows with their XML "
          f"{fit(with_xml):.2f} (0 is flat)")


if __name__ == "__main__":
    main()

"""The views at the size of a large law: `diff` of two adjacent versions and `render` of a
law's site, as ratios to the lxml floor measured in the same run, and how they grow.

Run: .venv/bin/python bench/views_rate.py [--articles 5000] [--runs 3] [--quick]

The law is bench/large.py's synthetic law (``law_text``); each later version changes a few
of its articles (words replaced in the first lid; every other version one article repealed),
as a real amending act does, through the apply engine, and is stored with ``Store.insert_version`` (a store
built by ``consolidate`` holds the same rows; building it that way would measure planning,
not the views). Prints:

* `diff`: ``between_dates`` + ``render_text`` (what `consolidator diff` does after start-up)
  on two adjacent versions of the bench law, as a ratio to the lxml parse of both versions'
  XML (target: at most 5x), and its growth over four law sizes (fitted slope of log time
  on log articles; linear is 1);
* `render`: ``render_site`` of the whole store, as a ratio to the lxml parse of every
  version's XML, over four numbers of versions (articles fixed) and four numbers of articles
  (versions fixed), each with its fitted slope (target: at most 1.1 in each). The site's
  version pages each carry a picker listing every version, so its bytes grow a little
  faster than versions x articles; the bytes written are printed beside the times;
* `history --artikel 1` (``store.query.history``) on the same stores, with its slope.

Times are processor time of this process (best of ``--runs``), floors included: the
machine is shared, and wall time would time the other work on it too.
"""
from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from lxml import etree  # noqa: E402

import timing  # noqa: E402
from large import law_text  # noqa: E402

from consolidator.apply.sentences import apply_articles  # noqa: E402
from consolidator.law import lawfile, lawtext  # noqa: E402
from consolidator.read.act import parse_act  # noqa: E402
from consolidator.store.db import Store  # noqa: E402
from consolidator.store.query import history  # noqa: E402
from consolidator.store.versions import article_digests  # noqa: E402
from consolidator.views.redline import between_dates, render_text  # noqa: E402
from consolidator.views.redline_request import diff_request  # noqa: E402
from consolidator.views.site import render_site  # noqa: E402

LAW = "BWBRBENCH"
BASE = dt.date(2000, 1, 1)
DIFF_TARGET = 5.0
SLOPE_TARGET = 1.1


class Acts:
    """The acts of one history: act ``number`` replaces words in ``changed`` articles of
    the first half of the law (round and round, each time the words the last act put
    there) and, every other act, repeals an article of the second half (from the end)."""

    def __init__(self, articles: int, changed: int = 3):
        self.articles, self.changed = articles, changed
        self.words = {n: f"zaak-{n}" for n in range(1, articles // 2 + 1)}
        self.next = 0

    def text(self, number: int) -> str:
        lines = []
        for k in range(self.changed):
            n = self.next % len(self.words) + 1
            self.next += 1
            new = f"kwestie-{n}-{number}"
            lines += [chr(65 + k), f"In artikel {n}, eerste lid, wordt «{self.words[n]}» "
                      f"vervangen door: {new}."]
            self.words[n] = new
        if number % 2 == 0:
            lines += [chr(65 + self.changed), f"Artikel {self.articles - number // 2} vervalt."]
        return (f"Staatsblad 2001, {number}\n\nWet van 1 januari 2001 tot wijziging van de "
                "Benchwet\n\nARTIKEL I\n\nDe Benchwet wordt gewijzigd als volgt:\n\n"
                + "\n\n".join(lines) + "\n\nGegeven te 's-Gravenhage, 1 januari 2001\n\n"
                "Uitgegeven 2 januari 2001\n")


def build_store(path: Path, articles: int, versions: int) -> list[bytes]:
    """A store holding ``versions`` versions of the bench law, a month apart; their XML."""
    tree = lawtext.parse_law_text(law_text(articles), bwb_id=LAW, date=BASE)
    acts = Acts(articles)
    store = Store(path, create=True)
    found = []
    with store.transaction():
        store.add_law(LAW, "Benchwet", BASE, "bench/views_rate.py")
        for n in range(versions):
            start = _month(n)
            if n:
                act = parse_act(acts.text(n), source=f"bench act {n}")
                tree = apply_articles(tree, act.articles, f"Stb. 2001, {n}", start, in_place=True)
            xml = lawfile.serialize(tree)
            until = _month(n + 1).isoformat() if n + 1 < versions else None
            sources = [{"label": f"Stb. 2001, {n}", "reason": "bench"}] if n else []
            store.insert_version(LAW, start.isoformat(), until, "0001-01-01", xml, sources,
                                 article_digests(tree))
            found.append(xml)
    store.close()
    return found


def _month(n: int) -> dt.date:
    return dt.date(BASE.year + n // 12, n % 12 + 1, 1)


def best(runs: int, fn) -> float:
    """The least processor time (user + system, this process) of ``runs`` calls of ``fn``."""
    return timing.best(runs, fn, time.process_time)


def parse_floor(xmls: list[bytes], runs: int) -> float:
    """lxml parse of each XML: the floor of a view that has to read them."""
    return best(runs, lambda: [etree.fromstring(x) for x in xmls])


def fit(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log(seconds) on log(size), least squares."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def _fresh(folder: Path, stem: str) -> Path:
    """A new folder for one measurement (a size can be measured twice)."""
    made = folder / f"{stem}-{sum(1 for _ in folder.iterdir())}"
    made.mkdir()
    return made


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def diff_run(folder: Path, articles: int, runs: int) -> tuple[float, float, float]:
    """(diff seconds, floor seconds, diff seconds as `consolidator diff` runs it after
    start-up) for two adjacent versions of a law of ``articles``."""
    path = _fresh(folder, f"diff-{articles}") / "store.sqlite"
    xmls = build_store(path, articles, 2)
    store = Store(path)
    try:
        seconds = best(runs, lambda: render_text(between_dates(store, LAW, _month(0), _month(1))))
    finally:
        store.close()
    return seconds, parse_floor(xmls, runs), best(runs, lambda: _as_command(path))


def _as_command(path: Path) -> None:
    """What `consolidator diff LAW --from --to` does after start-up: the withdrawal check
    (which reads both versions too) and the redline, in one opening of the store."""
    notice, redline = diff_request(path, LAW, _month(0).isoformat(), _month(1).isoformat(),
                                   None, None, None, None, None)
    if notice is None:
        render_text(redline)


def render_run(folder: Path, articles: int, versions: int,
               runs: int) -> tuple[float, float, int, float, int]:
    """(render seconds, floor seconds, bytes written, `history --artikel` seconds, bytes of
    XML in the store) for a store of that size."""
    where = _fresh(folder, f"site-{articles}-{versions}")
    path, out = where / "store.sqlite", where / "site"
    xmls = build_store(path, articles, versions)
    store = Store(path)
    try:
        seconds = best(runs, lambda: render_site(store, out))
        asked = best(runs, lambda: history(store, LAW, "1"))
    finally:
        store.close()
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    return seconds, parse_floor(xmls, runs), size, asked, sum(len(x) for x in xmls)


def report_diff(folder: Path, articles: int, sizes: list[int], runs: int) -> None:
    seconds, floor, command = diff_run(folder, articles, runs)
    ratio = seconds / floor
    print(f"diff, two adjacent versions of {articles} articles: {seconds * 1000:.0f} ms; "
          f"floor (lxml parse of both) {floor * 1000:.0f} ms; {ratio:.1f}x the floor "
          f"(target at most {DIFF_TARGET:.0f}x): {_met(ratio <= DIFF_TARGET)}")
    print(f"  as the command runs it (withdrawal check + redline, one store, each text read once): "
          f"{command * 1000:.0f} ms = {command / floor:.1f}x the floor: "
          f"{_met(command / floor <= DIFF_TARGET)}")
    times = []
    print("  articles   diff ms   floor ms   x floor")
    for size in sizes:
        took, under, _ = diff_run(folder, size, runs)
        times.append(took)
        print(f"  {size:8}  {took * 1000:8.0f}  {under * 1000:9.0f}  {took / under:8.1f}")
    slope = fit(sizes, times)
    print(f"  fitted slope in articles: {slope:.2f} (linear: 1)")


def report_render(folder: Path, label: str, shapes: list[tuple[int, int]], axis: int,
                  runs: int) -> None:
    print(f"render, {label}:")
    print("  articles  versions   render s   floor s   x floor   MB written   history --artikel ms")
    times, sizes, asked, read = [], [], [], []
    for articles, versions in shapes:
        took, floor, size, history_time, xml = render_run(folder, articles, versions, runs)
        times.append(took)
        read.append(xml)
        asked.append(history_time)
        sizes.append((articles, versions)[axis])
        print(f"  {articles:8}  {versions:8}  {took:9.2f}  {floor:8.3f}  {took / floor:8.1f}"
              f"  {size / 1e6:11.1f}  {history_time * 1000:21.1f}")
    name = ("articles", "versions")[axis]
    slope = fit(sizes, times)
    print(f"  render: fitted slope in {name}: {slope:.2f} "
          f"(target at most {SLOPE_TARGET}): {_met(slope <= SLOPE_TARGET)}")
    print(f"  render: fitted slope in the bytes of XML the versions hold: {fit(read, times):.2f}"
          f" (those bytes grow with slope {fit(sizes, read):.2f} in {name})")
    print(f"  history --artikel: fitted slope in {name}: {fit(sizes, asked):.2f} (linear: 1)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="the bench law's size")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke test)")
    args = parser.parse_args()
    scale = 4 if args.quick else 1
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        render_run(folder, 20, 2, 1)  # the templates compiled before anything is timed
        report_diff(folder, args.articles // scale, [s // scale for s in (625, 1250, 2500, 5000)],
                    args.runs)
        report_render(folder, "versions grow (articles fixed)",
                      [(200 // scale, v // scale) for v in (20, 40, 80, 160)], 1, args.runs)
        report_render(folder, "articles grow (versions fixed)",
                      [(a // scale, 20) for a in (100, 200, 400, 800)], 0, args.runs)


if __name__ == "__main__":
    main()

"""A large law and a large act: parse rate, apply rate and whole runs as ratios to the floor,
peak memory, and how cost grows with the number of instructions.

Run: .venv/bin/python bench/large.py [--articles 5000] [--instructions 2000] [--runs 3]

Builds, in memory, a synthetic law of about 5,000 articles (~5 MB of BWB XML) and a
synthetic act whose onderdelen use every kind of instruction the bench can generate
exactly (listed in the output), each on its own article. Prints:

* the floor: lxml parse + serialise of the law's XML, measured in this run: the best
  of its runs before the act is read and of one run next to each apply and whole run
  (on a shared machine a floor taken once at the start can be far off from the load
  the other figures meet; the best of all is the strictest fair one);
* parse rate of the act (instructions per second);
* apply (act already parsed, law already parsed; includes copying the law, as the
  library keeps its input), apply in place on a freshly parsed law (what the CLI does:
  it owns the tree it read) and the whole run (parse act, parse law, apply in place,
  serialise) as ratios to the floor (targets: 3x and 10x);
* the curve for 250, 500, 1,000, 2,000 instructions (linear growth expected);
* peak memory of a whole run in a fresh process, as a multiple of the XML size
  (target: under 10x).
`show` latency from a store of 100 versions: see bench/store_rate.py.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from lxml import etree  # noqa: E402
from timing import best  # noqa: E402

from consolidator.law import lawtext

from consolidator.law import lawfile  # noqa: E402
from consolidator.read.act import parse_act  # noqa: E402
from consolidator.apply.sentences import apply_articles  # noqa: E402

WORDS = ("bekostiging onderwijs school gemeente minister regels bevoegd gezag leerlingen "
         "personeel huisvesting voorziening vergoeding aanvraag besluit termijn").split()


def law_text(articles: int) -> str:
    lines = ["Benchwet"]
    for n in range(1, articles + 1):
        if n % 50 == 1:
            lines.append(f"Hoofdstuk {n // 50 + 1}. Onderwerp {n // 50 + 1}")
        filler = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(40))
        lines += [
            f"Artikel {n}. Regeling {n}",
            f"1. De minister stelt regels over de zaak-{n} en over {filler}.",
            f"2. Het bevoegd gezag van de school-{n} doet een aanvraag zeer tijdig. {filler}.",
            "3. Een besluit als bedoeld in het eerste lid vermeldt: ",
            f"  a. de termijn-{n};",
            f"  b. de vergoeding-{n}.",
            f"4. Dit artikel geldt tot een nader te bepalen tijdstip voor de gemeente-{n}.",
        ]
    return "\n".join(lines) + "\n"


#: one onderdeel per kind; {n} is the article it changes (each kind its own article)
KINDS = {
    "replace-words": "In artikel {n}, eerste lid, wordt «zaak-{n}» vervangen door: kwestie-{n}.",
    "delete-words": "In artikel {n}, tweede lid, vervalt «zeer».",
    "insert-words": "In artikel {n}, eerste lid, wordt na «De minister» ingevoegd: van Onderwijs.",
    "replace-after": "In artikel {n}, vierde lid, wordt het gedeelte na «geldt» vervangen door: "
                     "voor onbepaalde tijd.",
    "replace-punctuation": "In artikel {n}, derde lid, wordt de puntkomma aan het slot van "
                           "onderdeel a vervangen door een punt.",
    "delete-element": "In artikel {n} vervalt het vierde lid.",
    "replace-element": "Artikel {n}, tweede lid, komt te luiden:\n\n • 2. Het bevoegd gezag "
                       "beslist binnen acht weken over zaak {n}.",
    "insert-element": "Na artikel {n} wordt een artikel ingevoegd, luidende:\n\nArtikel {n}a. "
                      "Aanvulling {n}\n\nDe gemeente verstrekt de vergoeding {n} jaarlijks.",
    "renumber": "In artikel {n} vervalt het eerste lid, onder vernummering van het tweede tot en "
                "met vierde lid tot eerste tot en met derde lid.",
}


def act_text(instructions: int, articles: int) -> tuple[str, list[str]]:
    labels = _labels(instructions)
    body = []
    kinds = list(KINDS)
    step = max(1, articles // instructions)
    for i, label in enumerate(labels):
        kind = kinds[i % len(kinds)]
        body += [label, KINDS[kind].format(n=1 + i * step)]
    text = ("Staatsblad 2001, 1\n\nWet van 1 januari 2001 tot wijziging van de Benchwet\n\n"
            "ARTIKEL I\n\nDe Benchwet wordt gewijzigd als volgt:\n\n" + "\n\n".join(body)
            + "\n\nGegeven te 's-Gravenhage, 1 januari 2001\n\nUitgegeven 2 januari 2001\n")
    return text, kinds


def _labels(count: int) -> list[str]:
    labels, n = [], 0
    while len(labels) < count:
        n += 1
        label, m = "", n
        while m:
            m, rest = divmod(m - 1, 26)
            label = chr(65 + rest) + label
        labels.append(label)
    return labels


def whole_run(xml: bytes, act: str) -> bytes:
    articles = parse_act(act, source="bench act").articles
    tree = lawfile.parse_law(xml, source="bench law")
    return lawfile.serialize(apply_articles(tree, articles, source_label="Stb. 2001, 1",
                                           in_place=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--instructions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        return _memory_child(*args.memory_child)
    xml = lawfile.serialize(lawtext.parse_law_text(law_text(args.articles), bwb_id="BWBRBENCH"))
    floor = Floor(xml, args.runs)
    text, kinds = act_text(args.instructions, args.articles)
    parse_time = best(args.runs, lambda: parse_act(text, source="bench act"))
    act = parse_act(text, source="bench act")
    count = len(act.instructions)
    apply_time, in_place, whole = _apply_figures(xml, act, text, floor, args.runs)
    print(f"law: {args.articles} articles, {len(xml) / 1e6:.1f} MB of XML")
    print(f"floor (lxml parse + serialise): {floor.best * 1000:.1f} ms "
          f"(best of {floor.samples} runs spread over the measurements)")
    print(f"act: {args.instructions} instructions of {len(kinds)} kinds: {', '.join(kinds)}")
    print(f"parse: {parse_time * 1000:.0f} ms, {count / parse_time:,.0f} instructions/s")
    print(f"apply: {apply_time * 1000:.0f} ms = {apply_time / floor.best:.1f}x the floor "
          f"(target 3x); {apply_time / count * 1e6:.0f} µs per instruction; the law is copied "
          "first, as the library keeps its input")
    print(f"apply in place (as `consolidator apply` does): {in_place * 1000:.0f} ms = "
          f"{in_place / floor.best:.1f}x the floor (target 3x)")
    print(f"whole run (parse act + parse law + apply + serialise): {whole * 1000:.0f} ms = "
          f"{whole / floor.best:.1f}x the floor (target 10x)")
    _curve(xml, args, floor.best)
    _memory(xml, text)


class Floor:
    """lxml parse + serialise of the law: ``best`` of every run taken so far."""

    def __init__(self, xml: bytes, runs: int):
        self.xml = xml
        self.best = best(runs, self.run)
        self.samples = runs

    def run(self) -> None:
        etree.tostring(etree.fromstring(self.xml))

    def next_to(self, fn) -> float:
        """One run of ``fn`` (seconds), with one run of the floor just before it."""
        self.best = min(self.best, best(1, self.run))
        self.samples += 1
        return best(1, fn)


def _apply_figures(xml, act, text, floor: Floor, runs) -> tuple[float, float, float]:
    """Best apply time (the law copied, as the library keeps its input), best apply in
    place (a freshly parsed law, as `consolidator apply` does) and best whole run."""
    tree = lawfile.parse_law(xml, source="bench law")
    apply_time = min(floor.next_to(lambda: apply_articles(tree, act.articles,
                                                          source_label="Stb. 2001, 1"))
                     for _ in range(runs))
    in_place = []
    for _ in range(runs):
        fresh = lawfile.parse_law(xml, source="bench law")  # not timed: the law is given
        in_place.append(floor.next_to(lambda: apply_articles(
            fresh, act.articles, source_label="Stb. 2001, 1", in_place=True)))
    whole = min(floor.next_to(lambda: whole_run(xml, text)) for _ in range(runs))
    return apply_time, min(in_place), whole


def _curve(xml, args, floor) -> None:
    tree = lawfile.parse_law(xml, source="bench law")
    print("instructions  apply ms  per instruction µs  x floor")
    for count in [c for c in (250, 500, 1000, 2000) if c <= args.articles]:
        text, _ = act_text(count, args.articles)
        act = parse_act(text, source="bench act")
        seconds = best(args.runs, lambda: apply_articles(tree, act.articles, "Stb. 2001, 1"))
        print(f"{count:12}  {seconds * 1000:8.0f}  {seconds / count * 1e6:18.0f}  "
              f"{seconds / floor:7.1f}")


def _memory(xml: bytes, text: str) -> None:
    """Peak resident memory of a whole run in a fresh process that reads the law's XML
    and the act from files (so building them here does not count)."""
    with tempfile.TemporaryDirectory() as folder:
        law, act = Path(folder) / "law.xml", Path(folder) / "act.txt"
        law.write_bytes(xml)
        act.write_text(text, "utf-8")
        command = [sys.executable, __file__, "--memory-child", str(law), str(act)]
        result = json.loads(subprocess.run(command, capture_output=True, text=True,
                                           check=True).stdout)
    peak = result["peak"] - result["before"]
    print(f"peak memory of a whole run: {peak / 1e6:.0f} MB above the interpreter holding the "
          f"inputs = {peak / len(xml):.1f}x the XML size (target under 10x)")


def _high_water() -> int:
    """Peak resident memory of this process (VmHWM; getrusage's ru_maxrss would
    include the parent's peak, which survives fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _memory_child(law: Path, act: Path) -> None:
    xml, text = law.read_bytes(), act.read_text("utf-8")
    parse_act(act_text(1, 1)[0])  # grammar built before measuring
    before = _high_water()
    whole_run(xml, text)
    peak = _high_water()
    print(json.dumps({"before": before, "peak": peak}))


if __name__ == "__main__":
    main()

"""Parse rate of the act reader, as a ratio to reading and tokenising the same text.

Run: .venv/bin/python bench/parse_rate.py [--instructions N] [--runs N]

Prints, for the seed act (Stb. 1996, 649), the bench act (bench/large.py: 2,000
onderdelen of nine kinds) and a synthetic act of N instructions (default 5,000) in
every family, the instructions per second of ``parse_act`` (the median of the runs,
the grammar loaded before; the parser keeps the shapes of the sentences it read, so
the runs after the first read them as a process that read the act before would),
the same with those shapes forgotten before each run («first»), and the time of the
baseline (read the file and split it into word tokens with one regular expression),
measured in the same run.

Targets (issue 17): at least 15,000 instructions/s on the bench act and 10,000/s on
the seed act; each is printed with whether it is met. The rates are wall-clock times
of this process, so a machine busy with other work lowers them: the load average is
printed before and after, and the spread of a fixed loop timed before each measurement
(``timing.Pace``: on a shared virtual machine the processor's own pace moves by up to 2×
within a minute, which lowers the rates as much as load does).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from large import act_text  # noqa: E402
from timing import Pace, timed_runs  # noqa: E402

from consolidator.read.act import parse_act_file  # noqa: E402
from consolidator.read.instructions import _one_pass_parser  # noqa: E402
from consolidator.read.labels import _next_letters  # noqa: E402

SEED = ROOT / "corpus" / "acts" / "stb-1996-649.txt"
TOKEN = re.compile(r"\w+|[^\w\s]")

TEMPLATES = [
    "In artikel {a} wordt «{w}» vervangen door: {w2}.",
    "In artikel {a}, {o} lid, wordt «{w}» telkens vervangen door: {w2}.",
    "In artikel {a}, {o} lid, vervalt na «{w}»: {w2}.",
    "In artikel {a}, {o} lid, onderdeel b, wordt na «{w}» ingevoegd: , {w2}.",
    "In artikel {a}, {o} lid, wordt aan het eind van de tweede volzin toegevoegd: , {w2}.",
    "Artikel {a} vervalt.",
    "In artikel {a} vervalt het vierde lid, onder vernummering van het vijfde lid tot vierde lid.",
    "In artikel {a}, eerste lid, vervallen de dubbele punt, de aanduiding van onderdeel a, "
    "de zinsnede «, {w}» alsmede onderdeel b en wordt de puntkomma aan het slot van onderdeel a (oud) "
    "vervangen door een punt.",
    "In artikel {a}, {o} lid, wordt het gedeelte na «{w}» vervangen door: {w2}.",
    "Het {o} lid van artikel {a} komt te luiden:\n\n • 3. {W}.",
    "Na artikel {a} wordt ingevoegd een nieuw artikel {a}a, luidend:\n\nArtikel {a}a. Opschrift\n\n • 1. {W}.",
]
WORDS = ["de bijzondere school", "het bevoegd gezag", "de gemeenteraad", "artikel 93,",
         "een niet door de gemeente in stand gehouden school", "het openbaar onderwijs"]
ORDINALS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde"]


def synthetic_act(count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts = ["Wet van 1 januari 2030 tot wijziging van de Wet op de proeven", "",
             "ARTIKEL I", "", "De Wet op de proeven wordt gewijzigd als volgt:", ""]
    label = "A"
    for n in range(count):
        template = TEMPLATES[n % len(TEMPLATES)]
        sentence = template.format(a=rng.randint(1, 900), o=rng.choice(ORDINALS),
                                   w=rng.choice(WORDS), w2=rng.choice(WORDS),
                                   W=rng.choice(WORDS).capitalize())
        parts += [label, "", sentence, ""]
        label = _next_letters(label)
    parts += ["ARTIKEL II", "", "Deze wet treedt in werking met ingang van 1 januari 2031.", "",
              "Uitgegeven de tweede januari 2030"]
    return "\n".join(parts) + "\n"


def median_of(runs: int, fn, clock=time.perf_counter):
    """The median seconds of ``runs`` calls of ``fn``, and its last result."""
    times, result = timed_runs(runs, fn, clock)
    return statistics.median(times), result


def baseline(path: Path) -> int:
    return len(TOKEN.findall(path.read_text("utf-8")))


def first_reading(path: Path):
    """``parse_act_file`` with the parser's trie of sentence shapes emptied first: every
    shape is learnt from the tables again (the lexer's patterns stay compiled)."""
    _one_pass_parser().forget()
    return parse_act_file(path)


def measure(name: str, path: Path, runs: int, pace: Pace, target: int = 0) -> None:
    pace.sample()
    base_time, tokens = median_of(runs, lambda: baseline(path))
    pace.sample()
    first_time, _ = median_of(runs, lambda: first_reading(path))
    pace.sample()
    parse_time, act = median_of(runs, lambda: parse_act_file(path))
    pace.sample()
    cpu_time, _ = median_of(runs, lambda: parse_act_file(path), time.process_time)
    count = len(act.instructions)
    rate = count / parse_time
    print(f"{name}: {count} instructions, {tokens} tokens")
    print(f"  parse     {parse_time * 1000:9.1f} ms  {rate:10,.0f} instructions/s")
    print(f"  first     {first_time * 1000:9.1f} ms  {count / first_time:10,.0f} instructions/s "
          "(every sentence shape new to the parser)")
    print(f"  processor {cpu_time * 1000:9.1f} ms  {count / cpu_time:10,.0f} instructions/s "
          "(processor time: a check on a busy machine)")
    print(f"  baseline  {base_time * 1000:9.1f} ms  (read + regex tokenise)")
    print(f"  ratio     {parse_time / base_time:9.1f} × baseline")
    if target:
        print(f"  target ≥ {target:,} instructions/s: {'met' if rate >= target else 'NOT met'} "
              f"(processor time: {'met' if count / cpu_time >= target else 'NOT met'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instructions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    parse_act_file(SEED)  # build the grammar once, outside the timings
    pace = Pace()
    measure("seed act Stb. 1996, 649", SEED, args.runs, pace, target=10_000)
    with tempfile.TemporaryDirectory() as tmp:
        bench = Path(tmp) / "bench.txt"
        bench.write_text(act_text(2000, 5000)[0], "utf-8")
        measure("bench act (bench/large.py, 2,000 onderdelen)", bench, args.runs, pace,
                target=15_000)
        path = Path(tmp) / "synthetic.txt"
        path.write_text(synthetic_act(args.instructions), "utf-8")
        measure(f"synthetic act ({args.instructions} sentences)", path, args.runs, pace)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(pace.summary())


if __name__ == "__main__":
    main()

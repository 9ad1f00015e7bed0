"""What each way of building a sentence of a known shape costs and saves: the thresholds
of the one-pass parser (``onepass._PLAN_AT``, ``onepass._COMPILE_AT``) from measurements.

Run: .venv/bin/python bench/shape_costs.py [--runs N]

For the seed act (Stb. 1996, 649: many shapes, each met once or twice) and the bench
act (bench/large.py: few shapes, each met hundreds of times), every sentence the act
reader parses is read again with every shape built reduction by reduction, run as a
plan (``shapeplan``) and compiled (``shapecode``), the three taking turns in each of N
rounds (default 15; the best of each); then every shape the act holds is planned and compiled (best of 3).
Prints the time saved per sentence over the reducers, the cost per shape, and the
threshold that each cost and saving call for: a shape is worth planning (compiling) once
it has been met about as often as the cost is times the saving per sentence (a plan's
saving is over the reducers; compiling's, over the plan).
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

from large import act_text  # noqa: E402

from consolidator.read import instructions, onepass, shapecode, shapeplan  # noqa: E402
from consolidator.read.act import parse_act_file  # noqa: E402

SEED = ROOT / "corpus" / "acts" / "stb-1996-649.txt"
WAYS = {"reducers": (10 ** 9, 10 ** 9), "plan": (1, 10 ** 9), "compiled": (10 ** 9, 1)}


def sentences_of(path: Path) -> list[tuple[str, dict]]:
    """The arguments of every ``parse_sentence`` call the act reader makes for ``path``."""
    calls, original = [], instructions.parse_sentence

    def record(text, **kwargs):
        calls.append((text, kwargs))
        return original(text, **kwargs)

    modules = [m for m in list(sys.modules.values())
               if getattr(m, "parse_sentence", None) is original]
    for module in modules:
        module.parse_sentence = record
    try:
        parse_act_file(path)
    finally:
        for module in modules:
            module.parse_sentence = original
    return calls


def read_all(calls: list) -> float:
    start = time.perf_counter()
    for text, kwargs in calls:
        try:
            instructions.parse_sentence(text, **kwargs)
        except Exception:  # noqa: BLE001 - a refused sentence costs its time all the same
            pass
    return time.perf_counter() - start


def per_way(calls: list, runs: int) -> dict[str, float]:
    """The best seconds of reading ``calls`` in each way, the ways taking turns in each
    round (a machine's load falls on all alike): each way keeps its own trie of shapes,
    learnt (and planned or compiled) before the rounds."""
    parser, tries = instructions._one_pass_parser(), {}
    for way, thresholds in WAYS.items():
        onepass._PLAN_AT, onepass._COMPILE_AT = thresholds
        parser.forget()
        read_all(calls)
        tries[way] = parser.root
    best = dict.fromkeys(WAYS, float("inf"))
    for _ in range(runs):
        for way, thresholds in WAYS.items():
            onepass._PLAN_AT, onepass._COMPILE_AT = thresholds
            parser.root = tries[way]
            best[way] = min(best[way], read_all(calls))
    parser.forget()
    return best


def shape_costs() -> dict[str, float]:
    """The best seconds per shape of planning and of compiling every shape in the trie."""
    parser = instructions._one_pass_parser()
    ends = []
    stack = [parser.root]
    while stack:
        node = stack.pop()
        stack.extend(node.edges.values())
        if node.end is not None and node.scanner is not None:
            ends.append(node)
    shapes = []
    for node in ends:
        path = onepass._path(node)
        shapes.append((parser.builder, [n.into for n in path], node.end, [n.kind for n in path]))
    costs = {}
    for way, make in (("plan", shapeplan.plan_shape), ("compiled", shapecode.compile_shape)):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for args in shapes:
                make(*args)
            best = min(best, time.perf_counter() - start)
        costs[way] = best / len(shapes)
    return costs


def report(name: str, path: Path, runs: int) -> None:
    thresholds = onepass._PLAN_AT, onepass._COMPILE_AT
    calls = sentences_of(path)
    times = per_way(calls, runs)
    onepass._PLAN_AT, onepass._COMPILE_AT = WAYS["reducers"]
    read_all(calls)  # every shape in the trie, none planned
    costs = shape_costs()
    onepass._PLAN_AT, onepass._COMPILE_AT = thresholds
    count = len(calls)
    plan_saves = (times["reducers"] - times["plan"]) / count
    compile_saves = (times["plan"] - times["compiled"]) / count
    print(f"{name}: {count} sentences; " + ", ".join(
        f"{way} {seconds * 1000:.2f} ms" for way, seconds in times.items()))
    print(f"  plan:     costs {costs['plan'] * 1000:.3f} ms a shape, saves "
          f"{plan_saves * 1e6:.1f} µs a sentence over the reducers → worth it from meeting "
          f"{_meetings(costs['plan'], plan_saves)}")
    print(f"  compiled: costs {costs['compiled'] * 1000:.3f} ms a shape, saves "
          f"{compile_saves * 1e6:.1f} µs a sentence over the plan → worth it from meeting "
          f"{_meetings(costs['compiled'], compile_saves)}")


def _meetings(cost: float, saving: float) -> str:
    return f"{cost / saving:.0f}" if saving > 0 else "never (no saving measured)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"thresholds now: plan at meeting {onepass._PLAN_AT}, compile at "
          f"{onepass._COMPILE_AT}")
    parse_act_file(SEED)  # the grammar built outside the timings
    report("seed act Stb. 1996, 649", SEED, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        bench = Path(tmp) / "bench.txt"
        bench.write_text(act_text(2000, 5000)[0], "utf-8")
        report("bench act (bench/large.py, 2,000 onderdelen)", bench, args.runs)


if __name__ == "__main__":
    main()

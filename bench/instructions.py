"""Instructions executed per act parse and per apply, counted by valgrind: figures that do not
move with the machine's load (wall-clock figures here move by a third within minutes).

Run: .venv/bin/python bench/instructions.py [--only seed|bench|apply]

For the seed act (Stb. 1996, 649) and the bench act (bench/large.py, 2,000 onderdelen): the
instructions of one ``parse_act_file`` in the order of ``bench/parse_rate.py`` (the act read
first with every shape new, then again: shapes met before); for the bench law and act: the
instructions of one ``apply_articles`` in place. Each figure is the difference between a
process that does the work N+K times and one that does it N times, divided by K, so start-up,
imports and the reading of the inputs cancel out; both run under ``valgrind
--tool=cachegrind --cache-sim=no`` with ``PYTHONHASHSEED=0`` (about 1% from run to run is left:
memory layout). Without valgrind on the PATH it says so and exits 1. Compare two trees by
running it in each.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST, MORE = 3, 5  # a process does the work FIRST times, or FIRST + MORE times


def work(kind: str, times: int) -> None:
    """Do ``kind`` ``times`` times after reading its inputs (run in a child process)."""
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from large import act_text, law_text

    from consolidator.read.act import parse_act, parse_act_file
    from consolidator.read.instructions import _one_pass_parser
    if kind == "apply":
        from consolidator.apply.sentences import apply_articles
        from consolidator.law import lawfile, lawtext
        xml = lawfile.serialize(lawtext.parse_law_text(law_text(5000), bwb_id="BWBRBENCH"))
        act = parse_act(act_text(2000, 5000)[0], source="bench act")
        # as many trees read in every process, so that reading them cancels out
        trees = [lawfile.parse_law(xml, source="bench law") for _ in range(FIRST + MORE)]
        for tree in trees[:times]:
            apply_articles(tree, act.articles, "Stb. 2001, 1", in_place=True)
        return
    if kind == "seed":
        path = ROOT / "corpus" / "acts" / "stb-1996-649.txt"
    else:
        path = Path(os.environ["BENCH_ACT"])
    parse_act_file(path)
    for _ in range(4):  # every shape new, as the bench's «first» readings
        _one_pass_parser().forget()
        parse_act_file(path)
    for _ in range(times):
        parse_act_file(path)


def counted(kind: str, times: int, env: dict) -> int:
    """The instructions a child process doing ``kind`` ``times`` times executes."""
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no",
               "--cachegrind-out-file=/dev/null", sys.executable, __file__, "--work", kind,
               str(times)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["seed", "bench", "apply"])
    parser.add_argument("--work", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.work:
        work(args.work[0], int(args.work[1]))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not on the PATH: no instruction counts (apt install valgrind)")
    sys.path.insert(0, str(ROOT / "bench"))
    from large import act_text
    names = {"seed": "parse, seed act Stb. 1996, 649", "bench": "parse, bench act",
             "apply": "apply in place, bench act to bench law"}
    with tempfile.TemporaryDirectory() as tmp:
        bench_act = Path(tmp) / "bench-act.txt"
        bench_act.write_text(act_text(2000, 5000)[0], "utf-8")
        env = dict(os.environ, PYTHONHASHSEED="0", BENCH_ACT=str(bench_act))
        for kind in [args.only] if args.only else list(names):
            few, many = counted(kind, FIRST, env), counted(kind, FIRST + MORE, env)
            print(f"{names[kind]}: {(many - few) / MORE / 1e6:,.1f} million instructions each",
                  flush=True)


if __name__ == "__main__":
    main()

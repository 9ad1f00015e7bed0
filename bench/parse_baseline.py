"""Parse rate against the reader issue 17 measured, both timed in the same run.

Run: .venv/bin/python bench/parse_baseline.py [--rounds N] [--runs N] [--rev REV]
         [--instructions]

Issue 17 set its parse targets (10,000 instructions/s on the seed act, 15,000/s on the
bench act) on the machine its figures were taken on, where the reader of that time
parsed the seed act at ~8,100 instructions/s (the best of runs, as its parse_rate.py
then reported). A rate in instructions per second is a figure of the machine as much as
of the code: on the shared virtual machines the project is measured on, one run of the
same code gives twice the time of another a minute later (``timing.Pace``). So this
script takes the reader of the commit the issue was filed at (``--rev``, default
79e0103, the last commit before the work on the issues began) out of git into a
temporary folder and times it and this tree's reader in turn, each in a fresh process,
``--rounds`` times (default 7): a before and an after measured in the same minutes.

Each process reads the seed act and the bench act (bench/large.py, 2,000 onderdelen)
as parse_rate.py does. The reader of the issue has no memory of sentence shapes, so
every reading costs the same: it is timed as the best of ``--runs`` readings, as the
issue's figure was. This tree's reader is timed as parse_rate.py times it (five
readings with every shape forgotten, then the median of ``--runs``): the stricter of the
two statistics for the reader that has to meet the target.

Printed: both readers' rates and their ratio per round, then the median ratio and what
it makes of the issue's own figure: the rate this tree's reader has on a machine where
the reader of the issue parsed the seed act at 8,100 instructions/s, against each
target. The machine's pace cancels out of the ratio, as far as it holds still over a
pair of processes (a few seconds), which is why the rounds alternate; it does not always
(a round's ratio can be half or twice the next one's), so the median over the rounds is
the figure. The tree against its own commit (``--rev HEAD``) gave 0.88× for the seed act
and 0.98× for the bench act: what the stricter statistic on this tree's side takes off. With a ``--rev`` other than the issue's,
only the ratios are printed: the issue's 8,100/s is a figure of its reader alone.
``--instructions`` also counts the instructions of one reading of the seed act
in both trees with valgrind (in the order above), which the pace does not move at all, and
scales the issue's figure by their ratio.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: the commit issue 17 was filed at, and the seed act's rate its reader had then
ISSUE_REV = "79e0103"
ISSUE_SEED_RATE = 8_100
TARGETS = {"seed": 10_000, "bench": 15_000}

# Run in a fresh process with the reader's tree first on the path: prints one JSON line
# with the seconds of each act's readings («time»), or only reads the seed act ``runs``
# times after the readings that come first in parse_rate.py («count», under valgrind).
_CHILD = r"""
import json, statistics, sys, time
from pathlib import Path
tree, seed, bench, runs = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
mode = sys.argv[5]
sys.path.insert(0, tree)
try:
    from consolidator.read.act import parse_act_file
except ImportError:  # the layout before the house move (commit e1afd66): one flat package
    from consolidator.act import parse_act_file
import consolidator
assert Path(consolidator.__file__).resolve().is_relative_to(Path(tree).resolve()), \
    consolidator.__file__
try:
    from consolidator.read.instructions import _one_pass_parser
    forget = lambda: _one_pass_parser().forget()
except ImportError:
    forget = None  # a reader without a memory of sentence shapes

def timed(path):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        act = parse_act_file(path)
        times.append(time.perf_counter() - start)
    return times, len(act.instructions)

def warm(path):
    parse_act_file(path)  # the grammar built, outside the timings
    if forget is not None:  # parse_rate.py's «first» readings come before its «parse»
        for _ in range(5):
            forget(); parse_act_file(path)

if mode == "count":
    warm(seed)
    for _ in range(runs):
        parse_act_file(seed)
    sys.exit(0)
out = {}
for name, path in (("seed", seed), ("bench", bench)):
    warm(path)
    times, count = timed(path)
    out[name] = {"instructions": count, "best": min(times),
                 "median": statistics.median(times)}
print(json.dumps(out))
"""


def extract(rev: str, folder: Path) -> Path:
    """The package and grammar of ``rev`` in ``folder``, laid out as an install sees it
    (the grammar files as the subpackage ``consolidator.grammar``)."""
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev,
                                  "consolidator", "grammar"], check=True,
                                 capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        sys.exit(f"parse_baseline: cannot take commit {rev} out of git in {ROOT} "
                 f"({detail.decode(errors='replace').strip() or exc}); it needs the "
                 "project's history (not a shallow clone) and git")
    # (the extraction filter is in Python from 3.11.4 on; git's own archive needs none)
    safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, **safe)
    grammar = folder / "consolidator" / "grammar"
    if not grammar.exists():
        (folder / "grammar").rename(grammar)
    return folder


def run_child(tree: Path, seed: Path, bench: Path, runs: int) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(tree), str(seed), str(bench),
                           str(runs), "time"], capture_output=True, text=True, cwd=tree)
    if done.returncode != 0:
        sys.exit(f"parse_baseline: the reader in {tree} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


#: a counted process reads the seed act FIRST or FIRST + MORE times after its warm-up
FIRST, MORE = 2, 4


def counted(tree: Path, seed: Path, runs: int) -> int:
    """The instructions a process executes that reads the seed act ``runs`` times
    (valgrind's cachegrind, hash seed fixed: figures that do not move with the machine)."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                           "--cachegrind-out-file=/dev/null", sys.executable, "-c", _CHILD,
                           str(tree), str(seed), str(seed), str(runs), "count"],
                          capture_output=True, text=True, cwd=tree, env=env)
    match = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or match is None:
        sys.exit(f"parse_baseline: valgrind on the reader in {tree} failed:\n{done.stderr}")
    return int(match.group(1).replace(",", ""))


def per_reading(tree: Path, seed: Path) -> float:
    """The instructions of one reading of the seed act (a process reading it FIRST + MORE
    times less one reading it FIRST times, over MORE: start-up and imports cancel out)."""
    return (counted(tree, seed, FIRST + MORE) - counted(tree, seed, FIRST)) / MORE


def report_instructions(rev: str, old_tree: Path, seed: Path, issue_reader: bool) -> None:
    if shutil.which("valgrind") is None:
        sys.exit("parse_baseline: --instructions needs valgrind on the PATH")
    print(f"instructions per reading of the seed act (valgrind, {FIRST + MORE} less "
          f"{FIRST} readings), each tree counted once, in turn:", flush=True)
    old, new = per_reading(old_tree, seed), per_reading(ROOT, seed)
    ratio = old / new
    print(f"  reader of {rev}: {old / 1e6:.1f} million; this tree: {new / 1e6:.1f} million "
          f"({ratio:.2f}× fewer)")
    if not issue_reader:
        return
    rate = ISSUE_SEED_RATE * ratio
    print(f"  at the pace the issue's figure gives ({ISSUE_SEED_RATE:,}/s for the reader of "
          f"{rev}), this tree's reader: {rate:,.0f} instructions/s; target ≥ "
          f"{TARGETS['seed']:,}: {'met' if rate >= TARGETS['seed'] else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7,
                        help="pairs of processes, old reader then this tree's (default: 7)")
    parser.add_argument("--runs", type=int, default=5,
                        help="timed readings of each act in each process (default: 5)")
    parser.add_argument("--rev", default=ISSUE_REV,
                        help="the commit whose reader is the baseline (default: %(default)s)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of a reading of the seed act in "
                             "both trees (valgrind; a figure the machine's pace does not move)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from large import act_text

    seed = ROOT / "corpus" / "acts" / "stb-1996-649.txt"
    with tempfile.TemporaryDirectory() as tmp:
        old_tree = extract(args.rev, Path(tmp) / "before")
        bench = Path(tmp) / "bench.txt"
        bench.write_text(act_text(2000, 5000)[0], "utf-8")
        rounds = []
        for number in range(1, args.rounds + 1):
            print(f"round {number} of {args.rounds} …", file=sys.stderr, flush=True)
            rounds.append(_round(old_tree, seed, bench, args.runs))
        _report(args, rounds)
        if args.instructions:
            report_instructions(args.rev, old_tree, seed, _commit(args.rev) == _commit(ISSUE_REV))


def _round(old_tree: Path, seed: Path, bench: Path, runs: int) -> dict:
    """One reading by each reader, in turn: the rates (instructions/s) per act, and this
    tree's rates scaled to the issue's machine by the seed act's rate of the old reader."""
    old = run_child(old_tree, seed, bench, runs)
    new = run_child(ROOT, seed, bench, runs)
    factor = ISSUE_SEED_RATE / (old["seed"]["instructions"] / old["seed"]["best"])
    result = {}
    for name in TARGETS:
        old_rate = old[name]["instructions"] / old[name]["best"]
        new_rate = new[name]["instructions"] / new[name]["median"]
        result[name] = (old_rate, new_rate, new_rate * factor)
    return result


def _commit(rev: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", "-q",
                           f"{rev}^{{commit}}"], capture_output=True, text=True)
    return done.stdout.strip()


def _report(args, rounds: list[dict]) -> None:
    print(f"reader of {args.rev} (best of {args.runs} readings) against this tree's (median "
          f"of {args.runs}), in alternating processes; instructions/s:")
    for number, result in enumerate(rounds, start=1):
        cells = [f"{name} {old:7,.0f} → {new:7,.0f} ({new / old:.2f}×)"
                 for name, (old, new, _) in result.items()]
        print(f"  round {number}: " + ";  ".join(cells))
    if _commit(args.rev) != _commit(ISSUE_REV):  # the issue's figure is of its reader only
        for name in TARGETS:
            ratios = [result[name][1] / result[name][0] for result in rounds]
            print(f"  {name} act: median ratio {statistics.median(ratios):.2f}× (rounds "
                  f"{min(ratios):.2f}–{max(ratios):.2f}×)")
        return
    print(f"scaled to a machine where the reader of {args.rev} parses the seed act at "
          f"{ISSUE_SEED_RATE:,}/s (issue 17's figure; the bench act by the same factor):")
    for name, target in TARGETS.items():
        scaled = [result[name][2] for result in rounds]
        ratio = statistics.median(result[name][1] / result[name][0] for result in rounds)
        rate = statistics.median(scaled)
        print(f"  {name} act: {rate:,.0f} instructions/s (rounds {min(scaled):,.0f}–"
              f"{max(scaled):,.0f}; median ratio to the old reader {ratio:.2f}×); target ≥ "
              f"{target:,}: {'met' if rate >= target else 'NOT met'}"
              f"{'' if min(scaled) >= target else ' (not in every round)'}")


if __name__ == "__main__":
    main()

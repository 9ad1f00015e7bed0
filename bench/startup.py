"""Start-up of the command line: `show`, `history` and `parse` as whole CLI calls, as
ratios to the floor of importing what any command needs, measured in the same run.

Run: .venv/bin/python bench/startup.py [--runs 15]

The floor is ``python -c 'import lxml.etree, click, sqlite3'``. The store is the corpus,
consolidated once into a temporary folder. Each round runs the floor and every command
once, in turn, so load from other processes falls on all of them alike; the figures are
medians over the rounds. Targets: `show` and `history` at most 2x the floor.

The commands run with a bytecode cache, as after ``pip install`` (the floor's modules
have one): the bench clears PYTHONDONTWRITEBYTECODE for its children and warms each
command once. The Lark parsers' cache (read/parsercache.py) is a private folder made for
the run: `parse` is timed once with an empty cache (first use: the parsers are built and
written) and then in every round with the cache filled.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import lxml.etree, click, sqlite3"]
LAW = "BWBR0002458"  # the corpus law with the most versions
ACT = ROOT / "corpus" / "acts" / "stb-1996-649.txt"


def commands(store: Path) -> dict[str, list[str]]:
    cli = [sys.executable, "-m", "consolidator"]
    return {
        "show": cli + ["show", LAW, "--date", "2020-01-01", "--store", str(store), "--quiet"],
        "history": cli + ["history", LAW, "--store", str(store)],
        "show --help": cli + ["show", "--help"],
        "parse (seed act)": cli + ["parse", str(ACT)],
    }


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, cwd=ROOT)  # `-m` puts the cwd first on the path
    return time.perf_counter() - start


def child_env(cache: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(cache)
    env["PYTHONPATH"] = str(ROOT)  # the tree this script is in, whatever is installed
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:  # made 0700
        folder = Path(folder)
        env = child_env(folder / "cache")
        store = folder / "store.sqlite"
        subprocess.run([sys.executable, "-m", "consolidator", "consolidate", str(ROOT / "corpus"),
                        "-o", str(folder / "out"), "--store", str(store)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _report(commands(store), env, folder / "cache", args.runs)


def _report(named: dict[str, list[str]], env: dict, cache: Path, runs: int) -> None:
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for command in named.values():  # bytecode written
        timed(command, env)
    _empty(cache)
    cold = timed(named["parse (seed act)"], env)
    samples = {name: [] for name in ["floor", *named]}
    for _ in range(runs):
        samples["floor"].append(timed(FLOOR, env))
        for name, command in named.items():
            samples[name].append(timed(command, env))
    floor = statistics.median(samples["floor"])
    print(f"{runs} rounds, medians")
    print(f"floor (python -c 'import lxml.etree, click, sqlite3'): {floor * 1000:.0f} ms")
    for name in named:
        median = statistics.median(samples[name])
        target = ""
        if name in ("show", "history"):
            target = f"  target ≤ 2x: {'met' if median <= 2 * floor else 'NOT met'}"
        print(f"{name:18} {median * 1000:6.0f} ms = {median / floor:4.2f}x the floor{target}")
    print(f"parse (seed act), empty parser cache: {cold * 1000:.0f} ms = {cold / floor:.1f}x "
          "the floor (first use: the parsers are built and cached)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def _empty(cache: Path) -> None:
    for path in sorted(cache.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()


if __name__ == "__main__":
    main()

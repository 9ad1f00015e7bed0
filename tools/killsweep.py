#!/usr/bin/env python3
"""The kill -9 sweep: ``consolidator consolidate`` killed at many moments, and after each
kill a check that the store and the output folder are from one run, or that the next
command says so and makes them so; that the output folder exists; and that the next run
leaves no staged file behind.

    python tools/killsweep.py                       # 60 random kills + every named step
    python tools/killsweep.py --kills 300 --seed 7  # longer
    python tools/killsweep.py --jobs 2              # with worker processes

Two corpora alternate (the bundled one, and the same without one act), so a run always
changes the store. Each kill lands at a random moment of a run (up to 1.2 times the
shortest full run seen, so some runs finish); then the run is classified by what it left: the old store
and folder, the new ones, or a journal (killed while putting them in place; a reader,
``consolidator history``, must then finish that and say so). Prints the figures; exits 1
if any check failed. The test suite stops a tiny corpus at every named step
(``tests/test_killed_runs.py``); this is the slow sweep over real timing.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consolidator import faults  # noqa: E402
from consolidator.ownership import files_of, read_marker  # noqa: E402

_LEFT_OVER = (".consolidate-", ".render-", ".export-")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=60,
                        help="kills at random moments, after the named steps (default: 60)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random kills")
    parser.add_argument("--jobs", type=int, default=1,
                        help="--jobs of the consolidate runs killed (default: 1)")
    options = parser.parse_args()
    if options.kills < 0 or options.jobs < 1:
        parser.error("--kills must be 0 or more (the named steps are always killed), "
                     "--jobs at least 1")
    with tempfile.TemporaryDirectory(prefix="killsweep-") as folder:
        sweep = Sweep(Path(folder), options.jobs)
        started = time.monotonic()
        sweep.named_steps()
        sweep.random_kills(options.kills, random.Random(options.seed))
        sweep.report(time.monotonic() - started)
        return 1 if sweep.failures else 0


class Sweep:
    def __init__(self, folder: Path, jobs: int):
        self.folder, self.jobs = folder, jobs
        self.corpora = [folder / "corpus-a", folder / "corpus-b"]
        shutil.copytree(ROOT / "corpus", self.corpora[0])
        shutil.copytree(ROOT / "corpus", self.corpora[1])
        (self.corpora[1] / "acts" / "stb-2022-wsob-art13.txt").unlink()
        self.store, self.out = folder / "work" / "consolidator.sqlite", folder / "work" / "latest"
        self.outcomes: collections.Counter = collections.Counter()
        self.failures: list[str] = []
        self.digests = {}
        self.runtime = float("inf")  # the shortest full run seen (the machine may be busy)
        for n, corpus in enumerate(self.corpora):  # the two results, and a run's length
            self._complete(corpus)
            self.digests[_contents(self.store)] = "ab"[n]
        assert len(self.digests) == 2, "the two corpora must give two stores"

    def _command(self, corpus: Path, *extra: str) -> list[str]:
        return [sys.executable, "-m", "consolidator", "consolidate", str(corpus), "-o",
                str(self.out), "--store", str(self.store), "--jobs", str(self.jobs), *extra]

    def _complete(self, corpus: Path) -> None:
        start = time.monotonic()
        result = subprocess.run(self._command(corpus), capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"a full run failed:\n{result.stderr}")
        self.runtime = min(self.runtime, time.monotonic() - start)

    def named_steps(self) -> None:
        """Kill at every named step a plain run meets (CONSOLIDATOR_KILL_AT)."""
        for step in faults.STEPS:
            if step.startswith("output:") and step != "output:exchanged":
                continue  # --force and no-exchange steps: tests/test_killed_runs.py
            before = _sha256(self.store)
            env = {**os.environ, faults.KILL_AT: step}
            process = subprocess.run(self._command(self._next_corpus()), env=env,
                                     capture_output=True)
            if process.returncode != -signal.SIGKILL:
                self.failures.append(f"step {step}: not reached ({process.returncode})")
            self._check(f"step {step}", before, process.returncode)

    def random_kills(self, count: int, rng: random.Random) -> None:
        for n in range(count):
            before = _sha256(self.store)
            process = subprocess.Popen(self._command(self._next_corpus()),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, 1.2 * self.runtime))
            process.send_signal(signal.SIGKILL)
            process.wait()
            self._check(f"kill {n}", before, process.returncode)
            if n % 10 == 9:
                self._complete(self._next_corpus())
                self._no_leftovers(f"after kill {n}")
        self._complete(self._next_corpus())
        self._no_leftovers("at the end")

    def _next_corpus(self) -> Path:
        """The corpus the store is not from now, so that every run changes it."""
        current = self.digests.get(_contents(self.store), "b")
        return self.corpora[1 if current == "a" else 0]

    def _check(self, what: str, before: str, code: int) -> None:
        """After a kill: the folder exists; a journal is finished by a reader, which says
        so; then the store and the folder are from one run."""
        if not self.out.is_dir():
            self.failures.append(f"{what}: the output folder is missing")
            return
        journal = self.store.with_name(self.store.name + ".publish").exists()
        if code == 0:
            phase = "finished before the kill"
        elif journal:
            phase = "killed while putting store and folder in place: finished by a reader"
        elif _sha256(self.store) == before:
            phase = "killed before: the old store and folder"
        else:
            phase = "killed after: the new store and folder"
        self.outcomes[phase] += 1
        if journal:
            result = subprocess.run([sys.executable, "-m", "consolidator", "history",
                                     "BWBR0003420", "--store", str(self.store)],
                                    capture_output=True, text=True)
            if result.returncode != 0 or "finished now" not in result.stderr:
                self.failures.append(f"{what}: a reader did not finish the publication: "
                                     f"{result.stderr.strip()}")
        problem = self._one_run()
        if problem:
            self.failures.append(f"{what}: {problem}")

    def _one_run(self) -> str:
        marker = read_marker(self.out)
        if marker is None or marker.state != "complete":
            return f"the output folder has no complete marker ({marker})"
        if _contents(self.store) not in self.digests:
            return "the store is neither run's"
        verified = subprocess.run([sys.executable, "-m", "consolidator", "verify", "--store",
                                   str(self.store)], capture_output=True, text=True)
        if verified.returncode != 0:  # every row and text against its hash
            return f"the store does not verify: {verified.stdout.strip()[:300]}"
        digest = _sha256(self.store)
        if marker.store_sha256 != digest:
            return "the store and the output folder are from different runs"
        if set(files_of(self.out)) != set(marker.files):
            return "the output folder's files differ from its marker"
        return ""

    def _no_leftovers(self, what: str) -> None:
        for folder in (self.store.parent, self.out.parent):
            for path in folder.iterdir():
                if path.name.startswith(_LEFT_OVER) or ".partial" in path.name or \
                        "-old-" in path.name or path.name.endswith(".publish"):
                    self.failures.append(f"{what}: {path.name} left over")

    def report(self, seconds: float) -> None:
        print(f"the shortest full consolidate: {self.runtime:.1f} s (--jobs {self.jobs}); "
              f"{sum(self.outcomes.values())} kills in {seconds:.0f} s")
        for phase, count in sorted(self.outcomes.items()):
            print(f"  {count:4d}  {phase}")
        print(f"failed checks: {len(self.failures)}")
        for failure in self.failures[:20]:
            print(f"  {failure}")


def _contents(store: Path) -> str:
    """What a run put in the store, apart from where its rows sit: a run builds on the store
    it finds (incremental consolidation), so after a run on corpus a the store holds the rows
    of a full build of a, with other ids and in another order. Each version by its law, its
    periods and the hash of its text; "" for a store that cannot be read."""
    try:
        connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        try:
            rows = connection.execute("SELECT law, valid_from, valid_until, known_from, "
                                      "known_until, xml_sha256 FROM version").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return ""
    return hashlib.sha256(repr(sorted(rows, key=repr)).encode()).hexdigest()


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


if __name__ == "__main__":
    sys.exit(main())

"""The development corpus through ``consolidator parse FILE --sentences --json``.

Run: python tools/devcorpus.py [--corpus tests/fixtures/devcorpus/sentences.jsonl]
     [--no-failures] [--json]

``--corpus`` takes the JSON-lines file or a folder that holds one as ``sentences.jsonl``.

Writes the text of every record of the corpus to a file, one a line, runs the command on
it and compares each line's result with the record's ``expect`` (what it should give,
labelled by reading it). Prints the table per expected kind and the list of failures:

* read as expected: read, with the expected kind (and, for an instruction, exactly the
  expected instruction kinds);
* refused correctly: refused where the record should be refused, with the expected kind
  (null for a unit that is none of the kinds);
* wrong kind: read as a kind the record is not — the worst outcome;
* kinds mismatch: read as an instruction, with other instruction kinds than expected;
* read, should refuse: read where the record should be refused;
* not read: refused where the record should be read (or refused as another kind).

The amendment figure of issue 13 counts the records whose expected kind is instruction,
intro or repeal, and the records refused as none of the kinds whose rough kind is not
an entry-into-force or samenloop one.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "devcorpus" / "sentences.jsonl"

OUTCOMES = ("read as expected", "refused correctly", "wrong kind", "kinds mismatch",
            "read, should refuse", "not read")
GOOD = ("read as expected", "refused correctly")
ROWS = ("instruction", "intro", "repeal", "entry-into-force", "samenloop", None)
AMENDMENT_KINDS = ("instruction", "intro", "repeal")


def load(path: Path) -> list[dict]:
    """The records of the corpus at ``path`` (a folder: its ``sentences.jsonl``); a file
    that cannot be read, or a line that is no JSON record, ends the run naming it."""
    if path.is_dir():
        path = path / "sentences.jsonl"
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"devcorpus: cannot read the corpus {path}: {exc}") from None
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"devcorpus: {path}, line {number}, column {exc.colno}: "
                             f"not a JSON record ({exc.msg})") from None
        if not isinstance(record, dict) or "text" not in record or "expect" not in record:
            raise SystemExit(f"devcorpus: {path}, line {number}: a record needs «text» and "
                             "«expect»")
        records.append(record)
    return records


def run_parse(records: list[dict]) -> list[dict]:
    """One result per record, from ``consolidator parse --sentences --json``."""
    with tempfile.TemporaryDirectory() as tmp:
        units = Path(tmp) / "units.txt"
        units.write_text("".join(" ".join(r["text"].split()) + "\n" for r in records), "utf-8")
        done = subprocess.run([sys.executable, "-m", "consolidator", "parse", str(units),
                               "--sentences", "--json"], capture_output=True, text=True,
                              cwd=ROOT, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"parse --sentences failed ({done.returncode}):\n{done.stderr}")
    results = [json.loads(line) for line in done.stdout.splitlines()]
    by_line = {r["line"]: r for r in results}
    return [by_line[n] for n in range(1, len(records) + 1)]


def instruction_kinds(result: dict) -> list[str]:
    return [i["kind"] for i in (result.get("result") or {}).get("instructions", [])]


def outcome(record: dict, result: dict) -> str:
    """Which of ``OUTCOMES`` one record's result is."""
    expect = record["expect"]
    if result["ok"]:
        if result["kind"] != expect["kind"]:
            return "wrong kind"
        if not expect["ok"]:
            return "read, should refuse"
        if expect["kind"] == "instruction" and instruction_kinds(result) != expect.get("kinds"):
            return "kinds mismatch"
        return "read as expected"
    if not expect["ok"] and result["kind"] == expect["kind"]:
        return "refused correctly"
    return "not read"


def is_amendment(record: dict) -> bool:
    expect = record["expect"]
    if expect["kind"] in AMENDMENT_KINDS:
        return True
    return expect["kind"] is None and record["kind"] not in ("entry-into-force", "samenloop")


def measure(records: list[dict], results: list[dict]) -> dict:
    """The table per expected kind, the amendment figure and the failures."""
    table: dict = {row: Counter() for row in ROWS}
    amendment = Counter()
    failures = []
    for index, (record, result) in enumerate(zip(records, results)):
        found = outcome(record, result)
        table[record["expect"]["kind"]][found] += 1
        if is_amendment(record):
            amendment[found in GOOD] += 1
        if found not in GOOD:
            failures.append({"index": index, "outcome": found, "expect": record["expect"],
                             "kind": result["kind"], "kinds": instruction_kinds(result),
                             "error": result["error"], "text": record["text"]})
    return {"table": {str(k): dict(v) for k, v in table.items()},
            "amendment": {"good": amendment[True], "total": sum(amendment.values())},
            "failures": failures}


def print_table(figures: dict) -> None:
    head = ["expected kind", "total"] + list(OUTCOMES)
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for row, counts in figures["table"].items():
        total = sum(counts.values())
        if total:
            cells = [row if row != "None" else "none (refused)", str(total)]
            print(" | ".join(cells + [str(counts.get(o, 0)) for o in OUTCOMES]))
    good, total = figures["amendment"]["good"], figures["amendment"]["total"]
    print(f"\namendment and repeal sentences giving what they should: {good}/{total} "
          f"({100 * good / total:.1f}%)")
    wrong = sum(c.get("wrong kind", 0) + c.get("read, should refuse", 0)
                for c in figures["table"].values())
    print(f"read as something they are not (wrong kind, or read where a refusal is due): {wrong}")


def print_failures(figures: dict) -> None:
    print(f"\nfailures ({len(figures['failures'])}):")
    for f in figures["failures"]:
        expected = f["expect"]["kind"] if f["expect"]["ok"] else \
            f"refuse ({f['expect']['kind']}, {f['expect']['reason']})"
        got = f"{f['kind']} {f['kinds']}" if f["kinds"] else str(f["kind"])
        print(f"- [{f['index']}] {f['outcome']}: expected {expected}"
              f"{' ' + str(f['expect'].get('kinds')) if f['expect'].get('kinds') else ''}, "
              f"got {got}\n    {f['text'][:200]}")
        if f["error"]:
            print(f"    {f['error'][:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="the JSON-lines file of records, or a folder holding it as "
                             "sentences.jsonl (default: the project's fixture)")
    parser.add_argument("--json", action="store_true", help="the figures as one JSON document")
    parser.add_argument("--no-failures", action="store_true", help="the table only")
    args = parser.parse_args()
    records = load(args.corpus)
    figures = measure(records, run_parse(records))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return
    print_table(figures)
    if not args.no_failures:
        print_failures(figures)


if __name__ == "__main__":
    main()

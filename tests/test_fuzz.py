"""A bounded fuzz run (the long run is ``python tools/fuzz.py``): mutated seed acts,
corpus laws (XML and law text), entry-into-force articles and BWB metadata give a
result or a ``ConsolidatorError``, never another exception, never a hang.

The inputs are fixed (seed ``FUZZ_SEED``, default 0), so the suite always runs the same
cases; a failure names the case and the command that reproduces it.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = int(os.environ.get("FUZZ_SEED", "0"))
#: inputs per target in the suite: 9 targets, some thousands of inputs in all
PER_TARGET = int(os.environ.get("FUZZ_PER_TARGET", "350"))
#: seconds one input may take before it counts as a hang (generous: CI machines are slow)
TIMEOUT = 10.0


def _load_fuzzer():
    spec = importlib.util.spec_from_file_location("consolidator_fuzz", ROOT / "tools" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzzer()


@pytest.mark.parametrize("target", sorted(t for t, spec in fuzz.TARGETS.items() if not spec.make))
def test_mutated_inputs_give_a_result_or_a_project_error(target):
    failures, kinds = [], {"ok": 0, "error": 0, "crash": 0, "hang": 0}
    for index in range(PER_TARGET):
        case = fuzz.make_case(target, SEED, index)
        outcome = fuzz.run_case(case, TIMEOUT)
        kinds[outcome.kind] += 1
        if outcome.kind in ("crash", "hang"):
            failures.append(f"{case.name} {outcome.kind} {outcome.key} "
                            f"({', '.join(case.mutations)}); reproduce with: python "
                            f"tools/fuzz.py --targets {target} --seed {SEED} --only {index}\n"
                            f"{outcome.detail[-1500:]}")
    assert not failures, "\n\n".join(failures[:3])
    # the mutations must reach past the first check: some inputs pass, some are refused
    assert kinds["ok"] > 0 and kinds["error"] > 0, kinds


def test_cases_are_reproducible():
    for target in fuzz.TARGETS:
        assert fuzz.make_case(target, 5, 17).data == fuzz.make_case(target, 5, 17).data


# --------------------------------------------------------------------------- the CLI

CLI_CASES = 12  # per command: each runs the whole CLI (and writes files)


def _main(args: list[str]) -> tuple[int, str]:
    """Exit code and all the command printed (stderr, then stdout)."""
    from consolidator.cli import TRACEBACK_VAR, main
    os.environ.pop(TRACEBACK_VAR, None)
    err, out, old = io.StringIO(), io.StringIO(), sys.argv
    sys.argv = ["consolidator"] + args
    code = 0
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                main()
            except SystemExit as exc:
                code = exc.code or 0
    finally:
        sys.argv = old
    return code, err.getvalue() + out.getvalue()


def _write(path: Path, data) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    return path


@pytest.mark.parametrize("command", ["parse", "check", "apply", "import-text", "text"])
def test_cli_on_mutated_input_exits_0_or_1_without_traceback(command, tmp_path):
    target = {"parse": "parse", "check": "parse", "apply": "apply",
              "import-text": "import-text", "text": "text"}[command]
    law = ROOT / "corpus" / "BWBR0003420" / "base.xml"
    seen = set()
    for index in range(CLI_CASES):
        case = fuzz.make_case(target, SEED, index)
        given = _write(tmp_path / f"in{index}.{'xml' if command == 'text' else 'txt'}", case.data)
        out = tmp_path / f"out{index}.xml"
        args = {"parse": ["parse", str(given)],
                "check": ["check", str(given), "--corpus", str(ROOT / "corpus")],
                "apply": ["apply", str(law), str(given), "-o", str(out)],
                "import-text": ["import-text", str(given), "-o", str(out),
                                "--bwb-id", "BWBR0000001", "--date", "2000-01-01"],
                "text": ["text", str(given)]}[command]
        code, printed = _main(args)
        seen.add(code)
        where = f"{command} on {case.name} ({', '.join(case.mutations)})"
        assert code in (0, 1), f"{where}: exit {code}\n{printed[-2000:]}"
        assert "Traceback" not in printed and "internal error" not in printed, f"{where}\n{printed}"
        if code == 1:
            assert "error" in printed, f"{where}: exit 1 without saying why"
            assert not out.exists(), f"{where}: exit 1 but {out.name} was written"
    assert 1 in seen, f"no mutated input was refused by {command}"


def test_preview_and_check_against_the_store_on_mutated_acts_exit_0_or_1(tmp_path,
                                                                         corpus_store_path):
    """The drafter's commands that read the store (``check --store``, ``preview``): a
    mutated act is previewed or refused, never a crash, and the store is not written."""
    before = corpus_store_path.read_bytes()
    facts = ROOT / "corpus" / "facts.toml"
    for index in range(CLI_CASES):
        case = fuzz.make_case("parse", SEED, index)
        given = _write(tmp_path / f"in{index}.txt", case.data)
        for args in (["check", str(given), "--store", str(corpus_store_path), "--corpus",
                      str(ROOT / "corpus")],
                     ["preview", str(given), "--store", str(corpus_store_path), "--facts",
                      str(facts)]):
            code, printed = _main(args)
            where = f"{args[0]} on {case.name} ({', '.join(case.mutations)})"
            assert code in (0, 1), f"{where}: exit {code}\n{printed[-2000:]}"
            assert "Traceback" not in printed and "internal error" not in printed, where
    assert corpus_store_path.read_bytes() == before

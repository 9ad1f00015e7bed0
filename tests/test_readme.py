"""The README's two commands (issue 16, point 6): install and run the main job, install and
run the tests. Each must work in a fresh shell, so each makes and activates the virtualenv
itself; and `.ci/run` runs the test command exactly as the README gives it."""
from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
VENV = "python3 -m venv .venv && . .venv/bin/activate && "


def command_after(intro: str) -> str:
    """The first indented command line after the paragraph that starts with ``intro``."""
    start = README.index(intro)
    match = re.compile(r"^    (\S.*)$", re.M).search(README, start)
    assert match, intro
    return match.group(1)


def test_the_main_command_makes_its_own_virtualenv():
    main = command_after("Install and run the main job")
    assert main.startswith(VENV) and main.endswith("consolidator consolidate")


def test_the_test_command_makes_its_own_virtualenv():
    tests = command_after("Install and run the tests")
    assert tests == VENV + "pip install -q -e '.[test]' && python -m pytest"


def test_ci_runs_the_readme_test_command_exactly():
    tests = command_after("Install and run the tests")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    commands = [line for line in ci.splitlines() if line and not line.startswith("#")]
    assert tests in commands
    assert commands[-1] == tests  # the last thing CI does, so its exit code is CI's
    assert "pytest" not in "\n".join(commands[:-1])

"""`show` and `history` start fast because they load only what they use (issue 17, point 3;
bench/startup.py measures it): no act reader, no grammar, no model of an act, no check. A
module-level import in any command module, or in the store's query path, that pulls one of
these in undoes that for every command; these tests name the module that did."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

#: what neither command needs (given a BWB id, neither reads the table of short names:
#: no TOML parser, no package resources)
HEAVY = ("lark", "consolidator.model", "consolidator.read", "consolidator.apply",
         "consolidator.views.check_report", "consolidator.time.settle", "tomllib",
         "importlib.resources")

_SCRIPT = """
import json, sys
from consolidator.cli import cli
try:
    cli.main(sys.argv[1:], standalone_mode=False)
finally:
    sys.stdout.flush()
    print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(arguments: list[str]) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _SCRIPT, *arguments], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("command", [
    ["show", "BWBR0002458", "--date", "2020-01-01", "--quiet"],
    ["history", "BWBR0002458"],
], ids=["show", "history"])
def test_the_query_commands_load_no_reader_grammar_or_model(command, corpus_store_path):
    loaded = _modules_after(command + ["--store", str(corpus_store_path)])
    heavy = [m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert heavy == []

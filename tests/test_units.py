"""``consolidator parse FILE --sentences [--json]`` and the dispatcher behind it
(``read/units.py``): one unit a line, read on its own, as one of the contract's kinds."""
from __future__ import annotations

import json

from click.testing import CliRunner

from consolidator.cli import cli
from consolidator.read.units import UNIT_KINDS, read_unit


def _run(tmp_path, lines: list[str], *options: str):
    path = tmp_path / "units.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return CliRunner().invoke(cli, ["parse", str(path), "--sentences", *options])


def test_json_gives_one_object_a_line_with_the_contract_fields(tmp_path):
    result = _run(tmp_path, ["Artikel 86 vervalt.", "", "Artikel 5 wordt als volgt gewijzigd:"],
                  "--json")
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.output.splitlines()]
    assert [o["line"] for o in objects] == [1, 3]
    assert all(set(o) == {"line", "ok", "kind", "error", "result"} for o in objects)
    first, second = objects
    assert (first["ok"], first["kind"], first["error"]) == (True, "instruction", None)
    assert first["result"]["instructions"][0]["kind"] == "delete-element"
    assert first["result"]["instructions"][0]["targets"] == ["artikel 86"]
    assert (second["kind"], second["result"]["targets"]) == ("intro", ["artikel 5"])


def test_a_line_not_read_gives_exit_1_with_line_and_column(tmp_path):
    result = _run(tmp_path, ["Artikel 86 vervalt.", "In artikel 5 wordt «a» verplaatst."],
                  "--json")
    assert result.exit_code == 1
    refused = json.loads(result.output.splitlines()[1])
    assert refused["ok"] is False and refused["result"] is None
    assert refused["error"].startswith("line 2, column 24: cannot read instruction: "
                                       "unexpected «verplaatst")


def test_without_json_one_line_for_people_a_unit(tmp_path):
    result = _run(tmp_path, ["Artikel 86 vervalt.", "Deze wet treedt in werking met ingang "
                             "van 1 januari 1997."])
    assert result.exit_code == 0
    assert result.output.splitlines() == ["1: instruction delete-element artikel 86",
                                          "2: entry-into-force 1 rule(s)"]


def test_every_kind_is_one_of_the_contract():
    assert UNIT_KINDS == ("instruction", "intro", "entry-into-force", "samenloop", "repeal")


def test_a_lid_number_is_not_part_of_the_unit():
    unit = read_unit("2. Deze wet treedt in werking met ingang van 1 januari 1997.", line=7)
    assert (unit.kind, unit.ok, unit.line) == ("entry-into-force", True, 7)
    assert unit.result["rules"][0]["moment"] == {"kind": "date", "date": "1997-01-01", "clock": None}


def test_a_budget_table_change_is_refused_as_none_of_the_kinds():
    unit = read_unit("In artikel 19 Bijdragen andere begrotingen Rijk wordt het "
                     "ontvangstenbedrag verlaagd met € 2.500 (x € 1.000).")
    assert (unit.kind, unit.ok) == (None, False)
    assert "not a textual amendment" in unit.error

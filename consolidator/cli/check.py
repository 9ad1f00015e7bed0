"""The ``check`` command: a drafter's report on an act (``views.check``).

Thin: parse the options, run the check, print the problems as text or JSON
(``views.check_report``). Exit code 1 when any problem is an error; warnings alone give 0.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from consolidator.cli.options import PathValue, not_empty


@click.command("check")
@click.argument("act_file", type=PathValue(dir_okay=False, path_type=Path))
@click.option("--corpus", default="corpus", show_default=True,
              type=PathValue(file_okay=False, path_type=Path),
              help="The corpus: <law>/base.xml for the laws, acts/*.txt and facts.toml.")
@click.option("--date", default=None, callback=not_empty,
              help="Check only the parts in force on this date (YYYY-MM-DD), against the "
                   "text they will meet (other corpus acts in force by then applied first).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people; json: a list of problems for tools.")
def check_cmd(act_file: Path, corpus: Path, date, fmt: str) -> None:
    """Report every instruction of ACT_FILE that will not apply to the corpus laws
    (errors) and what is legal but suspicious (warnings), with line, column and
    onderdeel.

    Without --date every amending instruction is applied to the base texts in
    order, each seeing the effect of the earlier ones; a failing sentence is
    reported and skipped. Exit code 1 if there is any error."""
    from consolidator.dates import parse_iso
    from consolidator.views.check import check_file
    from consolidator.views.check_report import has_errors, render_json, render_text

    notes: list[str] = []
    problems = check_file(act_file, corpus, parse_iso(date, "--date") if date else None,
                          notes=notes)
    if fmt == "json":
        click.echo(json.dumps(render_json(problems), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(problems, act_file), nl=False)
        for note in notes:
            click.echo(f"note: {note}", err=True)
    if has_errors(problems):
        sys.exit(1)


"""The ``check`` command: a drafter's report on an act (``consolidator.check``).

Thin: parse the options, run the check, render the problems as text or JSON.
Exit code 1 when any problem is an error; warnings alone give 0.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from consolidator.views.check import ERROR, Problem, check_file
from consolidator.dates import parse_iso
from consolidator.errors import underline


@click.command("check")
@click.argument("act_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--corpus", default="corpus", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="The corpus: <law>/base.xml for the laws, acts/*.txt and facts.toml.")
@click.option("--date", default=None,
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
    notes: list[str] = []
    problems = check_file(act_file, corpus, parse_iso(date, "--date") if date else None,
                          notes=notes)
    if fmt == "json":
        click.echo(json.dumps([p.as_json() for p in problems], ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(problems, act_file), nl=False)
        for note in notes:
            click.echo(f"note: {note}", err=True)
    if any(p.severity == ERROR for p in problems):
        sys.exit(1)


def render_text(problems: list[Problem], act_file: Path) -> str:
    """One block per problem: «FILE:LINE:COL: severity [kind] place (law): message»,
    the act's line with the position marked; then a count."""
    try:
        lines = Path(act_file).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    out = []
    for p in problems:
        where = f"{act_file}:{p.line}:{p.column}" if p.line else str(act_file)
        place = f" {p.place}" if p.place else ""
        law = f" ({p.law})" if p.law else ""
        out.append(f"{where}: {p.severity} [{p.kind}]{place}{law}: {p.message}")
        if p.line and p.line <= len(lines) and p.column:
            out.append(underline(lines[p.line - 1], p.column, 1))
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    out.append(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return "\n".join(out) + "\n"

"""The ``check`` command: a drafter's report on an act (``views.check``).

Thin: parse the options, run the check, print the problems as text or JSON
(``views.check_report``). Exit code 1 when any problem is an error; warnings alone give 0.

Which text the act is checked against (``act_text_source``): the version store when there
is one (``--store``, else ``store.DEFAULT_STORE`` when that file exists and ``--corpus`` is
not given): the law in force on the act's own date as known before its publication
(``views.check_store``); else the corpus, as before.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click
from click.core import ParameterSource

from consolidator.cli.options import PathValue, not_empty
from consolidator.store.db import DEFAULT_STORE


@click.command("check")
@click.argument("act_file", type=PathValue(dir_okay=False, path_type=Path))
@click.option("--corpus", default="corpus", show_default=True,
              type=PathValue(file_okay=False, path_type=Path),
              help="The corpus: <law>/base.xml for the laws, acts/*.txt and facts.toml. "
                   "Checked against when there is no store; with a store, its facts.toml "
                   "is still read.")
@click.option("--store", "store_path", default=None,
              type=PathValue(dir_okay=False, path_type=Path),
              help=f"The version store to check against (default: {DEFAULT_STORE} when it "
                   "exists and --corpus is not given): the law in force on the act's own "
                   "date, as known before the act's publication. Only read.")
@click.option("--date", default=None, callback=not_empty,
              help="Check only the parts in force on this date (YYYY-MM-DD), against the "
                   "text they will meet (other acts in force by then applied first). With a "
                   "store, default: the act's own date of entry into force.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people; json: a list of problems for tools.")
@click.pass_context
def check_cmd(ctx: click.Context, act_file: Path, corpus: Path, store_path: Optional[Path],
              date, fmt: str) -> None:
    """Report every instruction of ACT_FILE that will not apply to the laws it changes
    (errors) and what is legal but suspicious (warnings), with line, column and
    onderdeel.

    With a store (--store, or out/consolidator.sqlite when it exists): each law as in
    force on the act's own date (from its entry-into-force article; --date to choose
    another; today for a bill whose date is left to a koninklijk besluit), as known
    before the act's publication. Without one: the corpus; without --date every amending
    instruction is applied to the base texts in order. Each sentence sees the effect of
    the earlier ones; a failing sentence is reported and skipped. Exit code 1 if there
    is any error."""
    from consolidator.dates import parse_iso
    from consolidator.views.check import check_file, check_store_file
    from consolidator.views.check_report import has_errors, render_json, render_text

    notes: list[str] = []
    day = parse_iso(date, "--date") if date else None
    store = act_text_source(ctx, store_path)
    if store is not None:
        problems = check_store_file(act_file, store, day, facts_of(corpus), notes=notes)
    else:
        problems = check_file(act_file, corpus, day, notes=notes)
        if day is None:
            notes.insert(0, f"checked against the base texts of {corpus}; for the law in "
                            "force on the act's date check against a store (`consolidator "
                            "consolidate`, then --store, or leave out --corpus)")
    if fmt == "json":
        click.echo(json.dumps(render_json(problems), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(problems, act_file), nl=False)
        for note in notes:
            click.echo(f"note: {note}", err=True)
    if has_errors(problems):
        sys.exit(1)


def act_text_source(ctx: click.Context, store_path: Optional[Path]) -> Optional[Path]:
    """The store to check against: the one given, else the default one when it exists and
    no corpus was given; None: the corpus."""
    if store_path is not None:
        return store_path
    if ctx.get_parameter_source("corpus") != ParameterSource.DEFAULT:
        return None
    default = Path(DEFAULT_STORE)
    return default if default.is_file() else None


def facts_of(corpus: Path) -> list:
    """The facts file of the corpus (about acts the store does not hold), if there is one."""
    from consolidator.time.facts import load_facts

    path = corpus / "facts.toml"
    return load_facts(path) if path.is_file() else []

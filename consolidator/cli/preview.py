"""The ``preview`` command: the redline of every law an act changes (``views.preview``).

Thin: parse the options, make the preview, print it (or write it to ``-o``); the problems
``check`` finds go to stderr in its text form. Exit code 1 when any is an error (an
instruction that does not fit, a law name close to a known one, an act of which no law
can be checked, a date no calendar has); the redline of what did apply is still shown.
The store is only read (``Store(read_only=True)``); ``-o`` may not name it.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from consolidator.cli.options import PathValue, not_empty, store_option
from consolidator.dates import parse_iso
from consolidator.errors import OutputError


@click.command("preview")
@click.argument("act_file", type=PathValue(dir_okay=False, path_type=Path))
@store_option
@click.option("--date", default=None, callback=not_empty,
              help="The date of the law to compare with (YYYY-MM-DD); default: the act's own "
                   "date of entry into force (today for a bill whose date is left to a "
                   "koninklijk besluit).")
@click.option("--facts", "facts_path", default=None,
              type=PathValue(dir_okay=False, path_type=Path),
              help="Facts about acts the store does not hold (samenloop, tied dates); "
                   "default: corpus/facts.toml when it exists.")
@click.option("--format", "fmt", type=click.Choice(["text", "html"]), default="text",
              show_default=True, help="Text with [-old-]{+new+} marks, or an HTML page "
                                      "with <del>/<ins> (in Dutch).")
@click.option("-o", "--output", default=None, type=PathValue(dir_okay=False, path_type=Path),
              help="Write the preview to this file instead of stdout.")
def preview_cmd(act_file: Path, store_path: Path, date, facts_path: Optional[Path], fmt: str,
                output: Optional[Path]) -> None:
    """The redline of every law ACT_FILE changes: each law in the store as in force on
    the act's own date (or --date), as known before the act's publication, against the
    same text with the act's changes; each change names the ARTIKEL, onderdeel and punt
    that made it. Regulations the act names that are not in the store are listed as not
    checked. The store is not changed."""
    from consolidator.views.check_report import has_errors, render_text as problems_text
    from consolidator.views.preview import preview_file, render_html, render_text

    day = parse_iso(date, "--date") if date else None
    if output is not None:
        _refuse_output(output, [store_path, act_file])
    found = preview_file(act_file, store_path, day, _facts(facts_path))
    text = render_html(found) if fmt == "html" else render_text(found)
    if output is not None:
        from consolidator.outputs import write_atomic
        write_atomic(output, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)
    for note in found.notes:
        click.echo(f"note: {note}", err=True)
    if found.problems:
        click.echo(problems_text(list(found.problems), act_file), err=True, nl=False)
    if has_errors(found.problems):
        sys.exit(1)


#: the files SQLite keeps beside a store
_SIDECARS = ("-journal", "-wal", "-shm")


def _refuse_output(output: Path, inputs: list[Path]) -> None:
    """The preview never writes over the store (or its journal) or the act."""
    target = output.resolve()
    for path in inputs:
        resolved = path.resolve()
        sidecars = {resolved.with_name(resolved.name + end) for end in _SIDECARS}
        if target == resolved or target in sidecars:
            raise OutputError(f"-o {output}: that is an input ({path}); the preview writes "
                              "elsewhere")


def _facts(path: Optional[Path]) -> list:
    from consolidator.time.facts import load_facts

    if path is not None:
        return load_facts(path)
    default = Path("corpus") / "facts.toml"
    return load_facts(default) if default.is_file() else []

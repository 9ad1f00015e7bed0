"""The ``apply`` command: acts applied to one law file (``time.inforce``).

Thin: parse the options, apply, write; the output is written only if every instruction
applied.
"""
from __future__ import annotations

from pathlib import Path

import click

from consolidator.cli.options import PathValue, not_empty


@click.command("apply")
@click.argument("law_xml", type=PathValue(dir_okay=False, path_type=Path))
@click.argument("acts", nargs=-1, type=PathValue(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=PathValue(dir_okay=False, path_type=Path),
              help="The BWB toestand XML file to write (only if every instruction applied).")
@click.option("--date", default=None, callback=not_empty,
              help="Apply only what is in force on this date (YYYY-MM-DD), by the acts' "
                   "entry-into-force articles.")
@click.option("--known-at", default=None, callback=not_empty,
              help="As known on this date (YYYY-MM-DD): acts published later are left out.")
@click.option("--facts", default=None, type=PathValue(dir_okay=False, path_type=Path),
              help="Facts file about other acts, for samenloop articles (see corpus/facts.toml).")
def apply_cmd(law_xml: Path, acts, output: Path, date, known_at, facts) -> None:
    """Apply the ARTIKELEN of ACTS that change LAW_XML, in order, and write OUTPUT.

    Without --date every amending instruction applies (a preview of the acts as
    if in force; samenloop articles are reported, not applied). With --date only
    the parts in force on that date apply, in order of their dates, and samenloop
    articles are decided (with --facts for acts not given). With no ACTS the law
    is written back unchanged."""
    from consolidator.time.inforce import apply_law_file

    apply_law_file(law_xml, acts, output, date, known_at, facts,
                   notify=lambda m: click.echo(m, err=True))

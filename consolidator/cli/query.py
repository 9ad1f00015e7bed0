"""Commands that read the version store: ``show``, ``history`` and ``export``.

Every one takes ``--store PATH`` (default ``store.DEFAULT_STORE``). Answers go
to stdout; which version was chosen and why (sources, samenloop branches, parts
not in force) goes to stderr, so stdout stays in the contract format.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from consolidator.cli.options import (PathValue, force_option, not_empty, store_option,
                                      wait_option)

__all__ = ["store_option"]  # also used by the commands in cli/views.py


@click.command("show")
@click.argument("law")
@click.option("--date", "date", required=True, callback=not_empty,
              help="The date the text is valid on (YYYY-MM-DD).")
@click.option("--known-at", default=None, callback=not_empty,
              help="As known on this date (YYYY-MM-DD); default: every act in the store.")
@click.option("--artikel", default=None, help="Only this article (its number, e.g. 105a1).")
@click.option("--format", "fmt", type=click.Choice(["text", "xml"]), default="text",
              show_default=True, help="Plain law text or BWB toestand XML.")
@click.option("--quiet", is_flag=True, help="Do not explain the version on stderr.")
@store_option
def show_cmd(law, date, known_at, artikel, fmt, quiet, store_path) -> None:
    """Print LAW (a BWB id or citeertitel, or an act: stb-2024-88, «Stb. 2024, 88»,
    kst-36301) as valid on --date, as known on --known-at.

    Stderr says which version was chosen: its dates, the act parts behind it,
    the samenloop branches taken and the parts not (yet) in force."""
    from consolidator.dates import parse_iso
    from consolidator.store.query import show

    valid = parse_iso(date, "--date")
    known = parse_iso(known_at, "--known-at") if known_at else None
    explained, output = show(store_path, law, valid, known, artikel, fmt,
                             notify=lambda m: click.echo(m, err=True))
    if not quiet:
        for line in explained:
            click.echo(line, err=True)
    if output:  # nothing of a withdrawn law
        click.echo(output, nl=not output.endswith("\n"))


@click.command("history")
@click.argument("law")
@click.option("--artikel", default=None, help="Only versions that changed this article.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@store_option
def history_cmd(law, artikel, fmt, store_path) -> None:
    """List the versions of LAW: validity, knowledge and the act parts behind each.

    Superseded versions (replaced by what a later, retroactive act said) are
    listed too, with the date they were superseded."""
    from consolidator.store.query import history_json, history_lines, history_of

    law_id, versions = history_of(store_path, law, artikel, notify=lambda m: click.echo(m, err=True))
    if fmt == "json":
        click.echo(json.dumps(history_json(law_id, versions), ensure_ascii=False, indent=2))
        return
    for line in history_lines(law_id, versions):
        click.echo(line)


@click.command("export")
@click.argument("laws", nargs=-1)
@click.option("-o", "--output", required=True, type=PathValue(file_okay=False, path_type=Path),
              help="Folder to write (replaced as a whole): one subfolder per law.")
@store_option
@force_option
def export_cmd(laws, output, store_path, force) -> None:
    """Write every version of LAWS (default: all) as BWB toestand XML with a manifest,
    named as BWB does: BWBR0003420_1997-01-01_0.xml.

    OUTPUT may not hold the store; one holding files consolidator did not write is
    refused unless --force."""
    from consolidator.store.export import export_store

    counts = export_store(store_path, laws, output, force, notify=lambda m: click.echo(m, err=True))
    for law_id, count in counts.items():
        click.echo(f"{law_id}: {count} version(s)")
    click.echo(f"written to {output}")


@click.command("import-bwb")
@click.argument("folder", type=PathValue(file_okay=False, exists=True, path_type=Path))
@store_option
@wait_option
def import_bwb_cmd(folder, store_path, wait) -> None:
    """Load an official BWB history (toestand XML files, manifest.xml and the WTI in
    FOLDER) into the store, as versions with the manifest's dates of validity and
    of knowledge (zichtdatum). The law is replaced if the store has it already."""
    from consolidator.store.bwbimport import import_into

    law_id, count = import_into(store_path, folder, wait, notify=lambda m: click.echo(m, err=True))
    click.echo(f"{law_id}: {count} toestanden loaded into {store_path}")

"""Commands that read the version store: ``show``, ``history`` and ``export``.

Every one takes ``--store PATH`` (default ``store.DEFAULT_STORE``). Answers go
to stdout; which version was chosen and why (sources, samenloop branches, parts
not in force) goes to stderr, so stdout stays in the contract format.
"""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import click

from consolidator.cli.options import (PathValue, artikel_option, force_option, not_empty,
                                      store_option, wait_option)

__all__ = ["store_option"]  # also used by the commands in cli/views.py


@click.command("show")
@click.argument("law")
@click.option("--date", "date", default=None, callback=not_empty,
              help="The date the text is valid on (YYYY-MM-DD); default: today.")
@click.option("--known-at", default=None, callback=not_empty,
              help="As known on this date (YYYY-MM-DD); default: every act in the store.")
@artikel_option("Only this article: its number (105a1) or «Artikel 105a1».")
@click.option("--format", "fmt", type=click.Choice(["text", "xml"]), default="text",
              show_default=True, help="Plain law text or BWB toestand XML.")
@click.option("--quiet", is_flag=True, help="Do not explain the version on stderr.")
@store_option
def show_cmd(law, date, known_at, artikel, fmt, quiet, store_path) -> None:
    """Print LAW (a BWB id, citeertitel or short name such as WBO, or an act: stb-2024-88,
    «Stb. 2024, 88», kst-36301) as valid on --date (default: today), as known on --known-at.

    Stderr says which version was chosen: its dates, the act parts behind it (with
    --artikel: those that changed that article), the samenloop branches taken and the
    parts not (yet) in force."""
    from consolidator.dates import parse_iso
    from consolidator.store.query import show

    valid = parse_iso(date, "--date") if date else _dt.date.today()
    known = parse_iso(known_at, "--known-at") if known_at else None
    explained, output = show(store_path, law, valid, known, artikel, fmt,
                             notify=lambda m: click.echo(m, err=True))
    if not quiet:
        if not date:
            click.echo(f"valid on {valid} (today: no --date given)", err=True)
        for line in explained:
            click.echo(line, err=True)
    if output:  # nothing of a withdrawn law
        click.echo(output, nl=not output.endswith("\n"))


@click.command("history")
@click.argument("law")
@artikel_option("Only versions that changed this article (105a1 or «Artikel 105a1»), "
                "with the act parts that changed it.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@store_option
def history_cmd(law, artikel, fmt, store_path) -> None:
    """List the versions of LAW (a BWB id, citeertitel or short name such as WBO):
    validity, knowledge and the act parts behind each.

    Superseded versions (replaced by what a later, retroactive act said) are
    listed too, with the date they were superseded; a version that a later act made
    known names that act's part («known by …»)."""
    from consolidator.store.query import history_json, history_lines, history_of

    law_id, versions = history_of(store_path, law, artikel, notify=lambda m: click.echo(m, err=True))
    if fmt == "json":
        click.echo(json.dumps(history_json(law_id, versions, artikel), ensure_ascii=False,
                              indent=2))
        return
    for line in history_lines(law_id, versions, artikel):
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
@click.option("--replace", is_flag=True,
              help="Replace the law's versions if the store has the law already (without "
                   "it the import is refused, saying what it would replace).")
def import_bwb_cmd(folder, store_path, wait, replace) -> None:
    """Load an official BWB history (toestand XML files, manifest.xml and the WTI in
    FOLDER) into the store, as versions with the manifest's dates of validity and
    of knowledge (zichtdatum). A law the store has already is replaced only with
    --replace."""
    from consolidator.store.bwbimport import import_into

    law_id, count = import_into(store_path, folder, wait, notify=lambda m: click.echo(m, err=True),
                                replace=replace)
    click.echo(f"{law_id}: {count} toestanden loaded into {store_path}")

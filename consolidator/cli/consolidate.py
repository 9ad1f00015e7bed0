"""The ``consolidate`` command: every version of every corpus law into the store
(``store.consolidate``), the latest texts into a folder; all or nothing.
"""
from __future__ import annotations

from pathlib import Path

import click

from consolidator.cli.options import PathValue, force_option, wait_option
from consolidator.store.db import DEFAULT_STORE


@click.command("consolidate")
@click.argument("corpus", required=False, default="corpus",
                type=PathValue(file_okay=False, path_type=Path))
@click.option("-o", "--output", default="out/consolidated", show_default=True,
              type=PathValue(file_okay=False, path_type=Path),
              help="Folder for the latest text of each law (replaced as a whole).")
@click.option("--store", "store_path", default=DEFAULT_STORE, show_default=True,
              type=PathValue(dir_okay=False, path_type=Path),
              help="The version store to fill (an SQLite file, replaced as a whole).")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Build laws in this many processes (same result as --jobs 1).")
@force_option
@wait_option
def consolidate_cmd(corpus: Path, output: Path, store_path: Path, jobs: int, force: bool,
                    wait: bool) -> None:
    """Fill the version store with every version of every law in CORPUS.

    CORPUS holds <law>/base.xml (base texts), acts/*.txt (acts as published),
    facts.toml (facts about other acts) and bwb/<id>/ (official BWB histories:
    toestanden, manifest.xml and WTI, loaded as they are). Each act takes effect
    by its own entry-into-force article, as known from its publication on.
    Writes the store, and to OUTPUT the latest text of each law (XML and plain
    text); both are replaced only when everything consolidated without error.

    OUTPUT may not hold the store or the corpus, nor lie inside the corpus; one holding
    files consolidator did not write is refused unless --force. One writer at a time: a
    second is refused while the store is being written, or waits with --wait."""
    from consolidator.store.consolidate import consolidate

    summary = consolidate(corpus, output, store_path, jobs,
                          notify=lambda m: click.echo(m, err=True), force=force, wait=wait)
    click.echo(f"{summary.laws} laws, {summary.acts} act(s), {summary.histories} official BWB "
               f"histories: {summary.versions} version(s) in {store_path}; latest texts in "
               f"{output}")

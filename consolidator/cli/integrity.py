"""Commands that check the store: ``verify`` and ``export-hashes``.

``verify`` checks every row and text against the hashes stored with them (and, with
``--against``, against a list written earlier by ``export-hashes`` and kept elsewhere);
it prints every problem and exits with 1 if there is one. See «Integrity» in the README.
"""
from __future__ import annotations

from pathlib import Path

import click

from consolidator.cli.query import store_option
from consolidator.errors import ConsolidatorError


@click.command("verify")
@click.option("--against", "hashes", default=None,
              type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Also compare every row with this list (written by export-hashes).")
@store_option
def verify_cmd(hashes, store_path) -> None:
    """Check the whole store: every text and row against its hash, the article digests
    against the texts, the versions of each law as known now without gap or overlap.
    Exit code 1 lists every mismatch."""
    from consolidator.store.verify import verify_against, verify_store

    reports = [verify_store(store_path)]
    if hashes is not None:
        reports.append(verify_against(store_path, hashes))
    problems = [p for report in reports for p in report.problems]
    for problem in problems:
        click.echo(f"mismatch: {problem}", err=True)
    for report in reports:
        click.echo(report.summary())
    if problems:
        raise ConsolidatorError(f"{store_path}: {len(problems)} mismatch(es); do not serve this "
                                "store (rebuild it with `consolidator consolidate`)")


@click.command("export-hashes")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write: keep it where whoever can write the store cannot.")
@store_option
def export_hashes_cmd(output, store_path) -> None:
    """Write one line per row of the store with its hash, computed from the data, for
    `consolidator verify --against FILE` later. Refused for a store that does not verify."""
    from consolidator.store.verify import hash_list

    lines = hash_list(store_path)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    partial.write_text("\n".join(lines) + "\n", "utf-8")
    partial.replace(output)
    click.echo(f"{len(lines) - 1} hash(es) of {store_path} written to {output}")

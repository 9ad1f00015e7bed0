"""Commands that show the store to people: ``diff`` (a redline) and ``render`` (a site).

Both read the store named by ``--store PATH`` (default ``store.DEFAULT_STORE``).
"""
from __future__ import annotations

from pathlib import Path

import click

from consolidator.cli.options import (PathValue, artikel_option, force_option, not_empty,
                                      store_option)


@click.command("diff")
@click.argument("law")
@click.option("--from", "from_date", default=None, callback=not_empty,
              help="The older date of validity (YYYY-MM-DD); with --to.")
@click.option("--to", "to_date", default=None, callback=not_empty,
              help="The newer date of validity (YYYY-MM-DD); with --from.")
@click.option("--known-at", default=None, callback=not_empty,
              help="With --from/--to: both as known on this date; default: every act in the store.")
@click.option("--date", "date", default=None, callback=not_empty,
              help="With --from-known/--to-known: the one date of validity whose text is compared.")
@click.option("--from-known", default=None, callback=not_empty,
              help="With --date: the older knowledge date (what was known then).")
@click.option("--to-known", default=None, callback=not_empty,
              help="With --date: the newer knowledge date (after a retroactive act, say).")
@artikel_option("Only this article: its number (105a1) or «Artikel 105a1».")
@click.option("--format", "fmt", type=click.Choice(["text", "html"]), default="text",
              show_default=True, help="Text with [-old-]{+new+} marks, or an HTML page "
                                      "with <del>/<ins>.")
@store_option
def diff_cmd(law, from_date, to_date, known_at, date, from_known, to_known, artikel, fmt,
             store_path) -> None:
    """A redline of LAW (a BWB id, citeertitel or short name such as WBO) per article:
    what changed between the texts valid on --from and --to, or, with --date
    --from-known --to-known, what later knowledge (a retroactive act) rewrote in the
    text valid on --date.

    Each changed article is named with the act parts behind the change (ARTIKEL,
    onderdeel, punt; for a change of knowledge the part of the act published then that
    made it, and what that part changed); added, repealed and removed articles are shown as such,
    unchanged ones are left out. An official article that BWB gave a new version
    with the same text is listed as «new version, text unchanged»."""
    from consolidator.views.redline import render_text
    from consolidator.views.redline_request import diff_request

    notice, redline = diff_request(store_path, law, from_date, to_date, known_at, date,
                                   from_known, to_known, artikel,
                                   notify=lambda m: click.echo(m, err=True))
    if notice:  # nothing of a withdrawn law on stdout
        click.echo(notice, err=True)
        return
    if fmt == "html":
        from consolidator.views.site import redline_page
        click.echo(redline_page(redline), nl=False)
    else:
        click.echo(render_text(redline), nl=False)


@click.command("render")
@click.option("-o", "--output", required=True, type=PathValue(file_okay=False, path_type=Path),
              help="Folder to write the site to (replaced as a whole when all pages are made).")
@click.option("--quiet", is_flag=True,
              help="No progress on stderr (what a stopped run left and is repaired is still told).")
@store_option
@force_option
def render_cmd(output, quiet, store_path, force) -> None:
    """Write a static website, in Dutch, of every law in the store: the text on each
    version date (also at its stable address <law>/<date>/) with a date picker, the
    redline of each version against the one before, every superseded version on a
    «zoals bekend op» page, every article through time («Geldend van … t/m …») with its
    sources, a page per act with what each part changed and when it took effect, an
    address per date (<law>/op.html?datum=D) and a search. Open OUTPUT/index.html.

    OUTPUT may not hold the store; one holding files consolidator did not write is
    refused unless --force."""
    from consolidator.views.site import render_store

    notify = (lambda message: None) if quiet else (lambda message: click.echo(message, err=True))
    count = render_store(store_path, output, notify, force,
                         report=lambda message: click.echo(message, err=True))
    click.echo(f"{count} page(s) written to {output}")

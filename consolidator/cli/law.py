"""Commands that read and write law files: ``import-text`` and ``text``.

Thin: call ``lawtext``/``lawfile``. Project errors propagate to ``cli.main``, which prints
them and exits with 1. ``text`` renders in this module on purpose: an internal error in the
rendering is then reported «in cli/law.py» (tests/test_hostile_xml.py).
"""
from __future__ import annotations

from pathlib import Path

import click

from consolidator.cli.options import PathValue, artikel_option


@click.command("import-text")
@click.argument("law_text", type=PathValue(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=PathValue(dir_okay=False, path_type=Path),
              help="The BWB toestand XML file to write.")
@click.option("--bwb-id", default=None, help="BWB id of the law, e.g. BWBR0003420.")
@click.option("--date", "date", default=None, type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Date this text is valid from (YYYY-MM-DD).")
def import_text_cmd(law_text: Path, output: Path, bwb_id, date) -> None:
    """Read LAW_TEXT in the plain law-text format and write it as BWB toestand XML."""
    from consolidator.law import lawtext

    lawtext.import_text_file(law_text, output, bwb_id, date.date() if date else None)


@click.command("text")
@click.argument("law_xml", type=PathValue(dir_okay=False, path_type=Path))
@artikel_option("Show only this article: its number (2a) or «Artikel 2a».")
@click.option("--show-repealed", is_flag=True, help="Show repealed elements as [Vervallen per ...].")
def text_cmd(law_xml: Path, artikel, show_repealed: bool) -> None:
    """Print LAW_XML (a BWB toestand file) in the plain law-text format."""
    from consolidator.law import lawtext
    from consolidator.law.lawfile import parse_law

    tree = parse_law(law_xml, source=str(law_xml))
    click.echo(lawtext.render_law_text(tree, artikel=artikel, show_repealed=show_repealed),
               nl=False)

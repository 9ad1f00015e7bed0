"""Commands that apply acts to laws: ``apply`` and ``consolidate``.

Thin: read the inputs, select the articles, call ``apply``, write atomically.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import click

from . import lawtext, lawxml
from .act import parse_act_file
from .apply import apply_articles
from .errors import ConsolidatorError, TimeError
from .select import articles_for, conditional_articles_for, law_names


def _bwb_id(tree) -> str:
    return tree.getroot().get("bwb-id", "")


def _source_label(act) -> str:
    return f"Stb. {act.stb}" if act.stb else act.title


def apply_acts(tree, acts, notify=lambda message: None):
    """``tree`` with the amending ARTIKELEN of each act that change it, in order.

    Samenloop ARTIKELEN are reported, not applied: which branch holds depends on
    when other acts took effect (the time rules)."""
    title = lawxml.law_title(tree)
    names = law_names(title, _bwb_id(tree))
    for act in acts:
        articles = articles_for(act, names)
        if articles:
            notify(f"{act.source}: applying ARTIKEL {_numbers(articles)} to {title}")
            tree = apply_articles(tree, articles, source_label=_source_label(act))
        skipped = conditional_articles_for(act, names)
        if skipped:
            notify(f"{act.source}: samenloop ARTIKEL {_numbers(skipped)} not applied "
                   "(its condition needs the dates of other acts)")
    return tree


def _numbers(articles) -> str:
    return ", ".join(a.number for a in articles)


@click.command("apply")
@click.argument("law_xml", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("acts", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The BWB toestand XML file to write (only if every instruction applied).")
@click.option("--date", default=None, help="Apply only what is in force on this date (YYYY-MM-DD).")
@click.option("--known-at", default=None, help="As known on this date (YYYY-MM-DD).")
def apply_cmd(law_xml: Path, acts, output: Path, date, known_at) -> None:
    """Apply the ARTIKELEN of ACTS that change LAW_XML, in order, and write OUTPUT.

    Without --date every instruction applies (a preview of the acts as if in force).
    With no ACTS the law is written back unchanged."""
    if date or known_at:
        raise TimeError("--date and --known-at need the entry-into-force rules, which are "
                        "not implemented yet; run without them for a preview of all instructions")
    tree = lawxml.parse_law(law_xml, source=str(law_xml))
    parsed = [parse_act_file(path) for path in acts]
    result = apply_acts(tree, parsed, notify=lambda m: click.echo(m, err=True))
    lawxml.assert_valid(result, source=str(output))
    lawxml.write_law(result, output)


@click.command("consolidate")
@click.argument("corpus", required=False, default="corpus",
                type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", default="out/consolidated", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the consolidated laws (replaced as a whole).")
def consolidate_cmd(corpus: Path, output: Path) -> None:
    """Apply every act in CORPUS/acts to every law in CORPUS/*/base.xml.

    Writes, per law, the XML and the plain text after all acts to OUTPUT, which
    is replaced only when every law consolidated without error."""
    laws = sorted(corpus.glob("*/base.xml"))
    if not laws:
        raise ConsolidatorError(f"no laws found (expected {corpus}/<law>/base.xml)")
    acts = [parse_act_file(path) for path in sorted((corpus / "acts").glob("*.txt"))]
    staging = Path(tempfile.mkdtemp(prefix=".consolidate-", dir=output.parent
                                    if output.parent.exists() else None))
    try:
        for path in laws:
            _consolidate_one(path, acts, staging)
        _replace_dir(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    click.echo(f"{len(laws)} laws consolidated with {len(acts)} act(s), every amending ARTIKEL "
               f"applied (entry into force not yet taken into account): {output}")


def _consolidate_one(path: Path, acts, staging: Path) -> None:
    tree = lawxml.parse_law(path, source=str(path))
    result = apply_acts(tree, acts, notify=lambda m: click.echo(m, err=True))
    lawxml.assert_valid(result, source=str(path))
    name = path.parent.name
    lawxml.write_law(result, staging / f"{name}.xml")
    (staging / f"{name}.txt").write_text(lawtext.render_law_text(result), "utf-8")


def _replace_dir(staging: Path, output: Path) -> None:
    """Put the finished folder in place of the old one."""
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.exists():
        shutil.rmtree(output)
    shutil.move(str(staging), str(output))

"""Options several commands share, and the rule that a date or a path is never empty.

An empty value (``--known-at ''``, ``-o ''``) is a usage error (exit code 2): taken as
«not given» it would silently answer another question (the latest text), and as a path
it would mean the working directory.
"""
from __future__ import annotations

import re
from pathlib import Path

import click

from consolidator.store.db import DEFAULT_STORE


class PathValue(click.Path):
    """``click.Path`` that refuses an empty value."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value.strip():
            self.fail("must not be empty (give a path)", param, ctx)
        return super().convert(value, param, ctx)


def not_empty(ctx: click.Context, param: click.Parameter, value):
    """Callback for date options: an empty value is a usage error, not «no date»."""
    if isinstance(value, str) and not value.strip():
        raise click.BadParameter("must not be empty (give a date, YYYY-MM-DD, or leave the "
                                 "option out)", ctx, param)
    return value


store_option = click.option(
    "--store", "store_path", default=DEFAULT_STORE, show_default=True,
    type=PathValue(dir_okay=False, path_type=Path),
    help="The version store (an SQLite file).")

force_option = click.option(
    "--force", is_flag=True,
    help="Write into an output folder that also holds files consolidator did not write: "
         "only the files consolidator wrote there are replaced, the others stay.")

wait_option = click.option(
    "--wait", is_flag=True,
    help="If another command is writing the store, wait for it instead of refusing.")


#: «Artikel 6», «artikel 6», «art. 6», «6»: the article's number, with or without its word
_ARTIKEL = re.compile(r"(?:artikel\b|art\.)?\s*(?P<number>.*?)\s*\.?", re.IGNORECASE)


def artikel_value(ctx: click.Context, param: click.Parameter, value):
    """Callback for ``--artikel``: the article's number as the law writes it («105a1»),
    whether given as «105a1», «Artikel 105a1» or «artikel 105a1»; empty is a usage error."""
    if value is None:
        return None
    number = " ".join(_ARTIKEL.fullmatch(value.strip())["number"].split())
    if not number:
        raise click.BadParameter("must name an article (its number, e.g. 105a1 or "
                                 "«Artikel 105a1»)", ctx, param)
    return number


def artikel_option(help_text: str):
    """``--artikel N``: the article by its number, «Artikel N» or «artikel N»."""
    return click.option("--artikel", default=None, callback=artikel_value, help=help_text)

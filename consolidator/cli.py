"""The command line: thin. Parse arguments, call the library, map errors to exit codes."""
from __future__ import annotations

import sys

import click

from .errors import ConsolidatorError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="consolidator")
def cli() -> None:
    """Read Dutch amending acts and consolidate the laws they change."""


def main() -> None:
    """Entry point: project errors become a message on stderr and exit code 1."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ConsolidatorError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"error: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        sys.exit(1)

"""The command line: thin. Parse arguments, call the library, map errors to exit codes."""
from __future__ import annotations

import json
import sys

import click

from .errors import ConsolidatorError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="consolidator")
def cli() -> None:
    """Read Dutch amending acts and consolidate the laws they change."""


@cli.command("parse")
@click.argument("act_file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of an outline.")
def parse_cmd(act_file: str, as_json: bool) -> None:
    """Parse an amending act (plain text as published) and show its instructions."""
    from .act import parse_act_file
    from .outline import act_json, act_outline

    act = parse_act_file(act_file)
    if as_json:
        click.echo(json.dumps(act_json(act), ensure_ascii=False, indent=2))
    else:
        click.echo(act_outline(act), nl=False)


from .cli_apply import apply_cmd, consolidate_cmd  # noqa: E402  (registered below)
from .cli_check import check_cmd  # noqa: E402
from .cli_law import import_text_cmd, text_cmd  # noqa: E402
from .cli_time import export_cmd, history_cmd, import_bwb_cmd, show_cmd  # noqa: E402
from .cli_views import diff_cmd, render_cmd  # noqa: E402

for _command in (import_text_cmd, text_cmd, apply_cmd, consolidate_cmd, show_cmd, history_cmd,
                 export_cmd, import_bwb_cmd, check_cmd, diff_cmd, render_cmd):
    cli.add_command(_command)


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

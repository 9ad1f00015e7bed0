"""The command line: thin. Parse arguments, call the library, map errors to exit codes.

Each command imports the library functions it calls inside its body: a call of one
command (``show``, ``--help``) then loads only what that command uses, not the act reader,
the time rules and the site of every other one (bench/startup.py).
"""
from __future__ import annotations

import json
import os
import sys

import click

from consolidator.cli.options import PathValue
from consolidator.errors import ConsolidatorError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="consolidator")
def cli() -> None:
    """Read Dutch amending acts and consolidate the laws they change."""


@cli.command("parse")
@click.argument("act_file", type=PathValue(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of an outline.")
@click.option("--sentences", is_flag=True,
              help="FILE holds one unit a line (an instruction, an intro, a lid of an "
                   "entry-into-force or samenloop ARTIKEL, a repeal), each read on its own; "
                   "with --json one JSON object a line. Exit 1 if any line was not read.")
def parse_cmd(act_file: str, as_json: bool, sentences: bool) -> None:
    """Parse an amending act (plain text as published) and show its instructions."""
    from consolidator.read.act import parse_act_file
    from consolidator.read.outline import act_json, act_outline

    if sentences:
        _parse_sentences(act_file, as_json)
        return

    act = parse_act_file(act_file)
    if as_json:
        click.echo(json.dumps(act_json(act), ensure_ascii=False, indent=2))
    else:
        click.echo(act_outline(act), nl=False)


def _parse_sentences(path: str, as_json: bool) -> None:
    from consolidator.read.units import read_units_file, unit_line

    units = read_units_file(path)
    for unit in units:
        click.echo(json.dumps(unit.json(), ensure_ascii=False) if as_json else unit_line(unit))
    if not all(unit.ok for unit in units):
        sys.exit(1)


from consolidator.cli.apply import apply_cmd  # noqa: E402  (registered below)
from consolidator.cli.check import check_cmd  # noqa: E402
from consolidator.cli.consolidate import consolidate_cmd  # noqa: E402
from consolidator.cli.integrity import export_hashes_cmd, verify_cmd  # noqa: E402
from consolidator.cli.law import import_text_cmd, text_cmd  # noqa: E402
from consolidator.cli.preview import preview_cmd  # noqa: E402
from consolidator.cli.query import export_cmd, history_cmd, import_bwb_cmd, show_cmd  # noqa: E402
from consolidator.cli.views import diff_cmd, render_cmd  # noqa: E402

for _command in (import_text_cmd, text_cmd, apply_cmd, consolidate_cmd, show_cmd, history_cmd,
                 export_cmd, import_bwb_cmd, check_cmd, preview_cmd, diff_cmd, render_cmd,
                 verify_cmd, export_hashes_cmd):
    cli.add_command(_command)


def main() -> None:
    """Entry point, one scheme of exit codes for every command (``EXIT_CODES``): project
    errors and refused OS calls become a message on stderr and exit code 1, a usage error
    2 (click), an interrupt 130, anything else is reported as a bug (70)."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort as exc:
        # click turns Ctrl-C (and an end of input at a prompt) into Abort
        if isinstance(exc.__context__, KeyboardInterrupt):
            _interrupted()
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ConsolidatorError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename not in (None, "") else ""
        click.echo(f"error: {where}{exc.strerror or exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        _interrupted()
    except Exception as exc:  # noqa: BLE001 - a bug: say so, briefly
        if os.environ.get(TRACEBACK_VAR):
            raise
        click.echo(internal_error_message(exc), err=True)
        sys.exit(INTERNAL_ERROR_EXIT)


def _interrupted() -> None:
    click.echo("Interrupted; nothing was written.", err=True)
    sys.exit(INTERRUPTED_EXIT)


#: exit code of a bug (sysexits' EX_SOFTWARE): 1 is bad input, 2 a usage error (click)
INTERNAL_ERROR_EXIT = 70
#: exit code of an interrupt (128 + SIGINT, as a shell reports it)
INTERRUPTED_EXIT = 130
#: the exit codes of every command (the README's table)
EXIT_CODES = {0: "done", 1: "bad input, or refused (a store being written, an output "
              "folder that is not the engine's, a full disk, no permission)",
              2: "usage error (an unknown or empty option, a missing argument)",
              INTERNAL_ERROR_EXIT: "internal error: a bug in consolidator",
              INTERRUPTED_EXIT: "interrupted (Ctrl-C)"}

#: set this environment variable to see the traceback of an internal error
TRACEBACK_VAR = "CONSOLIDATOR_TRACEBACK"


def internal_error_message(exc: BaseException) -> str:
    """One paragraph for an error that is a bug in consolidator, not in the input: what
    failed and where, and how to see more. Nothing was written (outputs are renamed
    into place only when a command succeeds)."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if _package_path(f.filename)]
    frame = (ours or frames or [None])[-1]
    where = ""
    if frame:
        where = f" in {_package_path(frame.filename) or os.path.basename(frame.filename)}:{frame.lineno}"
    return (f"internal error: {type(exc).__name__}{where}: {exc}\n"
            "This is a bug in consolidator, not in your input; no output was written. "
            f"Please report it with the input. Set {TRACEBACK_VAR}=1 to see the traceback.")


_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _package_path(filename: str) -> str:
    """«cli/law.py» for a file of this package, «» for any other: decided by the package's own
    folder, not by a folder name in the path (a checkout under /home/x/consolidator/ is not
    the package)."""
    path = os.path.abspath(filename)
    if os.path.commonpath([path, _PACKAGE_ROOT]) != _PACKAGE_ROOT:
        return ""
    return os.path.relpath(path, _PACKAGE_ROOT).replace(os.sep, "/")

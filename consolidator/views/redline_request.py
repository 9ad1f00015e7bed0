"""Which redline ``consolidator diff`` asks for, from the store at a path: two dates of
validity (``--from``/``--to``, as known on ``--known-at``), or the text valid on one date
(``--date``) as known on two knowledge dates (``--from-known``/``--to-known``).

The dates come as given (YYYY-MM-DD) and the messages name the options, since they are
about what was given; they are checked in the command's order (which options go together,
the store, then each date).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from consolidator.dates import parse_iso
from consolidator.store.publish import open_store
from consolidator.views.redline import DiffError, Redline, between_dates, between_knowledge


def redline_for(store_path: Path, law: str, from_date: Optional[str], to_date: Optional[str],
                known_at: Optional[str], date: Optional[str], from_known: Optional[str],
                to_known: Optional[str], artikel: Optional[str],
                notify: Callable[[str], None] = lambda message: None) -> Redline:
    """The redline of ``law`` (per article, or ``artikel`` only) the options ask for."""
    valid_axis = from_date is not None or to_date is not None
    known_axis = date is not None or from_known is not None or to_known is not None
    if valid_axis and known_axis:
        raise DiffError("give either --from and --to (two dates of validity) or --date, "
                        "--from-known and --to-known (two knowledge dates), not both")
    store = open_store(store_path, notify)
    try:
        if known_axis:
            if date is None or from_known is None or to_known is None:
                raise DiffError("--date, --from-known and --to-known go together")
            if known_at is not None:
                raise DiffError("--known-at goes with --from/--to; with --date use "
                                "--from-known and --to-known")
            return between_knowledge(store, law, parse_iso(date, "--date"),
                                     parse_iso(from_known, "--from-known"),
                                     parse_iso(to_known, "--to-known"), artikel)
        if from_date is None or to_date is None:
            raise DiffError("give --from and --to (or --date, --from-known and --to-known)")
        return between_dates(store, law, parse_iso(from_date, "--from"),
                             parse_iso(to_date, "--to"),
                             parse_iso(known_at, "--known-at") if known_at else None, artikel)
    finally:
        store.close()

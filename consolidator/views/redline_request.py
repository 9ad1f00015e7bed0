"""Which redline ``consolidator diff`` asks for, from the store at a path: two dates of
validity (``--from``/``--to``, as known on ``--known-at``), or the text valid on one date
(``--date``) as known on two knowledge dates (``--from-known``/``--to-known``).

The dates come as given (YYYY-MM-DD) and the messages name the options, since they are
about what was given; they are checked in the command's order (which options go together,
the store, then each date).

``diff_request`` is the whole command: first whether the law was withdrawn in a text it
would compare (then nothing is shown), then the redline, in one opening of the store that
reads (and checks against its hash) each text once.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from consolidator.dates import parse_iso
from consolidator.errors import ConsolidatorError
from consolidator.store.db import Store
from consolidator.store.publish import open_store
from consolidator.store.query import withdrawn_in
from consolidator.views.redline import DiffError, Redline, between_dates, between_knowledge


def diff_request(store_path: Path, law: str, from_date: Optional[str], to_date: Optional[str],
                 known_at: Optional[str], date: Optional[str], from_known: Optional[str],
                 to_known: Optional[str], artikel: Optional[str],
                 notify: Callable[[str], None] = lambda message: None
                 ) -> tuple[Optional[str], Optional[Redline]]:
    """(the notice that ``law`` was withdrawn in a text the diff would compare, None) or
    (None, the redline the options ask for)."""
    asked = (law, from_date, to_date, known_at, date, from_known, to_known)
    try:
        store = open_store(store_path, notify)
    except ConsolidatorError:   # the redline request says why, after the options
        return None, redline_for(store_path, *asked, artikel, notify)
    try:
        with store.texts_read_once():
            notice = _withdrawn(store, *asked)
            if notice:
                return notice, None
            return None, redline_in(store, *asked, artikel)
    finally:
        store.close()


def _withdrawn(store: Store, law, from_date, to_date, known_at, date, from_known,
               to_known) -> Optional[str]:
    """The notice that ``law`` was withdrawn in a text the diff would compare (None if
    not, or if the options are wrong: the redline request reports that)."""
    try:
        if date and from_known and to_known:
            day = parse_iso(date, "--date")
            pairs = [(day, parse_iso(from_known, "--from-known")),
                     (day, parse_iso(to_known, "--to-known"))]
            return withdrawn_in(store, law, pairs)
        if from_date and to_date:
            known = parse_iso(known_at, "--known-at") if known_at else None
            pairs = [(parse_iso(from_date, "--from"), None), (parse_iso(to_date, "--to"), None)]
            return withdrawn_in(store, law, pairs, known)
    except ConsolidatorError:
        return None
    return None


def redline_for(store_path: Path, law: str, from_date: Optional[str], to_date: Optional[str],
                known_at: Optional[str], date: Optional[str], from_known: Optional[str],
                to_known: Optional[str], artikel: Optional[str],
                notify: Callable[[str], None] = lambda message: None) -> Redline:
    """The redline of ``law`` (per article, or ``artikel`` only) the options ask for."""
    _check_axes(from_date, to_date, date, from_known, to_known)
    store = open_store(store_path, notify)
    try:
        return redline_in(store, law, from_date, to_date, known_at, date, from_known,
                          to_known, artikel)
    finally:
        store.close()


def redline_in(store: Store, law: str, from_date: Optional[str], to_date: Optional[str],
               known_at: Optional[str], date: Optional[str], from_known: Optional[str],
               to_known: Optional[str], artikel: Optional[str]) -> Redline:
    """``redline_for`` in a store already open."""
    if _check_axes(from_date, to_date, date, from_known, to_known):
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


def _check_axes(from_date, to_date, date, from_known, to_known) -> bool:
    """Whether the redline is across knowledge dates; an error when both axes are given."""
    valid_axis = from_date is not None or to_date is not None
    known_axis = date is not None or from_known is not None or to_known is not None
    if valid_axis and known_axis:
        raise DiffError("give either --from and --to (two dates of validity) or --date, "
                        "--from-known and --to-known (two knowledge dates), not both")
    return known_axis

"""Names from data that become file names or parts of a URL: one safe pattern for all.

A BWB id, a law's folder name, a toestand label, a date of validity: each comes from an
input file (or a store that may have been edited) and becomes a file name under ``-o``
or a link on the site. A name is safe when it is made of letters, digits, «-», «_» and
«.», starts with a letter or a digit, has no «..» and is at most ``MAX_LENGTH``
characters: it can name no other folder (no separator, no «..»), no hidden or staging
file (no leading «.»), and, in a link, no scheme («javascript:» has a colon) and no
query or fragment. The corpus law ``OISOVSO``, ``BWBR0003420``, ``STB-1996-403``, the
act id ``stb-1996-649`` and ``BWBR0002458_2013-01-01_1`` are safe names.

Names that do not pass are refused where they are read (a corpus law, a BWB manifest, an
``--bwb-id``) and again where they would be written (``export``, ``render``,
``consolidate``), so a store edited by hand cannot write outside its output folder either.
Text that is not a name (article numbers, act labels) becomes a file name only through a
slug of letters, digits and «-», which is safe by construction; ``url_path`` encodes what
is left for a link.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Type
from urllib.parse import quote

from consolidator.errors import ConsolidatorError

MAX_LENGTH = 128
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
RULE = ("letters, digits, «-», «_» and «.», starting with a letter or a digit, without «..», "
        f"at most {MAX_LENGTH} characters")


def is_safe_name(name: object) -> bool:
    """Whether ``name`` may be used as one file name or one segment of a URL."""
    return (isinstance(name, str) and len(name) <= MAX_LENGTH and ".." not in name
            and SAFE_NAME.fullmatch(name) is not None)


def check_name(name: object, what: str, error: Type[ConsolidatorError] = ConsolidatorError,
               source: str = "") -> str:
    """``name`` if it is safe, else ``error`` saying what it is and what a name may hold."""
    if not is_safe_name(name):
        raise error(f"{what} {name!r} cannot be used as a file name or in a link: a name "
                    f"has {RULE}", source=source)
    return name


def inside(folder: Path, *names: str, what: str = "name",
           error: Type[ConsolidatorError] = ConsolidatorError) -> Path:
    """``folder/name/…`` after checking every name; the path cannot leave ``folder``."""
    path = Path(folder)
    for name in names:
        path = path / check_name(name, what, error)
    return path


def url_path(value: str) -> str:
    """A relative link from data, encoded so that it stays one: every character outside
    letters, digits, «-_.~/#» is percent-encoded (a «:» too, so no scheme can form), and
    a link that would start with «/» or «//» (another host) gets «./» in front."""
    encoded = quote(value, safe="/#-_.~")
    return f"./{encoded}" if encoded.startswith("/") else encoded

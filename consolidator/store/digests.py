"""The hashes the store keeps with every row, and how they are computed.

Each row carries a SHA-256 of what it says, computed when it is written and checked
whenever it is read (``db.Store``): a law (id, title, base date, source), a version (its
law, dates of validity and knowledge, sources, the SHA-256 of its XML and of its article
digests) and a knowledge period's notes. The XML itself is checked against its own
SHA-256 when it is read, the article digests against theirs. The row id takes no part, so
rows keep their hashes when stores are merged.

What this catches and what not: see «Integrity» in the README. In short: any change to a
row or to the file's bytes that does not also recompute these hashes; ``export-hashes`` +
``verify --against`` catch the rest, with a list kept outside the store.
"""
from __future__ import annotations

import hashlib
import json
from typing import Iterable, Optional

#: the layout of the store file this engine writes and reads (``meta.schema_version``): 2 put
#: hashes on every row; 3 keeps each version's XML in a table of its own (``version_xml``), so
#: that reading versions' metadata (``history``) never reads through their texts
SCHEMA_VERSION = 3


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _of(*fields) -> str:
    return sha256(json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def law_digest(law_id: str, title: str, base_date: str, source: str) -> str:
    return _of("law", law_id, title, base_date, source)


def articles_digest(articles: Iterable[tuple[str, str]]) -> str:
    """One hash over a version's (article number, digest) pairs, in number order."""
    return _of("articles", sorted(articles))


def version_digest(law: str, valid_from: str, valid_until: Optional[str], known_from: str,
                   known_until: Optional[str], sources: str, xml_sha256: str,
                   articles_sha256: str) -> str:
    """``sources`` as stored (JSON text), so what is checked is what is read."""
    return _of("version", law, valid_from, valid_until, known_from, known_until, sources,
               xml_sha256, articles_sha256)


def state_digest(law: str, known_from: str, known_until: Optional[str], notes: str) -> str:
    return _of("state", law, known_from, known_until, notes)

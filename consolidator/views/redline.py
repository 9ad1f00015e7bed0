"""Redlines: what changed in a law between two versions, article by article.

``compare(old_tree, new_tree)`` cuts both versions into *units* (the citeertitel,
the inhoudsopgave, every structural heading and every article, each as the plain
law text ``show`` prints) and returns one ``UnitChange`` per unit that differs, in
the order of the new text (a unit only in the old text follows its predecessor
there). Unchanged units are not listed. The kinds of change:

* ``changed``: the text differs; ``pieces`` is a word-level redline;
* ``added``: a unit that was not there, or was repealed, before;
* ``repealed``: a live unit now marked vervallen;
* ``removed``: a unit that is no longer in the document at all;
* ``restamped``: BWB gave the article a new version (``elements.version_stamp``:
  versie-id, inwerking, bron) while its text stayed the same, as Stb. 2010, 269 did
  to DHW art. 42 and 46. Listed, so a diff changes exactly the articles the WTI
  names, with no redline (there are no words to mark). A heading whose stamp alone
  changed is not listed: BWB restamps a paragraaf when an article in it changes.

Each change names its sources (``redline_sources``): between two dates the most
precise of the WTI changes, the change log ``history`` keeps per element («Stb. 1996,
649, art. I, onderdeel H, punt 2») and the versions' sources; between two knowledge
dates the parts of the acts published in between that changed what is known.

The word diff is diff-match-patch over words, not letters: every word, run of
spaces and punctuation mark becomes one character, so the diff and its semantic
cleanup (which merges small equalities between edits into one readable edit) never
split a word. No time limit is set, so the same texts give the same redline.

The functions that read the store (``between_dates``, ``between_knowledge``) pick
the two versions; ``render_text`` writes a redline as text with ``[-old-]{+new+}``
marks. HTML is written from templates (``site.redline_html``).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from diff_match_patch import diff_match_patch

from consolidator import collector
from consolidator.law.artindex import ArticleIndex
from consolidator.law.toestand import law_title
from consolidator.errors import ConsolidatorError
from consolidator.store.db import LATEST, Store, Version
from consolidator.views.redline_sources import (  # noqa: F401  (Source, natural_key and
    Source, causes_between, fresh_sources, natural_key, unit_sources)  # fresh_sources: here too
from consolidator.views.units import Slot, Unit, UnitReader, units  # noqa: F401 (Unit, units: this module's API)


class DiffError(ConsolidatorError):
    """A redline that cannot be made: options that do not fit, an article in neither version."""


# --------------------------------------------------------------------------- word diff

@dataclass(frozen=True)
class Piece:
    """A run of text that is the same in both versions, deleted or inserted."""

    op: str    # "same", "del" or "ins"
    text: str


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_WORD = re.compile(r"\w+")
_OPS = {0: "same", -1: "del", 1: "ins"}


def _differ() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # no time limit: the same texts always give the same redline
    return dmp


def _char(n: int) -> str:
    code = 0x100 + n
    if code >= 0xD800:  # skip the surrogates
        code += 0x800
    if code > 0x10FFFF:
        raise DiffError("too many different words to compare")
    return chr(code)


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """A word-level redline of two texts: whole words (and runs of spaces, and
    punctuation marks) are kept, dropped or added, never parts of a word. Texts of
    several lines are first compared line by line; a run of changed lines is then
    compared word by word with the lines it replaces (pairwise when there are as many).

    >>> word_diff("de oude school", "de nieuwe school")
    (Piece(op='same', text='de '), Piece(op='del', text='oude'), Piece(op='ins', text='nieuwe'), Piece(op='same', text=' school'))
    """
    if "\n" not in old and "\n" not in new:
        return _merge(_token_diff(old, new, _TOKEN.findall, cleanup=True))
    pieces: list[Piece] = []
    lines = _token_diff(old + "\n", new + "\n", lambda text: text.splitlines(keepends=True),
                        cleanup=False)
    gone: list[str] = []
    came: list[str] = []
    for piece in lines + [Piece("same", "")]:
        if piece.op == "del":
            gone.append(piece.text)
        elif piece.op == "ins":
            came.append(piece.text)
        else:
            pieces.extend(_block(_split_kept(gone), _split_kept(came)))
            gone, came = [], []
            pieces.append(piece)
    return _merge(_without_final_newline(list(_merge(pieces))))


def _without_final_newline(pieces: list[Piece]) -> list[Piece]:
    """Take off the newline added to the end of both texts. Each text ends in the last
    piece it shares in; where that is a common piece that does not end the other text,
    its newline stays for the other text only."""
    last = {op: max((i for i, p in enumerate(pieces) if p.op in ("same", op)), default=-1)
            for op in ("del", "ins")}
    if last["del"] == last["ins"]:
        n = last["del"]
        return pieces[:n] + [Piece("same", pieces[n].text[:-1])] + pieces[n + 1:]
    replaced: dict[int, list[Piece]] = {}
    for op, other in (("del", "ins"), ("ins", "del")):
        n = last[op]
        if n < 0:
            continue
        piece = pieces[n]
        replaced[n] = [Piece(op, piece.text[:-1])] if piece.op == op else \
            [Piece("same", piece.text[:-1]), Piece(other, "\n")]
    return [q for n, p in enumerate(pieces) for q in replaced.get(n, [p])]


def _split_kept(texts: list[str]) -> list[str]:
    return "".join(texts).splitlines(keepends=True)


def _block(gone: list[str], came: list[str]) -> list[Piece]:
    """Changed lines, each ending in a newline: word-diffed pairwise when there are as
    many; otherwise whichever marks fewer words: the block as one text (lines merged or
    split) or the lines paired by the words they share (entries of an inhoudsopgave)."""
    if not gone or not came:
        return [Piece("del" if gone else "ins", "".join(gone or came))] if gone or came else []
    if len(gone) == len(came):
        return _pairs(zip(gone, came))
    whole = _pairs([("".join(gone), "".join(came))])
    aligned = _aligned(gone, came)
    return min((whole, aligned), key=_marked_size)


def _pairs(pairs) -> list[Piece]:
    out: list[Piece] = []
    for old, new in pairs:
        out.extend(_token_diff(old[:-1], new[:-1], _TOKEN.findall, cleanup=True))
        out.append(Piece("same", "\n"))
    return out


def _aligned(gone: list[str], came: list[str]) -> list[Piece]:
    """Each old line paired, in order, with the first following new line that shares at
    least half the words of the shorter of the two; the lines left over are deleted or
    inserted whole."""
    out: list[Piece] = []
    j = 0
    for old in gone:
        match = next((k for k in range(j, len(came)) if _similar(old, came[k])), None)
        if match is None:
            out.append(Piece("del", old))
            continue
        out.extend(Piece("ins", line) for line in came[j:match])
        out.extend(_pairs([(old, came[match])]))
        j = match + 1
    out.extend(Piece("ins", line) for line in came[j:])
    return out


def _similar(a: str, b: str) -> bool:
    words_a, words_b = set(_WORD.findall(a)), set(_WORD.findall(b))
    return bool(words_a and words_b) and \
        len(words_a & words_b) * 2 >= min(len(words_a), len(words_b))


def _marked_size(pieces: list[Piece]) -> int:
    return sum(len(p.text) for p in pieces if p.op != "same")


def _token_diff(old: str, new: str, tokens, cleanup: bool) -> list[Piece]:
    """diff-match-patch over tokens (each token one character), decoded again."""
    alphabet: dict[str, str] = {}
    words: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in tokens(text):
            if token not in alphabet:
                alphabet[token] = _char(len(words))
                words.append(token)
            out.append(alphabet[token])
        return "".join(out)

    dmp = _differ()
    diffs = dmp.diff_main(encode(old), encode(new), False)
    if cleanup:
        dmp.diff_cleanupSemantic(diffs)
    return [Piece(_OPS[op], "".join(_decode(c, words) for c in chars)) for op, chars in diffs]


def _merge(pieces: Iterable[Piece]) -> tuple[Piece, ...]:
    """Adjacent pieces of one kind joined; empty ones dropped."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and out[-1].op == piece.op:
            out[-1] = Piece(piece.op, out[-1].text + piece.text)
        else:
            out.append(piece)
    return tuple(out)


def _decode(c: str, words: list[str]) -> str:
    code = ord(c)
    if code >= 0xE000:
        code -= 0x800
    return words[code - 0x100]


def split_lines(pieces: Iterable[Piece]) -> list[list[Piece]]:
    """The pieces per line of text, so that every mark opens and closes on one line."""
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        for n, part in enumerate(piece.text.split("\n")):
            if n:
                lines.append([])
            if part:
                lines[-1].append(Piece(piece.op, part))
    return lines


# --------------------------------------------------------------------------- comparing

@dataclass(frozen=True)
class UnitChange:
    """One unit that differs between two versions."""

    kind: str        # the unit's kind: "title", "inhoudsopgave", "heading", "artikel"
    key: str
    label: str
    number: str
    change: str      # "changed", "added", "repealed", "removed", "restamped"
    old: str         # the old text ("" when the unit is new)
    new: str         # the new text ("" when removed)
    pieces: tuple[Piece, ...]
    sources: tuple[Source, ...]


def compare(old_tree, new_tree, version_sources: Iterable[dict] = (),
            old_units: Optional[list[Unit]] = None,
            new_units: Optional[list[Unit]] = None,
            causes: Optional[list[dict]] = None) -> list[UnitChange]:
    """Every unit that differs between two versions, in the order of the new one.

    ``version_sources`` are the store's sources of the versions between the two
    (dicts with ``label``, ``reason`` and, for official histories, ``articles``); they
    name the change where the change log does not. ``causes``: for two texts of one date
    as known on two dates, what became known in between (``Version.known_by``); they
    name the change instead. Units already cut from a tree may be passed to save the work;
    else an article whose digest is the same in both versions (``units``) is passed over
    without reading its text."""
    reader = UnitReader()
    before = _slots(old_units) if old_units is not None else reader.slots(old_tree)
    after = _slots(new_units) if new_units is not None else reader.slots(new_tree)
    old_slots = {slot.key: slot for slot in before}
    new_slots = {slot.key: slot for slot in after}
    headings = {slot.key: slot.unit for slot in after if slot.unit is not None}
    sources = [s for s in version_sources if s.get("label")]
    found = []
    for key in _merged_order(list(old_slots), list(new_slots)):
        old, new = old_slots.get(key), new_slots.get(key)
        if old is not None and new is not None and old.unit is None and new.unit is None \
                and old.digest == new.digest:
            continue  # the same article, read from the same parts
        change = _compare_unit(reader.unit(old) if old else None,
                               reader.unit(new) if new else None, headings, sources, causes)
        if change is not None:
            found.append(change)
    return found


def _slots(given: list[Unit]) -> list[Slot]:
    return [Slot(unit.key, unit, None, (), unit.parents) for unit in given]


def _merged_order(old: list[str], new: list[str]) -> list[str]:
    """The new order; a key only in the old list goes after its old predecessor (and so
    after the keys only in the old list that follow that one there)."""
    present = set(new)
    gone_after: dict[Optional[str], list[str]] = {}
    previous = None
    for key in old:
        if key not in present:
            gone_after.setdefault(previous, []).append(key)
        else:
            previous = key
    order = list(gone_after.get(None, ()))
    for key in new:
        order.append(key)
        order.extend(gone_after.get(key, ()))
    return order


def _compare_unit(old: Optional[Unit], new: Optional[Unit], after: dict,
                  sources: list[dict], causes: Optional[list[dict]] = None
                  ) -> Optional[UnitChange]:
    if old is not None and new is not None:
        if old.text == new.text and old.repealed == new.repealed:
            if old.stamp == new.stamp or new.kind != "artikel":
                return None
            change = "restamped"
        elif new.repealed and not old.repealed:
            change = "repealed"
        elif old.repealed and not new.repealed:
            change = "added"
        else:
            change = "changed"
    else:
        change = "added" if old is None else "removed"
    unit = new or old
    pieces = () if change == "restamped" else word_diff(old.text if old else "",
                                                        new.text if new else "")
    return UnitChange(unit.kind, unit.key, unit.label, unit.number, change,
                      old.text if old else "", new.text if new else "", pieces,
                      unit_sources(old, new, after, sources, causes))


# --------------------------------------------------------------------------- from the store

@dataclass(frozen=True)
class Redline:
    """The changes between two versions of a law and which versions they are."""

    law: str
    title: str
    axis: str              # "valid": two dates of validity; "known": two knowledge dates
    old_asked: str         # what was asked: "valid on 1996-12-31", "as known on 1998-01-01"
    new_asked: str
    context: str           # the other axis: "as known now", "valid on 1999-01-01"
    old: Version
    new: Version
    changes: tuple[UnitChange, ...]


def between_dates(store: Store, law: str, old_date: _dt.date, new_date: _dt.date,
                  known_at: Optional[_dt.date] = None,
                  artikel: Optional[str] = None) -> Redline:
    """What changed between the texts valid on two dates, as known on ``known_at``
    (default: every act in the store)."""
    from consolidator.store.query import text_on

    if old_date > new_date:
        raise DiffError(f"--from {old_date} is after --to {new_date}")
    old = text_on(store, law, old_date, known_at)
    new = text_on(store, law, new_date, known_at)
    known = known_at.isoformat() if known_at else LATEST
    between = [v for v in store.all_versions(old.law)
               if old_date.isoformat() < v.valid_from <= new_date.isoformat()
               and v.known_from <= known and (v.known_until is None or v.known_until > known)]
    sources = fresh_sources(old.version, between)
    context = f"as known on {known_at}" if known_at else "as known now (every act in the store)"
    return _redline(old, new, "valid", f"valid on {old_date}", f"valid on {new_date}", context,
                    sources, artikel)


def between_knowledge(store: Store, law: str, date: _dt.date, old_known: _dt.date,
                      new_known: _dt.date, artikel: Optional[str] = None) -> Redline:
    """What a later act (a retroactive one, say) rewrote in the text valid on ``date``:
    that text as known on ``old_known`` against it as known on ``new_known``."""
    from consolidator.store.query import text_on

    if old_known > new_known:
        raise DiffError(f"--from-known {old_known} is after --to-known {new_known}")
    old = text_on(store, law, date, old_known)
    new = text_on(store, law, date, new_known)
    sources = fresh_sources(old.version, [new.version], dated=False)
    causes = causes_between(store.all_versions(old.law), old_known.isoformat(),
                            new_known.isoformat(), date.isoformat())
    return _redline(old, new, "known", f"as known on {old_known}", f"as known on {new_known}",
                    f"valid on {date}", sources, artikel, causes)


def _redline(old, new, axis: str, old_asked: str, new_asked: str, context: str,
             sources: list[dict], artikel: Optional[str],
             causes: Optional[list[dict]] = None) -> Redline:
    # a unit and a digest per article of both versions, kept until the redline is made:
    # the collector's passes over them would find nothing (see consolidator/collector.py)
    with collector.paused():
        changes = compare(old.tree, new.tree, sources, causes=causes)
    if artikel is not None:
        if ArticleIndex(old.tree).preferred(artikel) is None and \
                ArticleIndex(new.tree).preferred(artikel) is None:
            raise DiffError(f"{old.law}: no article {artikel} in either version (valid from "
                            f"{old.version.valid_from} and from {new.version.valid_from})")
        changes = [c for c in changes if c.kind == "artikel" and c.number == artikel]
    return Redline(old.law, law_title(new.tree), axis, old_asked, new_asked, context,
                   old.version, new.version, tuple(changes))


# --------------------------------------------------------------------------- as text

#: how each kind of change is introduced, in the text and on the site
CHANGE_WORDS = {"changed": "changed", "added": "added", "repealed": "repealed",
                "removed": "removed from the text", "restamped":
                "new version, text unchanged (BWB version stamp)"}


def describe_version(version: Version) -> str:
    """«version valid from 1997-01-01 until 1999-01-01, known from 1996-12-23»."""
    text = f"version valid from {version.valid_from}"
    if version.valid_until:
        text += f" until {version.valid_until}"
    if version.known_from not in ("0001-01-01",):
        text += f", known from {version.known_from}" if version.known_from != LATEST else \
            ", known when every act given is known"
    if version.known_until:
        text += f" (superseded on {version.known_until})"
    return text


def marked_line(pieces: list[Piece]) -> str:
    """One line with ``[-deleted-]`` and ``{+inserted+}`` marks."""
    return "".join(p.text if p.op == "same" else
                   f"[-{p.text}-]" if p.op == "del" else f"{{+{p.text}+}}" for p in pieces)


def render_text(redline: Redline) -> str:
    """The redline as text: a header naming both versions, then per changed unit a line
    with what happened and by which provisions, and its text with marks."""
    out = [f"{redline.law} {redline.title}",
           f"from: {redline.old_asked}: {describe_version(redline.old)}",
           f"to:   {redline.new_asked}: {describe_version(redline.new)}",
           redline.context,
           f"{len(redline.changes)} change(s)" if redline.changes else "no changes"]
    out += change_lines(redline.changes)
    return "\n".join(out) + "\n"


def change_lines(changes) -> list[str]:
    """Each change as text: a blank line, its heading, its marked lines (a restamped
    article has none)."""
    out: list[str] = []
    for change in changes:
        out += ["", change_heading(change)]
        if change.change != "restamped":
            out.extend(marked_line(line) for line in split_lines(change.pieces))
    return out


def change_heading(change: UnitChange) -> str:
    """«== Artikel 6: changed by Stb. 1996, 649, art. I, onderdeel A (1997-01-01)»."""
    by = "; ".join(str(s) for s in change.sources)
    return f"== {change.label}: {CHANGE_WORDS[change.change]}" + (f" by {by}" if by else "")

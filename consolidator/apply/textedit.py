"""Word-level edits with the resolution rules of the Aanwijzingen.

* Quoted words match **whole words**: «school» does not match inside «scholen».
  Where the quote starts or ends with a non-word character («, eerste lid»,
  «plaatsvindt,») that edge matches literally.
* Whitespace inside a quote matches any run of whitespace.
* Edits leave tidy text: one space between words, no space before ``, ; : . )``
  or after ``(``, no doubled ``,,`` and no ``,.``, no leading/trailing space.
  Inserting «, verhoogd met …» after «plaatsvindt» gives «plaatsvindt, verhoogd met …».

Every edit is an ``Edit(start, end, new)``: replace ``text[start:end]`` by
``new``. ``splice`` applies one. The functions here are pure; counting matches
across several texts (and the «telkens» rule) is the caller's job, helped by
``find``.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from consolidator.errors import ApplyError

_CLOSERS = ",;:.)!?"


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``new``."""

    start: int
    end: int
    new: str


def pattern(words: str) -> re.Pattern:
    """The regex for quoted words: whole words at word edges, literal at punctuation."""
    body = r"\s+".join(re.escape(part) for part in words.split())
    if not body:
        raise ValueError("empty quoted words")
    head = r"(?<!\w)" if re.match(r"\w", words.strip()) else ""
    tail = r"(?!\w)" if re.search(r"\w$", words.strip()) else ""
    return re.compile(head + body + tail)


def find(text: str, words: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each whole-word occurrence of ``words`` inside ``text[lo:hi]``.

    What ``pattern(words).finditer(text, lo, hi)`` finds, found without compiling
    that pattern: quoted words are mostly unique to their instruction, and compiling
    a new regex costs more than the whole search. Candidates are the occurrences
    of the first word; the rest must follow after whitespace runs (which the
    regex's greedy ``\\s+`` takes whole, as no word starts with a space); a word
    edge looks at the character before the match even when it lies before ``lo``
    (a lookbehind does) and treats ``hi`` as the end of the text (as ``endpos``
    does)."""
    hi = len(text) if hi is None else hi
    if "(" in words and ELLIPSIS.search(words):  # no «(…)» without its bracket
        return _find_ends(text, words, lo, hi)
    parts = words.split()
    if not parts:
        raise ValueError("empty quoted words")
    first = parts[0]
    # the word edges: ``_is_word_char`` spelled out (this runs for every quoted word of
    # every instruction)
    edge = first[0]
    edge_before = edge.isalnum() or edge == "_"
    edge = parts[-1][-1]
    edge_after = edge.isalnum() or edge == "_"
    size, more = len(first), len(parts) > 1
    found, pos = [], lo
    while True:
        start = text.find(first, pos, hi)
        if start < 0:
            return found
        # one word: nothing has to follow it
        end = _rest_end(text, start + size, parts, hi) if more else start + size
        if end is not None \
                and not (edge_before and start and (text[start - 1].isalnum()
                                                    or text[start - 1] == "_")) \
                and not (edge_after and end < hi and (text[end].isalnum() or text[end] == "_")):
            found.append((start, end))
            pos = end
        else:
            pos = start + 1


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches: a letter or digit of any script (str.isalnum, the test the
    regex engine makes) or the underscore; without a regex call per character."""
    return char.isalnum() or char == "_"


#: «voor zover (…) betreft»: the words between the quoted ends (Aanwijzing 3.30 (81))
ELLIPSIS = re.compile(r"\s*\((?:…|\.\.\.)\)\s*")


def _find_ends(text: str, words: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """«voor zover (…) betreft»: from each occurrence of the first end to the nearest
    occurrence of the last end after it, both ends whole words, within one volzin's reach
    of the text (``lo:hi``). The caller requires the result to be unique."""
    ends = ELLIPSIS.split(words)
    if len(ends) != 2 or not ends[0].split() or not ends[1].split():
        raise ApplyError(f"«{words}»: a zinsnede with «(…)» names both its ends, once")
    head, tail = ends
    found = []
    for start, end in find(text, head, lo, hi):
        later = find(text, tail, end, hi)
        if later:
            found.append((start, later[0][1]))
    return found
_SPACE_RUN = re.compile(r"\s+")


def _rest_end(text: str, at: int, parts: list[str], hi: int) -> int | None:
    """Where parts[1:] end when each follows a run of whitespace from ``at`` on."""
    for part in parts[1:]:
        space = _SPACE_RUN.match(text, at, hi)
        if space is None or not text.startswith(part, space.end(), hi):
            return None
        at = space.end() + len(part)
    return at


def find_anchored(text: str, anchor: str, words: str, position: str,
                  lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Occurrences of ``words`` directly after (or before) ``anchor``: spans of the words only.

    «vervalt na «artikel 93,»: eerste lid» deletes «eerste lid» where it follows
    «artikel 93,» (whitespace between them allowed).
    """
    hi = len(text) if hi is None else hi
    a, w = pattern(anchor).pattern, pattern(words).pattern
    joined = f"(?:{a})\\s*(?P<w>{w})" if position == "after" else f"(?P<w>{w})\\s*(?:{a})"
    return [(m.start("w"), m.end("w")) for m in re.finditer(joined, text[:hi]) if m.start() >= lo]


def context(text: str, start: int, end: int, width: int = 30) -> str:
    """A snippet around ``text[start:end]`` for error messages: «…left[match]right…»."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    return (("…" if left else "") + text[left:start] + "[" + text[start:end] + "]"
            + text[end:right] + ("…" if right < len(text) else ""))


# --------------------------------------------------------------------------- joining


def _join(left: str, middle: str, right: str) -> str:
    """left + middle + right with the spacing and punctuation rules at both seams."""
    return seam(seam(left, middle), right)


def seam(left: str, right: str) -> str:
    """Join two pieces with exactly the space the punctuation asks for."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if left.endswith(",") and right[0] in ",.;:)":
        left = left[:-1]  # «artikel 93,» + «, betrekking» or «.» : one mark, not two
    if right[0] in _CLOSERS or left.endswith("("):
        return left + right
    return left + " " + right


_SPACE_BEFORE_MARK = re.compile(r" (?=[,;:.)])")
_SPACE_AFTER_OPEN = re.compile(r"\( ")


def normalize(text: str) -> str:
    """Collapse whitespace runs, drop spaces before ``, ; : . )`` and after ``(``, strip."""
    # str.split() splits where \s matches (both ask str.isspace), so joining the words is
    # the collapse and strip; the other two passes only where they can match
    text = " ".join(text.split())
    if " ," in text or " ;" in text or " :" in text or " ." in text or " )" in text:
        text = _SPACE_BEFORE_MARK.sub("", text)  # a space before a mark: what it matches
    return _SPACE_AFTER_OPEN.sub("(", text) if "( " in text else text


def replace(text: str, start: int, end: int, new: str) -> Edit:
    """The edit that puts ``new`` in place of ``text[start:end]``, seams tidied.

    The edit also covers the whitespace around the span (and a comma the seam
    drops), so applying it leaves no double or stray space.
    """
    lo = len(text[:start].rstrip())
    hi = len(text) - len(text[end:].lstrip())
    middle = normalize(new)
    # the usual seams, written directly: text on the left that does not end in a comma or
    # a bracket, new words that do not either: one space at each seam, none before a
    # closing mark; what ``_replace_seams`` makes of them, without joining the whole text
    # to cut it up again (tests/test_word_shortcuts.py holds the two to each other)
    if lo and text[lo - 1] not in ",(":
        right = text[hi:hi + 1]
        tail = "" if not right or right in _CLOSERS else " "
        if not middle:
            return Edit(lo, hi, tail)
        if middle[-1] not in ",(":
            return Edit(lo, hi, (middle if middle[0] in _CLOSERS else " " + middle) + tail)
    return _replace_seams(text, lo, hi, middle)


def _replace_seams(text: str, lo: int, hi: int, middle: str) -> Edit:
    """``replace`` of ``text[lo:hi]`` (no white space around it) by ``middle`` (normalized),
    the seams made by ``_join``."""
    left, right = text[:lo], text[hi:]
    joined = _join(left, middle, right)
    head = joined[:len(joined) - len(right)]  # the seam never changes ``right``
    keep = _common_prefix(left, head)
    return Edit(keep, hi, head[keep:])


def _common_prefix(a: str, b: str) -> int:
    if b.startswith(a) or a.startswith(b):  # the usual case: the seam kept ``left`` whole
        return min(len(a), len(b))
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def delete(text: str, start: int, end: int) -> Edit:
    """The edit that removes ``text[start:end]`` and tidies the seam."""
    return replace(text, start, end, "")


def insert(text: str, at: int, new: str) -> Edit:
    """The edit that inserts ``new`` at position ``at``, spaced by the rules."""
    return replace(text, at, at, new)


def splice(text: str, edit: Edit) -> str:
    """Apply one edit."""
    return text[:edit.start] + edit.new + text[edit.end:]


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (any order given), last first so offsets hold."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = splice(text, edit)
    return text


def end_position(text: str, marks: str = ".;:") -> int:
    """Where words «aan het slot/eind» go: before the closing mark, if any."""
    body = text.rstrip()
    return len(body) - 1 if body and body[-1] in marks else len(body)


def punctuation_positions(text: str, mark: str) -> list[int]:
    """Positions of ``mark`` used as punctuation (followed by whitespace or the end).

    The colon in «artikel 8:2» or the full stop in «1.5» is not punctuation.
    """
    return [m.start() for m in re.finditer(re.escape(mark) + r"(?=\s|$)", text)]

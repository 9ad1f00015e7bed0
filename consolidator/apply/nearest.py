"""The words in a text most like quoted words that are not in it: «did you mean …?».

A quote that is not found is most often a slip of one or two letters («een bijzondere
shcool»), a word form («scholen» for «school») or a word too many or too few. The text
is cut into runs of as many words as the quote (every window of consecutive words), and
``difflib.SequenceMatcher`` scores each run against the quote, case ignored; the best run
scoring at least ``CUTOFF`` is the suggestion, the first one on a tie.

Bounded: a quote of more than ``MAX_WORDS`` words or ``MAX_CHARS`` characters gets no
suggestion, at most ``MAX_WINDOWS`` runs are scored, and the cheap upper bounds
(``real_quick_ratio``, ``quick_ratio``) skip most runs before the full score; so the cost
is linear in the text.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Optional

#: how alike (SequenceMatcher's ratio) a run must be to be suggested
CUTOFF = 0.75
MAX_WORDS = 12
MAX_CHARS = 200
MAX_WINDOWS = 50_000

_WORD = re.compile(r"\S+")
# punctuation at a run's edges that the quote does not have: not part of the suggestion
_EDGE = ",.;:!?()[]«»“”‘’\"'"


def closest_words(text: str, quoted: str) -> Optional[str]:
    """The run of words in ``text`` (as many as ``quoted`` has) most like ``quoted``, or
    None when none is alike enough."""
    wanted = quoted.split()
    if not wanted or len(wanted) > MAX_WORDS or len(quoted) > MAX_CHARS:
        return None
    spans = [m.span() for m in _WORD.finditer(text)]
    n = len(wanted)
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(" ".join(wanted).lower())  # seq2 is the one SequenceMatcher indexes
    best, best_score = None, CUTOFF
    for first in range(min(len(spans) - n + 1, MAX_WINDOWS)):
        run = _trimmed(text[spans[first][0]:spans[first + n - 1][1]], quoted)
        matcher.set_seq1(" ".join(run.split()).lower())
        if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
            continue
        score = matcher.ratio()
        if score > best_score or (best is None and score >= best_score):
            best, best_score = run, score
    return best


def _trimmed(run: str, quoted: str) -> str:
    """The run without edge punctuation the quote does not have («school,» → «school»)."""
    if quoted[-1] not in _EDGE:
        run = run.rstrip(_EDGE)
    if quoted[0] not in _EDGE:
        run = run.lstrip(_EDGE)
    return run

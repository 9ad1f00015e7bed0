"""The word-level kinds (replace, delete, insert words) against an independent reading of
what they mean, deliberately simple: the text is a list of words, quoted words are a run of
whole words in it, and an instruction applies where that run occurs exactly once (or, with
«telkens», wherever it occurs, left to right). Whatever the engine does with a law must be
what this reading gives, or both refuse."""
from __future__ import annotations

from typing import Optional

from hypothesis import given, settings
from hypothesis import strategies as st

from consolidator.apply.sentences import apply_sentence
from consolidator.errors import ApplyError
from consolidator.law.elements import al_text, find_article
from consolidator.law.lawtext import parse_law_text
from consolidator.model import DeleteWords, InsertWords, Locator, ReplaceWords, Sentence, Step

VOCABULARY = ("de", "het", "een", "school", "scholen", "gemeente", "bevoegd", "gezag", "kan",
              "regels", "stellen", "minister")
WORDS = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12)
RUN = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3)
TARGET = (Locator((Step("artikel", "1"),)),)


# ------------------------------------------------------------------ the oracle


def places(words: list[str], run: list[str]) -> list[int]:
    """Where ``run`` starts in ``words``, left to right, not overlapping."""
    found, at = [], 0
    while at + len(run) <= len(words):
        if words[at:at + len(run)] == run:
            found.append(at)
            at += len(run)
        else:
            at += 1
    return found


def oracle(words: list[str], kind: str, run: list[str], new: list[str],
           telkens: bool) -> Optional[list[str]]:
    """The words after the instruction, or None when it must be refused."""
    found = places(words, run)
    if not found or (len(found) > 1 and not telkens):
        return None
    result, last = [], 0
    for at in found:
        result += words[last:at]
        if kind == "replace":
            result += new
        elif kind == "insert":
            result += run + new
        last = at + len(run)
    result += words[last:]
    if result == words or not result:
        return None  # an instruction that changes nothing, or empties the article
    return result


# ------------------------------------------------------------------ the engine


def instruction(kind: str, run: list[str], new: list[str], telkens: bool):
    old, words = " ".join(run), " ".join(new)
    if kind == "replace":
        return ReplaceWords(TARGET, old=old, new=words, telkens=telkens)
    if kind == "delete":
        return DeleteWords(TARGET, words=old, telkens=telkens)
    return InsertWords(TARGET, new=words, anchor=old, position="after", telkens=telkens)


def engine(words: list[str], kind: str, run: list[str], new: list[str],
           telkens: bool) -> Optional[list[str]]:
    tree = parse_law_text("W\nArtikel 1\n" + " ".join(words) + ".\n")
    try:
        apply_sentence(tree, Sentence((instruction(kind, run, new, telkens),)), "test")
    except ApplyError:
        return None
    text = " ".join(al_text(al) for al in find_article(tree, "1").iter("al"))
    assert text.endswith("."), text  # the closing mark stays where it was
    return text[:-1].split()


@settings(max_examples=300, deadline=None)
@given(WORDS, st.sampled_from(["replace", "delete", "insert"]), RUN, RUN, st.booleans())
def test_word_kinds_do_what_the_simple_reading_says(words, kind, run, new, telkens):
    assert engine(words, kind, run, new, telkens) == oracle(words, kind, run, new, telkens)


@settings(max_examples=100, deadline=None)
@given(WORDS, st.sampled_from(["replace", "delete", "insert"]), st.booleans(), st.data())
def test_a_run_taken_from_the_text_itself(words, kind, telkens, data):
    # quoted words drawn from the text, so the instruction usually finds them
    start = data.draw(st.integers(0, len(words) - 1))
    length = data.draw(st.integers(1, min(3, len(words) - start)))
    new = data.draw(RUN)
    run = words[start:start + length]
    assert engine(words, kind, run, new, telkens) == oracle(words, kind, run, new, telkens)

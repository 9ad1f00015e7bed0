"""The word engine's shortcuts held to the general way they stand for: each gives what the
general way gives, for texts of every shape (marks, brackets and white space at the seams,
empty sides, empty new words)."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidator.apply import postwords as P
from consolidator.apply import textedit as T


def _replace_by_joining(text: str, start: int, end: int, new: str) -> T.Edit:
    """``textedit.replace`` as first written: the whole text joined at both seams, then cut
    back to the edit."""
    lo = len(text[:start].rstrip())
    hi = len(text) - len(text[end:].lstrip())
    left, right = text[:lo], text[hi:]
    joined = T._join(left, T.normalize(new), right)
    head = joined[:len(joined) - len(right)]
    keep = T._common_prefix(left, head)
    return T.Edit(keep, hi, head[keep:])


_PIECES = st.sampled_from(["de", "school", "a", ",", ".", ";", ":", "(", ")", "!", "?", "-",
                           "é", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "( ", " ,"])
_TEXT = st.lists(_PIECES, max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, _TEXT, st.data())
def test_replace_is_the_text_joined_at_both_seams(text, new, data):
    """The seams written directly (words on both sides) give the edit that joining the
    whole text gives, and so does every other seam, left to the general way."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert T.replace(text, start, end, new) == _replace_by_joining(text, start, end, new)
    assert T.insert(text, start, new) == _replace_by_joining(text, start, start, new)
    assert T.delete(text, start, end) == _replace_by_joining(text, start, end, "")


_CONTENT = st.lists(st.sampled_from(["tekst", "<noot>1</noot>", "<!-- c -->", "<?pi x?>",
                                     "<redactie type=\"wijziging\">oud</redactie>", " en "]),
                    max_size=4).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CONTENT, st.text(alphabet="ab ,.", max_size=8))
def test_an_edit_writes_what_set_text_writes(content, new):
    """``Workspace.edit`` sets the text of an element without children itself; with
    children (markup, a comment, a processing instruction) or without, the element ends
    as ``set_text`` leaves it."""
    from lxml import etree

    from consolidator.apply.workspace import Workspace
    from consolidator.law.elements import set_text

    el = etree.fromstring(f"<lid><al>{content}</al>staart</lid>")[0]
    twin = etree.fromstring(f"<lid><al>{content}</al>staart</lid>")[0]
    ws = Workspace(el.getroottree(), "", None)
    text = ws.text(el)
    ws.edit(el, T.Edit(0, len(text), new), text)
    set_text(twin, new)
    assert etree.tostring(el.getparent()) == etree.tostring(twin.getparent())


# ------------------------------------------------------------------ lent matches

_LAW_WORDS = st.sampled_from(["de", "school", "scholen", "en", "de school", ",", ";", "1°",
                              "gemeente", "(", ")", "artikel 3,"])


@st.composite
def _word_instructions(draw):
    """A law of one article (two leden, or plain alineas with a list) of a few words, and
    a sentence of one or two word instructions on it: quoted words that occur, occur
    twice, or not at all; «telkens» or not; an anchor as words or as a mark."""
    from consolidator.model import (
        DeleteWords, InsertWords, Locator, Place, ReplaceWords, Sentence, Step,
    )

    def text():
        return " ".join(draw(st.lists(_LAW_WORDS, min_size=1, max_size=7))) + "."

    if draw(st.booleans()):
        law = f"W\nArtikel 1\n1. {text()}\n2. {text()}\n"
        places = [(Step("artikel", "1"),), (Step("artikel", "1"), Step("lid", "1")),
                  (Step("artikel", "1"), Step("lid", "2"))]
    else:
        law = f"W\nArtikel 1\n{text()}:\n  a. {text()}\n  b. {text()}\n"
        places = [(Step("artikel", "1"),), (Step("artikel", "1"), Step("onderdeel", "b"))]
    instructions = []
    for _ in range(draw(st.integers(1, 2))):
        targets = tuple(Locator(p) for p in draw(st.lists(st.sampled_from(places), min_size=1,
                                                          max_size=2)))
        words = draw(_LAW_WORDS.filter(lambda w: w.strip(",;()")))
        telkens = draw(st.booleans())
        kind = draw(st.sampled_from(["replace", "delete", "delete-after", "insert",
                                     "insert-mark"]))
        if kind == "replace":
            ins = ReplaceWords(targets, old=words, new=draw(st.sampled_from(["het", "de, en"])),
                               telkens=telkens)
        elif kind == "delete":
            ins = DeleteWords(targets, words=words, telkens=telkens)
        elif kind == "delete-after":
            ins = DeleteWords(targets, words=words, telkens=telkens, anchor="de",
                              position=draw(st.sampled_from(["after", "before"])))
        elif kind == "insert":
            ins = InsertWords(targets, new="nieuw", anchor=words, telkens=telkens,
                              position=draw(st.sampled_from(["after", "before"])))
        else:
            ins = InsertWords(targets, new="nieuw", anchor=draw(st.sampled_from([",", ";"])),
                              position="before", telkens=telkens, anchor_mark=True)
        instructions.append(dataclasses.replace(ins, place=Place("I", "A")))
    return law, Sentence(tuple(instructions))


def _outcome(law: str, sentence) -> str:
    """The law after the sentence, or the error that refused it."""
    from consolidator.apply.sentences import apply_sentence
    from consolidator.errors import ApplyError
    from consolidator.law.lawfile import serialize
    from consolidator.law.lawtext import parse_law_text

    tree = parse_law_text(law)
    try:
        apply_sentence(tree, sentence, "Stb. 2000, 1")
    except ApplyError as exc:
        return f"refused: {exc}"
    return serialize(tree).decode()


@settings(max_examples=400, deadline=None)
@given(_word_instructions())
def test_lent_matches_are_what_the_handler_finds(case):
    """A word handler takes the matches its postcondition found in the texts it lent;
    finding them itself gives the same law, or the same refusal."""
    from consolidator.apply.workspace import Workspace

    law, sentence = case
    lent = _outcome(law, sentence)
    with pytest.MonkeyPatch.context() as patch:  # each example its own
        patch.setattr(Workspace, "found", lambda self, target, ins: None)
        found = _outcome(law, sentence)
    assert lent == found


def test_matches_lent_for_one_instruction_are_not_another_s():
    """What a postcondition lent for one instruction is not taken for another one (of the
    same words, on the same target)."""
    from consolidator.apply.resolve import Target
    from consolidator.apply.workspace import Workspace
    from consolidator.model import Locator, ReplaceWords

    target = Target("lid", None, "lid 1")
    first = ReplaceWords((Locator(),), old="a", new="b")
    second = ReplaceWords((Locator(),), old="a", new="b")
    ws = Workspace(None, "", None)
    ws.hold_texts({}, {id(target): (target, [], first, ["lent"])})
    assert ws.found(target, first) == ["lent"]
    assert ws.found(target, second) is None
    assert ws.found(Target("lid", None, "lid 1"), first) is None
    ws.release_texts()
    assert ws.found(target, first) is None


@pytest.mark.parametrize("old, new", [("", ""), ("", "x"), ("de (…)", ""), ("de (…)", "x"),
                                      ("de (…) school", "")])
def test_words_the_check_cannot_look_for_are_refused_as_the_handler_refuses_them(old, new):
    """Quoted words that cannot be looked for (none, a «(…)» without its second end) are
    refused by the handler in its own order (no words to put in their place first), as when
    nothing is lent."""
    from consolidator.apply import dispatch
    from consolidator.apply.workspace import Workspace
    from consolidator.model import Locator, Place, ReplaceWords, Sentence, Step

    law = "W\nArtikel 1\nDe school en de gemeente.\n"
    ins = ReplaceWords((Locator((Step("artikel", "1"),)),), old=old, new=new,
                       place=Place("I", "A"))
    try:
        lent = _outcome(law, Sentence((ins,)))
    except ValueError as exc:
        lent = f"ValueError: {exc}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Workspace, "found", lambda self, target, ins: None)
        patch.setitem(dispatch.POSTCONDITIONS, ReplaceWords,
                      P.Postcondition(P.seen_before, P.replace_words_after))
        try:
            found = _outcome(law, Sentence((ins,)))
        except ValueError as exc:
            found = f"ValueError: {exc}"
    assert lent == found


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
def test_normalize_is_its_three_passes(text):
    """``normalize`` runs the pass that drops a space before a mark only where one stands
    before a mark: it gives what the three passes give on every text."""
    import re

    passes = re.sub(r"\( ", "(", re.sub(r" (?=[,;:.)])", "", " ".join(text.split())))
    assert T.normalize(text) == passes

#!/usr/bin/env python3
"""Mutation fuzzer for the readers of consolidator.

Every case is a mutated corpus input (the seed act Stb. 1996, 649 cut into small
acts, the corpus laws as XML and as plain law text, real entry-into-force articles)
run through one target:

* ``parse``      ``act.parse_act`` and both views of ``consolidator parse`` (outline, JSON)
* ``iwt``        ``iwt.rules_from_article`` on entry-into-force paragraphs, then ``entry``
* ``act-iwt``    ``act.parse_act`` then ``iwt.read_entry_rules`` on a small act with dates
* ``apply``      a mutated act applied to every corpus law (``consolidator apply``)
* ``apply-date`` a mutated act applied to the WBO with ``--date`` (the time rules)
* ``import-text`` ``lawtext.parse_law_text``, schema check, written and read back
* ``text``       ``lawfile.parse_law`` on mutated XML, rendered as law text
* ``apply-law``  the whole seed act applied to a mutated law XML
* ``bwbmeta``    the readers of BWB manifest.xml, WTI and toestand metadata (import-bwb)
* ``adversarial`` generated lines of nested repetitions of what the patterns read (digits
                 and dots, quotes, commas, «Artikel», «wordt», spaces), each through every
                 reader of act and law text in every place a line can stand, and the known
                 slow inputs at random sizes (``tools/adversarial.py``): a case that takes
                 longer than ``--timeout`` is a pattern that is not linear

A case passes when it gives a result or raises ``ConsolidatorError``; anything
else is a crash, and a case that runs longer than ``--timeout`` is a hang. Cases
are numbered: case N of seed S is always the same input, so a finding is
reproduced with ``--seed S --only N``.

    python tools/fuzz.py --inputs 20000 --seed 1 --budget 600 --out fuzz-findings

Each case runs in a worker process that the fuzzer kills when it hangs; crashing
and hanging inputs are written to ``--out`` (with the traceback), minimised with
``--minimize``. ``tests/test_fuzz.py`` runs a bounded, in-process sample of the same
cases.
"""
from __future__ import annotations

import argparse
import copy
import datetime as _dt
import functools
import hashlib
import json
import multiprocessing
import os
import random
import re
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Union

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tools"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from lxml import etree  # noqa: E402

from consolidator.errors import ConsolidatorError  # noqa: E402
import adversarial  # noqa: E402  (tools/adversarial.py)

CORPUS = ROOT / "corpus"
SEED_ACT = CORPUS / "acts" / "stb-1996-649.txt"
LAWS = ("BWBR0003420", "BWBR0003549", "BWBR0002399", "OISOVSO", "STB-1996-403")
Data = Union[str, bytes]


class CaseTimeout(BaseException):
    """Raised in a case by the timer (a BaseException: no ``except Exception`` eats it)."""


# --------------------------------------------------------------------------- seeds

@functools.lru_cache(maxsize=None)
def seed_act_lines() -> tuple[str, ...]:
    return tuple(SEED_ACT.read_text("utf-8").splitlines())


def _article_starts(lines) -> list[int]:
    return [i for i, line in enumerate(lines) if re.match(r"^ARTIKEL [IVX]+\b", line)]


@functools.lru_cache(maxsize=None)
def act_units() -> tuple[str, ...]:
    """Small acts cut from the seed: the header, a run of onderdelen of one ARTIKEL (or
    a few short ARTIKELEN), the entry-into-force ARTIKEL XII and the closing."""
    lines = seed_act_lines()
    starts = _article_starts(lines)
    closing = next(i for i, line in enumerate(lines) if line.startswith("Lasten en bevelen"))
    header = list(lines[:starts[0]])
    xii = next(i for i in starts if lines[i].startswith("ARTIKEL XII"))
    # the elision marker lets the numbering jump from the unit's ARTIKEL to XII
    tail = ["", "[ARTIKEL XI niet opgenomen]", ""] + list(lines[xii:])
    units = []
    bounds = list(zip(starts, starts[1:] + [closing]))
    for start, end in bounds:
        if lines[start].startswith("ARTIKEL XII"):
            continue
        body = list(lines[start:end])
        labels = [i for i, line in enumerate(body) if re.fullmatch(r"[A-Z]{1,2}\d?|[a-z]", line)]
        if len(labels) <= 4:
            units.append("\n".join(header + body + tail))
            continue
        intro = body[:labels[0]]
        for k in range(0, len(labels), 3):  # three onderdelen at a time
            stop = labels[k + 3] if k + 3 < len(labels) else len(body)
            units.append("\n".join(header + intro + body[labels[k]:stop] + tail))
    return tuple(units)


@functools.lru_cache(maxsize=None)
def law_texts() -> tuple[str, ...]:
    return tuple((CORPUS / law / "base.txt").read_text("utf-8") for law in LAWS)


@functools.lru_cache(maxsize=None)
def law_xmls() -> tuple[bytes, ...]:
    return tuple((CORPUS / law / "base.xml").read_bytes() for law in LAWS)


@functools.lru_cache(maxsize=None)
def iwt_articles() -> tuple[str, ...]:
    """Entry-into-force articles, paragraphs one a line: the real ones of
    tests/fixtures/iwt and the seed's ARTIKEL XII."""
    found = []
    for name in ("real.txt", "aanwijzingen.txt"):
        path = ROOT / "tests" / "fixtures" / "iwt" / name
        if not path.exists():
            continue
        block: list[str] = []
        for line in path.read_text("utf-8").splitlines() + ["== end"]:
            if line.startswith("=="):
                if block:
                    found.append("\n".join(block))
                block = []
            elif line.strip() and not line.startswith(("#", "source:")):
                block.append(line)
    lines = seed_act_lines()
    xii = next(i for i in _article_starts(lines) if lines[i].startswith("ARTIKEL XII"))
    end = next(i for i in range(xii, len(lines)) if lines[i].startswith("Lasten"))
    found.append("\n".join(line.strip(" •") for line in lines[xii + 1:end] if line.strip()))
    return tuple(found)


def _trimmed(data: bytes, keep: int = 6) -> bytes:
    """The document with at most ``keep`` children per element (the WTI is 1.9 MB)."""
    root = etree.fromstring(data)
    for el in root.iter():
        for child in list(el)[keep:]:
            el.remove(child)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)


@functools.lru_cache(maxsize=None)
def bwb_metadata() -> tuple[bytes, ...]:
    """BWB manifest.xml, WTI (trimmed) and a toestand: the files import-bwb reads."""
    folder = ROOT / "tests" / "fixtures" / "bwb"
    return ((folder / "BWBR0002458.manifest.xml").read_bytes(),
            _trimmed((folder / "BWBR0002458.WTI.xml").read_bytes()),
            _trimmed((folder / "BWBR0002458_2013-01-01_1.xml").read_bytes(), 12))


@functools.lru_cache(maxsize=None)
def seed_act():
    from consolidator.read.act import parse_act
    return parse_act("\n".join(seed_act_lines()), source=str(SEED_ACT))


# --------------------------------------------------------------------------- mutations

#: characters that have broken parsers before: quotes, controls, marks, RTL, digits that
#: are digits to str.isdigit but not to int(), case changes that change length
ODD = ["«", "»", "“", "”", "„", "‘", "’", '"', "'", ":", ";", ".", ",", "(", ")", "[", "]",
       "•", "°", "§", "–", "—", "/", "\\", "<", ">", "&", "\x00", "\x01", "\x0b", "\x0c",
       "\x1c", "\x1f", "\x7f", "\x85", "\ud800", "\udfff", "\u0301", "\u0308", "\u0338",
       "\u202e", "\u202b", "\u200f", "\u200b", "\u2066", "\ufeff", "\ufffe", "\uffff",
       "\r\n", "\r", "\n", "\u2028", "\u2029", "\t", "\u00a0", "\u3000", "²", "¹", "٣", "߁",
       "Ⅻ", "ⅻ", "İ", "ß", "ﬁ", "𝟙", "😀", "\U0010ffff", "ı", "K", "Å", "ǅ", "e\u0301",
       "א", "ب", "0", "1", "9", "I", "X", "a", "A", " ", "  "]
WORDS = ["artikel", "Artikel", "ARTIKEL", "lid", "onderdeel", "vervalt", "wordt", "worden",
         "vervangen door:", "ingevoegd:", "toegevoegd:", "luidend:", "telkens", "komt te luiden:",
         "tweede", "eerste", "volzin", "onder", "tot en met", "en", "of", "na", "voor", "in",
         "vernummering", "gewijzigd als volgt:", "als volgt gewijzigd:", "«", "»", "1°", "a.",
         "treedt in werking", "met ingang van", "1 januari 1997", "31 februari 1997",
         "terugwerkt tot en met", "de dag na", "Staatsblad", "koninklijk besluit",
         "Indien", "999999999999999999999999", "0", "-1", "IIIIIIIIIIIIIIIIII", "ZZZ9z"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def m_delete_lines(rng, text):
    lines = _lines(text)
    start = rng.randrange(len(lines))
    del lines[start:start + rng.choice([1, 1, 2, 3, 8])]
    return "\n".join(lines)


def m_duplicate_lines(rng, text):
    lines = _lines(text)
    start = rng.randrange(len(lines))
    chunk = lines[start:start + rng.choice([1, 2, 4])]
    at = rng.randrange(len(lines) + 1)
    return "\n".join(lines[:at] + chunk + lines[at:])


def m_swap_lines(rng, text):
    lines = _lines(text)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


_LABEL_LINE = re.compile(r"^(?:[A-Z]{1,3}\d*[a-z]?|[a-z]{1,2}|\d+[a-z]?\.\s.*|\s*•.*)$")


def m_swap_onderdelen(rng, text):
    """Swap two onderdelen (a label line and what follows up to the next label) or
    two punten, or give an onderdeel another label."""
    lines = _lines(text)
    heads = [i for i, line in enumerate(lines) if _LABEL_LINE.match(line)]
    if len(heads) < 2:
        return m_swap_lines(rng, text)
    if rng.random() < 0.3:
        i = rng.choice(heads)
        lines[i] = rng.choice(["A", "B", "Z", "AA", "a", "b", "A1", "C", lines[i]])
        return "\n".join(lines)
    a, b = sorted(rng.sample(range(len(heads)), 2))
    end_a = heads[a + 1] if a + 1 < len(heads) else len(lines)
    end_b = heads[b + 1] if b + 1 < len(heads) else len(lines)
    first, second = lines[heads[a]:end_a], lines[heads[b]:end_b]
    return "\n".join(lines[:heads[a]] + second + lines[end_a:heads[b]] + first + lines[end_b:])


def m_break_quotes(rng, text):
    quotes = [i for i, ch in enumerate(text) if ch in "«»“”\"„"]
    if not quotes:
        return m_insert_odd(rng, text)
    i = rng.choice(quotes)
    replacement = rng.choice(["", "«", "»", "“", "”", '"', "««", "»»", "« ", " »", "'"])
    return text[:i] + replacement + text[i + 1:]


def m_insert_odd(rng, text):
    i = rng.randrange(len(text) + 1)
    return text[:i] + "".join(rng.choice(ODD) for _ in range(rng.choice([1, 1, 2, 5]))) + text[i:]


def m_replace_char(rng, text):
    if not text:
        return m_insert_odd(rng, text)
    i = rng.randrange(len(text))
    return text[:i] + rng.choice(ODD) + text[i + 1:]


def m_insert_word(rng, text):
    spaces = [m.start() for m in re.finditer(r" ", text)] or [0]
    i = rng.choice(spaces)
    return text[:i] + " " + rng.choice(WORDS) + text[i:]


def m_delete_words(rng, text):
    spaces = [m.start() for m in re.finditer(r" ", text)]
    if len(spaces) < 2:
        return m_truncate(rng, text)
    i = rng.randrange(len(spaces) - 1)
    j = min(len(spaces) - 1, i + rng.choice([1, 1, 2, 4]))
    return text[:spaces[i]] + text[spaces[j]:]


def m_truncate(rng, text):
    return text[:rng.randrange(len(text) + 1)]


def m_numbers(rng, text):
    """A number made huge, zero, negative or odd («1,5», «2a3», Roman, superscript)."""
    numbers = list(re.finditer(r"\d+", text))
    if not numbers:
        return m_insert_word(rng, text)
    found = rng.choice(numbers)
    new = rng.choice(["9" * rng.choice([19, 30, 400]), "0", "00", "-1", "1,5", "2a3", "²",
                      "٣", "MMMMCMXCIX", "1.2.3.4.5", "99999", "31", "32", "13"])
    return text[:found.start()] + new + text[found.end():]


def m_line_endings(rng, text):
    choice = rng.randrange(5)
    if choice == 0:
        return text.replace("\n", "\r\n")
    if choice == 1:
        return "\ufeff" + text
    if choice == 2:
        return text.replace("\n", "\r")
    if choice == 3:
        return text.replace(" ", "\t", rng.choice([1, 5, 1000]))
    return text.replace("\n", "\n ", rng.choice([1, 5, 1000]))


def m_case(rng, text):
    lines = _lines(text)
    i = rng.randrange(len(lines))
    lines[i] = rng.choice([str.upper, str.lower, str.title, str.swapcase])(lines[i])
    return "\n".join(lines)


def m_nest(rng, text):
    """Deep nesting: quotes in quotes, brackets, indented list items, bullets."""
    i = rng.randrange(len(text) + 1)
    depth = rng.choice([10, 50, 200])
    kind = rng.randrange(4)
    if kind == 0:
        nested = "«" * depth + "x" + "»" * depth
    elif kind == 1:
        nested = "(" * depth + "x" + ")" * depth
    elif kind == 2:
        nested = "\n" + "\n".join("  " * level + "a. x" for level in range(1, depth))
    else:
        nested = "\n" + "\n".join(f"{n}. In artikel {n} vervalt «x»." for n in range(1, depth))
    return text[:i] + nested + text[i:]


def m_splice(rng, text):
    """Lines of another corpus input (an act into a law text, a law into an act)."""
    pool = rng.choice([act_units(), law_texts(), iwt_articles()])
    other = _lines(rng.choice(pool))
    start = rng.randrange(len(other))
    chunk = other[start:start + rng.choice([1, 3, 10])]
    lines = _lines(text)
    at = rng.randrange(len(lines) + 1)
    return "\n".join(lines[:at] + chunk + lines[at:])


def m_long_line(rng, text):
    """One line made long (repeated words), to show cost that grows faster than the text."""
    lines = _lines(text)
    i = rng.randrange(len(lines))
    words = lines[i].split(" ") or ["x"]
    lines[i] = " ".join(words + [rng.choice(words) for _ in range(rng.choice([200, 1000]))])
    return "\n".join(lines)


TEXT_MUTATORS: list[Callable] = [
    m_delete_lines, m_duplicate_lines, m_swap_lines, m_swap_onderdelen, m_break_quotes,
    m_break_quotes, m_insert_odd, m_replace_char, m_insert_word, m_delete_words, m_truncate,
    m_numbers, m_line_endings, m_case, m_nest, m_splice, m_long_line,
]


def mutate_text(rng: random.Random, text: str) -> tuple[str, list[str]]:
    names = []
    for _ in range(rng.choice([1, 1, 2, 3, 4])):
        mutator = rng.choice(TEXT_MUTATORS)
        if mutator is m_long_line and rng.random() < 0.7:
            mutator = m_insert_odd  # long lines are slow to check; keep them few
        text = mutator(rng, text)
        names.append(mutator.__name__[2:])
    return text, names


# XML: mutations of the tree (keep it well-formed, break the law) and of the bytes

_ATTR_VALUES = ["", "x", "0", "-1", "9" * 30, "2023-02-30", "1997-01-01", "9999-12-31",
                "vervallen", "nieuw", "BWBR0003420", "a\u0301", "\u202e1", "1 ", "1.1", "ⅻ"]


def _elements(root):
    return [el for el in root.iter() if isinstance(el.tag, str)]


def x_delete(rng, root):
    els = _elements(root)[1:]
    if els:
        el = rng.choice(els)
        el.getparent().remove(el)


def x_duplicate(rng, root):
    els = _elements(root)[1:]
    if els:
        el = rng.choice(els)
        el.addnext(copy.deepcopy(el))


def x_move(rng, root):
    els = _elements(root)[1:]
    if len(els) > 2:
        el, into = rng.sample(els, 2)
        if el not in into.iterancestors() and el is not into:
            el.getparent().remove(el)
            into.insert(rng.randrange(len(into) + 1), el)


def x_text(rng, root):
    el = rng.choice(_elements(root))
    value = "".join(rng.choice(ODD) for _ in range(rng.choice([1, 3, 10])))
    value = "".join(ch for ch in value if _xml_char(ch))
    if rng.random() < 0.5:
        el.text = (el.text or "") + value
    else:
        el.text = value or None


def x_attribute(rng, root):
    el = rng.choice(_elements(root))
    names = list(el.attrib) or ["nr", "status", "inwerking", "bwb-id", "label"]
    value = rng.choice(_ATTR_VALUES)
    el.set(rng.choice(names), "".join(ch for ch in value if _xml_char(ch)))


def x_rename(rng, root):
    els = _elements(root)
    tags = sorted({el.tag for el in els} | {"lid", "al", "li", "lijst", "artikel", "kop", "nr"})
    el = rng.choice(els[1:] or els)
    el.tag = rng.choice(tags)


def x_strip(rng, root):
    el = rng.choice(_elements(root))
    for child in list(el):
        el.remove(child)
    el.attrib.clear()


def x_nest(rng, root):
    """Deep nesting (within what the parser accepts, and beyond it)."""
    el = rng.choice(_elements(root))
    depth = rng.choice([20, 100, 300])
    inner = el
    for _ in range(depth):
        inner = etree.SubElement(inner, rng.choice(["lijst", "li", "al", "nadruk"]))
    inner.text = "x"


def _xml_char(ch: str) -> bool:
    code = ord(ch)
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


XML_TREE_MUTATORS = [x_delete, x_duplicate, x_move, x_text, x_attribute, x_rename, x_strip,
                     x_nest]

_HOSTILE_PROLOGS = [
    b'<!DOCTYPE toestand [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE toestand SYSTEM "http://127.0.0.1:9/x.dtd">',
    b'<!DOCTYPE toestand [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
    b'<?xml-stylesheet href="http://127.0.0.1:9/x.xsl"?>',
    b"<!-- -- -->",
]


def mutate_xml(rng: random.Random, data: bytes) -> tuple[bytes, list[str]]:
    names = []
    if rng.random() < 0.7:
        root = etree.fromstring(data)
        for _ in range(rng.choice([1, 1, 2, 3])):
            mutator = rng.choice(XML_TREE_MUTATORS)
            mutator(rng, root)
            names.append(mutator.__name__)
        data = etree.tostring(root, encoding="UTF-8", xml_declaration=rng.random() < 0.5)
    if rng.random() < 0.4 or not names:
        kind = rng.randrange(6)
        if kind == 0:
            data = data[:rng.randrange(len(data) + 1)]
            names.append("truncate")
        elif kind == 1:
            i = rng.randrange(len(data) + 1)
            junk = rng.choice([b"\x00", b"\xff", b"\xed\xa0\x80", b"&", b"<", b"]]>", b"&amp",
                               b"&#0;", b"&#x110000;", b"&#xD800;", b"<![CDATA[", b"\xef\xbb\xbf"])
            data = data[:i] + junk + data[i:]
            names.append("bytes")
        elif kind == 2:
            text, more = mutate_text(rng, data.decode("utf-8", "replace"))
            data = text.encode("utf-8", "surrogatepass")
            names += ["text:" + n for n in more]
        elif kind == 3:
            prolog = rng.choice(_HOSTILE_PROLOGS)
            body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", data)
            data = prolog + b"\n" + body
            names.append("prolog")
        elif kind == 4:
            data = data.replace(b"\n", b"\r\n")
            names.append("crlf")
        else:
            data = data.decode("utf-8").encode("utf-16")
            names.append("utf-16")
    return data, names


# --------------------------------------------------------------------------- targets

def _outline_and_json(act) -> None:
    from consolidator.read.outline import act_json, act_outline
    act_outline(act)
    json.dumps(act_json(act), ensure_ascii=False)


def run_parse(text: str) -> None:
    from consolidator.read.act import parse_act
    _outline_and_json(parse_act(text, source="fuzz.txt"))


def run_iwt(text: str) -> None:
    from consolidator.read.iwt import rules_from_article
    from consolidator.read.iwtrules import Part
    from consolidator.model import Article, Span
    paras = tuple(p.strip() for p in text.splitlines() if p.strip())
    article = Article(number="XII", kind="entry-into-force", text=paras, span=Span(1, 1))
    rules = rules_from_article(article, "fuzz.txt", lines=text.splitlines(),
                               published=_dt.date(1996, 12, 23), stb="1996, 649")
    for part in (Part("I"), Part("I", "B"), Part("II", "R", "2"), Part("VI"), Part("IX")):
        for published in (_dt.date(1996, 12, 23), _dt.date(1997, 3, 1), None):
            try:
                rules.entry(part, published)
            except ConsolidatorError:
                pass


def run_act_iwt(text: str) -> None:
    from consolidator.read.act import parse_act
    from consolidator.read.iwt import read_entry_rules
    read_entry_rules(parse_act(text, source="fuzz.txt"), text)


def _fresh_laws():
    from consolidator.law import lawfile
    return [lawfile.parse_law(data, source=f"{law}/base.xml")
            for law, data in zip(LAWS, law_xmls())]


def _check_and_write(tree) -> None:
    from consolidator.law import lawtext
    from consolidator.law import lawfile
    lawfile.assert_valid(tree, source="out.xml")
    lawtext.render_law_text(tree)
    lawfile.serialize(tree)


def run_apply(text: str) -> None:
    from consolidator.read.act import parse_act
    from consolidator.apply.preview import apply_acts
    act = parse_act(text, source="fuzz.txt")
    for tree in _fresh_laws():
        _check_and_write(apply_acts(tree, [act]))


def run_apply_date(text: str) -> None:
    from consolidator.read.act import parse_act
    from consolidator.time.inforce import apply_in_force
    act = parse_act(text, source="fuzz.txt")
    for tree, law in zip(_fresh_laws(), LAWS):
        if law in ("BWBR0003420", "BWBR0002399"):
            tree = apply_in_force(tree, law, [act], [], _dt.date(1999, 1, 1), None,
                                  lambda message: None)
            _check_and_write(tree)


def run_import_text(text: str) -> None:
    from consolidator.law import lawtext
    from consolidator.law import lawfile
    tree = lawtext.parse_law_text(text, source="fuzz.txt", bwb_id="BWBR0000001",
                                  date=_dt.date(2000, 1, 1))
    lawfile.assert_valid(tree, source="fuzz.txt")
    back = lawfile.parse_law(lawfile.serialize(tree), source="out.xml")
    lawtext.render_law_text(back, show_repealed=True)


def run_text(data: bytes) -> None:
    from consolidator.law import lawtext
    from consolidator.law import lawfile
    tree = lawfile.parse_law(data, source="fuzz.xml")
    lawtext.render_law_text(tree)
    lawtext.render_law_text(tree, show_repealed=True)
    try:
        lawtext.render_law_text(tree, artikel="1")
    except ConsolidatorError:
        pass


def run_apply_law(data: bytes) -> None:
    from consolidator.law import lawfile
    from consolidator.apply.preview import apply_acts
    tree = lawfile.parse_law(data, source="fuzz.xml")
    _check_and_write(apply_acts(tree, [seed_act()]))


def run_bwbmeta(data: bytes) -> None:
    from consolidator.law import bwbmeta
    refused = []
    for reader in (bwbmeta.read_manifest, bwbmeta.read_wti, bwbmeta.read_toestand_meta):
        try:
            reader(data)
        except ConsolidatorError as exc:
            refused.append(exc)
    if len(refused) == 3:  # no reader took it: the input is refused
        raise refused[0]


@dataclass(frozen=True)
class Target:
    name: str
    seeds: Callable[[], tuple]
    run: Callable[[Data], None]
    xml: bool = False
    make: Optional[Callable[[random.Random], Data]] = None  # generates its inputs itself


TARGETS = {t.name: t for t in [
    Target("parse", act_units, run_parse),
    Target("iwt", iwt_articles, run_iwt),
    Target("act-iwt", act_units, run_act_iwt),
    Target("apply", act_units, run_apply),
    Target("apply-date", act_units, run_apply_date),
    Target("import-text", law_texts, run_import_text),
    Target("text", law_xmls, run_text, xml=True),
    Target("apply-law", law_xmls, run_apply_law, xml=True),
    Target("bwbmeta", bwb_metadata, run_bwbmeta, xml=True),
    Target("adversarial", lambda: (), adversarial.run_everywhere, make=adversarial.make_input),
]}


# --------------------------------------------------------------------------- cases

@dataclass
class Case:
    target: str
    seed: int
    index: int
    data: Data
    mutations: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.target}-s{self.seed}-n{self.index}"


def make_case(target: str, seed: int, index: int) -> Case:
    """Case ``index`` of ``seed`` for ``target``: always the same input."""
    rng = random.Random(f"{target}:{seed}:{index}")
    spec = TARGETS[target]
    if spec.make is not None:
        return Case(target, seed, index, spec.make(rng), ["generated"])
    data = rng.choice(spec.seeds())
    if spec.xml:
        data, names = mutate_xml(rng, data)
    else:
        data, names = mutate_text(rng, data)
    return Case(target, seed, index, data, names)


@dataclass
class Outcome:
    kind: str          # "ok", "error" (ConsolidatorError), "crash", "hang"
    seconds: float
    detail: str = ""   # the error message or the traceback
    key: str = ""      # where a crash happened (for grouping)


def _crash_key(exc: BaseException) -> str:
    exc = getattr(exc, "orig_exc", None) or exc  # lark wraps errors of the Transformer
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "consolidator" in f.filename and "tools" not in f.filename]
    frame = (ours or frames or [None])[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno}" if frame else "?"
    return f"{type(exc).__name__} at {where}"


def _on_alarm(signum, frame):
    raise CaseTimeout()


def run_case(case: Case, timeout: float = 2.0) -> Outcome:
    """Run one case in this process, bounded by a timer (SIGALRM)."""
    run = TARGETS[case.target].run
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    try:
        run(case.data)
        kind, detail, key = "ok", "", ""
    except ConsolidatorError as exc:
        kind, detail, key = "error", str(exc), ""
    except CaseTimeout as exc:
        kind, detail, key = "hang", "".join(traceback.format_exception(exc)), "timeout"
    except RecursionError as exc:
        kind, detail, key = "crash", "".join(traceback.format_exception(exc))[-4000:], \
            _crash_key(exc)
    except Exception as exc:  # noqa: BLE001 - the point of a fuzzer
        kind, detail, key = "crash", "".join(traceback.format_exception(exc)), _crash_key(exc)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    return Outcome(kind, time.perf_counter() - start, detail, key)


# --------------------------------------------------------------------------- minimising

def minimize(case: Case, key: str, timeout: float = 2.0, budget: float = 60.0) -> Case:
    """A smaller input that still fails the same way (delta debugging on lines, then
    on characters for short inputs)."""
    deadline = time.monotonic() + budget
    xml = isinstance(case.data, bytes)

    def fails(data) -> bool:
        out = run_case(Case(case.target, case.seed, case.index, data), timeout)
        return out.kind in ("crash", "hang") and (out.key == key)

    def split(data):
        if xml:
            return data.split(b"\n"), b"\n"
        return data.split("\n"), "\n"

    def ddmin(parts, joiner):
        n = 2
        while len(parts) >= 2 and time.monotonic() < deadline:
            size = max(1, len(parts) // n)
            reduced = False
            for start in range(0, len(parts), size):
                rest = parts[:start] + parts[start + size:]
                if rest and fails(joiner.join(rest)):
                    parts, n, reduced = rest, max(n - 1, 2), True
                    break
            if not reduced:
                if size == 1:
                    break
                n = min(len(parts), n * 2)
        return parts

    parts, joiner = split(case.data)
    data = joiner.join(ddmin(parts, joiner))
    if not xml and len(data) < 3000:
        data = "".join(ddmin(list(data), ""))
    return Case(case.target, case.seed, case.index, data, case.mutations + ["minimized"])


# --------------------------------------------------------------------------- long runs

def _worker(conn, timeout: float) -> None:
    while True:
        job = conn.recv()
        if job is None:
            return
        target, seed, index = job
        case = make_case(target, seed, index)
        out = run_case(case, timeout)
        conn.send((out.kind, out.seconds, out.detail, out.key))


class _Runner:
    """Runs cases in a worker process; a case that does not come back is killed."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self.ctx = multiprocessing.get_context("fork")
        self._start()

    def _start(self):
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, self.timeout), daemon=True)
        self.proc.start()

    def run(self, target: str, seed: int, index: int) -> Outcome:
        self.conn.send((target, seed, index))
        hard = self.timeout * 3 + 5
        if self.conn.poll(hard):
            try:
                return Outcome(*self.conn.recv())
            except EOFError:
                pass
        died = not self.proc.is_alive()
        self.proc.kill()
        self.proc.join()
        self._start()
        if died:
            return Outcome("crash", hard, "the worker process died", "worker died")
        return Outcome("hang", hard, f"no answer within {hard:.0f} s (not interruptible)",
                       "timeout")

    def close(self):
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()


def _save(out: Path, case: Case, outcome: Outcome) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    suffix = ".xml" if isinstance(case.data, bytes) else ".txt"
    path = out / f"{case.name}{suffix}"
    if isinstance(case.data, bytes):
        path.write_bytes(case.data)
    else:
        path.write_bytes(case.data.encode("utf-8", "surrogatepass"))
    (out / f"{case.name}.log").write_text(
        f"target: {case.target}\nseed: {case.seed}\nindex: {case.index}\n"
        f"mutations: {', '.join(case.mutations)}\noutcome: {outcome.kind} ({outcome.key}) "
        f"in {outcome.seconds:.2f} s\n\n{outcome.detail}\n", "utf-8")
    return path


def fuzz(inputs: int, seed: int, budget: float, timeout: float, targets: list[str],
         out: Optional[Path], do_minimize: bool, slow: float, log=print) -> dict:
    runner = _Runner(timeout)
    started = time.monotonic()
    counts = {"ok": 0, "error": 0, "crash": 0, "hang": 0}
    found: dict[str, list[Case]] = {}
    slowest: list[tuple[float, str]] = []
    done = 0
    try:
        for index in range(inputs):
            if time.monotonic() - started > budget:
                log(f"time budget of {budget:.0f} s spent after {done} inputs")
                break
            target = targets[index % len(targets)]
            outcome = runner.run(target, seed, index)
            done += 1
            counts[outcome.kind] += 1
            if outcome.seconds > slow:
                slowest.append((outcome.seconds, f"{target}-s{seed}-n{index}"))
            if outcome.kind in ("crash", "hang"):
                case = make_case(target, seed, index)
                key = f"{target}: {outcome.key}"
                first = key not in found
                found.setdefault(key, []).append(case)
                if first:
                    log(f"[{case.name}] {outcome.kind}: {outcome.key} "
                        f"({', '.join(case.mutations)})")
                    if out is not None:
                        if do_minimize and outcome.kind == "crash":
                            case = minimize(case, outcome.key, timeout)
                        log(f"    saved {_save(out, case, outcome)}")
    finally:
        runner.close()
    elapsed = time.monotonic() - started
    log(f"{done} inputs in {elapsed:.1f} s: {counts['ok']} ok, {counts['error']} refused with "
        f"a ConsolidatorError, {counts['crash']} crashes, {counts['hang']} hangs; "
        f"{len(found)} distinct findings")
    for key, cases in sorted(found.items()):
        log(f"  {key}: {len(cases)} input(s), first {cases[0].name}")
    for seconds, name in sorted(slowest, reverse=True)[:10]:
        log(f"  slow: {name} {seconds:.2f} s")
    return {"inputs": done, "counts": counts, "findings": {k: [c.name for c in v]
                                                          for k, v in found.items()}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", "-n", type=int, default=5000, help="number of inputs")
    parser.add_argument("--seed", "-s", type=int, default=0, help="seed (same seed, same inputs)")
    parser.add_argument("--budget", "-b", type=float, default=300.0,
                        help="stop after this many seconds")
    parser.add_argument("--timeout", "-t", type=float, default=2.0,
                        help="seconds one input may take; longer is a hang")
    parser.add_argument("--slow", type=float, default=0.5,
                        help="report inputs slower than this many seconds")
    parser.add_argument("--targets", default=",".join(TARGETS),
                        help=f"comma-separated, of: {', '.join(TARGETS)}")
    parser.add_argument("--out", "-o", type=Path, default=Path("fuzz-findings"),
                        help="folder for crashing and hanging inputs")
    parser.add_argument("--minimize", action="store_true", help="minimise crashing inputs")
    parser.add_argument("--only", type=int, default=None,
                        help="run case N (of the first target) in this process and show it")
    args = parser.parse_args(argv)
    if args.inputs < 1 or args.budget <= 0 or args.timeout <= 0:
        parser.error("--inputs must be at least 1, --budget and --timeout more than 0")
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}")
    if args.only is not None:
        case = make_case(targets[0], args.seed, args.only)
        outcome = run_case(case, args.timeout)
        print(f"{case.name}: {', '.join(case.mutations)}\n{outcome.kind} in "
              f"{outcome.seconds:.3f} s {outcome.key}\n{outcome.detail}")
        return 0 if outcome.kind in ("ok", "error") else 1
    result = fuzz(args.inputs, args.seed, args.budget, args.timeout, targets, args.out,
                  args.minimize, args.slow)
    return 1 if result["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())

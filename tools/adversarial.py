"""Adversarial lines: inputs made to find patterns that take more than linear time.

A regular expression that nests quantifiers, or puts two that read the same characters
side by side, can take exponential or quadratic time on a line made of the characters
they read: «Artikel 13.11.11.11…!» (digits and dots) took a minute for 540 bytes, a
100 kB paragraph of «wordt wordt …» ten seconds. This module holds

* ``FAMILIES``: each such input found so far, as a function of its size, with the reader
  it reaches (``tests/test_linear_time.py`` runs each at a size that took far longer than
  its bound before the fix; ``bench/linear_time.py`` fits the growth over sizes);
* ``adversarial_line``: a generator of lines of nested repetitions of the tokens the
  patterns read (digits and dots, quotes, commas, «Artikel», «wordt», «treedt», spaces);
* ``run_everywhere``: one line through every reader of act and law text, in every place
  a line can stand (the first paragraph of an ARTIKEL, an instruction, quoted content, an
  ARTIKEL that amends nothing, the closing, an entry-into-force article, a law text, a
  volzin, a date, an inhoudsopgave entry). ``tools/fuzz.py --targets adversarial`` runs
  it on generated lines.
"""
from __future__ import annotations

import datetime as _dt
import math
import random
from dataclasses import dataclass
from typing import Callable

from consolidator.errors import ConsolidatorError

ACT = """Wet van 1 januari 2000 tot wijziging van de Wet op het basisonderwijs

ARTIKEL I

{first}

A

{sentence}

{content}

ARTIKEL II

{article}

ARTIKEL III

Deze wet treedt in werking met ingang van 1 januari 2001.

{closing}
"""
FIRST = "De Wet op het basisonderwijs wordt gewijzigd als volgt:"
SENTENCE = "Na artikel 5 wordt een artikel ingevoegd, luidende:"
CONTENT = "Artikel 5a. Nieuw"
ARTICLE = "Deze wet wordt aangehaald als: Wet nieuw."
CLOSING = "Uitgegeven de tweede januari 2000"


def act(first: str = FIRST, sentence: str = SENTENCE, content: str = CONTENT,
        article: str = ARTICLE, closing: str = CLOSING) -> str:
    """A small act with one of its lines replaced (``article``: the text of ARTIKEL II,
    an ARTIKEL that amends nothing: samenloop, transitional, other)."""
    return ACT.format(first=first, sentence=sentence, content=content, article=article,
                      closing=closing)


# --------------------------------------------------------------------------- readers

def read_act(text: str) -> None:
    from consolidator.read.act import parse_act
    parse_act(text, source="adversarial.txt")


def read_iwt(text: str) -> None:
    from consolidator.model import Article, Span
    from consolidator.read.iwt import rules_from_article
    paras = tuple(line.strip() for line in text.splitlines() if line.strip()) or ("x",)
    article = Article(number="II", kind="entry-into-force", text=paras, span=Span(1, 1))
    rules_from_article(article, "adversarial.txt", lines=text.splitlines(),
                       published=_dt.date(2000, 1, 1), stb="2000, 1")


def read_law_text(text: str) -> None:
    from consolidator.law.lawtext import parse_law_text
    parse_law_text(text, source="adversarial.txt", bwb_id="BWBR0000001",
                   date=_dt.date(2000, 1, 1))


def read_volzinnen(text: str) -> None:
    from consolidator.apply.volzin import spans
    spans(text)


def read_date(text: str) -> None:
    from consolidator.dates import find_date
    find_date(text)


def read_toc_entry(text: str) -> None:
    from consolidator.views.check_snapshot import toc_article_number
    toc_article_number(text)


READERS: dict[str, Callable[[str], None]] = {
    "act": read_act, "iwt": read_iwt, "law-text": read_law_text, "volzin": read_volzinnen,
    "date": read_date, "toc": read_toc_entry,
}


def run(reader: str, text: str) -> None:
    """``text`` through one reader; the project's own errors are a fine answer."""
    try:
        READERS[reader](text)
    except ConsolidatorError:
        pass


# --------------------------------------------------------------------------- known inputs

@dataclass(frozen=True)
class Family:
    """Inputs of one shape, by size: ``build(n)`` is the text ``reader`` reads."""

    name: str
    reader: str
    build: Callable[[int], str]
    test_size: int       # the size the suite runs (far over its bound before the fix)
    sizes: tuple         # the sizes the bench fits the growth over
    was: str             # what it took before the fix, at the test size


def _content_lines(n: int) -> str:
    lines = "\n\n".join(f"• {k}. x" for k in range(1, n + 1))
    return act(sentence="Artikel 6 komt te luiden:", content="Artikel 6\n\n" + lines)


IWT_TAIL = "treedt in werking met ingang van 1 januari 2000."
FAMILIES = [
    Family("content-article-digits", "act", lambda n: act(content="Artikel 13" + ".11" * n + "!"),
           30, (5000, 10000, 20000, 40000), "exponential: ×2 per «.11»; 24 parts 5 s, 30 over a minute"),
    Family("intro-wordt", "act", lambda n: act(first="De Wet X wordt " * n + "x"),
           6700, (6700, 13400, 26800, 53600), "quadratic: 100 kB 18 s"),
    Family("subject-first", "act", lambda n: act(first="Artikel " + "a" * n),
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 20 kB 8 s, 100 kB over a minute"),
    Family("treedt-in-werking", "act", lambda n: act(first="Deze wet treedt " * n + "x"),
           6250, (6250, 12500, 25000, 50000), "quadratic: 100 kB 9 s"),
    Family("condition-op-of-na", "act",
           lambda n: act(first="Indien de wet in werking " + "op of na het tijdstip waarop " * n
                         + "x wordt deze wet gewijzigd als volgt:"),
           20000, (40000, 80000, 160000, 320000), "quadratic: 100 kB 0.45 s, 580 kB about 15 s"),
    Family("date-in-words", "act", lambda n: act(closing="Uitgegeven de " + "a" * n),
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 20 kB 12 s, 100 kB over a minute"),
    Family("unclosed-quotes", "act",
           lambda n: act(sentence="In artikel 1 wordt " + "„x " * n + ": y."),
           33000, (33000, 66000, 132000, 264000), "quadratic: 60 kB 22 s, 100 kB over a minute"),
    Family("content-lines", "act", _content_lines,
           64000, (16000, 32000, 64000, 128000), "quadratic: 3.3 MB 26–33 s, 6.7 MB 78 s"),
    Family("blijft-van-toepassing", "act", lambda n: act(article="Het blijft " * n + "x"),
           10000, (10000, 20000, 40000, 80000), "quadratic: 28 kB 2.1 s, 110 kB about 30 s"),
    Family("quote-then-verb", "act", lambda n: act(article="«x " * n),
           33000, (33000, 66000, 132000, 264000), "quadratic: 25 kB 7 s, 100 kB about 2 minutes"),
    Family("withdrawn-name", "act", lambda n: act(article="De A" + "a" * n),
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 25 kB 21 s, 100 kB about 5 minutes"),
    Family("samenloop-van-de", "act", lambda n: act(article="Indien " + "van de X " * n + "x"),
           11000, (11000, 22000, 44000, 88000), "quadratic: 25 kB 2.1 s, 100 kB about 30 s"),
    Family("other-act-spaces", "iwt",
           lambda n: "De wet van 1 januari 1996 (Stb. 1)" + " " * n + "x " + IWT_TAIL,
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 20 kB 4.7 s, 100 kB over a minute"),
    Family("law-name-spaces", "iwt", lambda n: "De Wet X" + " " * n + "y " + IWT_TAIL,
           100_000, (100_000, 200_000, 400_000, 800_000), "cubic: 1000 spaces 15 s"),
    Family("withdrawn-spaces", "iwt", lambda n: "De Wet X" + " " * n + "y wordt ingetrokken.",
           100_000, (100_000, 200_000, 400_000, 800_000), "cubic: 1000 spaces 13 s, 2000 spaces 101 s"),
    Family("this-act-spaces", "iwt", lambda n: "Deze wet" + " " * n + "x " + IWT_TAIL,
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 5 kB 9 s"),
    Family("parent-spaces", "iwt", lambda n: "De artikelen 1 van de wet" + " " * n + "x " + IWT_TAIL,
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 5 kB 4.8 s, 10 kB 24 s"),
    Family("publication-spaces", "iwt",
           lambda n: "Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van "
                     "het Staatsblad" + " " * n + "x",
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 10 kB 16 s"),
    Family("day-spaces", "iwt",
           lambda n: "Deze wet treedt in werking op de eerste dag" + " " * n + "x",
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 5 kB 7.4 s"),
    Family("tied-spaces", "iwt",
           lambda n: "Deze wet treedt in werking op het tijdstip waarop de Wet X" + " " * n
                     + "y in werking treedt.",
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 4 kB 2.3 s"),
    Family("event-spaces", "iwt",
           lambda n: "Deze wet treedt in werking op het tijdstip waarop x" + " " * n + "y",
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 4 kB 3.2 s"),
    Family("abbreviation-periods", "iwt", lambda n: "De Wet " + "Stb." * n + "»",
           25000, (25000, 50000, 100_000, 200_000),
           "quadratic: 20 kB 2.4 s, 40 kB 8.7 s (the lid's sentences), 100 kB about a minute"),
    Family("note-medium-words", "iwt",
           lambda n: "Deze wet treedt in werking met ingang van 1 januari 2000 en wordt "
                     + "Staatsblad " * n + "x",
           10000, (10000, 20000, 40000, 80000),
           "quadratic: 44 kB 2.1 s, 88 kB 8.6 s (a note's wording, read after each «Staatsblad»)"),
    Family("condition-bill-tabs", "iwt", lambda n: "Indien " + "\t" * n + "x",
           100_000, (100_000, 200_000, 400_000, 800_000),
           "quadratic: 10 kB 1.3 s, 20 kB 5.1 s, 55 kB 45 s (fuzz finding adversarial-s1-n2676)"),
    Family("decree-year-spaces", "iwt",
           lambda n: "Deze wet treedt in werking met ingang van 1 januari van het krachtens"
                     + " " * n + "x",
           100_000, (100_000, 200_000, 400_000, 800_000), "cubic: 5000 spaces over 30 s"),
    Family("minister-spaces", "iwt",
           lambda n: "Deze wet treedt in werking op een door de minister" + " " * n + "x",
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 5 kB 2.4 s, 10 kB 8.9 s"),
    Family("may-differ-spaces", "iwt",
           lambda n: "Het in de eerste volzin bedoelde tijdstip kan voor" + " " * n + "x",
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 10 kB 1.5–2.6 s"),
    Family("note-spaces", "iwt",
           lambda n: "Deze wet treedt in werking met ingang van 1 januari 2000 ten behoeve van"
                     + " " * n + "x",
           100_000, (100_000, 200_000, 400_000, 800_000), "quadratic: 10 kB 0.7 s, 20 kB 2.6 s"),
    Family("toc-entry-spaces", "toc", lambda n: "Artikel" + " " * n + "x",
           100_000, (1_000_000, 2_000_000, 4_000_000, 8_000_000), "quadratic: 20 kB 4 s, 100 kB 143 s"),
    Family("volzin-sentences", "volzin", lambda n: "Een zin. " * n,
           40000, (40000, 80000, 160000, 320000), "quadratic: 360 kB 20 s"),
    Family("volzin-tabs", "volzin", lambda n: "a.\t" * n,
           80000, (40000, 80000, 160000, 320000), "quadratic: 120 kB 5.8 s, 240 kB about 23 s"),
]


# --------------------------------------------------------------------------- generated lines

#: what the patterns read: digits and dots, quotes, commas, spaces and the words they look for
TOKENS = ["1", "11", ".", ".1", ".11", "13.", "1a", "«", "»", "„", "“", "”", "‘", "’", '"', ",",
          ", ", " ", "  ", "\t", "a", "aa", "x1", ":", "(", ")", ")1", "Artikel ", "ARTIKEL ",
          "artikel ", "wordt ", "worden ", "treedt ", "treden ", "in werking ", "werkt terug ",
          "gewijzigd als volgt", "wijzigingen aangebracht", "op of na het tijdstip waarop ",
          "Stb.", "(Stb. 1)", "de ", "van ", "Wet ", "Kamerstukken ", "§ ", "[Vervallen",
          "a.", "tot en met ", "en ", "I", "°", "• ", "blijft ", "van toepassing", "Indien ",
          "ingetrokken", "vervalt"]
PREFIXES = ["", "Artikel 1", "Artikel 13", "ARTIKEL ", "De Wet ", "Deze wet ", "Indien ",
            "In artikel 1 wordt ", "De wet van 1 januari 1996 (Stb. 1) ", "De wet van 1 januari 1996 ",
            "Uitgegeven de ", "§ ", "1. ", "• 1. ", "a. ", "Kamerstukken II 1995/96, 1/2, ", "[ARTIKEL "]
SUFFIXES = ["", "!", ":", ".", " x", "»", " treedt in werking.", " wordt gewijzigd als volgt:"]


def _nested(rng: random.Random, depth: int) -> str:
    """A group of tokens repeated, each itself a repeated group (``depth`` levels)."""
    if depth == 0:
        return rng.choice(TOKENS)
    parts = [_nested(rng, depth - 1) for _ in range(rng.randint(1, 3))]
    return "".join(parts) * rng.randint(2, 8)


def adversarial_line(rng: random.Random, max_length: int = 60_000) -> str:
    """One line: a prefix, a nested repetition grown to a random length (log-uniform up to
    ``max_length``; short ones find exponential cases, long ones quadratic ones), a suffix."""
    group = _nested(rng, rng.randint(0, 3)) or "1"
    length = int(10 ** rng.uniform(1.5, math.log10(max_length)))
    body = group * max(1, length // len(group))
    return (rng.choice(PREFIXES) + body + rng.choice(SUFFIXES)).replace("\n", " ")


def make_input(rng: random.Random) -> str:
    """A generated line (mostly) or a known input at a random size."""
    if rng.random() < 0.1:
        family = rng.choice(FAMILIES)
        return f"{family.name}\t{rng.choice(family.sizes[:2])}"
    return adversarial_line(rng)


def run_everywhere(data: str) -> None:
    """A line (or «family\\tsize») through every reader, in every place a line stands."""
    name, _, size = data.partition("\t")
    family = next((f for f in FAMILIES if f.name == name), None)
    if family is not None and size.isdigit():
        run(family.reader, family.build(int(size)))
        return
    line = data
    for text in (act(first=line), act(sentence=line), act(content=line), act(article=line),
                 act(closing=line)):
        run("act", text)
    run("iwt", line)
    run("law-text", f"Wet\nArtikel 1\n{line}\n")
    run("law-text", f"Wet\n{line}\n")
    for reader in ("volzin", "date", "toc"):
        run(reader, line)

"""The units a redline compares: the citeertitel, the inhoudsopgave, every structural
heading and every article of one version, each as the plain law text ``show`` prints.

Reading an article's text is the costly part of a view, and most articles read the same
from one version to the next. Each article therefore gets a digest first, from what its
text is made of: its XML (``etree.tostring``, read by lxml, not walked in Python), the
change-list entries of the elements in it (the dates of repealed leden), whether it is the
article ``show --artikel`` would print for its number (``ArticleIndex.preferred``; an
article whose number occurs twice is printed on its own) and whether the law is withdrawn
(then nothing is printed). Two articles with the same digest have the same text, repeal
and version stamp, so ``compare`` passes over them without reading either, and
``UnitReader`` reads the text of each digest once for all versions of a law.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import NamedTuple, Optional

from lxml import etree

from consolidator.law import history, lawtext
from consolidator.law.artindex import ArticleIndex
from consolidator.law.elements import (
    artikel_number, heading_info, is_heading, is_repealed, version_stamp, wettekst,
)
from consolidator.law.toc import toc_element, toc_entries
from consolidator.law.toestand import law_title, new_toestand


@dataclass(frozen=True)
class Unit:
    """One comparable part of a law text, as the plain law text prints it."""

    kind: str          # "title", "inhoudsopgave", "heading" or "artikel"
    key: str           # unique within a version: "artikel 105a1", "heading Hoofdstuk III/§ 3a"
    label: str         # for people: "Artikel 105a1", "§ 3a", "Inhoudsopgave"
    number: str        # the article's number ("" for other kinds)
    text: str          # plain law text, lines joined by "\n", no final newline
    repealed: bool
    stamp: str         # BWB's own version stamp of the element ("" when none)
    changes: tuple     # history.Change entries of the element and everything in it
    depth: int         # how many headings hold it (0: directly in the wettekst)
    parents: tuple     # keys of the headings that hold it, outermost first


class Slot(NamedTuple):
    """A unit found in a version before its text is read: a heading or another unit
    already made (``unit``), or an article with its digest (``el``, ``digest``)."""

    key: str
    unit: Optional[Unit]
    el: object
    digest: tuple
    parents: tuple
    number: str = ""


class _Article(NamedTuple):
    """What an article's digest stands for (everything of its unit but its place)."""

    text: str
    repealed: bool
    stamp: str
    changes: tuple


class UnitReader:
    """Cuts versions into units, reading each article text once per digest: one reader
    for every version of a law reads an unchanged article once."""

    def __init__(self):
        self._articles: dict[tuple, _Article] = {}
        self._holder = None   # the empty law an article printed on its own is copied into

    def units(self, tree) -> list[Unit]:
        """The units of one version in document order."""
        return [self.unit(slot) for slot in self.slots(tree)]

    def unit(self, slot: Slot) -> Unit:
        if slot.unit is not None:
            return slot.unit
        article = self._articles.get(slot.digest)
        if article is None:
            article = self._articles[slot.digest] = self._read(slot)
        nr = slot.number
        return Unit("artikel", slot.key, f"Artikel {nr}", nr, article.text, article.repealed,
                    article.stamp, article.changes, len(slot.parents), slot.parents)

    def slots(self, tree) -> list[Slot]:
        """The units of one version in document order, articles not yet read."""
        found = [Slot("title", Unit("title", "title", "Citeertitel", "", law_title(tree), False,
                                    "", (), 0, ()), None, (), ())]
        log = history.change_log(tree)
        toc = toc_element(tree)
        if toc is not None:
            found.append(Slot("inhoudsopgave", Unit(
                "inhoudsopgave", "inhoudsopgave", "Inhoudsopgave", "",
                "\n".join([lawtext.TOC_LINE] + toc_entries(tree)), False, "",
                _subtree_changes(toc, log), 0, ()), None, (), ()))
        walk = _Walk(log, found)
        body = wettekst(tree)
        walk.visit(body, (), ())
        digest = _Digests(tree, body, walk, log)
        return [slot if type(slot) is Slot else  # noqa: E721 (an article: (key, el, parents, nr))
                Slot(slot[0], None, slot[1], digest(slot[1], slot[3]), slot[2], slot[3])
                for slot in found]

    def _read(self, slot: Slot) -> _Article:
        el = slot.el
        chosen, withdrawn, log = slot.digest[0], slot.digest[1], slot.digest[-1]
        if not chosen:
            text = self._text_alone(el)
        else:
            text = "" if withdrawn else _joined(lawtext.article_lines(el))
        return _Article(text, is_repealed(el), version_stamp(el),
                        _subtree_changes(el, dict(log)))

    def _text_alone(self, el) -> str:
        """An article whose number occurs twice and that ``show --artikel`` does not print,
        printed from an otherwise empty law: there a repealed lid or list item shows no
        date, as its date is logged in the change list of the document it came from."""
        if self._holder is None:
            self._holder = new_toestand(None, "")
        body = wettekst(self._holder)
        for child in list(body):
            body.remove(child)
        body.append(copy.deepcopy(el))
        return _joined(lawtext.article_lines(body[0]))


def _joined(lines: list) -> str:
    """The lines as ``render_law_text`` writes them, without the final newlines."""
    return "".join(line.rstrip() + "\n" for line in lines).rstrip("\n")


_ID = re.compile(r' id="([^"]*)"')


class _Walk:
    """One pass over a wettekst: a slot per heading and, per article, its key, element,
    headings and number in document order (its slot is made when every number is known)."""

    def __init__(self, log: dict, found: list):
        self.log, self.found = log, found
        self.keys: dict[str, int] = {}
        self.numbers: dict[str, int] = {}   # how often each article number occurs

    def visit(self, el, path: tuple, parents: tuple) -> None:
        for child in el:
            tag = child.tag
            if tag == "artikel":
                nr = artikel_number(child)
                self.numbers[nr] = self.numbers.get(nr, 0) + 1
                self.found.append((self._unique(f"artikel {nr}"), child, parents, nr))
            elif not isinstance(tag, str):
                continue
            elif is_heading(child):
                unit = self._heading(child, path, parents)
                self.found.append(Slot(unit.key, unit, None, (), parents))
                self.visit(child, path + (unit.label,), parents + (unit.key,))
            else:
                self.visit(child, path, parents)

    def _unique(self, key: str) -> str:
        seen = self.keys[key] = self.keys.get(key, 0) + 1
        return key if seen == 1 else f"{key} #{seen}"

    def _heading(self, el, path: tuple, parents: tuple) -> Unit:
        head = heading_info(el)
        label = " ".join(p for p in (head.label, head.nr) if p) or head.titel
        repealed = is_repealed(el)
        if repealed:
            date = history.repealed_on(el)
            text = f"{label} [Vervallen per {date.isoformat()}]" if date else f"{label} [Vervallen]"
        else:
            text = f"{label}. {head.titel}" if head.titel and label != head.titel else label
        key = self._unique("heading " + "/".join(path + (label,)))
        return Unit("heading", key, label, "", text, repealed, version_stamp(el),
                    tuple(history.changes(el, self.log)), len(parents), parents)


class _Digests:
    """The digest of each article of one version (see the module's docstring)."""

    def __init__(self, tree, body, walk: _Walk, log: dict):
        self.log = log
        self.withdrawn = history.withdrawn(tree) is not None
        self.numbers = walk.numbers
        # every article walked is every article ``find_article`` sees (none inside another
        # article): a number that occurs once is then that article's own
        self.all_walked = body.xpath("count(.//artikel)") == sum(walk.numbers.values())
        self.index = ArticleIndex(tree)

    def __call__(self, el, nr: str) -> tuple:
        """What the article's unit is made of; the change-list entries last, as
        (id, changes) pairs. The XML itself is the digest's core: comparing or hashing
        its text is done by the interpreter, not element by element in Python."""
        # as text: lxml writes that a fifth quicker than bytes (which would be ASCII with
        # every other character as a reference)
        data = etree.tostring(el, with_tail=False, encoding=str)
        # an attribute's value is quoted: an article without «"» (no attribute at all)
        # is passed over with one scan for a single character, quicker than for « id="»
        logged = self._logged(el, data) \
            if self.log and '"' in data and ' id="' in data else ()
        return (self._chosen(el, nr), self.withdrawn, data, logged)

    def _chosen(self, el, nr: str) -> bool:
        """Whether ``show --artikel nr`` prints this article (``find_article``'s choice)."""
        if self.all_walked and self.numbers[nr] == 1:
            return True
        return self.index.preferred(nr) is el

    def _logged(self, el, data: str) -> tuple:
        ids = _ID.findall(data)
        if any("&" in found for found in ids):  # an escaped id: read the ids from the tree
            names = [node.get("id") for node in el.iter() if isinstance(node.tag, str)]
        else:
            names = ids
        return tuple((name, tuple(self.log[name])) for name in dict.fromkeys(names)
                     if name and name in self.log)


def _subtree_changes(el, log: dict) -> tuple:
    return tuple(change for node in el.iter() if isinstance(node.tag, str)
                 for change in history.changes(node, log))


def units(tree) -> list[Unit]:
    """The units of one version in document order."""
    return UnitReader().units(tree)

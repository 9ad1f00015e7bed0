"""The elements of a BWB law: building them, reading their numbers and text, finding
them. With the other modules of this package, the only code that knows BWB element names.

A law is an ``lxml`` tree in the official BWB toestand format (XSD 2016-1, in
``consolidator/schema``): ``toestand > wetgeving > wet-besluit > wettekst >
hoofdstuk/titeldeel/afdeling/paragraaf > artikel (kop) > lid (lidnr, al) >
lijst > li (li.nr, al)``. Everything this module builds validates against that
schema.

A repealed artikel keeps its ``kop``; its content becomes
``<al><redactie type="vervanging">Vervallen</redactie></al>``. A repealed lid or li
keeps its number, its content becomes ``Vervallen.`` / ``vervallen;`` in the same way
(``is_repealed`` reads both; ``history.mark_repealed`` writes them).
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterator, NamedTuple, Optional

from lxml import etree

from consolidator.errors import LawFormatError

# --------------------------------------------------------------------------- navigation

def root_of(tree) -> etree._Element:
    """The root element of a tree, or of the document an element is in."""
    if isinstance(tree, etree._ElementTree):
        return tree.getroot()
    return tree.getroottree().getroot()


def first_child(el, tag: str):
    """``el.find(tag)`` for a plain tag name: its first child of that tag, or None."""
    count = len(el)
    # mostly one of the first few (a lidnr, a kop, a kop's nr after its label): those are
    # looked at one by one, which costs less than setting up lxml's filtered iterator
    for at in range(min(count, 4)):
        child = el[at]
        if child.tag == tag:
            return child
    return next(el.iterchildren(tag), None) if count > 4 else None


def _child_path(el, tags: tuple):
    """What ``el.find("a/b/c")`` finds for ``tags`` ("a", "b", "c"): the first match in
    document order. ``find`` reads its path in Python on every call; walking the
    children with lxml's own tag filter is several times faster, and the engine
    asks this for every instruction."""
    head, rest = tags[0], tags[1:]
    for child in el.iterchildren(head):
        found = _child_path(child, rest) if rest else child
        if found is not None:
            return found
    return None


def has_ancestor(el, ancestor) -> bool:
    """``any(a is ancestor for a in el.iterancestors())``, walked by ``getparent``: the
    walk is a few steps, and setting up lxml's iterator costs more than they do."""
    node = el.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def wettekst(tree) -> etree._Element:
    """The ``wettekst`` element (the body that holds headings and articles)."""
    found = _child_path(root_of(tree), ("wetgeving", "wet-besluit", "wettekst"))
    if found is None:
        raise LawFormatError("no wetgeving/wet-besluit/wettekst in this document")
    return found


def iso_date(date) -> str:
    """A date as BWB attributes write it (``1997-01-01``)."""
    return date.isoformat() if isinstance(date, (_dt.date, _dt.datetime)) else str(date)


# --------------------------------------------------------------------------- text

_SKIP_TEXT = {"meta-data", "noot", "jcis"}


def _texts(el) -> Iterator[str]:
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _SKIP_TEXT:
            yield from _texts(child)
        if child.tail:
            yield child.tail


def version_stamp(el) -> str:
    """What BWB records about an element's own version (``versie-id``, ``inwerking``,
    ``bron``): BWB gives an article a new version even when an amendment could not
    be carried out and its text stayed the same (DHW art. 42 and 46, Stb. 2010, 269)."""
    return "|".join(el.get(name, "") for name in ("versie-id", "inwerking", "bron"))


def al_text(el) -> str:
    """The element's text with inline markup flattened and whitespace runs collapsed.

    Metadata and footnotes are left out.
    """
    # str.split() takes Unicode whitespace as a regex's \s does: joining the words
    # collapses runs and strips, without a regex pass
    if len(el) == 0:
        text = el.text  # read once: lxml makes a new string on every read
        return collapsed(text) if text else ""
    return " ".join("".join(_texts(el)).split())


def collapsed(text: str) -> str:
    """``" ".join(text.split())``: the words one space apart, none at the ends. A text
    of ASCII that is so already (the usual alinea: the engine writes them so) is given
    back as it is, found with a few scans that make nothing, not a list of its words."""
    if text.isascii() and text[:1] != " " and text[-1:] != " " and "  " not in text \
            and "\n" not in text and "\t" not in text and "\r" not in text \
            and "\x0b" not in text and "\x0c" not in text and "\x1c" not in text \
            and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text:
        return text  # its only white space is single spaces between words
    return " ".join(text.split())


def set_text(el, text: str) -> None:
    """Replace all content of a text element (``al``, ``titel``) by plain text; its tail
    stays (lxml moves a removed child's tail with it, and ``text`` is inside el)."""
    for child in list(el):
        el.remove(child)
    el.text = text


# --------------------------------------------------------------------------- builders

#: heading kind (as the apply engine names it) -> BWB element
HEADING_TAGS = {"boek": "boek", "deel": "deel", "hoofdstuk": "hoofdstuk", "titel": "titeldeel",
                "afdeling": "afdeling", "paragraaf": "paragraaf",
                "subparagraaf": "sub-paragraaf"}
_HEADING_KINDS = {tag: kind for kind, tag in HEADING_TAGS.items()}
#: the label word BWB prints in the kop of each kind
HEADING_LABELS = {"boek": "Boek", "deel": "Deel", "hoofdstuk": "Hoofdstuk", "titel": "Titel",
                  "afdeling": "Afdeling", "paragraaf": "§", "subparagraaf": "§"}


def _kop(parent, label: str, nr: str, titel: str = "") -> etree._Element:
    """The kop of ``parent``, made in its document (as its last child)."""
    kop = etree.SubElement(parent, "kop")
    etree.SubElement(kop, "label").text = label
    if nr:
        etree.SubElement(kop, "nr").text = nr
    if titel:
        etree.SubElement(kop, "titel").text = titel
    return kop


def make_artikel(nr: str, titel: str = "") -> etree._Element:
    """``<artikel><kop><label>Artikel</label><nr>nr</nr>[<titel>]</kop></artikel>``.

    The schema needs content after the kop: add ``al``/``lid``/``lijst``
    children (``ensure_content`` adds an empty ``al`` when there are none).
    """
    el = _ARTIKELS[bool(nr), bool(titel)].__copy__()
    kop = el[0]
    if nr:
        kop[1].text = nr
    if titel:
        kop[2 if nr else 1].text = titel
    return el


def make_lid(nr: str, texts=()) -> etree._Element:
    """A lid numbered ``nr`` (``"2a"``, no dot) with one ``al`` per text."""
    if isinstance(texts, (list, tuple)) and len(texts) == 1:  # the usual lid: one al
        el = _LID_AL.__copy__()
        el[0].text = nr
        el[1].text = texts[0]
        return el
    el = _LID.__copy__()
    el[0].text = nr
    for text in texts:  # ``make_al`` of each, made in the lid's document
        etree.SubElement(el, "al").text = text
    return el


def make_al(text: str) -> etree._Element:
    """An alinea."""
    el = _AL.__copy__()
    el.text = text
    return el


def make_lijst(items=()) -> etree._Element:
    """A list holding the given ``li`` elements."""
    el = _LIJST.__copy__()
    for item in items:
        el.append(item)
    return el


def make_li(label: str, text: str = "") -> etree._Element:
    """A list item: label as the law writes it (``"a."``, ``"1°."``) and its text."""
    el = _LI.__copy__()
    el[0].text = label
    el[1].text = text  # li needs content; an empty al keeps it valid
    return el


def _skeleton(tag: str, *children: str, **attributes: str) -> etree._Element:
    """An element with empty children, made in a document of its own."""
    el = etree.Element(tag, **attributes)
    for child in children:
        etree.SubElement(el, child)
    return el


def _artikel_skeleton(nr: bool, titel: bool) -> etree._Element:
    """What ``_kop`` makes in an artikel, with an nr and a titel or not, but their texts."""
    el = etree.Element("artikel")
    kop = etree.SubElement(el, "kop")
    etree.SubElement(kop, "label").text = "Artikel"
    if nr:
        etree.SubElement(kop, "nr")
    if titel:
        etree.SubElement(kop, "titel")
    return el


#: the skeletons the builders copy: a copy (lxml's ``__copy__`` copies the whole element
#: into a document of its own, as ``etree.Element`` makes one) costs a fraction of making
#: the elements anew, whose tag and attribute names lxml checks each time; made by hand,
#: not parsed, so that no line number comes with them. Each builder sets the texts of its
#: copy as it set those of the new elements (so an empty text is written as before).
_LID, _LID_AL = _skeleton("lid", "lidnr"), _skeleton("lid", "lidnr", "al")
_AL, _LI = _skeleton("al"), _skeleton("li", "li.nr", "al")
_LIJST = _skeleton("lijst", type="expliciet")
_ARTIKELS = {(nr, titel): _artikel_skeleton(nr, titel) for nr in (False, True)
             for titel in (False, True)}


def make_heading(kind: str, nr: str, titel: str = "", label: Optional[str] = None) -> etree._Element:
    """A structural division: kind is hoofdstuk, titel, afdeling or paragraaf.

    BWB writes a paragraaf's kop label as ``§``; pass ``label`` to keep another
    spelling (``"Paragraaf"``).
    """
    if kind not in HEADING_TAGS:
        raise ValueError(f"unknown heading kind {kind!r}")
    el = etree.Element(HEADING_TAGS[kind])
    _kop(el, label or HEADING_LABELS[kind], nr, titel)
    return el


def ensure_content(el) -> None:
    """Give an artikel or li with nothing after its kop/number an empty ``al``."""
    if len([c for c in el if c.tag not in ("kop", "li.nr", "meta-data")]) == 0:
        el.append(make_al(""))


# --------------------------------------------------------------------------- readers

class Heading(NamedTuple):
    """What a structural heading says: ``Heading("paragraaf", "§", "3a", "Titel")``."""

    kind: str
    label: str
    nr: str
    titel: str


def is_artikel(el) -> bool:
    return el.tag == "artikel"


def is_lid(el) -> bool:
    return el.tag == "lid"


def is_lijst(el) -> bool:
    return el.tag == "lijst"


def is_li(el) -> bool:
    return el.tag == "li"


def is_al(el) -> bool:
    return el.tag == "al"


def is_heading(el) -> bool:
    return el.tag in _HEADING_KINDS


def kop_parts(el) -> tuple[str, str, str]:
    """The label, number and opschrift in el's kop, as flat text (``""`` when absent)."""
    kop = first_child(el, "kop")
    if kop is None:
        return "", "", ""
    texts = []
    for tag in ("label", "nr", "titel"):
        part = first_child(kop, tag)
        texts.append(al_text(part) if part is not None else "")
    return texts[0], texts[1], texts[2]


def heading_info(el) -> Heading:
    """Kind, label, number and opschrift of a structural heading."""
    label, nr, titel = kop_parts(el)
    if not nr and " " in label:  # older BWB puts the number in the label: «§ 8»
        label, nr = label.split(" ", 1)
    return Heading(_HEADING_KINDS.get(el.tag, el.tag), label, nr, titel)


def artikel_number(el) -> str:
    """``"12"`` for Artikel 12; older BWB files put it in the label («Artikel 3a»)."""
    # an article index and the views read the number of every article of the law, so
    # the usual layout, «<artikel><kop><label>…</label><nr>12</nr>», is looked at first
    # by position: the first kop and its first nr, without counting or searching
    try:
        kop = el[0]
        label, nr = kop[0], kop[1]
    except IndexError:
        nr = None
    if nr is None or kop.tag != "kop" or nr.tag != "nr" or label.tag == "nr":
        kop = first_child(el, "kop")
        nr = first_child(kop, "nr") if kop is not None else None
    plain = plain_number(nr) if nr is not None else None
    if plain is not None:  # the common case, without flattening markup
        return plain
    label, nr, _ = kop_parts(el)
    if nr:
        return nr
    return label.split(" ", 1)[1] if " " in label else ""


def plain_number(nr) -> Optional[str]:
    """The number an ``nr`` element of plain text holds, its white space collapsed; None
    when it holds markup or no word (``artikel_number`` then reads the whole kop)."""
    if len(nr):
        return None
    text = nr.text  # read once: lxml makes a new string on every read
    if text and text.isdecimal():  # «12»: nothing to collapse
        return text
    return " ".join(text.split()) if text and not text.isspace() else None


def artikel_titel(el) -> str:
    """The article's opschrift, or ``""``."""
    return kop_parts(el)[2]


def lid_number(el) -> str:
    """``"2a"`` for lid 2a (a trailing dot in the source is dropped)."""
    try:
        nr = el[0]  # ``first_child`` inlined: asked for every lid an instruction passes
    except IndexError:  # no children (counting them first would walk them all)
        return ""
    if nr.tag != "lidnr":
        nr = next(el.iterchildren("lidnr"), None)
        if nr is None:
            return ""
    if not len(nr):  # plain text, the usual case: ``al_text`` without the call
        text = nr.text  # read once: lxml makes a new string on every read
        if text and text.isdecimal():  # «2»: no space or dot to take off
            return text
        return " ".join(text.split()).rstrip(".") if text else ""
    return al_text(nr).rstrip(".")


def li_label(el) -> str:
    """The list item's label as written: ``"a."``, ``"1°."``, or ``""``."""
    nr = first_child(el, "li.nr")
    return al_text(nr) if nr is not None else ""


#: elements whose schema allows a ``status`` attribute
HAS_STATUS = {"artikel", "boek", "deel", "hoofdstuk", "titeldeel", "afdeling", "paragraaf",
              "sub-paragraaf", "officiele-inhoudsopgave", "bijlage"}
_REPEAL_WORDS = re.compile(r"^vervallen[.;]?$", re.IGNORECASE)


_NOT_CONTENT = ("lidnr", "li.nr", "kop", "meta-data")  # the children around a repeal's text


def _is_repeal_text(el) -> bool:
    content = None  # the one child that is not a label, kop or metadata
    for child in el:
        if child.tag in _NOT_CONTENT:
            continue
        if content is not None:  # a second one: text, not a repeal (no need to look further)
            return False
        content = child
    if content is None or content.tag != "al":
        return False
    return _is_repeal_al(content)


def _is_repeal_al(content) -> bool:
    """Whether an al, the one content child of an element, is BWB's repeal text."""
    redactie = first_child(content, "redactie")
    if redactie is None or redactie.get("type") != "vervanging":
        return False
    # the usual repeal, «<al><redactie …>Vervallen.</redactie></al>»: the al's text is the
    # redactie's own, read without flattening the al
    plain = len(content) == 1 and content.text is None and redactie.tail is None \
        and not len(redactie)
    text = collapsed(redactie.text or "") if plain else al_text(content)
    return bool(_REPEAL_WORDS.match(text))


def is_repealed(el) -> bool:
    """True when el is vervallen (by status attribute or BWB's «Vervallen» text)."""
    # the name as bytes: lxml encodes a str name to UTF-8 on every call (asked thousands
    # of times an apply); the same attribute is read
    if el.get(b"status") == "vervallen":
        return True
    tag = el.tag  # read once: lxml makes a new string on every read
    if tag not in ("artikel", "lid", "li"):
        return False
    # The repeal text is the one content child, an al holding a redactie: an element
    # whose first al has no children at all is live, the common case, decided without
    # walking its children in Python; so is one whose second child is content but no al
    # (an artikel's first lid after its kop). A lid's or list item's first al nearly
    # always follows its number: looked at there first (lxml's tag filter costs more to
    # set up than two children cost to read), else found by the filter.
    # the second child read at once (counting the children costs more than reading it;
    # an element without one is rare and pays for the IndexError)
    try:
        child = el[1]
    except IndexError:
        child = None
    if child is not None:
        second = child.tag
        if second != "al" and second not in _NOT_CONTENT:
            # a content child that is no al (an artikel's lid after its kop): text, not
            # a repeal, which is the one content child, an al
            return False
        if second == "al" and not len(child):
            # an al with no children holds no redactie: it is no repeal text, and neither
            # is an element with another content child beside it (the first child need not
            # be read: a lid's number, or content)
            return False
        if second == "al":
            first = el[0].tag
            if first in _NOT_CONTENT and child.getnext() is None:  # just two children
                # the usual repealed lid or item, «<lidnr>…</lidnr><al><redactie …>»: this
                # al is its one content child, read without another pass over the children
                return _is_repeal_al(child)
            al = child if first != "al" else next(el.iterchildren("al"), None)
        else:
            al = next(el.iterchildren("al"), None)
    else:
        al = next(el.iterchildren("al"), None)
    if al is None or not len(al):
        return False
    return _is_repeal_text(el)


# --------------------------------------------------------------------------- articles

_PRECEDING_ARTIKEL = etree.XPath("preceding::artikel[1]")  # compiled once, not per call
_FOLLOWING_ARTIKEL = etree.XPath("following::artikel[1]")


def neighbour_articles(el) -> tuple:
    """The artikel just before el and the one just after it in document order (None
    where there is none): ``el.xpath("preceding::artikel[1]")`` and its mirror."""
    before, after = _PRECEDING_ARTIKEL(el), _FOLLOWING_ARTIKEL(el)
    return (before[0] if before else None), (after[0] if after else None)


def iter_articles(tree) -> Iterator[etree._Element]:
    """Every artikel of the wettekst, in document order (repealed ones too)."""
    return wettekst(tree).iter("artikel")


def find_article(tree, nr: str) -> Optional[etree._Element]:
    """The artikel numbered ``nr``; a live one is preferred over a repealed one."""
    found = [a for a in iter_articles(tree) if artikel_number(a) == nr]
    live = [a for a in found if not is_repealed(a)]
    return (live or found or [None])[0]

"""BWB toestand XML in and out: the only module that knows BWB element names.

A law is an ``lxml`` tree in the official BWB toestand format (XSD 2016-1, in
``consolidator/schema``): ``toestand > wetgeving > wet-besluit > wettekst >
hoofdstuk/titeldeel/afdeling/paragraaf > artikel (kop) > lid (lidnr, al) >
lijst > li (li.nr, al)``. Everything this module builds validates against that
schema.

History is recorded as BWB records it:

* Elements whose schema allows them (artikel, the structural divisions,
  citeertitel, officiele-inhoudsopgave) carry the latest change in the
  attributes ``inwerking`` (date), ``bron`` (the amending provision),
  ``effect`` (``nieuw``, ``wijziging``, ``vervallen``, ...) and, when
  repealed, ``status="vervallen"``.
* A repealed artikel keeps its ``kop``; its content becomes
  ``<al><redactie type="vervanging">Vervallen</redactie></al>``. A repealed
  lid or li keeps its number, its content becomes ``Vervallen.`` /
  ``vervallen;`` in the same way (lid and li allow no history attributes).
* Every mark is also logged in the document's ``bwb-wijzigingen`` list, one
  ``bwb-wijziging idref=ID`` per change, whose ``label`` carries ``inwerking``,
  ``bron`` and ``effect``: the only place the schema leaves for the date and
  source of a change to a lid or li. Marking gives the element an ``id``
  (``cons-N``) when it has none.
* The inhoudsopgave is ``wettekst > officiele-inhoudsopgave`` with one ``al``
  per entry, kept verbatim.

Official files go through unchanged: ``parse_law`` keeps every attribute, comment and
whitespace-only text, ``serialize`` writes the prolog as it was (no XML declaration
where the file had none), so an unchanged tree is canonically (C14N) identical to its
file. Elements the engine creates or changes in an official document get the
attributes BWB derives from the text (``apply_bwb_style``); the ones BWB takes from
its own database (stam-id, versie-id, id, label-id, code, the publication dates of
the amending act) are not invented and stay absent.
"""
from __future__ import annotations

import datetime as _dt
import functools
import os
import re
import tempfile
from importlib import resources
from pathlib import Path
from typing import Iterator, NamedTuple, Optional, Union

from lxml import etree

from consolidator import limits
from consolidator.errors import LawFormatError, underline

# --------------------------------------------------------------------------- parsing

_FORBIDDEN = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    # No entity expansion, no DTD, no network, no huge trees: law files come from outside.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_blank_text=False)


def _read_input(data_or_path, source: str) -> tuple[bytes, str]:
    """The raw bytes and a name for error messages."""
    if isinstance(data_or_path, bytes):
        limits.check_size(len(data_or_path), source or "<bytes>", LawFormatError)
        return data_or_path, source or "<bytes>"
    if isinstance(data_or_path, str) and data_or_path.lstrip().startswith("<"):
        data = data_or_path.encode("utf-8")
        limits.check_size(len(data), source or "<string>", LawFormatError)
        return data, source or "<string>"
    path = Path(data_or_path)
    try:
        return limits.read_bytes(path, LawFormatError), source or str(path)
    except LawFormatError as exc:
        exc.source = source or str(path)
        raise


#: a character XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates,
#: U+FFFE, U+FFFF): a text with one cannot become (part of) a law
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def find_non_xml_char(text: str, start: int = 0) -> Optional[re.Match]:
    """The first character of ``text`` (from ``start``) that XML cannot hold, or None."""
    return _NOT_XML_CHAR.search(text, start)


def non_xml_char_error(cls, text: str, source: str, kind: str):
    """``cls`` (a ``ConsolidatorError``) for the first character of ``text`` that XML
    cannot hold, with line and column as ``str.splitlines`` counts them and the line
    shown with that character as U+FFFD; None when there is none."""
    if find_non_xml_char(text) is None:
        return None
    # with the line ends: some of these characters (\x0b, \x1c) end a line for splitlines
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        found = find_non_xml_char(raw)
        if found is not None:
            shown = _NOT_XML_CHAR.sub("\ufffd", raw.rstrip("\r\n"))
            return cls(f"character U+{ord(found.group()):04X} is not allowed in {kind} "
                       "(XML cannot hold it)", source=source, line=number,
                       column=found.start() + 1, context=underline(shown, found.start() + 1))
    return None


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def parse_law(data_or_path: Union[bytes, str, os.PathLike], source: str = "") -> etree._ElementTree:
    """Parse a BWB toestand file (path, bytes, or XML text) safely.

    Raises ``LawFormatError`` with file, line and column for malformed XML, for
    any DOCTYPE or entity declaration (refused outright: no XXE, no billion
    laughs), for XInclude elements, for input over the size bound (``limits``)
    and for libxml2's limits (nesting over 256, a text node over 10 MB).
    Nothing but the given file is read.
    """
    data, name = _read_input(data_or_path, source)
    # UTF-16 and UTF-32 write ASCII with zero bytes between: search without them too
    searched = data.replace(b"\x00", b"") if b"\x00" in data[:4] else data
    found = _FORBIDDEN.search(searched)
    if found:
        line, col = _line_col(searched, found.start())
        raise LawFormatError(f"DOCTYPE and entity declarations are not allowed "
                             f"({found.group(1).decode().upper()})",
                             source=name, line=line, column=col)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (exc.lineno or 0, 0)
        raise LawFormatError(f"malformed XML: {_explain(exc.msg)}", source=name, line=line,
                             column=col) from exc
    if tree.docinfo.doctype:  # one the byte search missed (a UTF-16 file, say)
        raise LawFormatError("DOCTYPE declarations are not allowed", source=name)
    include = next(tree.iter(f"{{{_XINCLUDE}}}*"), None)
    if include is not None:  # never expanded; refused so nobody expands it later either
        raise LawFormatError("XInclude elements are not allowed (a law file is read on its "
                             "own)", source=name, line=include.sourceline or 0)
    return tree


_XINCLUDE = "http://www.w3.org/2001/XInclude"

#: libxml2's words for the limits a law file runs into, and what they mean to a user
_LIMITS = (
    ("Excessive depth", "elements nested more than 256 deep (a law is never that deep)"),
    ("Text node too long", "a text of more than 10 MB in one element"),
    ("amplification", "entity references that expand far beyond the file"),
)


def _explain(message: str) -> str:
    # libxml2 ends its message with the position, which the error gives anyway
    message = re.sub(r",? line \d+, column \d+$", "", message or "")
    for words, meaning in _LIMITS:
        if words.lower() in message.lower():
            return f"{meaning}; refused"
    return message


#: the XML declaration serialize writes (the one lxml writes, kept for byte-stable output)
XML_DECLARATION = b"<?xml version='1.0' encoding='UTF-8'?>"


def has_xml_declaration(tree) -> bool:
    """Whether the document was parsed with an XML declaration (or built by ``new_toestand``).

    libxml2 records ``standalone = -1`` for a document without declaration, which lxml
    shows as ``docinfo.standalone is None``; a declaration without ``standalone`` gives
    ``False``. A tree built from bare ``etree.Element`` objects reads as having none.
    """
    return _tree(tree).docinfo.standalone is not None


def serialize(tree, xml_declaration: Optional[bool] = None) -> bytes:
    """UTF-8 bytes of the whole document; same tree, same bytes.

    Lossless for an unchanged tree: the output is canonically (C14N, comments included)
    identical to the input, since the parser keeps comments, processing instructions and
    whitespace-only text and nothing is reformatted or added. The prolog is written as
    the parser saw it: an XML declaration only when the document had one
    (``xml_declaration=None``; pass True/False to force), then every comment or
    processing instruction before the root on a line of its own (official BWB files in
    ``../shared/data`` start with a ``<!-- source: … -->`` line instead of a declaration),
    the root, anything after it, and a final newline. Whitespace between prolog nodes is
    not part of the XML infoset; writing one newline there makes an official file
    byte-identical except, at most, for its final newline.
    """
    tree = _tree(tree)
    root = tree.getroot()
    if xml_declaration is None:
        xml_declaration = has_xml_declaration(tree)
    parts = [XML_DECLARATION] if xml_declaration else []
    parts += [etree.tostring(node, encoding="UTF-8", with_tail=False)
              for node in reversed(list(root.itersiblings(preceding=True)))]
    parts.append(etree.tostring(root, encoding="UTF-8", with_tail=False))
    parts += [etree.tostring(node, encoding="UTF-8", with_tail=False)
              for node in root.itersiblings()]
    return b"\n".join(parts) + b"\n"


def _tree(tree) -> etree._ElementTree:
    if isinstance(tree, etree._Element):
        return tree.getroottree()
    if isinstance(tree, etree._ElementTree):
        return tree
    raise TypeError(f"not an XML tree: {type(tree).__name__}")


def write_law(tree, path: Union[str, os.PathLike]) -> None:
    """Write atomically: a temp file in the same directory, then ``os.replace``."""
    path = Path(path)
    data = serialize(tree)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                               dir=str(path.parent or "."))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------- schema

@functools.lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    ref = resources.files("consolidator.schema") / "toestand_2016-1.xsd"
    with resources.as_file(ref) as path:
        # parse from the path so that the redefine/import of sibling files resolve
        return etree.XMLSchema(etree.parse(str(path)))


def validate(tree) -> list[str]:
    """Schema errors as ``line N: message`` strings; empty when valid.

    Every document is checked against ``toestand_2016-1.xsd``, also one that names
    ``toestand_2015-1.xsd`` (``declared_schema``; the Drank- en Horecawet and Wet OB
    files do): 2015-1 redefines ``toestand_base_2015-1.xsd``, which is not available,
    so it cannot be compiled here (the two top-level files differ only in that 2016-1
    adds the attribute ``publicatie_vt``). Every official toestand in ../shared/data,
    2015-1 ones included, is valid against 2016-1 (``tests/test_bwb_roundtrip.py``).
    """
    if isinstance(tree, etree._Element):
        tree = tree.getroottree()
    schema = _schema()
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def assert_valid(tree, source: str = "") -> None:
    """Raise ``LawFormatError`` naming the first schema errors."""
    errors = validate(tree)
    if errors:
        raise LawFormatError("not valid BWB toestand XML: " + "; ".join(errors[:5]),
                             source=source)


# --------------------------------------------------------------------------- documents

def _iso(date) -> str:
    return date.isoformat() if isinstance(date, (_dt.date, _dt.datetime)) else str(date)


def new_toestand(bwb_id: Optional[str], citeertitel: str,
                 date: Optional[_dt.date] = None) -> etree._ElementTree:
    """A minimal valid toestand: title, an empty wettekst, nothing else.

    The document is written with an XML declaration (``serialize``), as the corpus files
    and everything the engine built so far are.
    """
    root = etree.fromstring(XML_DECLARATION + b"<toestand/>", _parser())
    if bwb_id:
        root.set("bwb-id", bwb_id)
    if date:
        root.set("inwerkingtreding", _iso(date))
    etree.SubElement(root, "bwb-inputbestand")
    etree.SubElement(root, "bwb-wijzigingen")
    wetgeving = etree.SubElement(root, "wetgeving", id="consolidator", soort="wet")
    # intitule is required; the plain format has no long title, so it repeats the citeertitel
    etree.SubElement(wetgeving, "intitule").text = citeertitel
    etree.SubElement(wetgeving, "citeertitel").text = citeertitel
    etree.SubElement(etree.SubElement(wetgeving, "wet-besluit"), "wettekst")
    return etree.ElementTree(root)


def wettekst(tree) -> etree._Element:
    """The ``wettekst`` element (the body that holds headings and articles)."""
    found = _child_path(_root(tree), ("wetgeving", "wet-besluit", "wettekst"))
    if found is None:
        raise LawFormatError("no wetgeving/wet-besluit/wettekst in this document")
    return found


def law_title(tree) -> str:
    """The citeertitel (or, lacking one, the intitule), as flat text."""
    for tag in ("citeertitel", "intitule"):
        el = _root(tree).find(f"wetgeving/{tag}")
        if el is not None and al_text(el):
            return al_text(el)
    return ""


def toestand_date(tree) -> Optional[_dt.date]:
    """The date this version is valid from (``toestand/@inwerkingtreding``)."""
    value = _root(tree).get("inwerkingtreding")
    return _dt.date.fromisoformat(value) if value else None


def set_toestand_date(tree, date: _dt.date) -> None:
    """Set the date this version is valid from."""
    _root(tree).set("inwerkingtreding", _iso(date))


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


def _child(el, tag: str):
    """``el.find(tag)`` for a plain tag name: its first child of that tag, or None."""
    return next(el.iterchildren(tag), None)


def _root(tree) -> etree._Element:
    if isinstance(tree, etree._ElementTree):
        return tree.getroot()
    return tree.getroottree().getroot()


# --------------------------------------------------------------------------- toestand metadata

def toestand_validity(tree) -> tuple[Optional[_dt.date], Optional[_dt.date]]:
    """``(valid_from, valid_until)`` of this toestand; either is None when not recorded.

    ``valid_from`` is ``toestand/@inwerkingtreding``. Official toestand files do not
    record their end (the manifest's ``einddatum`` does, see ``bwbmeta``); the schema's
    only end-date slot on the document is ``wetgeving/@vervaldatum``, which official
    files leave out, and ``valid_until`` is read from there (see
    ``set_toestand_validity``). ``wetgeving/@inwerkingtredingsdatum`` is not this
    toestand's date: in official files it is the date of the wetgeving element's own
    version (``BWBR0002458_2002-07-01_0`` says 2000-11-01), so it is neither read nor
    written here.
    """
    root = _root(tree)
    wetgeving = root.find("wetgeving")
    until = wetgeving.get("vervaldatum") if wetgeving is not None else None
    return (_date_attr(root, "inwerkingtreding"),
            _dt.date.fromisoformat(until) if until else None)


def set_toestand_validity(tree, valid_from: _dt.date,
                          valid_until: Optional[_dt.date] = None) -> None:
    """Set ``toestand/@inwerkingtreding`` and (None removes it) ``wetgeving/@vervaldatum``.

    For an official file imported as it is, pass ``valid_until=None`` and keep the
    manifest's ``einddatum`` beside the file: writing ``vervaldatum`` adds an attribute
    the official file does not have, so its export would no longer be identical.
    """
    root = _root(tree)
    root.set("inwerkingtreding", _iso(valid_from))
    wetgeving = root.find("wetgeving")
    if valid_until is not None:
        if wetgeving is None:
            raise LawFormatError("no wetgeving element to record the end date on")
        wetgeving.set("vervaldatum", _iso(valid_until))
    elif wetgeving is not None and "vervaldatum" in wetgeving.attrib:
        del wetgeving.attrib["vervaldatum"]


_ISO_DATE = r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
_LABEL = re.compile(rf"^(?P<bwb>[A-Z]+[0-9]+)_{_ISO_DATE}_(?P<n>[0-9]+)$")
_VAST_DEEL = re.compile(rf"/id/(?P<bwb>[A-Z]+[0-9]+)/{_ISO_DATE}/(?P<n>[0-9]+)/?$")


def toestand_label(bwb_id: str, valid_from: _dt.date, n: int = 0) -> str:
    """BWB's name of a toestand: ``toestand_label("BWBR0003420", date(1997, 1, 1), 0)
    == "BWBR0003420_1997-01-01_0"``; ``n`` counts the versions of one date (``_1`` is
    written when a later act reaches back to that date)."""
    if n < 0:
        raise ValueError(f"toestand number must be 0 or more, not {n}")
    return f"{bwb_id}_{_iso(valid_from)}_{n}"


def parse_toestand_label(label: str) -> tuple[str, _dt.date, int]:
    """``"BWBR0003420_1997-01-01_0"`` -> ``("BWBR0003420", date(1997, 1, 1), 0)``."""
    found = _LABEL.match(label.strip())
    if not found:
        raise ValueError(f"not a toestand label (BWBR…_YYYY-MM-DD_N): {label!r}")
    return found["bwb"], _dt.date.fromisoformat(found["date"]), int(found["n"])


def toestand_input_label(tree) -> Optional[str]:
    """The toestand this one was made from (``bwb-inputbestand``), or None when empty."""
    el = _root(tree).find("bwb-inputbestand")
    text = (el.text or "").strip() if el is not None else ""
    return text or None


def toestand_own_label(tree) -> Optional[str]:
    """This toestand's label, from ``toestand/@bwb-ng-vast-deel``
    (``http://wetten.overheid.nl/id/BWBR0002458/2013-01-01/1`` ->
    ``BWBR0002458_2013-01-01_1``); None when the document does not say."""
    found = _VAST_DEEL.search(_root(tree).get("bwb-ng-vast-deel") or "")
    return f"{found['bwb']}_{found['date']}_{found['n']}" if found else None


def declared_schema(tree) -> Optional[str]:
    """The schema file the document names (``xsi:noNamespaceSchemaLocation``), e.g.
    ``"toestand_2015-1.xsd"``; None when it names none."""
    location = _root(tree).get(f"{{{_XSI}}}noNamespaceSchemaLocation")
    return location.rstrip("/").rsplit("/", 1)[-1] if location else None


_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _date_attr(el, name: str) -> Optional[_dt.date]:
    value = el.get(name)
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as exc:
        raise LawFormatError(f"{el.tag}/@{name} is not a date: {value!r}",
                             source=_root(el).getroottree().docinfo.URL or "",
                             line=el.sourceline or 0) from exc


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
        return " ".join(el.text.split()) if el.text else ""
    return " ".join("".join(_texts(el)).split())


def set_text(el, text: str) -> None:
    """Replace all content of a text element (``al``, ``titel``) by plain text."""
    tail = el.tail
    for child in list(el):
        el.remove(child)
    el.text = text
    el.tail = tail


# --------------------------------------------------------------------------- builders

#: heading kind (as the apply engine names it) -> BWB element
HEADING_TAGS = {"boek": "boek", "deel": "deel", "hoofdstuk": "hoofdstuk", "titel": "titeldeel",
                "afdeling": "afdeling", "paragraaf": "paragraaf",
                "subparagraaf": "sub-paragraaf"}
_HEADING_KINDS = {tag: kind for kind, tag in HEADING_TAGS.items()}
#: the label word BWB prints in the kop of each kind
HEADING_LABELS = {"boek": "Boek", "deel": "Deel", "hoofdstuk": "Hoofdstuk", "titel": "Titel",
                  "afdeling": "Afdeling", "paragraaf": "§", "subparagraaf": "§"}


def _kop(label: str, nr: str, titel: str = "") -> etree._Element:
    kop = etree.Element("kop")
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
    el = etree.Element("artikel")
    el.append(_kop("Artikel", nr, titel))
    return el


def make_lid(nr: str, texts=()) -> etree._Element:
    """A lid numbered ``nr`` (``"2a"``, no dot) with one ``al`` per text."""
    el = etree.Element("lid")
    etree.SubElement(el, "lidnr").text = nr
    for text in texts:
        el.append(make_al(text))
    return el


def make_al(text: str) -> etree._Element:
    """An alinea."""
    el = etree.Element("al")
    el.text = text
    return el


def make_lijst(items=()) -> etree._Element:
    """A list holding the given ``li`` elements."""
    el = etree.Element("lijst", type="expliciet")
    for item in items:
        el.append(item)
    return el


def make_li(label: str, text: str = "") -> etree._Element:
    """A list item: label as the law writes it (``"a."``, ``"1°."``) and its text."""
    el = etree.Element("li")
    etree.SubElement(el, "li.nr").text = label
    el.append(make_al(text))  # li needs content; an empty al keeps it valid
    return el


def make_heading(kind: str, nr: str, titel: str = "", label: Optional[str] = None) -> etree._Element:
    """A structural division: kind is hoofdstuk, titel, afdeling or paragraaf.

    BWB writes a paragraaf's kop label as ``§``; pass ``label`` to keep another
    spelling (``"Paragraaf"``).
    """
    if kind not in HEADING_TAGS:
        raise ValueError(f"unknown heading kind {kind!r}")
    el = etree.Element(HEADING_TAGS[kind])
    el.append(_kop(label or HEADING_LABELS[kind], nr, titel))
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


def _kop_parts(el) -> tuple[str, str, str]:
    kop = _child(el, "kop")
    if kop is None:
        return "", "", ""
    get = lambda tag: al_text(part) if (part := _child(kop, tag)) is not None else ""  # noqa: E731
    return get("label"), get("nr"), get("titel")


def heading_info(el) -> Heading:
    """Kind, label, number and opschrift of a structural heading."""
    label, nr, titel = _kop_parts(el)
    if not nr and " " in label:  # older BWB puts the number in the label: «§ 8»
        label, nr = label.split(" ", 1)
    return Heading(_HEADING_KINDS.get(el.tag, el.tag), label, nr, titel)


def artikel_number(el) -> str:
    """``"12"`` for Artikel 12; older BWB files put it in the label («Artikel 3a»)."""
    # the kop is nearly always the first child: look there before searching (an
    # article index reads the number of every article of the law)
    first = el[0] if len(el) else None
    kop = first if first is not None and first.tag == "kop" else _child(el, "kop")
    nr = _child(kop, "nr") if kop is not None else None
    if nr is not None and len(nr) == 0 and nr.text and nr.text.strip():
        return " ".join(nr.text.split())  # the common case, without flattening markup
    label, nr, _ = _kop_parts(el)
    if nr:
        return nr
    return label.split(" ", 1)[1] if " " in label else ""


def artikel_titel(el) -> str:
    """The article's opschrift, or ``""``."""
    return _kop_parts(el)[2]


def lid_number(el) -> str:
    """``"2a"`` for lid 2a (a trailing dot in the source is dropped)."""
    nr = _child(el, "lidnr")
    return al_text(nr).rstrip(".") if nr is not None else ""


def li_label(el) -> str:
    """The list item's label as written: ``"a."``, ``"1°."``, or ``""``."""
    nr = _child(el, "li.nr")
    return al_text(nr) if nr is not None else ""


def iter_articles(tree) -> Iterator[etree._Element]:
    """Every artikel of the wettekst, in document order (repealed ones too)."""
    return wettekst(tree).iter("artikel")


def find_article(tree, nr: str) -> Optional[etree._Element]:
    """The artikel numbered ``nr``; a live one is preferred over a repealed one."""
    found = [a for a in iter_articles(tree) if artikel_number(a) == nr]
    live = [a for a in found if not is_repealed(a)]
    return (live or found or [None])[0]


# --------------------------------------------------------------------------- BWB addresses

#: the word BWB writes in ``bwb-ng-variabel-deel`` for each numbered element (only the
#: kinds seen in the official files of ../shared/data; boek, deel, titeldeel and
#: sub-paragraaf never occur there, so no address is guessed for them or below them)
_PATH_WORDS = {"hoofdstuk": "Hoofdstuk", "afdeling": "Afdeling", "paragraaf": "Paragraaf",
               "artikel": "Artikel", "bijlage": "Bijlage", "lid": "Lid", "li": "Onderdeel"}
_PATH_FIXED = {"intitule": "Intitule", "citeertitel": "Citeertitel", "aanhef": "Aanhef",
               "wetsluiting": "SlotformulierEnOndertekening"}
_PATH_TRANSPARENT = {"toestand", "wetgeving", "wet-besluit", "wettekst", "lijst"}
_NOT_NR = re.compile(r"[^0-9A-Za-z.]")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]")
_LABELLED = {"artikel", "hoofdstuk", "afdeling", "paragraaf", "bijlage"}


def _path_nr(el) -> str:
    if el.tag == "lid":
        return _NOT_ALNUM.sub("", lid_number(el))
    if el.tag == "li":
        label = li_label(el)
        # «–», «•» (no letter or digit) give BWB's «Onderdeel._N», no label «Onderdeel_N»
        return _NOT_ALNUM.sub("", label) or ("." if label else "")
    if el.tag == "artikel":
        return _NOT_NR.sub("", artikel_number(el))
    return _NOT_NR.sub("", heading_info(el).nr)


def _path_segment(el) -> str:
    if el.tag in _PATH_FIXED:
        return _PATH_FIXED[el.tag]
    parent = el.getparent()
    if el.tag == "lijst":  # a list is a step only when its parent holds several
        lists = [] if parent is None else [s for s in parent if s.tag == "lijst"]
        return f"Opsomming_{lists.index(el) + 1}" if len(lists) > 1 else ""
    word, nr = _PATH_WORDS[el.tag], _path_nr(el)
    same = [el] if parent is None else [s for s in parent if s.tag == el.tag and _path_nr(s) == nr]
    if nr in ("", ".") or len(same) > 1:  # unnumbered, or a number used twice: Lid5_1, Lid5_2
        return f"{word}{nr}_{same.index(el) + 1}"
    return word + nr


def bwb_path(el) -> Optional[str]:
    """The address BWB gives el in ``bwb-ng-variabel-deel``, derived from the numbers
    of el and its ancestors: ``/Hoofdstuk1/Paragraaf1.1/Artikel3/Lid1/Onderdeela``.

    None for elements BWB gives no address (an ``al``, a list that is its parent's
    only one) or that sit inside a kind not seen in the official files. Matches all
    8,191 addresses in the official toestanden of ../shared/data (tested).
    """
    if not isinstance(el.tag, str) or el.tag not in _PATH_WORDS and el.tag not in _PATH_FIXED \
            and el.tag != "lijst":
        return None
    parts = []
    node = el
    while node is not None:
        if node.tag in _PATH_WORDS or node.tag in _PATH_FIXED or node.tag == "lijst":
            segment = _path_segment(node)
            if segment:
                parts.append(segment)
            elif node is el:
                return None
        elif node.tag not in _PATH_TRANSPARENT:
            return None
        node = node.getparent()
    return "/" + "/".join(reversed(parts))


def is_bwb_styled(tree_or_el) -> bool:
    """True for an official BWB document: its root carries ``bwb-ng-vast-deel``.

    Documents made by ``new_toestand`` (the corpus models) do not, and are left in
    their own, smaller style.
    """
    root = _root(tree_or_el)
    return root.tag == "toestand" and root.get("bwb-ng-vast-deel") is not None


def apply_bwb_style(el) -> None:
    """Give el and everything in it the attributes official files derive from the text.

    * ``bwb-ng-variabel-deel``: the address (``bwb_path``), recomputed, so that a
      renumbered element and its parts move along;
    * ``label`` on artikel and headings: kop label and number («Artikel 5», «§ 3a»), as
      on every official one that has it;
    * ``status="goed"`` on elements that carry a status, when they have none (official
      files write it on every artikel and heading; ``vervallen`` is left alone).

    Not written, because BWB takes them from its database and inventing them would
    forge an identity: ``stam-id``, ``versie-id``, ``id`` (``C…``), ``label-id``,
    ``code``, ``hashvalue``, and ``ondertekening_bron``/``publicatie_bron``/
    ``publicatie_iwt`` (dates of the amending act, unknown at this level). ``status``
    on lidnr/nr/titel (``officieel``) is the schema default and is not written either.
    """
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        path = bwb_path(node)
        if path is not None:
            node.set("bwb-ng-variabel-deel", path)
        if node.tag in _LABELLED:
            label, nr, _ = _kop_parts(node)
            text = " ".join(p for p in (label, nr) if p)
            if text:
                node.set("label", text)
        if node.tag in _HAS_STATUS and node.get("status") is None:
            node.set("status", "goed")


# --------------------------------------------------------------------------- history

#: elements whose schema allows inwerking/bron/effect/status attributes
_STAMPABLE = {"artikel", "boek", "deel", "hoofdstuk", "titeldeel", "afdeling", "paragraaf",
              "sub-paragraaf", "citeertitel", "intitule", "officiele-inhoudsopgave", "bijlage",
              "aanhef", "wetsluiting"}
_HAS_STATUS = {"artikel", "boek", "deel", "hoofdstuk", "titeldeel", "afdeling", "paragraaf",
               "sub-paragraaf", "officiele-inhoudsopgave", "bijlage"}
_REPEAL_WORDS = re.compile(r"^vervallen[.;]?$", re.IGNORECASE)


class Change(NamedTuple):
    """One recorded change: since when, by which provision, what it did."""

    date: Optional[_dt.date]
    source: str
    effect: str


class _IdCounter:
    """The highest «cons-N» in a change list, read incrementally: a law of thousands
    of articles gets thousands of changes, and rescanning the list for each new id
    would make applying an act quadratic. Holding the list element keeps its lxml
    proxy (and so its identity) alive; only the last few lists are remembered."""

    def __init__(self, keep: int = 8):
        self.keep = keep
        self.seen: dict[int, tuple] = {}  # id(list) -> (list, last entry read, highest N)

    def next_number(self, ledger) -> int:
        if ledger is None:
            return 1
        held, last, high = self.seen.get(id(ledger), (None, None, 0))
        if held is not ledger or (last is not None and last.getparent() is not ledger):
            last, high = None, 0
        new = last.itersiblings() if last is not None else iter(ledger)
        for entry in new:
            last = entry
            ref = entry.get("idref") or ""
            if ref.startswith("cons-") and ref[5:].isdecimal():
                high = max(high, int(ref[5:]))
        self.seen.pop(id(ledger), None)
        self.seen[id(ledger)] = (ledger, last, high)
        while len(self.seen) > self.keep:
            self.seen.pop(next(iter(self.seen)))
        return high + 1


_IDS = _IdCounter()


def _ensure_id(el, ledger) -> str:
    """el's id, given one if it has none; ``ledger`` is its document's bwb-wijzigingen."""
    given = el.get("id")
    if given:
        return given
    # Ids made here are «cons-N» and each is logged in the change list at once
    # (``_log``), which only grows: one more than the highest N logged is free, so a
    # new element never takes the id (and the history) of a removed one.
    made = f"cons-{_IDS.next_number(ledger)}"
    el.set("id", made)
    return made


def _log(el, date, source: str, effect: str) -> None:
    """Append a ``bwb-wijziging`` for el to the document's change list."""
    root = _root(el)
    ledger = _child(root, "bwb-wijzigingen")
    if ledger is None and root.tag == "toestand":  # a law file that lacks it
        raise LawFormatError("the law has no <bwb-wijzigingen> to record the change in "
                             "(a BWB toestand needs one)",
                             source=root.getroottree().docinfo.URL or "")
    if ledger is None or root.tag != "toestand":
        raise ValueError("mark the element after it is inside a toestand document")
    entry = etree.SubElement(ledger, "bwb-wijziging", idref=_ensure_id(el, ledger))
    label = etree.SubElement(entry, "label", bron=source, effect=effect)
    if date is not None:  # a preview without dates still records the source
        label.set("inwerking", _iso(date))
    label.text = source


def _stamp(el, date, source: str, effect: str) -> None:
    if date is not None:
        el.set("inwerking", _iso(date))
    if source:
        el.set("bron", source)
    el.set("effect", effect)


def mark_changed(el, date, source: str, effect: str = "wijziging") -> None:
    """Record that ``source`` changed (or, effect ``nieuw``, inserted) el as of ``date``
    (None when the date is not known: then no ``inwerking`` is written).

    Example: ``mark_changed(lid, date(1997, 1, 1), "Stb. 1996, 649, art. I,
    onderdeel H, punt 2")``. A lid or li is logged in ``bwb-wijzigingen``
    and, as BWB versions whole articles, its artikel is stamped too. In an official
    document (``is_bwb_styled``) el and its parts also get BWB's own attributes
    (``apply_bwb_style``), so an inserted or renumbered element looks like its neighbours.
    """
    _log(el, date, source, effect)
    if is_bwb_styled(el):
        apply_bwb_style(el)
    if el.tag in _STAMPABLE:
        _stamp(el, date, source, effect)
        return
    artikel = next(el.iterancestors("artikel"), None)
    if artikel is not None and not is_repealed(artikel):
        _stamp(artikel, date, source, "wijziging")


def _replace_content(el, keep: tuple, words: str) -> None:
    for child in list(el):
        if child.tag not in keep:
            el.remove(child)
    al = etree.Element("al")
    etree.SubElement(al, "redactie", type="vervanging").text = words
    kept = [c for c in el if c.tag in keep and c.tag != "meta-data"]
    el.insert(len(kept), al)


def mark_repealed(el, date, source: str) -> None:
    """Repeal el as BWB shows it: status/effect ``vervallen`` and a «Vervallen» text.

    A repealed heading keeps its kop and its articles, each repealed too.
    ``date=None`` (a repeal whose date is unknown) records no date and logs nothing.
    """
    if date is not None:
        _log(el, date, source, "vervallen")
    if is_heading(el):
        for artikel in el.iter("artikel"):
            if not is_repealed(artikel):
                mark_repealed(artikel, date, source)
    elif el.tag == "artikel":
        _replace_content(el, ("kop", "meta-data"), "Vervallen")
    elif el.tag in ("lid", "li"):
        words = "Vervallen." if el.tag == "lid" else "vervallen;"
        _replace_content(el, ("lidnr", "li.nr", "meta-data"), words)
    if el.tag in _STAMPABLE:
        _stamp(el, date, source, "vervallen")
    if el.tag in _HAS_STATUS:
        el.set("status", "vervallen")


def _is_repeal_text(el) -> bool:
    content = None  # the one child that is not a label, kop or metadata
    for child in el:
        if child.tag in ("lidnr", "li.nr", "kop", "meta-data"):
            continue
        if content is not None:  # a second one: text, not a repeal (no need to look further)
            return False
        content = child
    if content is None or content.tag != "al":
        return False
    redactie = _child(content, "redactie")
    return (redactie is not None and redactie.get("type") == "vervanging"
            and bool(_REPEAL_WORDS.match(al_text(content))))


def is_repealed(el) -> bool:
    """True when el is vervallen (by status attribute or BWB's «Vervallen» text)."""
    if el.get("status") == "vervallen":
        return True
    return el.tag in ("artikel", "lid", "li") and _is_repeal_text(el)


def changes(el) -> list[Change]:
    """Everything recorded about el, oldest first (the attributes when nothing is logged)."""
    logged = []
    if el.get("id"):
        for entry in _root(el).iterfind(f"bwb-wijzigingen/bwb-wijziging[@idref='{el.get('id')}']"):
            label = entry.find("label")
            if label is not None and label.get("inwerking"):
                logged.append(Change(_dt.date.fromisoformat(label.get("inwerking")),
                                     label.get("bron", ""), label.get("effect", "")))
    if logged or not el.get("inwerking"):
        return logged
    return [Change(_dt.date.fromisoformat(el.get("inwerking")), el.get("bron", ""),
                   el.get("effect", ""))]


def repealed_on(el) -> Optional[_dt.date]:
    """The date el was repealed, when recorded."""
    dated = [c.date for c in changes(el) if c.effect == "vervallen"]
    if dated:
        return dated[-1]
    if el.get("status") == "vervallen" and el.get("inwerking"):
        return _dt.date.fromisoformat(el.get("inwerking"))
    return None


# --------------------------------------------------------------------------- inhoudsopgave

def toc_element(tree) -> Optional[etree._Element]:
    """The ``officiele-inhoudsopgave`` (in the wettekst or after the wetsluiting)."""
    return _root(tree).find("wetgeving/wet-besluit//officiele-inhoudsopgave")


def toc_entries(tree) -> list[str]:
    """The entries of the inhoudsopgave, one string each (``"Artikel 86. Bekostiging"``)."""
    toc = toc_element(tree)
    if toc is None:
        return []
    return [toc_entry_text(e) for e in toc if e.tag in ("al", "inhoud")]


def toc_entry_text(el) -> str:
    """One entry as text; BWB ``inhoud`` (nr + titel) is joined as «nr. titel»."""
    if el.tag == "inhoud":
        nr, titel = el.find("nr"), el.find("titel")
        parts = [al_text(nr) if nr is not None else "", al_text(titel) if titel is not None else ""]
        return ". ".join(p for p in parts if p)
    return al_text(el)


def toc_entry_elements(tree) -> list[etree._Element]:
    """The entry elements themselves (``al``), for the apply engine to edit."""
    toc = toc_element(tree)
    return [] if toc is None else [e for e in toc if e.tag in ("al", "inhoud")]


def make_toc_entry(text: str) -> etree._Element:
    """One inhoudsopgave entry, verbatim."""
    return make_al(text)


def set_toc_entries(tree, entries: Optional[list[str]]) -> None:
    """Replace the inhoudsopgave by these entries; ``None`` removes it."""
    old = toc_element(tree)
    if old is not None:
        old.getparent().remove(old)
    if entries is None:
        return
    toc = etree.Element("officiele-inhoudsopgave")
    for entry in entries:
        toc.append(make_toc_entry(entry))
    wettekst(tree).insert(0, toc)

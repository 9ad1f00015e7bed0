"""Toestand files in and out: safe parsing, lossless serialising, atomic writing and
validation against the BWB toestand schema (XSD 2016-1, in ``consolidator/schema``).

Official files go through unchanged: ``parse_law`` keeps every attribute, comment and
whitespace-only text, ``serialize`` writes the prolog as it was (no XML declaration
where the file had none), so an unchanged tree is canonically (C14N) identical to its
file.
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Optional, Union

from lxml import etree

from consolidator import limits
from consolidator.errors import LawFormatError, underline
from consolidator.outputs import write_atomic

# --------------------------------------------------------------------------- parsing

_FORBIDDEN = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def safe_parser() -> etree.XMLParser:
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
@functools.lru_cache(maxsize=1)
def _not_xml_char() -> re.Pattern:
    # compiled on first use: the class spans all of Unicode and takes ~10 ms to compile,
    # which a command that writes no text (`show`) need not pay at start
    return re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def find_non_xml_char(text: str, start: int = 0) -> Optional[re.Match]:
    """The first character of ``text`` (from ``start``) that XML cannot hold, or None."""
    return _not_xml_char().search(text, start)


# the UTF-8 bytes of what ``_not_xml_char`` finds below U+D800 (C0 controls but tab and line
# ends), and of U+FFFE and U+FFFF; a lone surrogate cannot be encoded at all
_BAD_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r")
_KEPT_BYTES = bytes(b for b in range(256) if b not in _BAD_BYTES)


def _all_xml_chars(text: str) -> bool:
    """``find_non_xml_char(text) is None``, asked of the UTF-8 bytes in a few passes of C
    (the pattern, made to tell where, tests every character against a class spanning all
    of Unicode: two and a half times as long). Bytes below 0x80 stand for ASCII characters
    only, and EF BF BE / EF BF BF start at a character (EF is no continuation byte)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return all_xml_utf8(data)


def all_xml_utf8(data: bytes) -> bool:
    """Whether the text that ``data`` encodes in UTF-8 holds only characters XML can hold
    (``_all_xml_chars`` of it, for bytes read as UTF-8 already). U+FFFE and U+FFFF are
    EF BF BE and EF BF BF: both asked only where an EF BF stands at all (almost never)."""
    return not data.translate(None, _KEPT_BYTES) and (
        b"\xef\xbf" not in data
        or (b"\xef\xbf\xbe" not in data and b"\xef\xbf\xbf" not in data))


def non_xml_char_error(cls, text: str, source: str, kind: str):
    """``cls`` (a ``ConsolidatorError``) for the first character of ``text`` that XML
    cannot hold, with line and column as ``str.splitlines`` counts them and the line
    shown with that character as U+FFFD; None when there is none."""
    if _all_xml_chars(text):
        return None
    # with the line ends: some of these characters (\x0b, \x1c) end a line for splitlines
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        found = find_non_xml_char(raw)
        if found is not None:
            shown = _not_xml_char().sub("\ufffd", raw.rstrip("\r\n"))
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
    # a declaration starts «<!»: a text without «!» (most laws) is passed over with one
    # scan for a single byte, several times quicker than the pattern's search
    found = _FORBIDDEN.search(searched) if b"!" in searched else None
    if found:
        line, col = _line_col(searched, found.start())
        raise LawFormatError(f"DOCTYPE and entity declarations are not allowed "
                             f"({found.group(1).decode().upper()})",
                             source=name, line=line, column=col)
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
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
    """Write atomically and durably: a temp file in the same directory, synced, then
    ``os.replace``; a refused write named (``outputs.write_atomic``)."""
    write_atomic(Path(path), serialize(tree), sync=True)


# --------------------------------------------------------------------------- schema

@functools.lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    from importlib import resources  # here: most commands never validate (start-up)
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

"""Hostile XML: external entities, entity bombs, DTD fetches, XInclude, oversized and
over-deep input are refused with a clear error, and nothing is read from the network or
from a file other than the one given.

Reads are caught, not assumed: a listening socket records any connection, and a named
pipe (FIFO) records any attempt to open it for reading (a reader would otherwise block).
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from click.testing import CliRunner

from consolidator.law import bwbmeta

from consolidator.law import lawtext

from consolidator.law import lawfile

from consolidator import limits
from consolidator.read.act import parse_act_file
from consolidator.cli import cli
from consolidator.errors import ActSyntaxError, ConsolidatorError, LawFormatError

FIXTURES = Path(__file__).parent / "fixtures"
BASE = Path(__file__).parent.parent / "corpus" / "BWBR0003420" / "base.xml"


# --------------------------------------------------------------------------- watchers

class Listener:
    """A TCP port on localhost that records whether anything connected to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def connected(self) -> bool:
        try:
            conn, _ = self.sock.accept()
        except (socket.timeout, TimeoutError):
            return False
        conn.close()
        return True

    def close(self):
        self.sock.close()


class Fifo:
    """A named pipe that records whether anyone opened it for reading: a writer opened
    without blocking succeeds only while a reader has it open (then it is fed a few
    bytes and closed, so the reader does not hang)."""

    def __init__(self, path: Path):
        self.path = path
        os.mkfifo(path)
        self.opened = threading.Event()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self):
        while not self.stop.is_set():
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody reads it
                time.sleep(0.005)
                continue
            self.opened.set()
            try:
                os.write(fd, b"SECRET")
            except OSError:
                pass
            os.close(fd)

    def was_opened(self) -> bool:
        time.sleep(0.05)
        self.stop.set()
        self.thread.join(1)
        return self.opened.is_set()


@pytest.fixture
def listener():
    watcher = Listener()
    yield watcher
    watcher.close()


@pytest.fixture
def fifo(tmp_path):
    return Fifo(tmp_path / "secret")


def _refused(data, match: str) -> LawFormatError:
    with pytest.raises(LawFormatError, match=match) as info:
        lawfile.parse_law(data, source="hostile.xml")
    return info.value


# --------------------------------------------------------------------------- entities

def test_external_entity_is_refused_where_it_is_declared(fifo):
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE toestand [\n<!ENTITY x SYSTEM "{fifo.path}">\n]>'
            "\n<toestand>&x;</toestand>").encode()
    error = _refused(data, "DOCTYPE and entity declarations are not allowed")
    assert (error.source, error.line, error.column) == ("hostile.xml", 2, 1)
    assert not fifo.was_opened()


def test_parameter_entity_reading_a_file_is_refused(fifo):
    data = (f'<!DOCTYPE t [<!ENTITY % p SYSTEM "file://{fifo.path}"> %p;]>'
            "<toestand/>").encode()
    _refused(data, "not allowed")
    assert not fifo.was_opened()


def test_billion_laughs_is_refused_before_expansion():
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    data = f'<?xml version="1.0"?><!DOCTYPE t [{entities}]><toestand>&j;</toestand>'.encode()
    _refused(data, "not allowed")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_declarations_in_utf16_and_utf32_are_refused_too(codec, fifo):
    text = (f'<?xml version="1.0" encoding="{codec.upper()}"?>'
            f'<!DOCTYPE t [<!ENTITY x SYSTEM "{fifo.path}">]><toestand>&x;</toestand>')
    _refused(text.encode(codec), "not allowed")
    assert not fifo.was_opened()


def test_entity_bomb_in_utf16_is_refused_without_expanding():
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    text = f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE t [{entities}]><toestand>&j;</toestand>'
    _refused(text.encode("utf-16"), "not allowed")


# --------------------------------------------------------------------------- fetches

def test_dtd_from_the_network_is_not_fetched(listener):
    data = f'<!DOCTYPE toestand SYSTEM "{listener.url}/wet.dtd"><toestand/>'.encode()
    _refused(data, "not allowed")
    assert not listener.connected()


def test_xinclude_is_refused_and_not_followed(fifo, listener):
    data = ('<toestand xmlns:xi="http://www.w3.org/2001/XInclude">\n'
            f'<xi:include href="{fifo.path}" parse="text"/>\n'
            f'<xi:include href="{listener.url}/x.xml"/></toestand>').encode()
    error = _refused(data, "XInclude elements are not allowed")
    assert error.line == 2
    assert not fifo.was_opened()
    assert not listener.connected()


def test_schema_location_in_a_law_is_not_fetched_when_it_is_validated(listener):
    tree = lawfile.parse_law(BASE)
    root = tree.getroot()
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root.set(f"{{{xsi}}}schemaLocation", f"http://example.org/toestand {listener.url}/t.xsd")
    root.set(f"{{{xsi}}}noNamespaceSchemaLocation", f"{listener.url}/t.xsd")
    again = lawfile.parse_law(lawfile.serialize(tree), source="located.xml")
    lawfile.assert_valid(again, source="located.xml")
    assert not listener.connected()


def test_bwb_metadata_readers_refuse_declarations_too(tmp_path, fifo):
    manifest = tmp_path / "manifest.xml"
    manifest.write_text(f'<!DOCTYPE work [<!ENTITY x SYSTEM "{fifo.path}">]><work>&x;</work>')
    with pytest.raises(LawFormatError, match="not allowed"):
        bwbmeta.read_manifest(manifest)
    wti = tmp_path / "wti.xml"
    wti.write_text('<wetstechnische-informatie xmlns:xi="http://www.w3.org/2001/XInclude">'
                   f'<xi:include href="{fifo.path}"/></wetstechnische-informatie>')
    with pytest.raises(LawFormatError, match="XInclude"):
        bwbmeta.read_wti(wti)
    assert not fifo.was_opened()


# --------------------------------------------------------------------------- size and depth

def test_elements_nested_too_deep_are_refused():
    error = _refused(b"<toestand>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</toestand>",
                     "nested more than 256 deep")
    assert error.line == 1 and error.column > 0


def test_a_text_node_of_more_than_10_mb_is_refused():
    _refused(b"<toestand>" + b"x" * (10 * 1024 * 1024 + 10) + b"</toestand>",
             "more than 10 MB in one element")


def test_an_oversized_law_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv(limits.ENV_VAR, "0.01")  # 10 kB
    law = tmp_path / "big.xml"
    shutil.copy(BASE, law)
    assert law.stat().st_size > 10_500
    with pytest.raises(LawFormatError, match=r"more than the 0\.0 MB one input may hold") as info:
        lawfile.parse_law(law)
    assert info.value.source == str(law)
    assert limits.ENV_VAR in str(info.value)
    with pytest.raises(LawFormatError, match="one input may hold"):
        lawfile.parse_law(law.read_bytes(), source="bytes")


def test_oversized_act_and_law_text_are_refused(tmp_path, monkeypatch):
    act = tmp_path / "act.txt"
    act.write_text("Wet van 1 januari 2000\n" + "x" * 20_000, "utf-8")
    text = tmp_path / "law.txt"
    text.write_text("Wet\n" + "y" * 20_000, "utf-8")
    monkeypatch.setenv(limits.ENV_VAR, "0.01")
    with pytest.raises(ActSyntaxError, match="one input may hold"):
        parse_act_file(act)
    result = CliRunner().invoke(cli, ["import-text", str(text), "-o", str(tmp_path / "o.xml")])
    assert result.exit_code != 0 and "one input may hold" in str(result.exception)
    assert not (tmp_path / "o.xml").exists()


def test_a_bad_bound_is_an_error_not_a_crash(monkeypatch):
    monkeypatch.setenv(limits.ENV_VAR, "lots")
    with pytest.raises(ConsolidatorError, match="not a number of megabytes"):
        lawfile.parse_law(BASE)


def test_act_text_in_another_encoding_names_line_and_column(tmp_path):
    act = tmp_path / "act.txt"
    act.write_bytes("Wet van 1 januari 2000\nARTIKEL I\nDe wet wordt gewijzigd.\n"
                    "caf\u00e9\n".encode("latin-1"))
    with pytest.raises(ActSyntaxError, match="not UTF-8") as info:
        parse_act_file(act)
    assert (info.value.line, info.value.column) == (4, 4)


def test_crlf_act_files_read_as_before(tmp_path):
    seed = Path(__file__).parent.parent / "corpus" / "acts" / "stb-1996-649.txt"
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    assert parse_act_file(crlf).articles == parse_act_file(seed).articles


# --------------------------------------------------------------------------- the CLI

@pytest.mark.parametrize("command", ["text", "apply"])
def test_cli_refuses_hostile_law_with_exit_code_1_and_no_output(tmp_path, fifo, command):
    from consolidator.cli import main  # the entry point: errors become messages
    law = tmp_path / "law.xml"
    law.write_text(f'<!DOCTYPE t [<!ENTITY x SYSTEM "{fifo.path}">]><toestand>&x;</toestand>')
    out = tmp_path / "out.xml"
    args = [command, str(law)] + (["-o", str(out)] if command == "apply" else [])
    code, stderr = _run_main(main, args)
    assert code == 1
    assert "DOCTYPE and entity declarations are not allowed" in stderr
    assert "Traceback" not in stderr and "line 1" in stderr
    assert not out.exists()
    assert not fifo.was_opened()


def _run_main(main, args) -> tuple[int, str]:
    import contextlib
    import io
    import sys
    err = io.StringIO()
    old = sys.argv
    sys.argv = ["consolidator"] + args
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                main()
                code = 0
            except SystemExit as exc:
                code = exc.code or 0
    finally:
        sys.argv = old
    return code, err.getvalue()


def test_import_bwb_refuses_a_hostile_manifest_and_keeps_the_store(tmp_path, fifo):
    from consolidator.cli import main
    folder = tmp_path / "BWBR0002458"
    folder.mkdir()
    for name in ("BWBR0002458.WTI.xml", "BWBR0002458_2005-09-14_0.xml"):
        shutil.copy(FIXTURES / "bwb" / name, folder / name)
    (folder / "manifest.xml").write_text(
        f'<!DOCTYPE work [<!ENTITY x SYSTEM "{fifo.path}">]><work>&x;</work>')
    store = tmp_path / "store.sqlite"
    code, stderr = _run_main(main, ["import-bwb", str(folder), "--store", str(store)])
    assert code == 1 and "not allowed" in stderr and "Traceback" not in stderr
    assert not store.exists() or store.stat().st_size == 0 or _no_laws(store)
    assert not fifo.was_opened()


def _no_laws(store: Path) -> bool:
    from consolidator.store.db import Store
    opened = Store(store)
    try:
        return not opened.laws()
    finally:
        opened.close()


def test_an_internal_error_is_one_paragraph_with_its_own_exit_code(monkeypatch):
    from consolidator import cli as cli_module

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(lawtext, "render_law_text", broken)
    monkeypatch.delenv(cli_module.TRACEBACK_VAR, raising=False)
    code, stderr = _run_main(cli_module.main, ["text", str(BASE)])
    assert code == cli_module.INTERNAL_ERROR_EXIT == 70
    assert stderr.startswith("internal error: KeyError in cli/law.py:")
    assert "This is a bug in consolidator" in stderr and "Traceback" not in stderr
    monkeypatch.setenv(cli_module.TRACEBACK_VAR, "1")
    with pytest.raises(KeyError):
        _run_main(cli_module.main, ["text", str(BASE)])


def test_the_internal_error_location_does_not_depend_on_the_checkout_path(monkeypatch, tmp_path):
    """A checkout under a folder named «consolidator» (/tmp/x/consolidator/repo/) names the
    package's own file (cli/law.py), and a file outside the package under such a folder is
    not taken for one of the package's (issue 16)."""
    from consolidator import cli as cli_module
    package = tmp_path / "consolidator" / "repo" / "consolidator"
    monkeypatch.setattr(cli_module, "_PACKAGE_ROOT", str(package))
    ours = package / "cli" / "law.py"
    theirs = tmp_path / "consolidator" / "plugins" / "hook.py"

    message = cli_module.internal_error_message(_raise_through([ours, theirs]))
    assert message.startswith("internal error: KeyError in cli/law.py:2: 'boom'")
    message = cli_module.internal_error_message(_raise_through([theirs]))
    assert message.startswith("internal error: KeyError in hook.py:2: 'boom'")
    assert "/" not in message.splitlines()[0]  # no folder of the path, the package's or not


def _raise_through(files: list[Path]) -> KeyError:
    """The KeyError raised by a chain of calls through each file in turn (each a function
    compiled under that file name, line 2 its call or its raise), with its traceback."""
    def step_in(file: Path, body: str):
        namespace: dict = {}
        exec(compile(f"def step(then):\n    {body}\n", str(file), "exec"), namespace)
        return namespace["step"]

    last = step_in(files[-1], "raise KeyError('boom')")
    chain = lambda: last(None)  # noqa: E731
    for file in reversed(files[:-1]):
        chain = (lambda step, then: lambda: step(then))(step_in(file, "then()"), chain)
    try:
        chain()
    except KeyError as error:
        return error
    raise AssertionError("the chain did not raise")


# --------------------------------------------------------------------------- the watchers work

def test_the_watchers_see_an_unsafe_parser_read(fifo, listener):
    """Controls: a document through a parser that resolves entities does open the pipe,
    and a client is seen by the listener, so the assertions above can fail."""
    from lxml import etree
    unsafe = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    data = (f'<!DOCTYPE t [<!ENTITY x SYSTEM "{fifo.path}">]><toestand>&x;</toestand>').encode()
    root = etree.fromstring(data, unsafe)
    assert fifo.was_opened() and root.text.startswith("SECRET")
    # libxml2 builds without HTTP never fetch; the listener itself must still see a client
    socket.create_connection(listener.sock.getsockname(), timeout=1).close()
    assert listener.connected()


@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=12)
       | st.lists(st.sampled_from(["a", "\x00", "\x0b", "\x1f", "\t", "\n", "\r", "\ud800",
                                   "\udfff", "\ufffe", "\uffff", "\ufffd", "\U0010ffff", "é",
                                   "\x7f", "\x85"]), max_size=6).map("".join))
def test_the_quick_xml_character_check_agrees_with_the_pattern(text):
    """``_all_xml_chars`` (the UTF-8 bytes, a few passes in C) answers as the pattern does."""
    from consolidator.law.lawfile import _all_xml_chars, find_non_xml_char
    assert _all_xml_chars(text) == (find_non_xml_char(text) is None)

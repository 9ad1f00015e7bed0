"""The rendered site in a real browser: open a law, pick a date, see the text of that date;
the pages read in Dutch; an address per date opens the version in force; a superseded
version is reached from the law's overview; the search finds an article and leads to it.

Needs Debian's Chromium and ChromeDriver (``/usr/bin/chromium``, ``/usr/bin/chromedriver``)
and Selenium (the ``test`` extra). Without them the test is skipped with the reason, except
when ``CONSOLIDATOR_BROWSER_TEST=1`` (``.ci/run`` sets it): then a missing piece fails it.
Screenshots go to ``out/ci-artifacts/`` (or ``$CONSOLIDATOR_ARTIFACTS``).
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from consolidator.cli import cli
from test_site import ENGLISH, ISO_DATE

REQUIRED = os.environ.get("CONSOLIDATOR_BROWSER_TEST") == "1"
ARTIFACTS = Path(os.environ.get("CONSOLIDATOR_ARTIFACTS", ROOT / "out" / "ci-artifacts"))
#: the flags that keep Chromium from reaching for the network it does not have here
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1100,1400"]


def _require(found, what: str):
    if not found:
        reason = f"browser test: {what} is not installed (bash .ci/run installs it)"
        if REQUIRED:
            pytest.fail(f"{reason}; CONSOLIDATOR_BROWSER_TEST=1 says it must run")
        pytest.skip(reason)
    return found


@pytest.fixture(scope="module")
def webdriver_module():
    try:
        from selenium import webdriver
    except ImportError:
        webdriver = None
    return _require(webdriver, "selenium (pip install -e '.[test]')")


@pytest.fixture(scope="module")
def site(tmp_path_factory, corpus_store_path):
    folder = tmp_path_factory.mktemp("browser")
    result = CliRunner().invoke(cli, ["render", "--store", str(corpus_store_path), "-o",
                                      str(folder / "site"), "--quiet"])
    assert result.exit_code == 0, result.output
    return folder / "site"


@pytest.fixture(scope="module")
def server(site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(webdriver_module, tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    chromium = _require(shutil.which("chromium") or shutil.which("chromium-browser"),
                        "Debian's chromium")
    driver_path = _require(shutil.which("chromedriver"), "chromium-driver (chromedriver)")
    options = webdriver_module.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver_module.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _shot(browser, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    assert browser.save_screenshot(str(path)), path
    return path


def test_open_a_law_pick_a_date_and_see_its_text(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(f"{server}/index.html")
    browser.find_element(By.LINK_TEXT, "Wet op het basisonderwijs").click()
    wait.until(ec.url_contains("/BWBR0003420/index.html"))

    # the version select: the text before Stb. 1996, 649
    Select(browser.find_element(By.ID, "versie")).select_by_visible_text(
        "Geldend van 31 december 1996 t/m 31 december 1996")
    browser.find_element(By.XPATH, "//button[.='Toon deze versie']").click()
    wait.until(ec.url_contains("/BWBR0003420/1996-12-31.html"))
    body = browser.find_element(By.TAG_NAME, "main").text
    assert "Geldend van 31 december 1996 t/m 31 december 1996" in body
    assert "Artikel 86. Vergoeding gemeente voor ruimte lichamelijke oefening" in body
    assert "Artikel 105a1" not in body
    _shot(browser, "browser-BWBR0003420-1996-12-31.png")

    # any date: 1 June 1998 falls in the version valid from 1 January 1997
    field = browser.find_element(By.ID, "datum")
    browser.execute_script("arguments[0].value = '1998-06-01'", field)
    browser.find_element(By.XPATH, "//button[.='Toon de tekst van die datum']").click()
    wait.until(ec.url_contains("/BWBR0003420/1997-01-01.html"))
    body = browser.find_element(By.TAG_NAME, "main").text
    assert "Geldend van 1 januari 1997 t/m heden" in body
    assert "Artikel 105a1. Gemeentelijk beleid als een gemeente zelf geen openbare scholen" in body
    assert "Artikel 86 [Vervallen per 1 januari 1997]" in body
    path = _shot(browser, "browser-BWBR0003420-1997-01-01.png")
    assert path.stat().st_size > 10_000


def test_without_javascript_the_picker_leads_to_the_list_of_versions(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/BWBR0003420/kies.html?versie=1997-01-01.html")
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "main ul.versies a")]
    assert links == ["Geldend van 31 december 1996 t/m 31 december 1996",
                     "Geldend van 1 januari 1997 t/m heden"]


def _wait(browser):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(browser, 20)


def _main(browser) -> str:
    from selenium.webdriver.common.by import By
    return browser.find_element(By.TAG_NAME, "main").text


def _assert_dutch(browser) -> None:
    """No English word of the engine's, no ISO date in what the page shows (addresses
    shown as code aside)."""
    import re
    text = browser.execute_script(
        "var body = document.body.cloneNode(true);"
        "body.querySelectorAll('code').forEach(function (c) { c.remove(); });"
        "return body.innerText;")
    english = sorted({w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ENGLISH})
    assert not english, (browser.current_url, english)
    assert not ISO_DATE.search(text), (browser.current_url, ISO_DATE.search(text).group(0))


def test_the_pages_a_reader_walks_through_are_dutch(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    wait = _wait(browser)
    browser.get(f"{server}/index.html")
    _assert_dutch(browser)
    browser.find_element(By.LINK_TEXT, "Wet op het basisonderwijs").click()
    wait.until(ec.url_contains("/BWBR0003420/index.html"))
    _assert_dutch(browser)
    assert "Uitgangstekst (de tekst op 31 december 1996)" in _main(browser)
    # the Bronnen cell: 44 parts folded under their count, open on a click
    summary = browser.find_element(By.XPATH, "//summary[.='44 onderdelen']")
    part = browser.find_element(By.XPATH, "//details[summary='44 onderdelen']//li[1]")
    assert not part.is_displayed()
    summary.click()
    assert part.is_displayed() and part.text == "ARTIKEL I, onderdeel A"
    _shot(browser, "browser-BWBR0003420-overzicht.png")
    for path in ("BWBR0003420/1996-12-31.html", "BWBR0003420/1997-01-01-wijzigingen.html",
                 "BWBR0003420/artikel/105a1.html", "besluiten/stb-1996-649.html",
                 "BWBR0002458/index.html", "zoeken.html"):
        browser.get(f"{server}/{path}")
        _assert_dutch(browser)


def test_an_address_per_date_opens_the_version_in_force(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    wait = _wait(browser)
    browser.get(f"{server}/BWBR0003420/1997-01-01/")  # the stable address of a version
    assert "Geldend van 1 januari 1997 t/m heden" in _main(browser)
    browser.get(f"{server}/BWBR0002458/op.html?datum=2010-05-05")
    wait.until(ec.url_contains("/BWBR0002458/2009-07-01/index.html"))
    assert "Geldend van 1 juli 2009 t/m 13 juli 2010" in _main(browser)
    _assert_dutch(browser)
    _shot(browser, "browser-BWBR0002458-op-2010-05-05.png")
    # the form of the page asks for a date and opens it the same way
    browser.get(f"{server}/BWBR0003420/op.html")
    field = browser.find_element(By.ID, "datum")
    browser.execute_script("arguments[0].value = '1996-12-31'", field)
    browser.find_element(By.XPATH, "//form[@data-datum-adres]//button").click()
    wait.until(ec.url_contains("/BWBR0003420/1996-12-31/index.html"))
    assert "Geldend van 31 december 1996 t/m 31 december 1996" in _main(browser)
    # a day before the first version, and no date at all, are said so
    browser.get(f"{server}/BWBR0003420/op.html?datum=1990-01-01")
    status = browser.find_element(By.ID, "datum-melding")
    wait.until(lambda driver: status.text)
    assert status.text.startswith("Op 1 januari 1990 gold geen versie die de opslag kent")
    browser.get(f"{server}/BWBR0003420/op.html?datum=2010-02-31")
    status = browser.find_element(By.ID, "datum-melding")
    wait.until(lambda driver: status.text)
    assert "is geen datum" in status.text and browser.current_url.endswith("2010-02-31")


def test_a_superseded_version_is_reached_from_the_overview(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    wait = _wait(browser)
    browser.get(f"{server}/BWBR0003420/index.html")
    browser.find_element(By.LINK_TEXT, "Zoals bekend op 23 december 1996").click()
    wait.until(ec.url_contains("/BWBR0003420/bekend-op-1996-12-23.html"))
    _assert_dutch(browser)
    assert "Wet op het basisonderwijs zoals bekend op 23 december 1996" in _main(browser)
    browser.find_element(By.LINK_TEXT, "Tekst per 1 januari 1999").click()
    wait.until(ec.url_contains("/BWBR0003420/1999-01-01-bekend-op-1996-12-23.html"))
    body = _main(browser)
    _assert_dutch(browser)
    assert "vervangen op 28 april 1998" in body and "Vervangen tekst." in body
    assert "5. In afwijking van artikel 8:1 van de Algemene wet bestuursrecht" in body
    assert "Artikel 8:2 van de Algemene wet bestuursrecht is niet van toepassing" not in body
    _shot(browser, "browser-BWBR0003420-1999-01-01-bekend-op-1996-12-23.png")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Wat er nu anders is").click()
    wait.until(ec.url_contains("-verschil.html"))
    assert "Artikel 105a1: gewijzigd" in _main(browser)


def _search(browser, words: str) -> list:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    field = browser.find_element(By.ID, "zoekterm")
    field.clear()
    field.send_keys(words)
    browser.find_element(By.XPATH, "//form[@data-zoeken]//button").click()
    _wait(browser).until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#zoek-lijst a")))
    return browser.find_elements(By.CSS_SELECTOR, "#zoek-lijst a")


def test_the_search_finds_an_article_and_leads_to_it(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    browser.get(f"{server}/index.html")
    browser.find_element(By.LINK_TEXT, "Zoeken").click()
    _wait(browser).until(ec.url_contains("/zoeken.html"))
    results = _search(browser, "gemeentelijk BELEID")
    titles = [r.text for r in results]
    assert len(titles) == 6 and all("Gemeentelijk beleid" in t for t in titles), titles
    status = browser.find_element(By.ID, "zoek-melding").text
    assert status == "6 resultaten voor «gemeentelijk BELEID».", status
    _assert_dutch(browser)
    _shot(browser, "browser-zoeken.png")
    next(r for r in results if r.text.startswith("Artikel 105a1. ")).click()
    _wait(browser).until(ec.url_contains("/BWBR0003420/artikel/105a1.html"))
    assert "Wet op het basisonderwijs, artikel 105a1" in _main(browser)
    # a word only an older text had still finds the article; accents are ignored
    browser.get(f"{server}/zoeken.html?wet=BWBR0003420")
    titles = [r.text for r in _search(browser, "materiele instandhouding lichamelijke")]
    assert "Artikel 86 [Vervallen per 1 januari 1997]" in titles


def test_the_site_works_from_a_folder_on_disk(browser, site):
    """file://: no server; the address per date and the search still work."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    root = site.resolve().as_uri()
    browser.get(f"{root}/BWBR0003420/op.html?datum=2010-05-05")
    _wait(browser).until(ec.url_contains("/BWBR0003420/1997-01-01/index.html"))
    browser.get(f"{root}/zoeken.html")
    results = _search(browser, "lichamelijke oefening")
    assert any(r.text.startswith("Artikel 95a.") for r in results)
    results[0].click()
    _wait(browser).until(ec.url_contains("/artikel/"))
    assert browser.find_element(By.TAG_NAME, "h1").text

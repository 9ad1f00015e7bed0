"""The rendered site in a real browser: open a law, pick a date, see the text of that date.

Needs Debian's Chromium and ChromeDriver (``/usr/bin/chromium``, ``/usr/bin/chromedriver``)
and Selenium (the ``test`` extra). Without them the test is skipped with the reason, except
when ``CONSOLIDATOR_BROWSER_TEST=1`` (``.ci/run`` sets it): then a missing piece fails it.
Screenshots go to ``out/ci-artifacts/`` (or ``$CONSOLIDATOR_ARTIFACTS``).
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from consolidator.cli import cli

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
    assert "Artikel 86 [Vervallen per 1997-01-01]" in body
    path = _shot(browser, "browser-BWBR0003420-1997-01-01.png")
    assert path.stat().st_size > 10_000


def test_without_javascript_the_picker_leads_to_the_list_of_versions(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/BWBR0003420/kies.html?versie=1997-01-01.html")
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "main ul.versies a")]
    assert links == ["Geldend van 31 december 1996 t/m 31 december 1996",
                     "Geldend van 1 januari 1997 t/m heden"]

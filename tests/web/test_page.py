"""The page end to end: `communique serve` in its own process, driven in headless Chromium.

Needs Debian's chromium and the playwright package; .ci/run installs both, so in CI (CI set) their
absence is a failure, elsewhere a skip. The screenshots are kept in artifacts/e2e/."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import need

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "e2e"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(store_path):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from communique.cli import main; raise SystemExit(main())",
                             "serve", "--db", str(store_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "api/about", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"the server stopped: {proc.stdout.read().decode()}")
                time.sleep(0.2)
        else:
            pytest.fail("the server did not answer within 30 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    need("playwright", sync_playwright is not None)
    need("chromium (apt-get install -y chromium)", shutil.which("chromium"))
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_filter_dyad_open_the_call_and_see_its_evidence(server, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(server)
    page.wait_for_selector("#timeline .marker")
    page.fill("input[name=a]", "RUS")
    page.fill("input[name=b]", "USA")
    page.click("button[type=submit]")
    page.wait_for_function("new URLSearchParams(location.search).get('b') === 'USA'")
    page.wait_for_selector("#events tbody tr")
    page.wait_for_function("[...document.querySelectorAll('#events tbody tr td:nth-child(3)')]"
                           ".every(td => /RUS|USA/.test(td.textContent))")
    call = page.locator('#timeline .marker[data-date="2021-12-07"][data-code="041"]')
    assert call.count() == 1
    page.screenshot(path=str(ARTIFACTS / "timeline-rus-usa.png"), full_page=True)
    call.click()
    page.wait_for_selector("#event-view:not([hidden]) #evidence li")
    assert "2021-12-07" in page.inner_text("#event-title")
    evidence = page.locator("#evidence li")
    assert evidence.count() == 3
    triggers = page.locator("#evidence mark.trigger").all_inner_texts()
    assert "video call" in triggers and len(triggers) == 3
    assert page.locator("#evidence mark.source").first.inner_text().endswith("Biden")
    assert page.locator("#evidence mark.trigger").first.evaluate("m => getComputedStyle(m).backgroundColor") \
        != "rgba(0, 0, 0, 0)"
    page.screenshot(path=str(ARTIFACTS / "event-evidence.png"))
    assert not failed, failed


def test_article_text_is_shown_as_text(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})     # a phone
    page.goto(server + "?a=KEN&b=NOR")
    page.wait_for_selector("#events tbody tr")
    page.click("#events tbody tr")
    page.wait_for_selector("#event-view:not([hidden]) #evidence li")
    sentence = page.inner_text("#evidence .sentence")
    assert "<b>Kenya's</b>" in sentence and "<img src=x" in sentence
    assert page.locator("#evidence b, #evidence img").count() == 0
    assert page.locator("#evidence a[href^='javascript']").count() == 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px phone"
    page.screenshot(path=str(ARTIFACTS / "phone-event.png"))

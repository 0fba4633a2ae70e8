"""The web interface in a real browser: Debian's Chromium driven by Playwright, against a real
``libkg serve`` process over a store of a sample article (plus ``tests/data/serve/fixture.trig``).

Skipped when Playwright or /usr/bin/chromium is missing.  The store holds sample article d01 only.  Screenshots of the three main pages are
written to ``$LIBKG_SCREENSHOTS`` (default: the system temp folder) for people to look at.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from libkg.serve.testing import build_store, running_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
FIXTURE = Path(__file__).resolve().parent / "data" / "serve" / "fixture.trig"
SHOTS = Path(os.environ.get("LIBKG_SCREENSHOTS", tempfile.gettempdir()))
NGA = "Kiều Thúy Nga"

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def server(tmp_path_factory, samples_dir):
    # d01 (Kiều Thúy Nga and her post) is enough here and keeps the file fast
    store = build_store(tmp_path_factory.mktemp("browser") / "store", samples_dir / "d01.json", [FIXTURE])
    with running_server(store, tmp_path_factory.mktemp("browser-log") / "server.log") as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    pg = ctx.new_page()
    pg.set_default_timeout(15000)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    yield pg
    ctx.close()
    assert not errors, errors


def test_editor_runs_a_bundled_query(page, server):
    page.goto(server.url + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    assert page.locator("#plain-editor").is_hidden()  # YASGUI took over from the plain form
    page.click('[data-query="positions"]')  # binds its example: name = Kiều Thúy Nga
    rows = page.locator(".yasr table tbody tr")
    rows.first.wait_for()
    text = page.inner_text(".yasr table tbody")
    assert NGA in text and "Vụ trưởng" in text and "Vụ Thư viện" in text
    page.screenshot(path=str(SHOTS / "libkg-serve-editor.png"))
    # and an edited query through the run button
    page.evaluate("() => { window.libkgYasgui.getTab().setQuery("
                  "'SELECT ?n WHERE { ?p skos:prefLabel ?n FILTER(CONTAINS(?n, \"Kiểm Thử A\")) }'); }")
    page.click(".yasqe_queryButton")
    # a locator wait, not wait_for_function: the page's CSP forbids evaluating strings
    page.locator(".yasr table tbody", has_text="Thư viện Kiểm Thử A").wait_for(timeout=30000)


def test_search_then_entity_page(page, server):
    page.goto(server.url + "/")
    page.fill("#q", "kieu thuy nga")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=kieu+thuy+nga")
    page.click(f"ol.results a:text-is('{NGA}')")
    page.wait_for_url("**/id/person/**")
    assert page.inner_text("h1") == NGA
    positions = page.inner_text("#positions")
    assert "Vụ trưởng" in positions and "Vụ Thư viện" in positions
    sources = page.inner_text("#sources")
    assert "Kiều Thuý Nga" in sources or NGA in sources
    assert page.locator("#sources a[href='/id/article/d01']").count() >= 1
    page.screenshot(path=str(SHOTS / "libkg-serve-entity.png"), full_page=True)


def test_network_draws_nodes_and_a_click_opens_the_page(page, server):
    page.goto(server.url + "/network")
    page.wait_for_selector("#network[data-ready='1']", timeout=30000)
    n = page.evaluate("window.libkgNetwork.body.data.nodes.length")
    assert n >= 4
    page.screenshot(path=str(SHOTS / "libkg-serve-network.png"))
    target = "https://w3id.org/libkg/id/org/thu-vien-kiem-thu-a"
    xy = page.evaluate("""(id) => {
        const net = window.libkgNetwork, p = net.canvasToDOM(net.getPosition(id));
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""", target)
    page.mouse.click(xy[0], xy[1])
    page.wait_for_url("**/id/org/thu-vien-kiem-thu-a")
    assert page.inner_text("h1") == "Thư viện Kiểm Thử A"


def test_search_and_entity_pages_work_without_javascript(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(server.url + "/search?q=kieu+thuy+nga")
        pg.click(f"ol.results a:text-is('{NGA}')")
        pg.wait_for_url("**/id/person/**")
        assert "Vụ trưởng" in pg.inner_text("#positions")
        pg.goto(server.url + "/sparql")  # the plain form stands in for the editor
        assert pg.locator("#plain-editor textarea").is_visible()
        pg.goto(server.url + "/timeline")
        pg.select_option("#province", label="Bắc Kiểm Thử")
        pg.click("form.filter button")
        body = pg.inner_text("main")
        assert "Hội thảo kiểm thử 2024" in body and "Hội nghị kiểm thử 2023" not in body
    finally:
        ctx.close()

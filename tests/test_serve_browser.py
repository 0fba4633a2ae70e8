"""The web interface in a real browser: Debian's Chromium driven by Playwright, against a real
``libkg serve`` process over a store of a sample article (plus ``tests/data/serve/fixture.trig``).

Skipped when Playwright or /usr/bin/chromium is missing.  The store holds sample article d01 only
(plus the hand-written ``fixture.trig`` and ``browse.trig``).  Screenshots of every page, at desktop
width and at a 390 px phone width, are written to ``$LIBKG_SCREENSHOTS`` (default: the system temp
folder) for people to look at (CI keeps them as artifacts).  Every request every page makes is
recorded, and a test fails if one leaves 127.0.0.1.
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
BROWSE = Path(__file__).resolve().parent / "data" / "serve" / "browse.trig"
SHOTS = Path(os.environ.get("LIBKG_SCREENSHOTS", tempfile.gettempdir()))
SHOTS.mkdir(parents=True, exist_ok=True)
NGA = "Kiều Thúy Nga"

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def server(tmp_path_factory, samples_dir):
    # d01 (Kiều Thúy Nga and her post) is enough here and keeps the file fast
    store = build_store(tmp_path_factory.mktemp("browser") / "store", samples_dir / "d01.json", [FIXTURE, BROWSE])
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
    outside: list[str] = []
    ctx.on("request", lambda r: None if is_local(r.url) else outside.append(r.url))
    yield pg
    ctx.close()
    assert not errors, errors
    assert not outside, f"requests that left 127.0.0.1: {outside}"


def is_local(url: str) -> bool:
    """Whether a request stays on this machine's test server (or is an inline data: / blob: URL)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


def test_editor_runs_a_bundled_query(page, server):
    page.goto(server.url + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    assert page.locator("#plain-editor").is_hidden()  # YASGUI took over from the plain form
    assert page.locator(".yasqe .parseErrorIcon").count() == 0  # the first query parses as shown
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


# ------------------------------------------------------------------ issue 21: browsing as a researcher
TQ_AFTER = "https://w3id.org/libkg/id/place/vn-34/08-tuyen-quang"
HG_EVENT = "Ngày hội đọc sách kiểm thử Hà Giang 2021"
PHONE = {"width": 390, "height": 844}


def shoot(pg, name: str) -> None:
    """A full-page screenshot at the page's width, then at a phone's width (390 px)."""
    size = pg.viewport_size
    pg.screenshot(path=str(SHOTS / f"libkg-serve-{name}.png"), full_page=True)
    pg.set_viewport_size(PHONE)
    pg.screenshot(path=str(SHOTS / f"libkg-serve-{name}-phone.png"), full_page=True)
    phone_overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    pg.set_viewport_size(size)
    assert phone_overflow <= 2, f"{name}: the page is {phone_overflow} px wider than a phone"


def test_home_counts_lead_to_sortable_paged_lists(page, server):
    page.goto(server.url + "/")
    shoot(page, "home")
    page.click("#count-persons")
    page.wait_for_url("**/browse/persons")
    assert page.inner_text("h1") == "Người"
    first = page.locator("#list tbody tr td:first-child a").first.inner_text()
    page.click("#list thead a:text('Tên')")  # already sorted by name: the click reverses the order
    page.wait_for_url("**order=desc**")
    assert page.locator("#list tbody tr td:first-child a").first.inner_text() != first
    shoot(page, "list-persons")
    for name in ("organizations", "events", "places", "articles"):
        page.click(f"nav.lists a[href='/browse/{name}']")
        page.wait_for_url(f"**/browse/{name}")
        assert page.locator("#list tbody tr").count() >= 1, name
        shoot(page, f"list-{name}")
    page.goto(server.url + "/browse/places?size=20")
    page.click("nav.pager a[rel='next']")
    page.wait_for_url("**page=2**")
    assert page.locator("nav.pager strong[aria-current='page']").inner_text() == "2"


def test_lists_and_timeline_follow_the_reform_without_javascript(browser, server):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    ctx.on("request", lambda r: None if is_local(r.url) else outside.append(r.url))
    try:
        pg = ctx.new_page()
        pg.goto(server.url + "/browse/events")
        pg.select_option("#filter-province", value=TQ_AFTER)
        pg.click("form.filter button")
        pg.wait_for_url("**province=**")
        assert HG_EVENT in pg.inner_text("#list")  # Hà Giang was merged into Tuyên Quang
        pg.goto(server.url + "/timeline")
        pg.select_option("#province", value=TQ_AFTER)
        pg.click("form.filter button")
        body = pg.inner_text("main")
        assert HG_EVENT in body and "Tuyên Quang (từ 2025)" in body
        shoot(pg, "timeline-post-reform")
        pg.goto(server.url + "/network")
        assert pg.locator("#network-table table").first.is_visible()  # the table stands in
        assert pg.locator("#network").is_hidden() and pg.locator(".network-search").is_hidden()
        assert pg.locator("#legend li").count() >= 3
        shoot(pg, "network-no-js")
    finally:
        ctx.close()
    assert not outside, outside


def test_entity_pages_read_as_pages(page, server):
    page.goto(server.url + "/search?q=kieu+thuy+nga")
    page.click(f"ol.results a:text-is('{NGA}')")
    page.wait_for_url("**/id/person/**")
    assert page.locator("ol.posts li").count() >= 1 and "Vụ trưởng" in page.inner_text("ol.posts")
    shoot(page, "person")
    page.click("ol.posts a:text('Vụ Thư viện')")
    page.wait_for_url("**/id/org/**")
    assert page.inner_text("h1") == "Vụ Thư viện"
    shoot(page, "organisation")
    page.goto(server.url + "/id/event/kiem-thu-ha-giang-2021")
    summary = page.inner_text("#summary")
    assert "2021-04-21" in summary and "Hà Giang" in summary and "→ Tuyên Quang" in summary
    shoot(page, "event")
    page.click("#summary a:text('Hà Giang')")
    page.wait_for_url("**/id/place/vn-63/02-ha-giang")
    assert "trước sắp xếp năm 2025" in page.inner_text("#lineage")
    shoot(page, "province-pre-reform")
    page.click("#lineage a:text('Tuyên Quang')")
    page.wait_for_url("**/id/place/vn-34/08-tuyen-quang")
    assert "Hà Giang" in page.inner_text("#lineage") and HG_EVENT in page.inner_text("#events")
    shoot(page, "province-post-reform")
    page.goto(server.url + "/id/article/d01")
    assert page.inner_text("h1") != "d01" and page.locator("#read blockquote mark").count() >= 3
    shoot(page, "article")
    page.click("nav.lang a")  # the language switch
    page.wait_for_url("**lang=en")
    assert "What was read in the article" in page.inner_text("main")
    assert "Những gì đọc được" not in page.inner_text("main")


def test_editor_cut_answer_is_said_links_stay_local_and_renders_fast(page, server):
    import time

    page.goto(server.url + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.evaluate("() => { window.libkgYasgui.getTab().setQuery("
                  "'SELECT ?a ?b WHERE { ?a a lkg:Place . ?b a lkg:Place }'); }")  # > 10,000 rows
    started = time.monotonic()
    with page.expect_response(lambda r: r.url.endswith("/sparql") and r.request.method == "POST") as answer:
        page.click(".yasqe_queryButton")
    answered = time.monotonic()
    assert answer.value.headers.get("x-libkg-truncated") == "max-rows=10000"
    page.locator(".yasr table tbody tr").first.wait_for(timeout=30000)
    drawn = time.monotonic()
    (SHOTS / "libkg-serve-editor-timing.txt").write_text(
        f"10,000-row answer: {drawn - started:.2f} s from the click to the table, "
        f"{drawn - answered:.2f} s of it in the browser\n", encoding="utf-8")
    assert drawn - answered < 1.0, f"the table took {drawn - answered:.2f} s to draw"
    notice = page.locator("#truncated-notice")
    assert notice.is_visible() and "10000" in notice.inner_text()
    link = page.locator(".yasr table tbody a.iri").first
    href = link.get_attribute("href")
    assert href.startswith("/id/place/") and link.get_attribute("target") is None
    first_cell = page.locator(".yasr table tbody tr").first.locator("td").nth(1).inner_text()
    assert not first_cell.startswith("1")  # the row number has its own column
    shoot(page, "editor-truncated")
    link.click()
    page.wait_for_url("**" + href)
    assert page.locator("h1").inner_text()


def test_network_legend_and_search(page, server):
    page.goto(server.url + "/network")
    page.wait_for_selector("#network[data-ready='1']", timeout=30000)
    assert page.locator("#legend li .swatch").count() >= 2
    page.fill("#network-find", "kiem thu a")
    page.wait_for_function("() => window.libkgNetwork.getSelectedNodes().length > 0")
    assert page.evaluate("window.libkgNetwork.getSelectedNodes()") == [
        "https://w3id.org/libkg/id/org/thu-vien-kiem-thu-a"]
    shoot(page, "network")

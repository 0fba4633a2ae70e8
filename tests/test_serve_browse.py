"""The lists to browse (``/browse/...``), the language switch and the 2025 reform in the pages,
over HTTP against a real ``libkg serve`` process on a store of the sample articles plus
``tests/data/serve/fixture.trig`` and ``tests/data/serve/browse.trig``.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import httpx
import pytest

from libkg.normalize import ascii_fold
from libkg.serve.testing import build_store, running_server

DATA = Path(__file__).resolve().parent / "data" / "serve"
TQ_AFTER = "https://w3id.org/libkg/id/place/vn-34/08-tuyen-quang"
TQ_BEFORE = "https://w3id.org/libkg/id/place/vn-63/08-tuyen-quang"
HA_GIANG = "https://w3id.org/libkg/id/place/vn-63/02-ha-giang"
HG_EVENT = "Ngày hội đọc sách kiểm thử Hà Giang 2021"
ROW = re.compile(r"<tr>\s*(.*?)</tr>", re.S)
LINK = re.compile(r'<a href="(/[^"]*)">([^<]*)</a>')


@pytest.fixture(scope="module")
def server(tmp_path_factory, samples_dir):
    store = build_store(tmp_path_factory.mktemp("browse") / "store", samples_dir,
                        [DATA / "fixture.trig", DATA / "browse.trig"])
    with running_server(store, tmp_path_factory.mktemp("browse-log") / "server.log") as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def rows(html: str) -> list[tuple[str, str]]:
    """(path, text) of the first link of each row of the list table."""
    table = html[html.index('<table class="list"'):html.index("</table>")]
    out = []
    for r in ROW.findall(table.split("<tbody>", 1)[1]):
        m = LINK.search(r)
        assert m, r
        out.append((m.group(1), unescape(m.group(2))))
    return out


def total(html: str) -> int:
    return int(re.search(r'<p class="count">(\d+)', html).group(1))


def test_home_counts_link_to_the_lists(client):
    home = client.get("/").text
    for key in ("persons", "organizations", "events", "places", "articles"):
        m = re.search(rf'<a href="(/browse/{key})" id="count-{key}"><strong>(\d+)</strong>', home)
        assert m, key
        r = client.get(m.group(1))
        assert r.status_code == 200
        assert total(r.text) == int(m.group(2)), key  # the list holds what the home page counts
        assert rows(r.text)


def test_persons_list_shows_a_post_with_its_organisation(client):
    html = client.get("/browse/persons", params={"size": 200}).text
    assert re.search(r'>Kiều Thúy Nga</a></td><td>Vụ trưởng, Vụ Thư viện</td>', html)


def test_pages_are_bounded_and_cover_the_list(client):
    first = client.get("/browse/persons", params={"size": 20})
    n = total(first.text)
    assert n > 40 and len(rows(first.text)) == 20
    seen = []
    for page in range(1, -(-n // 20) + 1):
        seen += rows(client.get("/browse/persons", params={"size": 20, "page": page}).text)
    assert len(seen) == n and len(set(seen)) == n  # every person once, no page overlaps
    assert 'rel="next"' in first.text and 'rel="prev"' not in first.text
    last = client.get("/browse/persons", params={"size": 20, "page": -(-n // 20)}).text
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_sort_by_name_both_ways_and_by_counts(client):
    names = [t for _, t in rows(client.get("/browse/persons", params={"size": 200}).text)]
    folded = [ascii_fold(t).casefold() for t in names]
    assert folded == sorted(folded)
    back = [t for _, t in rows(client.get("/browse/persons", params={"size": 200, "order": "desc"}).text)]
    assert back == names[::-1]
    html = client.get("/browse/persons", params={"sort": "posts", "size": 200}).text
    counts = [int(c) for c in re.findall(r'<td class="num">(\d+)</td><td class="num">\d+</td>', html)]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    assert html.count("aria-sort=") == 1 and '<th class="num" aria-sort="descending">' in html  # for screen readers


def test_organisations_by_kind(client):
    lib = "https://w3id.org/libkg/ontology#Library"
    html = client.get("/browse/organizations", params={"kind": lib, "size": 200}).text
    names = [t for _, t in rows(html)]
    assert "Thư viện Kiểm Thử A" in names and "Hội Kiểm Thử C" not in names
    assert total(html) < total(client.get("/browse/organizations").text)
    assert f'<option value="{lib}" selected>' in html


def test_events_by_kind_year_and_post_reform_province(client):
    hg = [t for _, t in rows(client.get("/browse/events", params={"province": HA_GIANG, "size": 200}).text)]
    before = [t for _, t in rows(client.get("/browse/events", params={"province": TQ_BEFORE, "size": 200}).text)]
    after_html = client.get("/browse/events", params={"province": TQ_AFTER, "size": 200}).text
    after = [t for _, t in rows(after_html)]
    assert HG_EVENT in hg and HG_EVENT not in before
    # today's Tuyên Quang holds what happened in Hà Giang and old Tuyên Quang before the merger
    assert set(hg) | set(before) <= set(after) and HG_EVENT in after
    assert "Tuyên Quang (từ 2025)" in after_html and "Tuyên Quang (trước 2025)" in after_html
    y = client.get("/browse/events", params={"year": "2021", "size": 200}).text
    assert HG_EVENT in [t for _, t in rows(y)]
    assert all(d.startswith("2021") for d in re.findall(r'<td class="date">([^<]*)</td>', y))
    k = client.get("/browse/events", params={"kind": "https://w3id.org/libkg/vocab/event-kind/Festival",
                                             "year": "2021"}).text
    assert HG_EVENT in k and "Hội nghị kiểm thử 2023" not in k


def test_places_show_their_era_and_filter_by_kind(client):
    province = "https://w3id.org/libkg/vocab/place-kind/Province"
    def units(era_property: str) -> int:  # the gazetteer's provinces of one era, by SPARQL
        q = f"SELECT (COUNT(?u) AS ?n) WHERE {{ ?u a lkg:ProvincialUnit ; lkg:placeKind <{province}> ; {era_property} ?d }}"
        return int(client.get("/sparql", params={"query": q}).json()["results"]["bindings"][0]["n"]["value"])

    after = client.get("/browse/places", params={"era": "after", "kind": province, "size": 200}).text
    n_after = units("lkg:validFrom")
    assert 20 < n_after < 34 and total(after) == n_after  # the provinces since 2025-07-01 (not the cities)
    assert after.count('class="era after"') == n_after and 'class="era before"' not in after
    before = client.get("/browse/places", params={"era": "before", "kind": province, "size": 200}).text
    assert total(before) == units("lkg:validUntil") > n_after
    # a place inside a pre-reform province has that province's era
    district = client.get("/browse/places", params={"kind": "https://w3id.org/libkg/vocab/place-kind/District",
                                                    "size": 200}).text
    row = district[district.index(">Huyện Kiểm Thử</a>"):]
    assert row[:row.index("</tr>")].count('class="era before"') == 1


def test_articles_list_headline_publisher_and_link(client):
    html = client.get("/browse/articles", params={"sort": "date", "order": "desc"}).text
    dates = re.findall(r'<td class="date">([^<]*)</td>', html)
    assert dates == sorted(dates, reverse=True)
    assert 'href="/id/article/kiem-thu">Hội nghị kiểm thử của các thư viện</a>' in html
    assert 'href="https://example.vn/tin/kiem-thu" rel="noopener nofollow"' in html


def test_markup_in_labels_is_escaped(client):
    html = client.get("/browse/organizations", params={"size": 200}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(("params", "name"), [
    ({"page": "0"}, "page"), ({"page": "x"}, "page"), ({"page": "9" * 5000}, "page"), ({"size": "5000"}, "size"),
    ({"sort": "iri"}, "sort"), ({"page": "١٢"}, "page"),
    ({"order": "up"}, "order"), ({"year": "20x1"}, "year"), ({"province": "not an iri"}, "province"),
])
def test_bad_list_parameters_are_400_naming_them(client, params, name):
    r = client.get("/browse/events", params=params)
    assert r.status_code == 400 and f"`{name}`" in r.text and "Traceback" not in r.text


def test_unknown_list_is_404(client):
    assert client.get("/browse/secrets").status_code == 404


def test_one_language_per_page_with_a_switch(client):
    with httpx.Client(base_url=client.base_url, timeout=30) as fresh:
        vi = fresh.get("/browse/events").text
        assert '<html lang="vi">' in vi and "<h1>Sự kiện</h1>" in vi and "Events" not in vi
        assert 'href="/browse/events?lang=en"' in vi
        en = fresh.get("/browse/events", params={"lang": "en"})
        assert '<html lang="en">' in en.text and "<h1>Events</h1>" in en.text and "Sự kiện</h1>" not in en.text
        assert fresh.cookies.get("lang") == "en"
        assert "cookie" in en.headers["vary"].lower()  # caches keep one copy per language
        assert "cookie" in fresh.get("/id/place/vn-34/08-tuyen-quang").headers["vary"].lower()
        assert "<h1>Persons</h1>" in fresh.get("/browse/persons").text  # the choice is kept
        assert "<h1>Người</h1>" in fresh.get("/browse/persons", params={"lang": "vi"}).text


def test_timeline_offers_post_reform_provinces(client):
    html = client.get("/timeline").text
    assert f'<option value="{TQ_AFTER}">Tuyên Quang (từ 2025)</option>' in html
    after = client.get("/timeline", params={"province": TQ_AFTER}).text
    assert HG_EVENT in after and "Tuyên Quang (từ 2025)" in after
    assert TQ_AFTER not in after.split('<p class="count">', 1)[1].split("</p>", 1)[0]  # named, not an IRI
    assert HG_EVENT not in client.get("/timeline", params={"province": TQ_BEFORE}).text


# ------------------------------------------------------------------ entity pages that read as pages
def section(html: str, ident: str) -> str:
    start = html.index(f'id="{ident}"')
    return html[start:html.index("</section>", start) if "</section>" in html[start:] else None]


def test_person_page_posts_as_a_timeline(client):
    r = client.get("/search", params={"q": "kieu thuy nga"})
    path = re.search(r'href="(/id/person/[^"]+)">Kiều Thúy Nga</a>', r.text).group(1)
    html = client.get(path).text
    assert "<h1>Kiều Thúy Nga</h1>" in html
    posts = section(html, "positions")
    assert '<ol class="posts">' in posts and "Vụ trưởng" in posts and "Vụ Thư viện" in posts
    assert re.search(r'<span class="when">\d{4}-\d\d-\d\d', posts)
    assert "lkg:Person, lkg:Person" not in html  # each type once
    en = client.get(path, params={"lang": "en"}).text
    assert '<span class="badge">Person</span>' in en and "Posts over time" in en and "Chức vụ" not in en


def test_event_page_says_when_where_and_who_first(client):
    html = client.get("/id/event/kiem-thu-ha-giang-2021", params={"lang": "vi"}).text
    summary = html[html.index('id="summary"'):html.index("</dl>")]
    assert html.index('id="summary"') < html.index('id="facts"')
    assert "2021-04-21" in summary and "Huyện Kiểm Thử" in summary
    assert 'href="/id/place/vn-63/02-ha-giang">Hà Giang</a>' in summary
    assert 'href="/id/place/vn-34/08-tuyen-quang">→ Tuyên Quang</a>' in summary  # what Hà Giang became
    assert "Đơn vị tổ chức" in summary and "&lt;script&gt;" in summary and "<script>alert" not in html
    assert "ngày hội" in summary  # the kind in the page's language only
    assert "Festival" not in summary


def test_event_summary_names_its_article_and_what_it_is_part_of(client):
    html = client.get("/search", params={"q": "toa dam van hoa doc"}).text
    path = re.search(r'href="(/id/event/d18/[^"]+)"', html).group(1)
    page = client.get(path, params={"lang": "en"}).text
    summary = page[page.index('id="summary"'):page.index("</dl>")]
    assert "<dt>Source</dt>" in summary and 'href="/id/article/d18">Tọa đàm' in summary
    sub = re.search(r'<dt>Sub-events</dt><dd><a href="(/id/event/d18/[^"]+)">', summary)
    assert sub  # and the sub-event says what it is part of
    child = client.get(sub.group(1), params={"lang": "en"}).text
    assert re.search(r'<dt>Part of</dt><dd><a href="' + re.escape(path) + '">', child)


def test_place_pages_show_era_and_lineage(client):
    old = client.get("/id/place/vn-63/02-ha-giang", params={"lang": "vi"}).text
    banner = section(old, "lineage")
    assert "trước sắp xếp năm 2025" in banner and "2025-06-30" in banner
    assert 'Sáp nhập vào: <a href="/id/place/vn-34/08-tuyen-quang">Tuyên Quang</a>' in banner
    new = client.get("/id/place/vn-34/08-tuyen-quang").text
    banner = section(new, "lineage")
    assert "từ sắp xếp năm 2025" in banner and 'href="/id/place/vn-63/02-ha-giang">Hà Giang</a>' in banner
    assert HG_EVENT in section(new, "events")  # what happened on its territory before the merger
    assert '<span class="badge">Tỉnh</span>' in new  # the place's kind, not "Địa danh"
    assert '<span class="badge">Province</span>' in client.get("/id/place/vn-34/08-tuyen-quang",
                                                               params={"lang": "en"}).text
    district = client.get("/id/place/huyen-kiem-thu-ha-giang").text
    assert 'class="era before"' in district and 'href="/id/place/vn-63/02-ha-giang">Hà Giang</a>' in district


def test_article_page_reads_as_an_article(client):
    html = client.get("/id/article/d18", params={"lang": "vi"}).text
    title = unescape(re.search(r"<h1>(.*?)</h1>", html, re.S).group(1))
    assert title.startswith("Tọa đàm") and title != "d18"
    head = html[html.index('id="article"'):html.index("</dl>")]
    assert '<a href="/id/publisher/thuvienhanoi-org-vn">thuvienhanoi.org.vn</a>' in head
    assert '<a href="https://thuvienhanoi.org.vn/' in head and 'rel="noopener nofollow"' in head
    read = section(html, "read")
    quotes = re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", read, re.S)
    texts = [re.sub(r"</?mark>", "", q) for q in quotes]
    assert len(texts) == len(set(texts)) >= 3  # each sentence once
    assert all("<mark>" in q for q in quotes)  # the facts read in it, highlighted
    assert "<mark>Kiều Thúy Nga</mark>" in read or "<mark>Kiều Thuý Nga</mark>" in read
    assert re.search(r'>Kiều Thúy Nga</a> <span class="kind">người</span>', read)  # what was read, and its kind
    assert len(html) < 60000


def test_mention_and_position_pages_are_titled_by_labels(client):
    html = client.get("/id/article/d18").text
    mention = re.search(r'href="(/id/mention/d18/kieu-thuy-nga-[^"]+)"', client.get(
        re.search(r'href="(/id/person/kieu-thuy-nga-[^"]+)"', html).group(1)).text).group(1)
    h1 = re.search(r"<h1>(.*?)</h1>", client.get(mention).text).group(1)
    assert ascii_fold(h1) == "kieu thuy nga"  # the mention's name, not its hash
    person = client.get(re.search(r'href="(/id/person/kieu-thuy-nga-[^"]+)"', html).group(1)).text
    pos = re.search(r'<a href="(/id/position/[^"]+)">Vụ trưởng</a>', person).group(1)
    assert "<h1>Vụ trưởng — Vụ Thư viện</h1>" in client.get(pos).text


def test_search_shows_the_era_of_places_of_one_name(client):
    html = client.get("/search", params={"q": "tuyen quang", "lang": "vi"}).text
    old = html.index('href="/id/place/vn-63/08-tuyen-quang"')
    new = html.index('href="/id/place/vn-34/08-tuyen-quang"')
    assert 'class="era before"' in html[old:old + 400] and 'class="era after"' in html[new:new + 400]
    assert '<span class="kind">Tỉnh' in html[old:old + 400]  # the place's kind, not "Địa danh"


# ------------------------------------------------------------------ the network page
def test_network_colours_are_fixed_per_kind_and_isolated_nodes_dropped(client):
    every = client.get("/network.json", params={"isolated": "1"}).json()
    linked = client.get("/network.json").json()
    strong = client.get("/network.json", params={"min_weight": "2"}).json()
    assert any(n["links"] == 0 for n in every["nodes"])  # the sample has institutions without links
    assert all(n["links"] > 0 for n in linked["nodes"] + strong["nodes"])
    assert len(linked["nodes"]) + linked["dropped"] == len(every["nodes"])
    ends = {x for e in strong["edges"] for x in (e["from"], e["to"])}
    assert {n["id"] for n in strong["nodes"]} == ends and all(e["value"] >= 2 for e in strong["edges"])
    colour = {}
    for view in (every, linked, strong):
        for n in view["nodes"]:
            assert colour.setdefault(n["group"], n["color"]) == n["color"]  # one colour per kind, every view
    assert colour["Library"] == "#0072B2" and len(set(colour.values())) == len(colour)


def test_network_page_has_a_legend_and_a_table(client):
    html = client.get("/network", params={"lang": "vi"}).text
    legend = html[html.index('id="legend"'):html.index("</ul>", html.index('id="legend"'))]
    assert 'style="background: #0072B2"></span> thư viện' in legend
    table = section(html, "network-table")
    assert 'href="/id/org/thu-vien-kiem-thu-a">Thư viện Kiểm Thử A</a>' in table
    pair = r'<tr><td><a href="/id/org/[^"]+">[^<]+</a></td><td><a href="/id/org/[^"]+">[^<]+</a></td><td class="num">\d+</td>'
    assert re.search(pair, table) and table.count(">Thư viện Kiểm Thử A</a>") >= 2  # nodes and links tables


@pytest.mark.parametrize(("params", "name", "why"), [
    ({"from": "notadate"}, "from", "is not a date"), ({"to": "2023-13-01"}, "to", "month must be in 1..12"),
    ({"min_weight": "x"}, "min_weight", "is not a whole number"), ({"min_weight": "0"}, "min_weight", "from 1"),
    ({"min_weight": "9" * 5000}, "min_weight", "is not a whole number"),
    ({"isolated": "maybe"}, "isolated", "is not 0 or 1"), ({"from": "2024", "to": "2023"}, "from", "is after"),
])
def test_bad_network_filters_are_400_with_the_reason(client, params, name, why):
    for path in ("/network", "/network.json"):
        r = client.get(path, params=params, headers={"Accept": "text/html"})
        assert r.status_code == 400 and f"`{name}`" in r.text and why in r.text, (path, r.text[:300])


def test_undated_events_come_last_whichever_the_order(client):
    for order in ("asc", "desc"):
        html = client.get("/browse/events", params={"sort": "date", "order": order, "size": 200}).text
        dates = [d.strip()[:10] for d in re.findall(r'<td class="date">([^<]*)</td>', html)]
        dated = [d for d in dates if d]
        assert len(dated) < len(dates)  # the sample has undated events
        assert dates[:len(dated)] == dated and dated == sorted(dated, reverse=order == "desc")


def test_timeline_by_year_and_bad_values(client):
    html = client.get("/timeline", params={"year": "2021", "province": TQ_AFTER}).text
    assert HG_EVENT in html and 'id="y2021"' in html and 'id="y2023"' not in html
    assert '<option value="2021" selected>' in html
    for params, name in (({"year": "21"}, "year"), ({"province": "not an iri"}, "province")):
        r = client.get("/timeline", params=params)
        assert r.status_code == 400 and f"`{name}`" in r.text


@pytest.mark.parametrize("name", ["persons", "organizations", "events", "places", "articles"])
def test_lists_name_every_row_by_a_label(client, name):
    texts = [t for _, t in rows(client.get(f"/browse/{name}", params={"size": 200}).text)]
    slugs = [t for t in texts if re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{8}|[a-z]\d+", t)]
    assert texts and not slugs  # e.g. a merged organisation with only an rdfs:label is named by it


def test_pages_read_evidence_as_web_annotations(client):
    """Evidence in the evidence graphs (oa:Annotation, since issue 20) reaches the event's and the
    article's pages as it did from lkg:evidence nodes."""
    sentence = "Sáng 21/4, Ngày hội đọc sách kiểm thử Hà Giang 2021 khai mạc tại Huyện Kiểm Thử."
    event = client.get("/id/event/kiem-thu-ha-giang-2021").text
    sources = section(event, "sources")
    assert "<mark>Ngày hội đọc sách kiểm thử Hà Giang 2021</mark>" in sources
    assert 'href="/id/article/kiem-thu-browse">Ngày hội đọc sách ở Huyện Kiểm Thử</a>' in sources
    article = client.get("/id/article/kiem-thu-browse").text
    read = section(article, "read")
    assert re.sub(r"</?mark>", "", read).count(sentence) == 1
    assert 'href="/id/event/kiem-thu-ha-giang-2021">Ngày hội đọc sách kiểm thử Hà Giang 2021</a>' in read


def test_the_language_link_keeps_a_strange_path_encoded(client):
    r = client.get("/browse/x%22%3E%3Cscript%3E", params={"q": "1"}, headers={"Accept": "text/html"})
    assert r.status_code == 404 and "<script>" not in r.text
    assert 'href="/browse/x%22%3E%3Cscript%3E?q=1&amp;lang=en"' in r.text

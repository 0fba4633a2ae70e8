"""Network files and views: GEXF/GraphML/JSON round trips, the PNG, the offline HTML page, the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from libkg.cli import cli
from libkg.network import institutions, node_metrics, vis_data, write_network
from libkg.store import EmbeddedStore

TRIG = """
@prefix lkg: <https://w3id.org/libkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/kg/id/> .
<https://example.org/kg/graph/article/a1> {
  :db a lkg:Organization ; skos:prefLabel "Thư viện tỉnh Điện Biên" .
  :lh a lkg:Organization ; skos:prefLabel "Liên hiệp Thư viện các tỉnh miền núi phía Bắc" .
  :vu a lkg:Organization ; skos:prefLabel "Vụ Thư viện" .
  :hoi a lkg:Organization ; skos:prefLabel "Hội Thư viện Việt Nam" .
  :e1 a lkg:Event ; skos:prefLabel "Hội nghị sơ kết <nhiệm kỳ>" ; schema:startDate "2023-07-06"^^xsd:date ;
      schema:organizer :lh ; schema:attendee :db .
  :e2 a lkg:Event ; skos:prefLabel "Hội thảo chuyển đổi số" ; schema:startDate "2024-03-01"^^xsd:date ;
      schema:organizer :vu ; schema:attendee :lh , :hoi .
}
"""
DB, LH, VU = ("https://example.org/kg/id/" + x for x in ("db", "lh", "vu"))


def load(st: EmbeddedStore, trig: str = TRIG) -> None:
    ds = Dataset()
    ds.parse(data=trig, format="trig")
    for g in ds.graphs():
        if len(g):
            st.replace_article(str(g.identifier), g)


@pytest.fixture(scope="module")
def net() -> nx.Graph:
    with EmbeddedStore() as st:
        load(st)
        g = institutions(st)
    node_metrics(g)
    return g


@pytest.mark.parametrize("ext", [".gexf", ".graphml"])
def test_gexf_and_graphml_load_back_with_the_same_nodes_and_attributes(net, tmp_path, ext):
    back = nx.read_gexf(write_network(net, tmp_path / f"n{ext}")) if ext == ".gexf" else \
        nx.read_graphml(write_network(net, tmp_path / f"n{ext}"))
    assert set(back) == set(net)
    for n, d in net.nodes(data=True):
        b = back.nodes[n]
        assert b["label"] == d["label"] and b["kind"] == d["kind"] and b["iri"] == n
        assert int(b["community"]) == d["community"] and float(b["pagerank"]) == pytest.approx(d["pagerank"])
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in net.edges}
    for a, b, d in net.edges(data=True):
        assert back.edges[a, b]["events"] == d["events"] and float(back.edges[a, b]["weight"]) == d["weight"]
        assert back.edges[a, b]["event_labels"] == d["event_labels"]


def test_node_link_json(net, tmp_path):
    data = json.loads(write_network(net, tmp_path / "n.json").read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == set(net)
    with pytest.raises(ValueError):
        write_network(net, tmp_path / "n.docx")


def test_png_has_a_sane_size(net, tmp_path):
    from matplotlib import image

    path = write_network(net, tmp_path / "n.png", title="Mạng lưới thư viện")
    img = image.imread(path)
    h, w = img.shape[:2]
    assert 800 <= w <= 5000 and 600 <= h <= 5000
    assert img[..., :3].std() > 0.01  # something is drawn, not a blank canvas
    assert not (tmp_path / "n.png.part").exists()


def test_vis_data_ids_are_iris_and_edges_carry_events(net):
    d = vis_data(net)
    assert {n["id"] for n in d["nodes"]} == set(net)
    e = next(x for x in d["edges"] if {x["from"], x["to"]} == {DB, LH})
    assert e["events"] == [{"iri": "https://example.org/kg/id/e1", "date": "2023-07-06",
                            "label": "Hội nghị sơ kết <nhiệm kỳ>"}]


BROWSER_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


def test_html_view_draws_the_nodes_offline(net, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("Debian's chromium is not installed")
    path = write_network(net, tmp_path / "n.html", title="Thư viện <test>")
    html = path.read_text(encoding="utf-8")
    assert "<script src" not in html and "vis-network 10.1.2" in html
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS, headless=True)
        try:
            page = browser.new_page()
            errors: list[str] = []
            remote: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
            page.goto(Path(path).as_uri())
            page.wait_for_function("window.libkgNetwork !== undefined", timeout=20000)
            assert page.evaluate("window.libkgNetwork.network.body.data.nodes.length") == net.number_of_nodes()
            assert page.evaluate("Object.keys(window.libkgNetwork.network.body.nodes).length") >= len(net)
            assert page.locator("#network canvas").count() == 1
            box = page.locator("#network canvas").bounding_box()
            assert box and box["width"] > 200 and box["height"] > 200
            page.fill("#search", "vu thu vien")  # diacritics and case folded
            page.press("#search", "Enter")
            assert page.evaluate("window.libkgNetwork.network.getSelectedNodes()") == [VU]
            assert "Vụ Thư viện" in page.inner_text("#details")
            assert page.title() == "Thư viện <test>"
            assert not errors and not remote
        finally:
            browser.close()


# --------------------------------------------------------------------------- CLI
def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("netstore") / "s"
    with EmbeddedStore(path) as st:
        load(st)
    return str(path)


def test_cli_path_prints_each_hop_with_its_events(store_dir):
    r = run("network", "path", "Thư viện tỉnh Điện Biên", "vụ thư viện", "--store", store_dir)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("2 hop(s): Thư viện tỉnh Điện Biên -> Vụ Thư viện")
    assert "2023-07-06  Hội nghị sơ kết <nhiệm kỳ>  <https://example.org/kg/id/e1>" in r.output
    assert "2024-03-01  Hội thảo chuyển đổi số" in r.output
    r = run("network", "path", "Thư viện tỉnh Lào Cai", "Vụ Thư viện", "--store", store_dir)
    assert r.exit_code != 0 and "no node" in r.output


def test_cli_projections_ego_and_outputs(store_dir, tmp_path):
    out = tmp_path / "o"
    r = run("network", "institutions", "--store", store_dir, "--from", "2024", "-o", str(out / "i.graphml"),
            "-o", str(out / "i.html"), "--metrics", str(out / "m.csv"))
    assert r.exit_code == 0, r.output
    assert "3 institutions, 3 links" in r.output  # --from 2024 keeps e2 only
    assert (out / "i.html").stat().st_size > 100_000 and "pagerank" in (out / "m.csv").read_text(encoding="utf-8")
    r = run("network", "ego", LH, "--store", store_dir)
    assert r.exit_code == 0 and "3 neighbour(s)" in r.output
    r = run("network", "hierarchy", "--store", store_dir, "--from", "2020")
    assert r.exit_code == 2 and "no --from filter" in r.output
    for sub in ["institutions", "hierarchy", "affiliations", "persons", "events-places", "ego", "path"]:
        r = run("network", sub, "--help")
        assert r.exit_code == 0 and "Example:" in r.output and "libkg network" in r.output

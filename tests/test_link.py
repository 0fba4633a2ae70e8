"""Authority linking (libkg.link) with real components: embedded stores holding the sample
articles, and a real Oxigraph server on localhost serving a small Wikidata-shaped fixture
(tests/data/wikidata-fixture.ttl)."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from libkg.cli import cli
from libkg.link import Decision, link_offline, links_graph_iri, read_review, write_review
from libkg.link.model import Candidate, Entity
from libkg.link.offline import institutions
from libkg.link.reconcile import candidate_query, score
from libkg.resolve.places import gazetteer
from libkg.store import EmbeddedStore
from libkg.testing import oxigraph_exe, start_oxigraph

FIXTURE = Path(__file__).parent / "data" / "wikidata-fixture.ttl"
PROVINCES = Path(__file__).resolve().parents[1] / "libkg" / "data" / "gazetteer" / "vn-provinces.csv"
LINKS = str(links_graph_iri())
# for each entity of the fixture, words one sample article must all contain: the first such article
# goes into a small store (fewer entities, fewer requests, a fast test)
NEEDS = (("Kiều Th", "Nga", "Vụ Thư viện"), ("Thư viện Quốc gia Việt Nam",), ("Hội Thư viện Việt Nam",),
         ("Bộ Văn hóa, Thể thao và Du lịch",), ("ĐH Thủy lợi",), ("Đại học Văn hóa Hà Nội",),
         ("Bích Dung", "Lào Cai"), ("Nguyễn Thị Hòa",))


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _copy(sample_store, dest: Path, articles: set[str] | None = None) -> Path:
    """A disk store holding the sample store's graphs (all, or the reference graphs and ``articles``)."""
    def keep(q: ox.Quad) -> bool:
        if isinstance(q.graph_name, ox.DefaultGraph):
            return False
        g = q.graph_name.value
        return articles is None or "/graph/article/" not in g or g.rsplit("/", 1)[-1] in articles

    with EmbeddedStore(dest) as st:
        st.store.extend(q for q in sample_store.store if keep(q))
        st.rebuild_union()
    return dest


def _rows(path, sparql: str):
    """Rows as tuples of strings; ``path`` is a store folder or an open store."""
    if not isinstance(path, Path):
        return [tuple(None if v is None else str(v) for v in r) for r in path.query(sparql)]
    with EmbeddedStore(path) as st:
        return _rows(st, sparql)


# ------------------------------------------------------------------ offline

def test_offline_links_every_province_before_and_after_the_reform(sample_store, tmp_path):
    path = _copy(sample_store, tmp_path / "s")
    r = run("link", "--offline", "--store", str(path))
    assert r.exit_code == 0, r.output
    assert "98 node(s) linked" in r.output  # 63 + 34 units and Việt Nam

    expected: dict[tuple[str, str], str] = {}  # straight from the gazetteer file, not through libkg
    with PROVINCES.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            expected[("vn-63", row["gso_code"])] = row["wikidata"]
            expected[("vn-34", row["successor_gso_code"])] = row["successor_wikidata"]
    assert len(expected) == 97
    units = {str(u.iri): (u.era, u.gso) for u in gazetteer().units}
    st = EmbeddedStore(path)
    in_links = _rows(st, f"SELECT ?p ?q WHERE {{ GRAPH <{LINKS}> {{ ?p lkg:wikidataId ?q }} }}")
    linked = {p: q for p, q in in_links}
    nodes = _rows(st, "SELECT ?p (GROUP_CONCAT(?q) AS ?ids) WHERE { ?p a lkg:ProvincialUnit "
                        "OPTIONAL { ?p lkg:wikidataId ?q } } GROUP BY ?p")
    assert len(nodes) == 97
    for p, ids in nodes:
        want = expected[units[p]]
        assert linked.get(p) == want, p  # written by the link step, with the right id
        assert ids == want, p  # and the node carries exactly that one id
    eras = {units[p][0] for p, _ in nodes}
    assert eras == {"vn-63", "vn-34"}

    # exact when the item is the unit's alone, close when shared across the reform (Lào Cai)
    matches = dict(_rows(st, f"SELECT ?p ?m WHERE {{ GRAPH <{LINKS}> {{ ?p ?m ?i "
                               f"FILTER(?m IN (skos:exactMatch, skos:closeMatch)) }} }}"))
    old_yb = next(p for p, (e, g) in units.items() if (e, g) == ("vn-63", "15"))
    lao_cai = [p for p, (e, g) in units.items() if expected[(e, g)] == "Q36446"]
    assert matches[old_yb].endswith("exactMatch") and len(lao_cai) == 2
    assert all(matches[p].endswith("closeMatch") for p in lao_cai)
    prov = _rows(st, f"SELECT ?a ?t ?c ?src WHERE {{ GRAPH <{LINKS}> {{ ?a owl:annotatedSource <{old_yb}> ; "
                       f"a prov:Activity ; dcterms:type ?t ; <https://w3id.org/sssom/confidence> ?c ; "
                       f"dcterms:source ?src ; prov:endedAtTime ?when }} }}")
    assert prov and prov[0][1] == "offline" and "vn-provinces.csv" in prov[0][3]
    assert not _rows(st, "SELECT * WHERE { ?s owl:sameAs ?o }")
    size = _rows(st, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{LINKS}> {{ ?s ?p ?o }} }}")
    st.close()
    assert run("link", "--offline", "--store", str(path)).exit_code == 0
    assert _rows(path, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{LINKS}> {{ ?s ?p ?o }} }}") == size


def test_offline_institution_table_is_verified_and_applied():
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    from libkg.rdf.namespaces import LKG
    from libkg.resolve.organizations import org_iri

    rows = institutions()
    assert {i.name for i in rows} >= {"Thư viện Quốc gia Việt Nam", "Hội Thư viện Việt Nam", "Vụ Thư viện"}
    assert all(i.source for i in rows if i.wikidata or i.viaf or i.isni)  # every id says where it was verified
    gso = next(i for i in rows if i.wikidata == "Q10831788")
    g = Graph()
    node = org_iri("Tổng cục Thống kê")
    g.add((node, RDF.type, LKG.Organization))
    g.add((node, RDF.type, LKG.GovernmentBody))
    g.add((node, RDFS.label, Literal("Tổng cục Thống kê Việt Nam")))
    with EmbeddedStore() as st:
        st.replace_article("https://w3id.org/libkg/graph/article/t", g)
        rep = link_offline(st)
        assert [d.qid for d in rep.decisions] == ["Q10831788"]
        assert bool(st.query(f'ASK {{ GRAPH <{LINKS}> {{ <{node}> lkg:wikidataId "Q10831788" ; '
                             f'skos:exactMatch <http://www.wikidata.org/entity/Q10831788> ; '
                             f'<http://www.wikidata.org/prop/direct/P214> "{gso.viaf}" ; '
                             f'rdfs:seeAlso <https://viaf.org/viaf/{gso.viaf}> }} }}'))
    assert isinstance(node, URIRef)


# ------------------------------------------------------------------ scoring (no network)

def test_a_person_is_never_linked_on_the_name_alone_nor_across_countries():
    nga = Entity("urn:p", "Person", ("Kiều Thúy Nga",), orgs=("Vụ Thư viện",), roles=("Vụ trưởng",))
    here = Candidate("Q990000501", ("Kiều Thuý Nga",), ("Q5",), True, ("Q881",), (), ("Vụ trưởng Vụ Thư viện",))
    abroad = Candidate("Q990000502", ("Kiều Thúy Nga",), ("Q5",), True, ("Q990000901",), (), ("Vụ Thư viện",))
    bare = Candidate("Q990000503", ("Kiều Thúy Nga",), ("Q5",), True, ("Q881",))
    assert score(nga, here)[0] == 1.0
    assert score(nga, abroad) is None
    assert score(nga, bare)[0] <= 0.6
    q = candidate_query(nga)
    assert '"Kiều Thúy Nga"@vi' in q and '"Kiều Thuý Nga"@en' in q and "wdt:P214" in q and "wd:Q5" in q
    assert "LCASE" in candidate_query(nga, fallback=True) and "wdt:P27 wd:Q881" in candidate_query(nga, True)


# ------------------------------------------------------------------ online, against a real server

@pytest.fixture()
def wikidata(tmp_path):
    """A Wikidata look-alike: an Oxigraph server holding the fixture; ``stop()`` ends it early."""
    exe, loc = oxigraph_exe(), tmp_path / "wd"
    subprocess.run([exe, "load", "--location", str(loc), "--file", str(FIXTURE)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc, base = start_oxigraph("serve-read-only", "--location", str(loc))
    url = f"{base}/query"

    def stop() -> None:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)

    yield {"url": url, "stop": stop}
    stop()


def _articles(samples_dir: Path) -> set[str]:
    texts = {}
    for f in sorted(samples_dir.glob("*.json")):
        rec = json.loads(f.read_text(encoding="utf-8"))
        texts[rec.get("id") or f.stem] = rec.get("text", "")
    out = set()
    for words in NEEDS:
        out.add(next(a for a, t in texts.items() if all(w in t for w in words)))
    return out


def _links(path: Path) -> dict[str, tuple[str, str]]:
    """label -> (wikidata id, method) of every link in the links graph."""
    rows = _rows(path, f"SELECT ?l ?q ?t WHERE {{ GRAPH <{LINKS}> {{ ?n lkg:wikidataId ?q . "
                       f"?a owl:annotatedSource ?n ; dcterms:type ?t }} ?n skos:prefLabel ?l }}")
    return {label: (q, t) for label, q, t in rows}


def test_reconcile_against_a_wikidata_shaped_endpoint(sample_store, samples_dir, tmp_path, wikidata):
    arts = _articles(samples_dir)
    assert 3 <= len(arts) < 31
    store = _copy(sample_store, tmp_path / "s", arts)
    cache, review = tmp_path / "cache", tmp_path / "review.csv"
    def args(st: Path, out: Path) -> list[str]:
        return ["link", "--store", str(st), "--authority-endpoint", wikidata["url"], "--rate", "0",
                "--cache", str(cache), "--review", str(out), "--kind", "org", "--kind", "person"]

    r = run(*args(store, review))
    assert r.exit_code == 0, r.output
    links = _links(store)
    # clear matches, including an old tone placement (Thuỷ lợi) and a label differing in case only
    assert links["Thư viện Quốc gia Việt Nam"] == ("Q990000101", "sparql")
    assert links["Bộ Văn hóa, Thể thao và Du lịch"][0] == "Q990000201"
    assert links["Hội Thư viện Việt Nam"][0] == "Q990000301"
    assert links["Trường Đại học Thủy lợi"][0] == "Q990000401"
    assert links["Trường Đại học Văn hóa Hà Nội"][0] == "Q990000402"
    assert links["Thư viện tỉnh Lào Cai"][0] == "Q990000102"
    assert links["Kiều Thúy Nga"][0] == "Q990000501"  # corroborated by her post at Vụ Thư viện
    nlv = _rows(store, f"SELECT ?v ?i ?g ?m ?src WHERE {{ GRAPH <{LINKS}> {{ ?n lkg:wikidataId \"Q990000101\" ; "
                       f"wdt:P214 ?v ; wdt:P213 ?i ; wdt:P1566 ?g ; ?m <http://www.wikidata.org/entity/Q990000101> . "
                       f"?a owl:annotatedSource ?n ; dcterms:source ?src }} }}".replace(
                           "SELECT", "PREFIX wdt: <http://www.wikidata.org/prop/direct/> SELECT", 1))
    assert nlv == [("990000101", "0000000099000101", "99000101", "http://www.w3.org/2004/02/skos/core#exactMatch",
                    wikidata["url"])]

    # the ambiguous department and the name-only person go to review, not to the graph
    assert "Vụ Thư viện" not in links and "Nguyễn Thị Hòa" not in links
    with review.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_label: dict[str, set[str]] = {}
    for row in rows:
        by_label.setdefault(row["label"], set()).add(row["candidate"])
    assert by_label["Vụ Thư viện"] == {"Q990000202", "Q990000203"}
    assert "Q990000503" in by_label["Nguyễn Thị Hòa"]
    assert all(float(row["score"]) <= 0.6 for row in rows if row["kind"] == "Person")
    # the same-named person of another country is neither linked nor proposed
    assert "Q990000502" not in {q for q, _ in links.values()} and "Q990000502" not in review.read_text("utf-8")
    assert "request(s), " in r.output and " 0 request(s)" not in r.output

    # a second run asks nothing: the server is gone, the cache answers everything
    wikidata["stop"]()
    again = _copy(sample_store, tmp_path / "s2", arts)
    review2 = tmp_path / "review2.csv"
    r2 = run(*args(again, review2))
    assert r2.exit_code == 0, r2.output
    assert " 0 request(s)" in r2.output
    assert _links(again) == links and review2.read_text("utf-8") == review.read_text("utf-8")


# ------------------------------------------------------------------ review CSV round trip

def test_review_csv_round_trip(sample_store, samples_dir, tmp_path):
    store = _copy(sample_store, tmp_path / "s", _articles(samples_dir))
    vu = _rows(store, 'SELECT ?n WHERE { ?n a lkg:Organization ; skos:prefLabel "Vụ Thư viện" }')[0][0]
    hoa = _rows(store, 'SELECT ?n WHERE { ?n a lkg:Person ; skos:prefLabel "Nguyễn Thị Hòa" }')[0][0]
    src = "http://127.0.0.1:1/query"
    proposed = [Decision(vu, "Q990000202", 0.925, "sparql", "ambiguous", src, "Vụ Thư viện", "GovernmentBody",
                         "Library Department", viaf="990000202"),
                Decision(vu, "Q990000203", 0.925, "sparql", "ambiguous", src, "Vụ Thư viện", "GovernmentBody",
                         "Library Department (MCI)"),
                Decision(hoa, "Q990000503", 0.6, "sparql", "name alone", src, "Nguyễn Thị Hòa", "Person",
                         "Nguyễn Thị Hoà")]
    out = tmp_path / "review.csv"
    assert write_review(out, proposed) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["candidate"] for r in rows] == ["Q990000503", "Q990000202", "Q990000203"]

    # the researcher accepts one department, rejects the other, leaves the person undecided
    for r in rows:
        r["accept"] = {"Q990000202": "yes", "Q990000203": "no"}.get(r["candidate"], "")
        r["note"] = "checked the ministry's site" if r["candidate"] == "Q990000202" else ""
    reviewed = tmp_path / "reviewed.csv"
    with reviewed.open("w", encoding="utf-8-sig", newline="") as fh:  # a spreadsheet's BOM is fine
        w = csv.DictWriter(fh, rows[0].keys())
        w.writeheader()
        w.writerows(rows)
    res = read_review(reviewed)
    assert [(d.node, d.qid, d.method) for d in res.accepted] == [(vu, "Q990000202", "review")]
    assert (res.rejected, res.undecided, res.problems) == (1, 1, [])

    r = run("link", "--accept", str(reviewed), "--store", str(store))
    assert r.exit_code == 0, r.output
    assert "1 link(s) accepted, 1 rejected, 1 undecided" in r.output
    got = _rows(store, f"SELECT ?q ?t ?why ?v WHERE {{ GRAPH <{LINKS}> {{ <{vu}> lkg:wikidataId ?q ; "
                       f"skos:exactMatch ?i ; <http://www.wikidata.org/prop/direct/P214> ?v . "
                       f"?a owl:annotatedSource <{vu}> ; dcterms:type ?t ; lkg:reason ?why }} }}")
    assert got == [("Q990000202", "review", "accepted by a reviewer: checked the ministry's site", "990000202")]
    assert not _rows(store, f"SELECT ?q WHERE {{ <{hoa}> lkg:wikidataId ?q }}")

    # two accepted candidates for one node: a contradiction, nothing is written, exit status 1
    for r_ in rows:
        r_["accept"] = "yes" if r_["label"] == "Vụ Thư viện" else ""
    with reviewed.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, rows[0].keys())
        w.writeheader()
        w.writerows(rows)
    res = read_review(reviewed)
    assert not res.accepted and "none used" in res.problems[0]
    assert run("link", "--accept", str(reviewed), "--store", str(store)).exit_code == 1

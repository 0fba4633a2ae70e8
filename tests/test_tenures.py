"""Tenures: the terms of a post, derived across articles, on a real embedded store (invented articles)."""

from __future__ import annotations

import json

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from libkg.cli.explain_cmd import explain_entity
from libkg.ingest import ingest_paths
from libkg.rdf.tenures import position_of_graph, tenure_graph
from libkg.rdf.validate import validate
from libkg.resolve.tenures import Statement, split_terms
from libkg.store import EmbeddedStore, select_rows

ARTICLES = {
    "t1": ("2015-04-10", "Ngày 02/4/2015, UBND tỉnh Lào Cai bổ nhiệm ông Trần Văn Bình giữ chức Giám đốc "
                         "Thư viện tỉnh Lào Cai."),
    "t2": ("2019-07-01", "Ông Trần Văn Bình, Giám đốc Thư viện tỉnh Lào Cai nghỉ hưu kể từ ngày 30/6/2019."),
    "t3": ("2022-03-15", "Ông Trần Văn Bình được bổ nhiệm giữ chức Giám đốc Thư viện tỉnh Lào Cai từ ngày 01/3/2022."),
    "t4": ("2023-10-05", "Ông Trần Văn Bình, Giám đốc Thư viện tỉnh Lào Cai, phát biểu khai mạc hội nghị."),
    "t5": ("2022-04-20", "Bà Lê Thị Hoa giữ chức Phó Giám đốc Thư viện tỉnh Lào Cai kể từ tháng 3/2022."),
}

TENURES = """
SELECT ?t ?begin ?end ?first ?last WHERE {
  ?t a lkg:Tenure ; org:member/skos:prefLabel ?name ; org:memberDuring ?i .
  OPTIONAL { ?i time:hasBeginning ?b . ?b ?bp ?begin FILTER(?bp != rdf:type && ?bp != lkg:dateStated) }
  OPTIONAL { ?i time:hasEnd ?e . ?e ?ep ?end FILTER(?ep != rdf:type && ?ep != lkg:dateStated) }
  OPTIONAL { ?t lkg:firstAttestedOn ?first } OPTIONAL { ?t lkg:lastAttestedOn ?last }
} ORDER BY ?first"""


def _write(folder, articles: dict[str, tuple[str, str]]):
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for aid, (published, text) in articles.items():
            f.write(json.dumps({"id": aid, "text": text, "format": "text", "published": published},
                               ensure_ascii=False) + "\n")
    return path


def tenures(store, name: str) -> list:
    return list(select_rows(store.query(TENURES, bindings={"name": Literal(name)})))


@pytest.fixture
def store(tmp_path):
    st = EmbeddedStore(tmp_path / "store")
    report = ingest_paths(st, [_write(tmp_path, ARTICLES)])
    assert not report.errors and report.articles == len(ARTICLES)
    yield st
    st.close()


def test_a_second_term_after_a_retirement_is_a_second_tenure(store):
    got = tenures(store, "Trần Văn Bình")
    assert len(got) == 2, got
    first, second = got
    assert (first.begin, first.end) == (Literal("2015-04-02", datatype=XSD.date), Literal("2019-06-30", datatype=XSD.date))
    assert second.end is None  # still held: the end stays open
    assert second.last == Literal("2023-10-05", datatype=XSD.date)


def test_a_stated_day_begins_the_term_as_an_xsd_date(store):
    second = tenures(store, "Trần Văn Bình")[1]
    assert second.begin == Literal("2022-03-01", datatype=XSD.date)  # "từ ngày 01/3/2022", not 2022-03-15


def test_a_month_only_date_is_an_xsd_gyearmonth(store):
    (hoa,) = tenures(store, "Lê Thị Hoa")
    assert hoa.begin == Literal("2022-03", datatype=XSD.gYearMonth)
    assert hoa.begin.datatype == XSD.gYearMonth


def test_each_articles_status_and_date_stay_in_its_graph(store):
    q = """SELECT ?g ?status ?date ?stated WHERE { GRAPH ?g { ?pos org:member ?p ; lkg:status ?status ;
             lkg:attestedOn ?date OPTIONAL { ?pos lkg:dateStated ?stated } } ?p skos:prefLabel "Trần Văn Bình" }"""
    got = {str(r.g).rsplit("/", 1)[-1]: (str(r.status), str(r.date), r.stated is not None)
           for r in select_rows(store.query(q))}
    assert got == {"t1": ("appointed", "2015-04-02", True), "t2": ("retired", "2019-06-30", True),
                   "t3": ("appointed", "2022-03-01", True), "t4": ("current", "2023-10-05", False)}


def test_tenures_are_derived_from_their_articles_in_a_graph_of_the_post(store):
    q = """SELECT ?g ?t ?pos ?a WHERE { GRAPH ?g { ?t a lkg:Tenure ; lkg:termOf ?pos ; prov:wasDerivedFrom ?a } }"""
    rows = list(select_rows(store.query(q)))
    assert rows and all(r.g == tenure_graph(r.pos) and position_of_graph(r.g) == r.pos for r in rows)
    by = {}
    for r in rows:
        by.setdefault(str(r.t), set()).add(str(r.a).rsplit("/", 1)[-1])
    assert sorted(by.values(), key=sorted) == [{"t1", "t2"}, {"t3", "t4"}, {"t5"}]
    # in the union: a query that names no graph sees them
    assert len(list(select_rows(store.query("SELECT ?t WHERE { ?t a lkg:Tenure }")))) == 3


def test_reingesting_an_article_without_the_retirement_merges_the_terms(store, tmp_path):
    changed = {"t2": ("2019-07-01", "Ông Trần Văn Bình, Giám đốc Thư viện tỉnh Lào Cai, dự hội nghị.")}
    (tmp_path / "v2").mkdir()
    report = ingest_paths(store, [_write(tmp_path / "v2", changed)])
    assert report.articles == 1 and not report.errors
    got = tenures(store, "Trần Văn Bình")
    assert len(got) == 1, got
    assert got[0].begin == Literal("2015-04-02", datatype=XSD.date) and got[0].end is None
    stale = "ASK { ?t a lkg:Tenure ; lkg:termOf ?pos . ?t2 a lkg:Tenure ; lkg:termOf ?pos FILTER(?t != ?t2) }"
    assert not bool(store.query(stale))


def test_reingesting_without_the_post_removes_its_tenures(store, tmp_path):
    gone = {"t5": ("2022-04-20", "Thư viện tỉnh Lào Cai tổ chức ngày hội đọc sách.")}
    (tmp_path / "v3").mkdir()
    ingest_paths(store, [_write(tmp_path / "v3", gone)])
    assert tenures(store, "Lê Thị Hoa") == []
    assert not any("/graph/tenure/" in g and "le-thi-hoa" in g for g in store.named_graphs())


def test_explain_a_tenure_shows_the_sentences_behind_its_dates(store):
    first = tenures(store, "Trần Văn Bình")[0]
    text = explain_entity(store, URIRef(first.t))
    assert "term begins 2015-04-02 (as the text states)" in text
    assert "term ends 2019-06-30 (as the text states)" in text
    assert "nghỉ hưu kể từ ngày 30/6/2019" in text and "[t2]" in text and "[t1]" in text
    assert "[t3]" not in text  # the second term's articles belong to the other tenure


def test_the_store_with_tenures_conforms_to_the_shapes(store):
    conforms, report = validate(store.to_dataset())
    assert conforms, report[:2000]


def test_former_then_held_again_is_two_terms_and_former_alone_is_closed():
    terms = split_terms([Statement("a", "2020", "former"), Statement("b", "2023-05-01", "current")])
    assert [t.articles for t in terms] == [("a",), ("b",)]
    assert terms[0].ended and terms[0].first is None and not terms[1].ended
    # on one day an appointment comes before the news that she holds the post: one term
    one = split_terms([Statement("c", "2024-01-05", "current"), Statement("d", "2024-01-05", "appointed",
                                                                           start="2024-01-05")])
    assert len(one) == 1 and one[0].begin == "2024-01-05"


def test_the_affiliations_network_carries_the_terms(store):
    from libkg.network.affiliations import affiliations

    g = affiliations(store)
    (edge,) = [d for p, o, d in g.edges(data=True) if "Trần Văn Bình" in (g.nodes[p]["label"], g.nodes[o]["label"])]
    assert edge["terms"] == 2 and edge["began"] == "2015-04-02;2022-03-01" and edge["ended"] == "2019-06-30"


def test_the_person_page_lists_terms_and_a_tenure_page_is_titled_by_its_post(store):
    from libkg.serve.entity_view import page_context, person_posts
    from libkg.serve.pages import load_entity

    person = next(select_rows(store.query('SELECT ?p WHERE { ?p skos:prefLabel "Trần Văn Bình" }'))).p
    posts = person_posts(load_entity(store, str(person)))
    assert [(p["first"], p["last"], p["open"]) for p in posts] == [("2015-04-02", "2019-06-30", False),
                                                                  ("2022-03-01", "2023-10-05", True)]
    title = page_context(load_entity(store, posts[0]["iri"]), "vi", {})["title"]
    assert title.startswith("Giám đốc — Thư viện tỉnh Lào Cai (2015-04-02")


def _tenure_quads(st) -> set:
    rows = st.select_values("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                            "FILTER(CONTAINS(STR(?g), '/graph/tenure/')) }")
    return {(r["g"], r["s"], r["p"], r["o"]) for r in rows}


@pytest.mark.parametrize("corpus", ["tenure articles", "samples"])
def test_a_new_store_gets_the_tenures_a_read_back_gives(tmp_path, corpus):
    """A run into a store with no articles computes the terms from its own statements (no read-back):
    the same graphs as recomputing them from the store."""
    from libkg.ingest.tenures import refresh_tenures
    from libkg.resources import samples_dir

    paths = [_write(tmp_path, ARTICLES)] if corpus == "tenure articles" else [samples_dir() / "articles"]
    with EmbeddedStore(tmp_path / "store") as st:
        report = ingest_paths(st, paths, jobs=2)
        assert report.articles and not report.errors
        kept = _tenure_quads(st)
        assert kept  # the posts of the corpus have terms
        refresh_tenures(st, report.article_ids)
        assert _tenure_quads(st) == kept

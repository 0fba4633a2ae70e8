from __future__ import annotations

import pytest

from libkg.query.library import bind_params, get_query, list_queries, to_term
from libkg.query.results import ResultTable, from_json, to_csv, to_json, to_table

QUERIES = list_queries()


def test_every_query_is_documented():
    assert len(QUERIES) >= 14
    for q in QUERIES:
        assert q.title != q.name and q.question, q.name
        for p in q.params:
            assert p.example, (q.name, p.name)


@pytest.mark.parametrize("q", QUERIES, ids=lambda q: q.name)
def test_every_query_runs_on_the_sample_store(sample_store, q):
    bindings = bind_params(q, {p.name: p.example for p in q.params if "optional" not in p.doc})
    res = sample_store.query(q.text, bindings=bindings or None)
    assert res.type == "SELECT"
    assert len(list(res)) >= 0 and res.vars


@pytest.mark.parametrize("name", ["positions", "events", "organizations", "places",
                                  "institution-coparticipation", "organization-hierarchy"])
def test_core_queries_return_rows(sample_store, name):
    res = sample_store.query(get_query(name).text)
    assert len(list(res)) > 0


def test_parameter_is_bound_as_a_term_not_pasted(sample_store):
    q = get_query("positions")
    evil = 'x")) } } SELECT * WHERE { ?s ?p ?o } #'
    res = sample_store.query(q.text, bindings=bind_params(q, {"name": evil}))
    assert len(list(res)) == 0
    res = sample_store.query(q.text, bindings=bind_params(q, {"name": "kiều thuý nga"}))
    rows = list(res)
    assert rows and {str(r.person) for r in rows} == {"Kiều Thúy Nga"}


def test_unknown_parameter_is_refused():
    with pytest.raises(KeyError, match="no parameter"):
        bind_params(get_query("positions"), {"nmae": "x"})
    with pytest.raises(ValueError):
        to_term("not an iri", "IRI")


def test_result_formats_round_trip():
    from rdflib import Literal, URIRef

    t = ResultTable(["a", "b"], [[URIRef("urn:x"), Literal("Hòa", lang="vi")], [Literal(3), None]])
    assert from_json(__import__("json").loads(to_json(t))).rows == t.rows
    assert to_csv(t).splitlines()[0] == "a,b"
    assert "(2 rows)" in to_table(t)


@pytest.mark.parametrize("q", QUERIES, ids=lambda q: q.name)
def test_remote_store_sees_every_query_as_a_select(q):
    # SPARQLWrapper guesses the query form from the first keyword it meets, in comments too (it
    # drops only every other comment line): a comment saying "moves" or "dropped" would make it
    # send the query as an update, or read the answer as an ASK
    import warnings

    from SPARQLWrapper import SPARQLWrapper

    from libkg.store.remote import _prefix_block

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert SPARQLWrapper("http://localhost/sparql")._parseQueryType(_prefix_block() + q.text) == "SELECT"


def test_only_article_graphs_type_a_library(sample_store):
    """libraries-in-province counts a library's articles as the graphs that type it (one index entry
    each): that holds only while every such graph is an article's graph, derived from a NewsArticle."""
    graphs = {str(r.g) for r in sample_store.query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?lib a lkg:Library } }")}
    articles = {str(r.g) for r in sample_store.query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?lib a lkg:Library } ?g prov:wasDerivedFrom ?a . ?a a schema:NewsArticle }")}
    assert len(graphs) >= 10 and graphs == articles


def test_a_query_has_its_text_for_each_engine():
    q = get_query("libraries-in-province")
    assert q.text_for("sparql11") == q.text and q.text_for("no such engine") == q.text
    assert "GRAPH ?g" in q.text_for("virtuoso") and q.text_for("virtuoso") != q.text
    assert all(set(x.variants) <= {"virtuoso"} for x in QUERIES)

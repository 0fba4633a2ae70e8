"""SELECT results of the embedded store: fast term conversion, and ORDER BY done on the converted rows.

The store sorts the rows itself when a query ends with ORDER BY over returned
variables (libkg.store.solutions); these tests hold that order to Oxigraph's
own, on the bundled queries and on columns built to be awkward.
"""

from __future__ import annotations

import random
from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from libkg.query.library import bind_params, list_queries
from libkg.rdf.namespaces import PREFIXES
from libkg.store import EmbeddedStore
from libkg.store.solutions import Unordered, select_result, split_order
from libkg.store.sparql_text import inject_values
from libkg.store.terms import from_ox, term_converter, to_ox


@pytest.mark.parametrize("term", [
    URIRef("https://w3id.org/libkg/id/org/thu-vien-tinh-lao-cai"), BNode("b0"), Literal("Thư viện"),
    Literal("Thư viện", lang="vi"), Literal("2023-07-06", datatype=XSD.date), Literal("12", datatype=XSD.integer),
    Literal("0.4", datatype=XSD.decimal), Literal("2020-06", datatype=XSD.gYearMonth), Literal(""),
    Literal("x", datatype=XSD.string),
])
def test_from_ox_builds_what_rdflib_builds(term):
    got = from_ox(to_ox(term))
    if isinstance(term, Literal):  # made now, as from_ox makes it: a library imported since collection
        # may have taught rdflib a datatype (pyshacl, owlready2: xsd:gYearMonth gets a value)
        term = Literal(str(term), lang=term.language, datatype=term.datatype)
    want = Literal(str(term)) if isinstance(term, Literal) and term.datatype == XSD.string else term
    assert type(got) is type(want) and got == want and hash(got) == hash(want)
    if isinstance(want, Literal):
        assert (got.value, got.language, got.datatype, got.ill_typed) == \
            (want.value, want.language, want.datatype, want.ill_typed)
        assert got.n3() == want.n3()


def test_term_converter_converts_each_distinct_term_once():
    convert = term_converter()
    a, b = convert(ox.Literal("2023-07-06", datatype=ox.NamedNode(str(XSD.date)))), \
        convert(ox.Literal("2023-07-06", datatype=ox.NamedNode(str(XSD.date))))
    assert a is b and a.toPython().year == 2023
    assert convert(ox.Literal("1")) != convert(ox.Literal("1", datatype=ox.NamedNode(str(XSD.integer))))
    assert convert(None) is None


@pytest.mark.parametrize("text, want", [
    ("SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a", ("SELECT ?a WHERE { ?a ?p ?o } ", [("a", False)])),
    ("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a HAVING (COUNT(*) > 1)\nORDER BY DESC(?n) asc(?a)",
     ("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a HAVING (COUNT(*) > 1)\n",
      [("n", True), ("a", False)])),
    ("SELECT ?a WHERE { ?a ?p ?o }\n# sorted\nORDER BY $a\n", ("SELECT ?a WHERE { ?a ?p ?o }\n# sorted\n", [("a", False)])),
    ("SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a LIMIT 10", None),  # the order decides which rows: not here
    ("SELECT ?a WHERE { ?a ?p ?o } ORDER BY STR(?a)", None),  # an expression
    ("SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a } }", None),  # inside a sub-query
    ("SELECT ?a WHERE { ?a ?p ?o } # ORDER BY ?a", None),  # a comment
    ("SELECT ?a WHERE { ?a ?p ?o } VALUES ?a { <urn:x> }", None),
])
def test_split_order(text, want):
    assert split_order(text) == want


def _oxigraph_order(store: ox.Store, sparql: str) -> list[tuple]:
    return [tuple(from_ox(t) for t in s) for s in store.query(sparql)]


def _ours(store: ox.Store, sparql: str) -> list[tuple]:
    stripped, keys = split_order(sparql)
    return [tuple(r) for r in select_result(store.query(stripped), keys)]


def _keys(rows, idx):
    return [tuple(r[i] for i in idx) for r in rows]


def _values_store(column: list[str]) -> tuple[ox.Store, str]:
    st = ox.Store()
    rows = " ".join(f"({v} {i})" for i, v in enumerate(column))
    return st, f"PREFIX xsd: <{XSD}> SELECT ?x ?i WHERE {{ VALUES (?x ?i) {{ {rows} }} }}"


TIMES = ['"2020"^^xsd:gYear', '"2020-01"^^xsd:gYearMonth', '"2020-01-01"^^xsd:date', '"2020-06"^^xsd:gYearMonth',
         '"2020-05-31"^^xsd:date', '"2019-12-31"^^xsd:date', '"2021"^^xsd:gYear', '"-0001-05-01"^^xsd:date',
         '"2020-12"^^xsd:gYearMonth', "UNDEF"]
STRINGS = ['"Thư viện"', '"Thu vien"', '"thư viện"', '"Ấn phẩm"', '"A"', '"a"', '""', '"Z"', '"Đ"', "UNDEF",
           "<urn:b>", "<urn:a>"]
NUMBERS = ["3", "-1", "2.5", '"1e2"^^xsd:double', '"007"^^xsd:integer', "0.0", "UNDEF", "10"]
LANGS = ['"b"@en', '"a"@en', '"C"@en', "UNDEF"]


@pytest.mark.parametrize("column", [TIMES, STRINGS, NUMBERS, LANGS], ids=["times", "strings", "numbers", "langs"])
@pytest.mark.parametrize("direction", ["ASC", "DESC"])
def test_rows_sort_as_oxigraph_sorts_them(column, direction):
    rnd = random.Random(7)
    for _ in range(20):
        col = column * 2
        rnd.shuffle(col)
        st, q = _values_store(col)
        q += f" ORDER BY {direction}(?x)"
        want, got = _oxigraph_order(st, q), _ours(st, q)
        assert Counter(got) == Counter(want)
        assert _keys(got, [0]) == _keys(want, [0])


@pytest.mark.parametrize("column", [
    ['"a"', "1"],  # strings and numbers: SPARQL leaves their order open
    ['"a"@en', '"b"@vi'],  # two languages
    ['"2020-01-01T00:00:00"^^xsd:dateTime', '"2020-01-02T00:00:00"^^xsd:dateTime'],
])
def test_columns_not_ordered_here_are_refused(column):
    st, q = _values_store(column)
    with pytest.raises(Unordered):
        _ours(st, q + " ORDER BY ?x")


def test_the_store_falls_back_to_oxigraph_for_what_it_cannot_order():
    with EmbeddedStore() as st:
        q = 'SELECT ?x WHERE { VALUES ?x { "b" 2 "a" 1 "2020-01-01T00:00:00"^^xsd:dateTime } } ORDER BY ?x'
        assert [r.x for r in st.query(q)] == [from_ox(s["x"]) for s in st.store.query(q, prefixes=PREFIXES)]
        # ORDER BY a variable the query does not return, and ASK with an ORDER BY
        q = 'SELECT ?x WHERE { VALUES (?x ?y) { ("a" 2) ("b" 1) } } ORDER BY ?y'
        assert [str(r.x) for r in st.query(q)] == ["b", "a"]
        assert st.query("ASK WHERE { VALUES ?x { 1 } } ORDER BY ?x").askAnswer is True


@pytest.mark.parametrize("q", list_queries(), ids=lambda q: q.name)
def test_bundled_queries_come_back_in_oxigraphs_order(sample_store, q):
    bindings = bind_params(q, {p.name: p.example for p in q.params if p.example})
    text = inject_values(q.text, bindings) if bindings else q.text
    got = [tuple(r) for r in sample_store.query(q.text, bindings=bindings or None)]
    raw = sample_store.store.query(text, prefixes=PREFIXES)
    names = [v.value for v in raw.variables]
    want = [tuple(from_ox(t) for t in s) for s in raw]
    assert Counter(got) == Counter(want)
    ordered = split_order(text)
    if ordered is not None:
        idx = [names.index(k) for k, _ in ordered[1]]
        assert _keys(got, idx) == _keys(want, idx)

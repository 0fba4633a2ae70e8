"""EmbeddedStore on a real on-disk Oxigraph directory."""

from __future__ import annotations

import io

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from libkg.rdf.build import facts_to_graph
from libkg.rdf.namespaces import LKG, article_graph, ontology_graph
from libkg.rdf.ontology import schema_graph
from libkg.store import EmbeddedStore, StoreLockedError, open_store


@pytest.fixture
def graph(article, facts, base) -> Graph:
    return facts_to_graph(article, facts, base)


def test_replace_article_twice_gives_same_count(tmp_path, graph, base):
    g_iri = str(article_graph("t1", base))
    with EmbeddedStore(tmp_path / "st") as st:
        n1 = st.replace_article(g_iri, graph)
        c1 = st.triple_count()
        n2 = st.replace_article(g_iri, graph)
        c2 = st.triple_count()
    assert n1 == n2 == len(graph) == c1 == c2


def test_replace_article_removes_facts_no_longer_read(tmp_path, graph, base):
    g_iri = str(article_graph("t1", base))
    smaller = Graph()
    for t in list(graph)[:10]:
        smaller.add(t)
    with EmbeddedStore(tmp_path / "st") as st:
        st.replace_article(g_iri, graph)
        st.replace_article(str(article_graph("t2", base)), smaller)
        st.replace_article(g_iri, smaller)
        assert st.triple_count() == 20
        assert st.named_graphs() == sorted([g_iri, str(article_graph("t2", base))])


def test_invalid_graph_leaves_previous_version(tmp_path, graph, base):
    g_iri = str(article_graph("t1", base))
    bad = Graph()
    bad.add((URIRef("urn:s"), URIRef("urn:p"), Literal("x", datatype=URIRef("not an iri"))))
    with EmbeddedStore(tmp_path / "st") as st:
        st.replace_article(g_iri, graph)
        with pytest.raises((ValueError, SyntaxError, OSError)):
            st.replace_article(g_iri, bad)
        assert st.triple_count() == len(graph)


def test_data_survives_close_and_reopen(tmp_path, graph, base):
    path = tmp_path / "st"
    st = EmbeddedStore(path)
    st.replace_article(str(article_graph("t1", base)), graph)
    st.close()
    with EmbeddedStore(path) as st2:
        assert st2.triple_count() == len(graph)
        assert set(st2.graph(str(article_graph("t1", base)))) == set(graph)


def test_second_open_is_a_clear_error(tmp_path):
    path = tmp_path / "st"
    with EmbeddedStore(path):
        with pytest.raises(StoreLockedError, match=str(path)):
            EmbeddedStore(path)


def test_open_store_default_location_from_env(tmp_path, monkeypatch):
    monkeypatch.setenv("LIBKG_STORE", str(tmp_path / "envstore"))
    with open_store() as st:
        assert st.path == tmp_path / "envstore"
    assert (tmp_path / "envstore").is_dir()


def test_query_select_ask_construct_and_bindings(tmp_path, graph, base):
    with EmbeddedStore(tmp_path / "st") as st:
        st.replace_article(str(article_graph("t1", base)), graph)
        rows = list(st.query("SELECT ?p ?l WHERE { ?p a lkg:Person ; rdfs:label ?l } ORDER BY ?l"))
        assert [str(r.l) for r in rows] == ["Hoàng Thị Thuý", "Hoàng Thị Thúy"]
        assert rows[0].p == rows[1].p
        assert bool(st.query("ASK { ?e lkg:eventKind lkg-ek:Workshop }"))
        assert not bool(st.query("ASK { ?e lkg:eventKind lkg-ek:Congress }"))
        res = st.query("SELECT ?e WHERE { ?e lkg:eventKind ?k }",
                       bindings={"k": URIRef("https://w3id.org/libkg/vocab/event-kind/BookDonation")})
        assert len(list(res)) == 1
        cg = st.query("CONSTRUCT { ?p a lkg:Person } WHERE { ?p a lkg:Person }").graph
        assert len(cg) == 1 and (None, None, LKG.Person) in cg


def _count(fmt: str, data: bytes) -> int:
    if fmt in ("ttl", "nt"):
        return len(Graph().parse(data=data, format={"ttl": "turtle", "nt": "nt"}[fmt]))
    ds = Dataset()
    ds.parse(data=data, format={"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt])
    return len(list(ds.quads((None, None, None, None))))


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_export_reparses_with_right_count(tmp_path, graph, base, fmt):
    with EmbeddedStore(tmp_path / "st") as st:
        st.replace_article(str(article_graph("t1", base)), graph)
        # the same triples in a second graph: quads double, the union does not
        st.replace_article(str(article_graph("copy", base)), graph)
        st.add_graph(str(ontology_graph(base)), schema_graph())
        quads = st.triple_count()
        union = len(st.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph)
        out = io.BytesIO()
        st.export(fmt, out)
    assert quads == 2 * len(graph) + len(schema_graph())
    expected = union if fmt in ("ttl", "nt") else quads
    assert _count(fmt, out.getvalue()) == expected


def test_to_dataset_keeps_graphs(tmp_path, graph, base):
    with EmbeddedStore(None) as st:
        st.replace_article(str(article_graph("t1", base)), graph)
        ds = st.to_dataset()
    assert set(ds.graph(article_graph("t1", base))) == set(graph)


def test_closed_store_refuses_work(tmp_path):
    st = EmbeddedStore(tmp_path / "st")
    st.close()
    st.close()
    with pytest.raises(RuntimeError, match="closed"):
        st.triple_count()


def test_union_states_each_triple_once_and_follows_removals(tmp_path, graph, base):
    g1, g2 = str(article_graph("t1", base)), str(article_graph("t2", base))
    only_t2 = Graph()
    only_t2.add((URIRef("urn:x"), URIRef("urn:p"), Literal("only in t2")))
    with EmbeddedStore(tmp_path / "st") as st:
        st.replace_article(g1, graph)
        st.replace_article(g2, graph + only_t2)
        assert st.union_count() == len(graph) + 1
        q = "SELECT ?p WHERE { ?p a lkg:Person }"
        assert len(list(st.query(q))) == 1  # stated in two graphs, matched once
        st.replace_article(g2, only_t2)  # t2 no longer states the person: t1 still does
        assert len(list(st.query(q))) == 1
        st.remove_graph(g1)
        assert len(list(st.query(q))) == 0
        assert st.union_count() == 1 and st.triple_count() == 1
        assert st.named_graphs() == [g2]


def test_union_is_rebuilt_for_a_store_without_one(tmp_path, graph, base):
    path = tmp_path / "st"
    with EmbeddedStore(path) as st:
        st.replace_article(str(article_graph("t1", base)), graph)
        st.store.update("DROP DEFAULT")  # as a store written by another tool would be
    with EmbeddedStore(path) as st:
        assert st.union_count() == len(graph)
        assert bool(st.query("ASK { ?p a lkg:Person }"))


def _stmts(n: int, tag: str) -> str:
    return "\n".join(f'<urn:{tag}:{i}> <urn:p> "{tag} {i}"' for i in range(n))


def test_new_and_replaced_graphs_in_one_batch_keep_the_union(tmp_path):
    with EmbeddedStore(tmp_path / "S") as st:
        st.replace_articles([("urn:g1", _stmts(3, "a")), ("urn:shared", '<urn:x> <urn:p> "same"')])
        # urn:g1 is replaced (update path), urn:g2 is new (loader path), both state the shared triple
        st.replace_articles([("urn:g1", _stmts(2, "a") + '\n<urn:x> <urn:p> "same"'),
                             ("urn:g2", _stmts(4, "b") + '\n<urn:x> <urn:p> "same"')])
        assert len(st.graph("urn:g1")) == 3 and len(st.graph("urn:g2")) == 5
        assert st.union_count() == 2 + 4 + 1  # a:0, a:1, b:0..3, the shared triple once
        st.remove_graph("urn:g1")
        assert not bool(st.query('ASK { <urn:a:0> ?p ?o }')) and bool(st.query('ASK { <urn:x> ?p "same" }'))


def test_an_interrupted_bulk_load_is_undone_when_the_store_is_next_opened(tmp_path):
    import pyoxigraph as ox

    from libkg.store.embedded import JOURNAL

    path = tmp_path / "S"
    with EmbeddedStore(path) as st:
        st.bulk_load_graphs([("urn:done", _stmts(5, "d"))], ["urn:done"])
        assert not list(path.glob(JOURNAL + "*"))  # a finished load leaves no journal
        # what a crash halfway through two bulk loads leaves: their journals, and part of their quads
        (path / f"{JOURNAL}-7.txt").write_text("urn:half\n", encoding="utf-8")
        (path / f"{JOURNAL}-8.txt").write_text("urn:never\n", encoding="utf-8")
        half = "".join(f"{t} <urn:half> .\n{t} .\n" for t in _stmts(3, "h").split("\n"))
        st.store.bulk_load(half, format=ox.RdfFormat.N_QUADS)
    with pytest.warns(UserWarning, match=r"left 2 graph\(s\) possibly incomplete"):
        st = EmbeddedStore(path)
    with st:
        assert st.recovered == ["urn:half", "urn:never"]
        assert st.named_graphs() == ["urn:done"]
        assert st.union_count() == 5  # the half-loaded union copies are gone too
        assert not list(path.glob(JOURNAL + "*"))
    with EmbeddedStore(path) as st:  # recovery runs once
        assert st.recovered == [] and len(st.graph("urn:done")) == 5


def test_one_streamed_bulk_load_and_its_undo_on_failure(tmp_path):
    from libkg.store.embedded import JOURNAL

    path = tmp_path / "S"
    with EmbeddedStore(path) as st:
        st.replace_articles([("urn:old", '<urn:x> <urn:p> "same"')])
        n = st.bulk_load_graphs(((f"urn:g{i}", _stmts(100, f"g{i}") + '\n<urn:x> <urn:p> "same"') for i in range(30)),
                                [f"urn:g{i}" for i in range(30)])
        assert n == 30 * 101 and len(st.named_graphs()) == 31
        assert st.union_count() == 30 * 100 + 1 and not list(path.glob(JOURNAL + "*"))

        def broken():
            yield "urn:h1", _stmts(50, "h1")
            yield "urn:h2", '<urn:bad> <urn:p> "unterminated'  # the parser fails here

        with pytest.raises(SyntaxError):
            st.bulk_load_graphs(broken(), ["urn:h1", "urn:h2"])
        assert len(st.named_graphs()) == 31  # nothing of the failed load stays
        assert st.union_count() == 30 * 100 + 1 and not list(path.glob(JOURNAL + "*"))

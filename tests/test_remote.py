"""The remote-endpoint path against a real SPARQL server process (Oxigraph server on localhost)."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from libkg.cli import cli
from libkg.testing import free_port, start_oxigraph


@pytest.fixture()
def server(tmp_path):
    proc, base = start_oxigraph("serve", "--location", str(tmp_path / "ox"))
    yield {"query": base + "/query", "update": base + "/update"}
    proc.terminate()
    proc.wait(timeout=10)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _count(ep) -> int:
    r = run("query", "--endpoint", ep["query"], "--sparql",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv")
    assert r.exit_code == 0, r.output
    return int(r.output.splitlines()[1])


def test_ingest_query_reingest_on_endpoint(server, samples_dir):
    ep = server
    args = ["--endpoint", ep["query"], "--update-endpoint", ep["update"]]
    r = run("ingest", str(samples_dir / "d01.json"), *args, "-q")
    assert r.exit_code == 0, r.output
    n = _count(ep)
    assert n > 100
    r = run("ingest", str(samples_dir / "d01.json"), *args, "-q")
    assert _count(ep) == n

    r = run("query", "positions", "--endpoint", ep["query"], "--format", "csv", "-p", "name=Kiều Thuý Nga")
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert rows and {x["role"] for x in rows} == {"Vụ trưởng"}

    r = run("export", "--endpoint", ep["query"], "--format", "nq")
    assert r.exit_code == 0
    assert len([ln for ln in r.output.splitlines() if ln.strip()]) == n


def test_push_copies_embedded_store(server, samples_dir, tmp_path):
    store = str(tmp_path / "S")
    assert run("ingest", str(samples_dir / "d01.json"), str(samples_dir / "d05.json"), "--store", store,
               "-q").exit_code == 0
    local = _stats(run("stats", "--store", store).output)
    local_triples = local["quads in all graphs"]
    r = run("push", "--store", store, "--endpoint", server["query"], "--update-endpoint", server["update"], "-q")
    assert r.exit_code == 0, r.output
    assert _count(server) == local_triples
    remote = _stats(run("stats", "--endpoint", server["query"]).output)
    assert remote == local and local["articles"] == 2  # same counts, articles and entities included


def _stats(output: str) -> dict[str, int]:
    """``libkg stats`` output as {label: count} (each line is a label, spaces, a number)."""
    return {label.strip(): int(n) for label, n in (ln.rsplit(None, 1) for ln in output.splitlines() if ln.strip())}


def test_unreachable_endpoint_is_a_clear_error():
    r = run("query", "positions", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert r.exit_code == 1
    assert "cannot reach the SPARQL endpoint" in r.output


def test_every_bundled_query_gives_the_same_rows_on_both_stores(server, sample_store):
    from libkg.query.library import bind_params, list_queries
    from libkg.store import RemoteStore

    remote = RemoteStore(server["query"], server["update"])
    for g in sample_store.named_graphs():
        remote.replace_article(g, sample_store.graph(g))
    remote.flush()
    assert remote.triple_count() == sample_store.triple_count()
    for q in list_queries():
        params = {p.name: p.example for p in q.params if p.example and "optional" not in p.doc}
        b = bind_params(q, params) or None
        local = _sorted_rows(sample_store, q.text, b)
        assert _sorted_rows(remote, q.text, b) == local, q.name


def _sorted_rows(store, text, bindings):
    res = store.query(text, bindings=bindings)
    return sorted(tuple(str(v) if v is not None else "" for v in r) for r in res)


def test_remote_and_embedded_stores_answer_the_same_through_the_interface(server, article, facts, base):
    """The same articles written through libkg.ingest.write (identity read back from each store) give the
    same graphs, and every read of the Store interface the same answers; the flags say what differs."""
    from libkg.ingest.write import existing_articles, write_articles
    from libkg.read.article import Article
    from libkg.store import EmbeddedStore, RemoteStore, StoreError

    second = Article(id="t2", text=article.text, published="2030-01-01", url="https://example.org/t2")
    second_facts = type(facts)("t2", persons=facts.persons, organizations=facts.organizations,
                               positions=facts.positions)
    remote = RemoteStore(server["query"], server["update"], batch_triples=10)
    with EmbeddedStore() as local, remote:
        for st in (local, remote):
            assert write_articles(st, [(article, facts)], base) > 0
            assert write_articles(st, [(second, second_facts)], base) > 0  # resolved against the first
            st.flush()
        assert (remote.supports_bulk_load, remote.supports_graph_selection, remote.read_only) == (False, False, False)
        assert remote.location == server["query"]
        assert remote.named_graphs() == local.named_graphs() and len(local.named_graphs()) >= 4
        assert remote.triple_count() == local.triple_count()
        for g in local.named_graphs():
            assert set(remote.graph(g)) == set(local.graph(g)), g
        assert existing_articles(remote, ["t1", "t2", "t3"], base) == existing_articles(local, ["t1", "t2", "t3"],
                                                                                       base) == {"t1", "t2"}
        q = "SELECT ?p ?label WHERE { ?p a lkg:Person ; skos:prefLabel ?label } ORDER BY ?p"
        assert remote.select_values(q) == local.select_values(q) != []
        ra, la = remote.answer(q), local.answer(q)
        assert ra.kind == la.kind == "SELECT" and ra.variables == la.variables and list(ra.rows) == list(la.rows)
        assert remote.answer("ASK { ?p a lkg:Person }").boolean is local.answer("ASK { ?p a lkg:Person }").boolean
        with pytest.raises(ValueError, match="not supported"):
            remote.answer(q, default_graphs=[local.named_graphs()[0]])
        with pytest.raises(StoreError, match="bulk loader"):
            remote.bulk_load_graphs([], [])

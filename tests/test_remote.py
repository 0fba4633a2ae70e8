"""The remote-endpoint path against real SPARQL server processes: Oxigraph's server (a plain default graph)
and Virtuoso (no plain default graph: libkg keeps the union in a named graph), each test on both."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from libkg.cli import cli
from libkg.testing import free_port, start_oxigraph

ENGINES = ["oxigraph", "virtuoso"]


@pytest.fixture(params=ENGINES)
def server(request, tmp_path):
    """An empty store on a real server: a new Oxigraph server, or the session's Virtuoso emptied."""
    if request.param == "virtuoso":
        v = request.getfixturevalue("virtuoso")
        v.reset()
        yield {"name": "virtuoso", "query": v.endpoint, "update": v.endpoint, "server": v}
        return
    proc, base = start_oxigraph("serve", "--location", str(tmp_path / "ox"))
    yield {"name": "oxigraph", "query": base + "/query", "update": base + "/update"}
    proc.terminate()
    proc.wait(timeout=10)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _count(ep) -> int:
    r = run("query", "--endpoint", ep["query"], "--sparql",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv")
    assert r.exit_code == 0, r.output
    return int(r.output.splitlines()[1])


def _edited_d01(samples_dir, tmp_path):
    """d01 with one participant (Trần Nhuận Kiên) taken out of its text."""
    record = json.loads((samples_dir / "d01.json").read_text(encoding="utf-8"))
    cut = "Ông Trần Nhuận Kiên - Giám đốc Trung tâm Số - Đại học Thái Nguyên; "
    assert cut in record["text"]
    record["text"] = record["text"].replace(cut, "")
    path = tmp_path / "edited" / "d01.json"
    path.parent.mkdir()
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def test_ingest_query_reingest_on_endpoint(server, samples_dir, tmp_path):
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

    r = run("export", "--endpoint", ep["query"], "--format", "nq", "--with-text")  # every quad, texts too
    assert r.exit_code == 0
    data = [ln for ln in r.output.splitlines() if ln.strip() and not ln.endswith("/graph/void> .")]  # - the VoID graph
    assert len(data) == n and "void#triples" in r.output
    r = run("export", "--endpoint", ep["query"], "--format", "nq")  # the article's text left out
    assert r.exit_code == 0 and "> <https://schema.org/text> \"" not in r.output
    assert len([ln for ln in r.output.splitlines() if ln.strip() and not ln.endswith("/graph/void> .")]) == n - 1


def test_reingest_replaces_an_article_whole(server, samples_dir, tmp_path):
    """An edited article replaces its graph and the union: a person only it named is gone, and the counts
    are those of an embedded store given the same two ingests."""
    edited = _edited_d01(samples_dir, tmp_path)
    local = str(tmp_path / "S")
    remote = ["--endpoint", server["query"], "--update-endpoint", server["update"]]
    ask = "SELECT (COUNT(*) AS ?n) WHERE { ?p a lkg:Person ; skos:prefLabel \"Trần Nhuận Kiên\" }"
    for target in (remote, ["--store", local]):
        for path in (samples_dir / "d01.json", samples_dir / "d05.json", edited):
            assert run("ingest", str(path), *target, "-q").exit_code == 0
    for target in (remote[:2], ["--store", local]):
        r = run("query", *target, "--sparql", ask, "--format", "csv")
        assert r.output.split() == ["n", "0"], r.output
    assert _stats(run("stats", "--endpoint", server["query"]).output) == _stats(run("stats", "--store", local).output)


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


def _fill(remote, sample_store) -> None:
    for g in sample_store.named_graphs():
        remote.replace_article(g, sample_store.graph(g))
    remote.flush()


def test_every_bundled_query_gives_the_same_rows_on_both_stores(tmp_path, sample_store):
    """Oxigraph's server: every row the same.  (Virtuoso's answers are compared in tests/test_virtuoso.py,
    with the queries its version gets wrong.)"""
    from libkg.query.library import bind_params, list_queries
    from libkg.store import RemoteStore

    proc, base = start_oxigraph("serve", "--location", str(tmp_path / "ox"))
    try:
        _same_rows(RemoteStore(base + "/query", base + "/update"), sample_store, bind_params, list_queries)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _same_rows(remote, sample_store, bind_params, list_queries) -> None:
    _fill(remote, sample_store)
    assert remote.engine.name == "sparql11"
    assert remote.triple_count() == sample_store.triple_count()
    for q in list_queries():
        params = {p.name: p.example for p in q.params if p.example and "optional" not in p.doc}
        b = bind_params(q, params) or None
        local = _sorted_rows(sample_store, q.text, b)
        assert _sorted_rows(remote, q.text, b) == local, q.name


def _sorted_rows(store, text, bindings):
    res = store.query(text, bindings=bindings)
    return sorted(tuple(str(v) if v is not None else "" for v in r) for r in res)


def test_network_stats_validate_on_endpoint(server, sample_store, tmp_path):
    """The network projections, the counts and SHACL validation read the same graph from the server."""
    from libkg.network import hierarchy, institutions, persons
    from libkg.query.stats import store_stats
    from libkg.store import RemoteStore

    remote = RemoteStore(server["query"], server["update"])
    _fill(remote, sample_store)
    assert store_stats(remote) == store_stats(sample_store)
    for project in (institutions, persons, hierarchy):
        g_remote, g_local = project(remote), project(sample_store)
        assert g_local.number_of_nodes() > 0, project.__name__
        assert sorted(g_remote.nodes(data=True)) == sorted(g_local.nodes(data=True)), project.__name__
        assert _edges(g_remote) == _edges(g_local), project.__name__
    out = tmp_path / "inst.gexf"
    r = run("network", "institutions", "--endpoint", server["query"], "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 1000
    r = run("validate", "--endpoint", server["query"])
    assert r.exit_code == 0 and "conforms" in r.output, r.output[-2000:]


def _edges(g) -> list[tuple]:
    """The edges with their weights (an undirected edge's two ends in one order)."""
    ends = (lambda u, v: (u, v)) if g.is_directed() else (lambda u, v: tuple(sorted((u, v))))
    return sorted((*ends(u, v), d.get("weight")) for u, v, d in g.edges(data=True))


def test_a_server_error_is_one_line_naming_the_graphs(server, sample_store):
    """A refused update: the status, the engine's message, which graphs; never the request itself."""
    from libkg.store import RemoteStore, StoreError

    remote = RemoteStore(server["query"], server["update"])
    graphs = [g for g in sample_store.named_graphs() if "/article/" in g][:4]
    for g in graphs:
        remote.replace_article(g, sample_store.graph(g))
    remote.replace_article("urn:libkg:test:broken", ["<urn:s> <urn:p> <not an iri>"])
    with pytest.raises(StoreError) as err:
        remote.flush()
    msg = str(err.value)
    print(msg)
    assert "\n" not in msg and len(msg) < 700, msg
    assert f"answered HTTP 400 to the update of {len(graphs) + 1} graph(s): <{graphs[0]}>" in msg
    assert "and 2 more" in msg and "INSERT" not in msg and "prefLabel" not in msg


def test_ingest_reports_a_refused_update_per_article(tmp_path, samples_dir):
    """libkg ingest against a URL that refuses updates: a short error per article (its file), exit 1."""
    import pyoxigraph

    created = pyoxigraph.Store(str(tmp_path / "ox"))  # a read-only server needs a store to open
    del created
    proc, base = start_oxigraph("serve-read-only", "--location", str(tmp_path / "ox"))
    try:
        r = CliRunner().invoke(cli, ["ingest", str(samples_dir / "d01.json"), "--endpoint", base + "/query",
                                     "--update-endpoint", base + "/update", "-q"])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert r.exit_code == 1
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert len(lines) <= 3, r.output
    assert "answered HTTP" in r.output and "graph(s): <" in r.output, r.output
    assert "INSERT" not in r.output and "Traceback" not in r.output


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

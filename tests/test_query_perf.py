"""Lookups about one entity read that entity's data, not the whole store (issue 20: < 100 ms at 100k).

Timings on a shared machine are noise; Oxigraph's own plan is not.  ``oxigraph query --explain-file
--stats`` (the CLI of the same Oxigraph version as pyoxigraph) reports how many rows each pattern of
the evaluated plan produced.  A pattern the planner joins by hash (read for the whole store, then
matched) produces every matching quad of the store; looked up row by row, only the entity's.  The
sample store is small, but the difference shows all the same: all 31 articles' dates, or the
dates of the annotations found.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from libkg.query.library import bind_params, get_query
from libkg.rdf.namespaces import PREFIXES
from libkg.store.sparql_text import inject_values
from libkg.testing import oxigraph_exe


@pytest.fixture(scope="module")
def closed_store(tmp_path_factory, samples_dir) -> Path:
    """The sample articles in a store on disk, closed (the oxigraph CLI opens it itself)."""
    from libkg.ingest import ingest_paths
    from libkg.store import open_store

    path = tmp_path_factory.mktemp("perf") / "store"
    store = open_store(path)
    try:
        assert not ingest_paths(store, [samples_dir]).errors
    finally:
        store.close()
    return path


def plan(store: Path, query: str, tmp_path: Path, /, **params: str) -> list[tuple[str, int]]:
    """(node name, rows produced) for every node of Oxigraph's plan of a bundled query."""
    q = get_query(query)
    text = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items()) + inject_values(q.text, bind_params(q, params))
    (tmp_path / "q.rq").write_text(text, encoding="utf-8")
    explain = tmp_path / "plan.json"
    subprocess.run([oxigraph_exe(), "query", "--location", str(store), "--query-file", str(tmp_path / "q.rq"),
                    "--results-format", "csv", "--explain-file", str(explain), "--stats"],
                   check=True, capture_output=True, timeout=120)
    out: list[tuple[str, int]] = []

    def walk(node: dict) -> None:
        out.append((node["name"], node.get("number of results", 0)))
        for child in node.get("children", []):
            walk(child)

    walk(json.loads(explain.read_text(encoding="utf-8"))["plan"])
    return out


def count(store: Path, sparql: str) -> int:
    import pyoxigraph as ox

    st = ox.Store.read_only(str(store))
    return int(next(iter(st.query(sparql, prefixes=PREFIXES)))[0].value)


def rows_of(nodes: list[tuple[str, int]], *words: str) -> list[int]:
    return [n for name, n in nodes if name.startswith("QuadPattern(") and all(w in name for w in words)]


def test_fact_provenance_reads_the_dates_of_the_entitys_articles_only(closed_store, tmp_path):
    nodes = plan(closed_store, "fact-provenance", tmp_path, name="Kiều Thúy Nga")
    dates = rows_of(nodes, "schema.org/datePublished")
    articles = count(closed_store, "SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle ; schema:datePublished ?d }")
    annotations = rows_of(nodes, "oa#hasBody")
    assert dates and annotations and articles == 31
    assert sum(dates) <= sum(annotations) < articles  # one date per annotation found, not every article's


def test_libraries_in_province_reads_the_graphs_of_its_libraries_only(closed_store, tmp_path):
    nodes = plan(closed_store, "libraries-in-province", tmp_path, province="Lào Cai", asOf="current")
    graphs = rows_of(nodes, "ontology#Library> ?g")
    everywhere = count(closed_store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?lib a lkg:Library } }")
    here = count(closed_store, """SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?lib a lkg:Library }
        ?lib schema:location ?loc . ?loc lkg:succeededBy* ?u . ?u lkg:nameKey "lào cai" }""")
    assert graphs and 0 < here < everywhere
    assert sum(graphs) <= here  # each library's graphs (once per unit it is listed under), not the store's

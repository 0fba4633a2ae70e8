"""Counts of what a store holds, for ``libkg stats``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

STATS_QUERY = """
PREFIX lkg: <https://w3id.org/libkg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT
  (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?p) AS ?persons) (COUNT(DISTINCT ?o) AS ?organizations)
  (COUNT(DISTINCT ?pos) AS ?positions) (COUNT(DISTINCT ?t) AS ?tenures) (COUNT(DISTINCT ?e) AS ?events)
  (COUNT(DISTINCT ?pl) AS ?places)
WHERE {
  { ?a a schema:NewsArticle } UNION { ?p a lkg:Person } UNION { ?o a lkg:Organization }
  UNION { ?pos a lkg:Position } UNION { ?t a lkg:Tenure } UNION { ?e a lkg:Event } UNION { ?pl a lkg:Place }
}
"""


DISTINCT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

#: what each count is, as ``libkg stats`` prints it: the two triple counts differ on purpose
LABELS = {
    "triples": "quads in all graphs",  # one per article stating the triple
    "distinct_triples": "distinct triples in the default (union) graph",  # what a query without GRAPH sees
    "graphs": "named graphs",
    "articles": "articles",
    "persons": "persons",
    "organizations": "organisations",
    "positions": "positions",
    "tenures": "tenures (terms of office)",
    "events": "events",
    "places": "places",
}


def store_stats(store: Store) -> dict[str, int]:
    """Counts of what the store holds; entities are counted once across articles.

    ``triples`` are the statements of the named graphs, one per article stating
    them (what ``ingest`` writes and ``export --format nq`` holds);
    ``distinct_triples`` the triples of the default graph, which the store keeps
    equal to the set union of the named graphs: what a query with no ``GRAPH``
    sees and ``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`` counts.
    """
    out = {"triples": store.triple_count(), "distinct_triples": _count(store, DISTINCT_TRIPLES),
           "graphs": len(store.named_graphs())}
    res = store.query(STATS_QUERY)
    row = next(select_rows(res))
    for var in res.vars or ():
        out[str(var)] = int(row[var])
    return out


def _count(store: Store, sparql: str) -> int:
    row = next(select_rows(store.query(sparql)))
    return int(row[0])

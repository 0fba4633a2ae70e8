"""Counts of what a store holds, for ``libkg stats``."""

from __future__ import annotations

STATS_QUERY = """
PREFIX lkg: <https://w3id.org/libkg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT
  (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?p) AS ?persons) (COUNT(DISTINCT ?o) AS ?organizations)
  (COUNT(DISTINCT ?pos) AS ?positions) (COUNT(DISTINCT ?e) AS ?events) (COUNT(DISTINCT ?pl) AS ?places)
WHERE {
  { ?a a schema:NewsArticle } UNION { ?p a lkg:Person } UNION { ?o a lkg:Organization }
  UNION { ?pos a lkg:Position } UNION { ?e a lkg:Event } UNION { ?pl a lkg:Place }
}
"""


def store_stats(store) -> dict[str, int]:
    """Triples, named graphs and entity counts (entities counted once across articles)."""
    out = {"triples": store.triple_count(), "graphs": len(store.named_graphs())}
    res = store.query(STATS_QUERY)
    row = next(iter(res))
    for var in res.vars:
        out[str(var)] = int(row[var])
    return out

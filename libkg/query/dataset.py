"""The store's VoID / DCAT description, and exports that carry it (``libkg export``, ``libkg serve``).

Counts come from :func:`libkg.query.stats.store_stats`; example resources are the first person,
organisation, event and place of the store (by IRI, so the same store gives the same ones); the
description itself is built by :func:`libkg.rdf.void.dataset_description`.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING

from rdflib import Dataset, Graph, URIRef

from libkg import __version__
from libkg.query.stats import store_stats
from libkg.rdf.namespaces import bind_prefixes, data_base
from libkg.rdf.void import dataset_description, void_graph_iri
from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["describe_store", "example_resources", "export_with_description"]

EXAMPLES_QUERY = """
PREFIX lkg: <https://w3id.org/libkg/ontology#>
SELECT ?x WHERE {
  { SELECT ?x WHERE { ?x a lkg:Person } ORDER BY ?x LIMIT 1 }
  UNION { SELECT ?x WHERE { ?x a lkg:Organization } ORDER BY ?x LIMIT 1 }
  UNION { SELECT ?x WHERE { ?x a lkg:Event } ORDER BY ?x LIMIT 1 }
  UNION { SELECT ?x WHERE { ?x a lkg:ProvincialUnit } ORDER BY ?x LIMIT 1 }
}
"""


def example_resources(store: Store) -> list[URIRef]:
    """One person, organisation, event and provincial unit of the store (the first by IRI)."""
    return sorted({r[0] for r in select_rows(store.query(EXAMPLES_QUERY)) if isinstance(r[0], URIRef)})


def describe_store(store: Store, base: str | None = None, sparql_endpoint: str | None = None) -> Graph:
    """The VoID / DCAT description of ``store`` now; the endpoint defaults to ``{base}sparql``."""
    base = data_base(base)
    return dataset_description(store_stats(store), base, sparql_endpoint=sparql_endpoint or f"{base}sparql",
                               examples=example_resources(store), version=__version__,
                               modified=datetime.now(UTC).replace(microsecond=0).isoformat())


def _chunk(description: Graph, fmt: str, graph: URIRef) -> bytes:
    if fmt in ("ttl", "nt"):
        return b"\n" + description.serialize(format="turtle" if fmt == "ttl" else "nt", encoding="utf-8")
    ds = Dataset()
    bind_prefixes(ds)
    named = ds.graph(graph)
    for t in description:
        named.add(t)
    return b"\n" + ds.serialize(format="trig" if fmt == "trig" else "nquads", encoding="utf-8")


def _merge_jsonld(document: bytes, description: Graph, graph: URIRef) -> bytes:
    data = json.loads(document or b"[]")
    extra = json.loads(description.serialize(format="json-ld"))
    node = {"@id": str(graph), "@graph": extra if isinstance(extra, list) else extra.get("@graph", [extra])}
    if isinstance(data, dict) and "@graph" in data:
        data["@graph"].append(node)
    elif isinstance(data, dict):
        data = [data, node]
    else:
        data.append(node)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def export_with_description(store: Store, fmt: str, out: IO[bytes], base: str | None = None) -> None:
    """``store.export(fmt, out)`` followed by the store's description in the named graph
    ``{base}graph/void`` (merged into the default graph for ``ttl`` / ``nt``)."""
    fmt = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json-ld": "jsonld"}.get(fmt.lower(), fmt.lower())
    description, graph = describe_store(store, base), void_graph_iri(base)
    if fmt == "jsonld":
        buf = io.BytesIO()
        store.export(fmt, buf)
        out.write(_merge_jsonld(buf.getvalue(), description, graph))
        return
    store.export(fmt, out)
    out.write(_chunk(description, fmt, graph))

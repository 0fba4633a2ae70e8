"""The reference data ingest relies on, as one graph: the gazetteer and the organisation lineage.

It goes into ``{base}graph/gazetteer`` with a digest of its content
(``lkg:contentDigest``), so a loader can tell with one ASK query whether the
stored copy is current (see :func:`libkg.ingest.write.load_reference_data`).

>>> iri, g, digest = reference_graph("https://example.org/")
>>> len(g) > 1000, (iri, None, None) in g, len(digest)
(True, True, 40)
"""

from __future__ import annotations

import hashlib

from rdflib import Graph, URIRef

from libkg.rdf.literals import plain_literal
from libkg.rdf.namespaces import LKG
from libkg.resolve.organizations import org_lineage_graph
from libkg.resolve.places import gazetteer_graph, gazetteer_graph_iri

__all__ = ["graph_digest", "reference_graph"]


def graph_digest(g: Graph) -> str:
    """A SHA-1 of the graph's triples in sorted N-Triples form (blank-node free graphs)."""
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in g)
    return hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()


def reference_graph(base: str | None = None) -> tuple[URIRef, Graph, str]:
    """(graph IRI, the gazetteer and organisation lineage with their digest, the digest)."""
    gi = gazetteer_graph_iri(base)
    g = gazetteer_graph(base)
    for t in org_lineage_graph(base):
        g.add(t)
    digest = graph_digest(g)
    g.add((gi, LKG.contentDigest, plain_literal(digest)))
    return gi, g, digest

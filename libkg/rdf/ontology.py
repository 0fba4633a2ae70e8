"""The ontology file, parsed once, and what the builder needs from it.

Data asserts every superclass of a node's class (so SPARQL needs no reasoner);
taking them from ``ontology/libkg.ttl`` keeps the data in step with the file.

Example
-------
>>> from libkg.rdf.namespaces import LKG
>>> [str(c) for c in types_of(LKG.Evidence)]
['https://w3id.org/libkg/ontology#Evidence', 'http://www.w3.org/ns/prov#Entity']
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from libkg.resources import ontology_dir


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """``ontology/libkg.ttl`` (shared; do not modify the returned graph)."""
    g = Graph()
    g.parse(ontology_dir() / "libkg.ttl", format="turtle")
    return g


@lru_cache(maxsize=256)
def types_of(cls: URIRef) -> tuple[URIRef, ...]:
    """``cls`` and all its named superclasses, nearest first, without duplicates."""
    out: list[URIRef] = [cls]
    i = 0
    while i < len(out):
        for sup in sorted(ontology().objects(out[i], RDFS.subClassOf)):
            if isinstance(sup, URIRef) and sup not in out:
                out.append(sup)
        i += 1
    return tuple(out)


def schema_graph() -> Graph:
    """The ontology plus all vocabularies in one new graph, to load into a store's ontology graph."""
    from libkg.vocab import vocab_graph

    g = vocab_graph()
    for t in ontology():
        g.add(t)
    return g

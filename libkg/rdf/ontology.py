"""The ontology file, parsed once, and what the builder needs from it.

Data asserts a node's libkg class and that class's libkg superclasses (a
library is both ``lkg:Library`` and ``lkg:Organization``), so queries in
libkg's own vocabulary need no reasoner.  The alignments to other
vocabularies (``lkg:Person`` rdfs:subClassOf ``schema:Person``,
``foaf:Person``, ``prov:Agent``...) are axioms of the ontology graph, which
every store holds, not types repeated on every node in every article: they
were a fifth of all triples.  ``?x a/rdfs:subClassOf* schema:Person`` finds
them; taking classes from ``ontology/libkg.ttl`` keeps data and file in step.

Example
-------
>>> from libkg.rdf.namespaces import LKG
>>> [str(c) for c in types_of(LKG.PersonMention)]
['https://w3id.org/libkg/ontology#PersonMention', 'http://www.w3.org/ns/prov#Entity']
>>> [str(c) for c in asserted_types(LKG.Library)]
['https://w3id.org/libkg/ontology#Library', 'https://w3id.org/libkg/ontology#Organization']
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from libkg.rdf.namespaces import LKG
from libkg.resources import data_file, ontology_dir


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
        for sup in sorted(ontology().objects(out[i], RDFS.subClassOf), key=str):  # IRIs: str order
            if isinstance(sup, URIRef) and sup not in out:
                out.append(sup)
        i += 1
    return tuple(out)


@lru_cache(maxsize=256)
def asserted_types(cls: URIRef) -> tuple[URIRef, ...]:
    """The classes data states for a node of class ``cls``: ``cls`` and its libkg superclasses."""
    return tuple(c for c in types_of(cls) if c == cls or c.startswith(str(LKG)))


@lru_cache(maxsize=1)
def inference_graph() -> Graph:
    """``ontology/libkg.ttl`` plus the RDFS axioms of PROV-O and ORG
    (``libkg/data/publish/prov-org-rdfs.ttl``): what validation with RDFS inference reads, as a
    reviewer validates with PROV-O and ORG loaded (shared; do not modify).  Not in the store's
    ontology graph, which holds libkg's own files."""
    g = Graph()
    for t in ontology():
        g.add(t)
    g.parse(data_file("publish", "prov-org-rdfs.ttl"), format="turtle")
    return g


def schema_graph() -> Graph:
    """The ontology plus all vocabularies in one new graph, to load into a store's ontology graph."""
    from libkg.vocab import vocab_graph

    g = vocab_graph()
    for t in ontology():
        g.add(t)
    return g

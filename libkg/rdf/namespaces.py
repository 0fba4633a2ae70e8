"""Namespaces of the ontology, the vocabularies and the data.

The ontology and vocabulary IRIs are fixed (they are published names); the
data IRIs hang off a base that deployments may change with the environment
variable ``LIBKG_BASE`` (default ``https://w3id.org/libkg/``), e.g. to mint
data under their own domain while still using the shared ontology.

Example
-------
>>> data_base("https://example.org/kg")
'https://example.org/kg/'
>>> str(article_graph("d01", "https://example.org/kg/"))
'https://example.org/kg/graph/article/d01'
"""

from __future__ import annotations

import os
from functools import lru_cache
from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

DEFAULT_BASE = "https://w3id.org/libkg/"

LKG = Namespace("https://w3id.org/libkg/ontology#")
ROLE = Namespace("https://w3id.org/libkg/vocab/role/")
EVENT_KIND = Namespace("https://w3id.org/libkg/vocab/event-kind/")
ORG_KIND = Namespace("https://w3id.org/libkg/vocab/org-kind/")
PLACE_KIND = Namespace("https://w3id.org/libkg/vocab/place-kind/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")  # W3C Web Annotation
SCHEMA = SDO  # https://schema.org/

ONTOLOGY_IRI = URIRef("https://w3id.org/libkg/ontology")

PREFIXES: dict[str, str] = {
    "lkg": str(LKG),
    "lkg-role": str(ROLE),
    "lkg-ek": str(EVENT_KIND),
    "lkg-ok": str(ORG_KIND),
    "lkg-pk": str(PLACE_KIND),
    "org": str(ORG),
    "foaf": str(FOAF),
    "schema": str(SDO),
    "sem": str(SEM),
    "oa": str(OA),
    "prov": str(PROV),
    "time": str(TIME),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

__all__ = [
    "DEFAULT_BASE", "EVENT_KIND", "EVIDENCE_GRAPHS", "LKG", "OA", "ONTOLOGY_IRI", "ORG_KIND", "PLACE_KIND", "PREFIXES", "ROLE",
    "SCHEMA", "SEM", "TermCache", "article_graph", "article_iri", "bind_prefixes", "data_base", "evidence_graph", "id_namespace",
    "in_union",
    "ontology_graph", "quote_id", "shared_iri",
]


@lru_cache(maxsize=16384)
def shared_iri(text: str) -> URIRef:
    """``URIRef(text)``, one object per IRI while it stays in this (bounded) cache.

    Minted IRIs recur: an article's in many of its triples, a publisher's,
    position's or role's in many articles.  Each is then made and checked once,
    and every triple holds the same object, which sets and dicts match by
    identity instead of by rdflib's Python-level equality.
    """
    return URIRef(text)


class TermCache:
    """A namespace whose terms are made once.

    rdflib builds a new URIRef on every attribute access (``LKG.Person``);
    code that writes the same few terms for every article asks through one of
    these instead, so each term is made, hashed and converted once and the
    same object recurs in every triple.

    >>> T = TermCache(LKG)
    >>> T.Person is T.Person is T["Person"]
    True
    """

    def __init__(self, ns) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:  # only on the first access: later ones find the attribute
        if name.startswith("__"):  # not a term: copy, pickle and friends probe for these
            raise AttributeError(name)
        term = self._ns[name]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


def data_base(base: str | None = None) -> str:
    """The data base IRI: ``base``, else ``$LIBKG_BASE``, else :data:`DEFAULT_BASE`; always ends in '/'."""
    b = base or os.environ.get("LIBKG_BASE") or DEFAULT_BASE
    return b if b.endswith(("/", "#")) else b + "/"


@lru_cache(maxsize=4096)  # every IRI minted for an article quotes its id again
def quote_id(article_id: str) -> str:
    """An article id made safe for an IRI path segment (ids are kept readable, not slugged,
    so that two ids never collide)."""
    return quote(article_id, safe="-._~")


def id_namespace(kind: str, base: str | None = None) -> Namespace:
    """``{base}id/{kind}/`` -- the namespace entities of one kind are minted in."""
    return Namespace(f"{data_base(base)}id/{kind}/")


def article_iri(article_id: str, base: str | None = None) -> URIRef:
    """The IRI of the article node, ``{base}id/article/{article_id}``."""
    return shared_iri(f"{data_base(base)}id/article/{quote_id(article_id)}")


def article_graph(article_id: str, base: str | None = None) -> URIRef:
    """The named graph holding the triples read from one article, ``{base}graph/article/{id}``."""
    return shared_iri(f"{data_base(base)}graph/article/{quote_id(article_id)}")


EVIDENCE_GRAPHS = "/graph/evidence/"


def evidence_graph(article_id: str, base: str | None = None) -> URIRef:
    """The named graph of one article's evidence (its Web Annotations), ``{base}graph/evidence/{id}``.

    Kept out of the store's union (:func:`in_union`): where a fact was read is not a fact.
    """
    return URIRef(f"{data_base(base)}graph/evidence/{quote_id(article_id)}")


def in_union(graph_iri: str) -> bool:
    """Whether a named graph's triples belong in the store's default graph (all but evidence graphs)."""
    return EVIDENCE_GRAPHS not in str(graph_iri)


def ontology_graph(base: str | None = None) -> URIRef:
    """The named graph the ontology and vocabularies are loaded into, ``{base}graph/ontology``."""
    return URIRef(f"{data_base(base)}graph/ontology")


def bind_prefixes(graph: Graph) -> None:
    """Bind the usual prefixes on an rdflib Graph or Dataset (for readable serialisations)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)

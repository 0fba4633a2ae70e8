"""rdflib <-> pyoxigraph term conversion, in one place.

The graph is built with rdflib (its API is what the rest of libkg and its users
know) and stored in Oxigraph; every crossing goes through these functions.

Example
-------
>>> from rdflib import Literal
>>> from_ox(to_ox(Literal("Thư viện", lang="vi"))) == Literal("Thư viện", lang="vi")
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = ["from_ox", "graph_quads", "nt_statements", "statements", "to_ox", "to_ox_graph_name"]

_XSD_STRING = str(XSD.string)


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term (IRIs, blank nodes and literals)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {type(term).__name__} {term!r} in Oxigraph")


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    """A pyoxigraph term as an rdflib term; xsd:string literals become plain literals
    (the form rdflib parsers produce, so terms compare equal after a round trip)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value) if dt == _XSD_STRING else Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"cannot convert {type(term).__name__} {term!r} to rdflib")


def to_ox_graph_name(graph_iri: str | URIRef | None) -> ox.NamedNode | ox.DefaultGraph:
    """A graph name as pyoxigraph wants it; None is the default graph."""
    return ox.DefaultGraph() if graph_iri is None else ox.NamedNode(str(graph_iri))


def graph_quads(graph: Graph | Iterable[tuple[Node, Node, Node]],
                graph_iri: str | URIRef | None) -> Iterator[ox.Quad]:
    """The triples of ``graph`` as pyoxigraph quads in graph ``graph_iri``."""
    g = to_ox_graph_name(graph_iri)
    cache = _OX
    if len(cache) > 200_000:
        cache.clear()
    for s, p, o in graph:
        terms = []
        for t in (s, p, o):
            x = cache.get(t)
            if x is None:
                x = cache[t] = to_ox(t)
            terms.append(x)
        yield ox.Quad(terms[0], terms[1], terms[2], g)


_OX: dict[Node, ox.NamedNode | ox.BlankNode | ox.Literal] = {}  # pyoxigraph terms are immutable: shared


_NT: dict[Node, str] = {}  # term -> its N-Triples form (IRIs and types repeat across articles)


def _nt(term: Node) -> str:
    out = _NT.get(term)
    if out is None:
        if len(_NT) > 200_000:
            _NT.clear()
        out = _NT[term] = str(to_ox(term))
    return out


def nt_statements(graph: Graph | Iterable[tuple[Node, Node, Node]]) -> list[str]:
    """The triples of ``graph`` as ``"<s> <p> o"`` strings in Oxigraph's (N-Triples) term syntax."""
    nt = _nt
    return [f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in graph]


def statements(graph) -> list[str]:
    """Statements ``"<s> <p> o"`` from a Graph, a set of triples, a list of statements, or those
    statements as one newline-separated string (the form ingest workers send)."""
    if isinstance(graph, str):
        return graph.split("\n") if graph else []
    if isinstance(graph, list):
        return graph
    return nt_statements(graph)

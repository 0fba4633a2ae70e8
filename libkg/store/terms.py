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

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeAlias, overload

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier, Node

from libkg.rdf.literals import RECURRING_MAX_CHARS

__all__ = ["from_ox", "graph_quads", "nt_document", "nt_statements", "statements", "term_converter", "to_ox", "to_ox_graph_name"]

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


def _iri(value: str) -> URIRef:
    """URIRef(value) without its validity check: Oxigraph only holds IRIs it has already checked."""
    return str.__new__(URIRef, value)


def _string(value: str, lang: str | None = None) -> Literal:
    """Literal(value, lang=lang) without its parsing: a string literal's value is its lexical form."""
    lit = str.__new__(Literal, value)
    lit._language, lit._datatype, lit._value, lit._ill_typed = lang, None, value, None
    return lit


def _same_literal(a: Literal, b: Literal) -> bool:
    return type(a) is type(b) and str(a) == str(b) and all(getattr(a, s) == getattr(b, s) for s in Literal.__slots__)


try:  # the shortcuts must build exactly what rdflib's constructors build; if this rdflib differs, use them
    _FAST = (_same_literal(_string("x"), Literal("x")) and _same_literal(_string("x", "vi"), Literal("x", lang="vi"))
             and type(_iri("urn:x")) is URIRef and _iri("urn:x") == URIRef("urn:x"))
except (AttributeError, TypeError):
    _FAST = False
if not _FAST:
    _iri = URIRef  # noqa: F811

    def _string(value: str, lang: str | None = None) -> Literal:  # noqa: F811
        return Literal(value, lang=lang)

_OX_IRI, _OX_LITERAL, _OX_BNODE = ox.NamedNode, ox.Literal, ox.BlankNode


OxTerm: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple  # what pyoxigraph answers with


@overload
def from_ox(term: None) -> None: ...
@overload
def from_ox(term: OxTerm) -> Identifier: ...
def from_ox(term: OxTerm | None) -> Identifier | None:
    """A pyoxigraph term as an rdflib term; xsd:string literals become plain literals
    (the form rdflib parsers produce, so terms compare equal after a round trip).

    >>> from_ox(ox.Literal("2023-07-06", datatype=ox.NamedNode(str(XSD.date)))).toPython()
    datetime.date(2023, 7, 6)
    """
    if term is None:
        return None
    t: Any = term  # its class is tested below, faster than isinstance and opaque to mypy
    cls: type | None = type(t)
    if cls is not _OX_IRI and cls is not _OX_LITERAL and cls is not _OX_BNODE:  # a subclass, or no term
        cls = next((c for c in (_OX_IRI, _OX_LITERAL, _OX_BNODE) if isinstance(t, c)), None)
        if cls is None:
            raise TypeError(f"cannot convert {type(t).__name__} {t!r} to rdflib")
    if cls is _OX_IRI:
        return _iri(t.value)
    if cls is _OX_LITERAL:
        lang = t.language
        if lang:
            return _string(t.value, lang)
        dt = t.datatype.value
        return _string(t.value) if dt == _XSD_STRING else Literal(t.value, datatype=_iri(dt))
    return BNode(t.value)


def term_converter() -> Callable[[OxTerm], Identifier]:
    """:func:`from_ox` that converts each distinct term once (for one query result, whose
    kinds, dates, places and names repeat from row to row; memory: its distinct terms)."""
    memo: dict[OxTerm, Identifier] = {}
    get = memo.get

    def convert(term: OxTerm) -> Identifier:
        out = get(term)
        if out is None:
            out = memo[term] = from_ox(term)
        return out

    return convert


def to_ox_graph_name(graph_iri: str | URIRef | None) -> ox.NamedNode | ox.DefaultGraph:
    """A graph name as pyoxigraph wants it; None is the default graph."""
    return ox.DefaultGraph() if graph_iri is None else ox.NamedNode(str(graph_iri))


def graph_quads(graph: Graph | Iterable[tuple[Node, Node, Node]],
                graph_iri: str | URIRef | None) -> Iterator[ox.Quad]:
    """The triples of ``graph`` as pyoxigraph quads in graph ``graph_iri``."""
    g = to_ox_graph_name(graph_iri)
    cache = _OX
    if len(cache) > CACHE_TERMS:
        cache.clear()
    for s, p, o in graph:
        terms: list[Any] = []  # subject, predicate, object: checked by pyoxigraph
        for t in (s, p, o):
            x = cache.get(t)
            if x is None:
                x = to_ox(t)
                if len(str(t)) <= RECURRING_MAX_CHARS:
                    cache[t] = x
            terms.append(x)
        yield ox.Quad(terms[0], terms[1], terms[2], g)


# Terms recur (IRIs, classes, names, dates) but an article's text, sentences and quotes never do: a cache
# that kept them held ~1 KB per entry, and a worker grew by ~200 MB over its first 10,000 articles.
CACHE_TERMS = 50_000  # entries before a cache starts again
_OX: dict[Node, ox.NamedNode | ox.BlankNode | ox.Literal] = {}  # pyoxigraph terms are immutable: shared


_NT: dict[Node, str] = {}  # term -> its N-Triples form (IRIs and types repeat across articles)


def _nt(term: Node) -> str:
    """The N-Triples form of a term not yet in the cache (never empty)."""
    out = str(to_ox(term))
    if len(str(term)) <= RECURRING_MAX_CHARS:
        if len(_NT) > CACHE_TERMS:
            _NT.clear()
        _NT[term] = out
    return out


def nt_statements(graph: Graph | Iterable[tuple[Node, Node, Node]]) -> list[str]:
    """The triples of ``graph`` as ``"<s> <p> o"`` strings in Oxigraph's (N-Triples) term syntax."""
    get, miss = _NT.get, _nt  # inlined lookups: this runs for every term of every article
    return [f"{get(s) or miss(s)} {get(p) or miss(p)} {get(o) or miss(o)}" for s, p, o in graph]


def nt_document(stmts: list[str]) -> bytes:
    """Statements as an N-Triples document in UTF-8, the form ingest workers send.

    Bytes made once, in the worker, go unchanged through the spool into
    Oxigraph's loader: the parent never decodes, splits or re-encodes them.

    >>> nt_document(['<urn:s> <urn:p> "x"', '<urn:s> <urn:q> <urn:o>'])
    b'<urn:s> <urn:p> "x" .\\n<urn:s> <urn:q> <urn:o> .\\n'
    >>> statements(nt_document(['<urn:s> <urn:p> "Hoà"']))
    ['<urn:s> <urn:p> "Hoà"']
    """
    return (" .\n".join(stmts) + " .\n").encode("utf-8") if stmts else b""


def statements(graph) -> list[str]:
    """Statements ``"<s> <p> o"`` from a Graph, a set of triples, a list of statements, those
    statements as one newline-separated string, or an N-Triples document in bytes
    (:func:`nt_document`, the form ingest workers send)."""
    if isinstance(graph, bytes):  # N-Triples lines end " ."; literals escape newlines, so lines are statements
        return [line[:-2] for line in graph.decode("utf-8").split("\n") if line]
    if isinstance(graph, str):
        return graph.split("\n") if graph else []
    if isinstance(graph, list):
        return graph
    return nt_statements(graph)

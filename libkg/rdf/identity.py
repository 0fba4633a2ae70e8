"""The graphs of identity decisions: person mentions, "possibly the same" hypotheses, renamed persons.

:mod:`libkg.resolve` decides which person each mention is and returns the
decisions as data (:class:`~libkg.resolve.resolver.ArticleIdentity`,
:class:`~libkg.resolve.persons.Cluster` lists); this module turns them into
triples:

* :func:`mention_triples` -- an article's person mentions with their anchors
  and the person each resolved to (in the article's own graph: the registry
  the next ingest reads back);
* :func:`identity_graph` -- the hypotheses between the persons of one
  folded name (``{base}graph/identity/person/...``);
* :func:`rename_persons` -- a stored article graph with person IRIs renamed
  when later evidence joined or split a name.
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD
from rdflib.term import Node

from libkg.rdf.literals import date_literal, plain_literal
from libkg.rdf.namespaces import LKG, TermCache
from libkg.resolve.iris import Minter
from libkg.resolve.persons import Cluster, hypothesis
from libkg.resolve.resolver import ArticleIdentity, cluster_iris

__all__ = ["MAX_HYPOTHESES", "identity_graph", "mention_triples", "rename_persons"]

MAX_HYPOTHESES = 40  # clusters of one name beyond this get no pairwise "possibly same" links

# the terms every article's mentions are written with, made once (see TermCache)
_RDF, _PROV, _LKG, _DCTERMS = map(TermCache, (RDF, PROV, LKG, DCTERMS))

Triple = tuple[Node, Node, Node]


def mention_triples(ident: ArticleIdentity) -> set[Triple]:
    """The article's person mentions with their anchors and the person each resolved to.

    They are facts of this article (what it says about whom), so they live in
    its graph; the registry the resolver reads is their union.  A set of
    triples, not a Graph: it is merged into the article's triples.
    """
    g: set[Triple] = set()
    m = ident.m
    aid = ident.facts.article_id or ident.article.id
    src = m.article(aid)
    for key, mention in sorted(ident.mentions.items()):
        node = m.mention(aid, key)
        g.add((node, _RDF.type, _LKG.PersonMention))
        g.add((node, _RDF.type, _PROV.Entity))
        g.add((node, _LKG.nameKey, plain_literal(key)))
        g.add((node, _PROV.wasDerivedFrom, src))
        g.add((node, _LKG.resolvedTo, ident.person(key)))
        d = date_literal(mention.date)
        if d is not None:
            g.add((node, _DCTERMS.date, d))
        for a in sorted(mention.anchors):
            g.add((node, _LKG.anchor, plain_literal(a)))
    return g


def identity_graph(key: str, clusters: Sequence[Cluster], base: str | None = None) -> Graph:
    """The "possibly the same" hypotheses between the clusters of one folded name (empty for one cluster)."""
    m = Minter(base)
    g = Graph()  # no prefix bindings: stored, not serialised (binding costs more than the triples)
    if not 1 < len(clusters) <= MAX_HYPOTHESES:
        return g
    iris = cluster_iris(m, clusters)
    for i in range(len(clusters)):
        for j in range(i + 1, len(clusters)):
            score, reason = hypothesis(clusters[i], clusters[j])
            h = m.hypothesis(iris[i], iris[j])
            g.add((h, RDF.type, LKG.IdentityHypothesis))
            g.add((h, RDF.type, PROV.Entity))
            g.add((h, LKG.candidate, iris[i]))
            g.add((h, LKG.candidate, iris[j]))
            g.add((h, LKG.score, Literal(_canonical_decimal(score), datatype=XSD.decimal)))
            g.add((h, LKG.reason, plain_literal(reason)))
            g.add((h, LKG.nameKey, plain_literal(key)))
            g.add((iris[i], LKG.possiblySameAs, iris[j]))
            g.add((iris[j], LKG.possiblySameAs, iris[i]))
    return g


def rename_persons(g: Graph, renames: dict[URIRef, URIRef], m: Minter) -> Graph:
    """``g`` with person IRIs (and the position IRIs under them) renamed."""
    prefixes = [(m.position_prefix(o), m.position_prefix(n)) for o, n in renames.items()]

    def term(t: Node) -> Node:
        if not isinstance(t, URIRef):
            return t
        if t in renames:
            return renames[t]
        s = str(t)
        for old, new in prefixes:
            if s.startswith(old):
                return URIRef(new + s[len(old):])
        return t

    out = Graph()
    for s, p, o in g:
        out.add((term(s), p, term(o)))
    return out


def _canonical_decimal(x: float) -> str:
    """Two decimals in xsd:decimal's canonical form ("0.5", "1.0"): stores that parse the literal
    write it so, and the in-memory graph must say the same.

    >>> _canonical_decimal(0.5), _canonical_decimal(1), _canonical_decimal(0.333)
    ('0.5', '1.0', '0.33')
    """
    s = f"{x:.2f}".rstrip("0")
    return s + "0" if s.endswith(".") else s

"""The tenure graph of a post: one ``lkg:Tenure`` (an ``org:Membership``) per term, with OWL-Time dates.

A post (``lkg:Position``, ``{base}id/position/{person}/{key}``) gets the graph
``{base}graph/tenure/{person}/{key}`` (:func:`tenure_graph`); its terms are cut by
:func:`libkg.resolve.tenures.split_terms` from what the articles say.  Each term is

.. code-block:: text

    <{base}id/tenure/{person}/{key}/{hash}> a lkg:Tenure ;
        lkg:termOf <post> ; org:member <person> ; org:role <role> ; org:organization <org> ;
        org:memberDuring <...#interval> ;
        lkg:firstAttestedOn "2022-03-01"^^xsd:date ; lkg:lastAttestedOn "2023-10-05"^^xsd:date ;
        prov:wasDerivedFrom <article> , ... .
    <...#interval> a time:Interval ; time:hasBeginning <...#beginning> ; time:hasEnd <...#end> .
    <...#beginning> a time:Instant ; time:inXSDDate "2022-03-01"^^xsd:date ; lkg:dateStated true .

``time:inXSDDate`` / ``time:inXSDgYearMonth`` / ``time:inXSDgYear`` at the precision the text gives;
an instant only where a date is known (an open end stays open); ``lkg:dateStated true`` when the
text states it (else it is the publication day of the news of the appointment or retirement).
The tenure's hash is of its first statement (article and date), so it keeps its IRI when later
articles add to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, TIME
from rdflib.term import Node

from libkg.rdf.literals import date_literal, plain_literal
from libkg.rdf.namespaces import LKG
from libkg.resolve.keys import short_hash
from libkg.resolve.tenures import Statement, Term, precision, split_terms, statement_from_values

__all__ = ["TENURE_GRAPHS", "Post", "position_of_graph", "tenure_graph", "tenure_graphs", "tenure_iri",
           "tenure_triples"]

TENURE_GRAPHS = "/graph/tenure/"
_POSITIONS = "/id/position/"
_IN_XSD = {"day": TIME.inXSDDate, "month": TIME.inXSDgYearMonth, "year": TIME.inXSDgYear}

Triple = tuple[Node, Node, Node]


class Post:
    """A post and its holder: the position node, person, role and organisation (None: unknown)."""

    def __init__(self, position: str, person: str, role: str, organization: str | None = None) -> None:
        self.position, self.person, self.role, self.organization = position, person, role, organization


def tenure_graph(position: str) -> URIRef:
    """``{base}graph/tenure/{person}/{key}``: the graph of the terms of post ``{base}id/position/{person}/{key}``."""
    head, sep, tail = str(position).partition(_POSITIONS)
    if not sep:
        raise ValueError(f"{position!r} is not a position IRI (…{_POSITIONS}…)")
    return URIRef(f"{head}{TENURE_GRAPHS}{tail}")


def position_of_graph(graph: str) -> URIRef:
    """The post whose terms a tenure graph holds (the inverse of :func:`tenure_graph`)."""
    head, sep, tail = str(graph).partition(TENURE_GRAPHS)
    if not sep:
        raise ValueError(f"{graph!r} is not a tenure graph IRI (…{TENURE_GRAPHS}…)")
    return URIRef(f"{head}{_POSITIONS}{tail}")


def tenure_iri(position: str, term: Term) -> URIRef:
    """``{base}id/tenure/{person}/{key}/{hash of the term's first statement}``."""
    first = term.statements[0]
    head, _, tail = str(position).partition(_POSITIONS)
    return URIRef(f"{head}/id/tenure/{tail}/{short_hash(first.date + chr(31) + first.article, 8)}")


def _instant(iri: URIRef, date: str, stated: bool) -> list[Triple]:
    lit = date_literal(date)
    if lit is None:
        return []
    out: list[Triple] = [(iri, RDF.type, TIME.Instant), (iri, _IN_XSD[precision(date)], lit)]
    if stated:
        out.append((iri, LKG.dateStated, Literal(True)))
    return out


def tenure_triples(post: Post, terms: Sequence[Term]) -> set[Triple]:
    """The triples of ``post``'s tenure graph (empty when it has no term: the graph is dropped)."""
    out: set[Triple] = set()
    pos = URIRef(post.position)
    for term in terms:
        t = tenure_iri(post.position, term)
        interval = URIRef(f"{t}#interval")
        out.update({(t, RDF.type, LKG.Tenure), (t, LKG.termOf, pos), (t, ORG.member, URIRef(post.person)),
                    (t, ORG.role, URIRef(post.role)), (t, ORG.memberDuring, interval),
                    (interval, RDF.type, TIME.Interval)})
        if post.organization:
            out.add((t, ORG.organization, URIRef(post.organization)))
        out.update((t, PROV.wasDerivedFrom, URIRef(a)) for a in term.articles)
        for prop, date in ((LKG.firstAttestedOn, term.first), (LKG.lastAttestedOn, term.last)):
            lit = date_literal(date) if date else None
            if lit is not None:
                out.add((t, prop, lit))
        out.update((t, LKG["term"], plain_literal(w)) for w in term.terms_written)
        if term.begin:
            begin = _instant(URIRef(f"{t}#beginning"), term.begin, term.begin_stated)
            out.update(begin)
            if begin:
                out.add((interval, TIME.hasBeginning, URIRef(f"{t}#beginning")))
        if term.end:
            end = _instant(URIRef(f"{t}#end"), term.end, term.end_stated)
            out.update(end)
            if end:
                out.add((interval, TIME.hasEnd, URIRef(f"{t}#end")))
    return out



def tenure_graphs(articles: Iterable[tuple[URIRef, Graph]]) -> dict[URIRef, set[Triple]]:
    """The tenure graphs of every post the article graphs state: ``{graph IRI: triples}``, from
    (article IRI, article graph) pairs held in memory (``libkg extract --format trig``, the
    published sample graph); a store computes the same with :func:`libkg.ingest.tenures.refresh_tenures`."""
    lkg = str(LKG)
    heads: dict[str, Post] = {}
    statements: dict[str, list[Statement]] = defaultdict(list)
    for article, g in articles:
        for pos in sorted(set(g.subjects(RDF.type, LKG.Position)), key=str):
            values: dict[str, list[str]] = defaultdict(list)
            for p, o in g.predicate_objects(pos):
                if str(p).startswith(lkg):
                    values[str(p)[len(lkg):]].append(str(o))
            statements[str(pos)].append(statement_from_values(str(article), values))
            member, role = g.value(pos, ORG.member), g.value(pos, ORG.role)
            if member is not None and role is not None and str(pos) not in heads:
                org = g.value(pos, ORG.organization)
                heads[str(pos)] = Post(str(pos), str(member), str(role), str(org) if org is not None else None)
    return {tenure_graph(pos): tenure_triples(post, split_terms(statements[pos])) for pos, post in sorted(heads.items())}

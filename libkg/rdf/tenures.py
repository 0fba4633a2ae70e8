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

__all__ = ["STATED", "TENURE_GRAPHS", "Post", "PostRecord", "TenureCollector", "position_of_graph", "post_records",
           "tenure_graph", "tenure_graphs", "tenure_iri", "tenure_triples"]

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



# the lkg: properties of a post that :func:`libkg.resolve.tenures.statement_from_values` reads
STATED = ("status", "attestedOn", "formerOn", "startDate", "endDate", "dateStated", "term")
# what one article graph says about one post, as plain strings (small, and picklable for ingest's spool):
# (post, person, role, organisation or None, ((property local name, value), ...))
PostRecord = tuple[str, str, str, "str | None", tuple[tuple[str, str], ...]]
_HEAD_PROPERTIES = (ORG.member, ORG.role, ORG.organization)


def post_records(triples: Iterable[Triple]) -> list[PostRecord]:
    """What an article graph (its triples) says about each post it states, in post order."""
    lkg, wanted = str(LKG), set(STATED)
    posts: set[Node] = set()
    by_subject: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    for s, p, o in triples:
        if p == RDF.type and o == LKG.Position:
            posts.add(s)
        elif p in _HEAD_PROPERTIES or (str(p).startswith(lkg) and str(p)[len(lkg):] in wanted):
            by_subject[s].append((p, o))
    out: list[PostRecord] = []
    for pos in sorted(posts, key=str):
        heads: dict[Node, str] = {}
        for p, o in by_subject[pos]:  # one each; the least if an article gave several, as the store's read-back
            if p in _HEAD_PROPERTIES:
                heads[p] = min(heads.get(p, str(o)), str(o))
        if ORG.member not in heads or ORG.role not in heads:
            continue
        values = tuple(sorted((str(p)[len(lkg):], str(o)) for p, o in by_subject[pos] if p not in _HEAD_PROPERTIES))
        out.append((str(pos), heads[ORG.member], heads[ORG.role], heads.get(ORG.organization), values))
    return out


class TenureCollector:
    """The tenure graphs of posts from what articles say about them, gathered in memory.

    What :func:`libkg.ingest.tenures.refresh_tenures` reads back from a store, for articles at hand:
    a run into a store that held no articles, ``libkg extract --format trig``, the sample graph.
    A post's holder, role and organisation are the least of those the articles give (as the store's
    read-back of their union takes them; they agree, as the post's IRI is made from them).

    >>> c = TenureCollector()
    >>> c.add("https://w3id.org/libkg/id/article/a1", [("https://w3id.org/libkg/id/position/p/k",
    ...       "https://w3id.org/libkg/id/person/p", "https://w3id.org/libkg/id/role/director", None,
    ...       (("attestedOn", "2022-03-01"), ("status", "appointed")))])
    >>> [str(g) for g in c.graphs()]
    ['https://w3id.org/libkg/graph/tenure/p/k']
    """

    def __init__(self) -> None:
        self._heads: dict[str, tuple[str, str, str | None]] = {}
        self._statements: dict[str, list[Statement]] = defaultdict(list)

    def add(self, article: str, records: Iterable[PostRecord]) -> None:
        """What ``article`` (its IRI) says about posts (:func:`post_records` of its graph)."""
        for pos, member, role, org, pairs in records:
            values: dict[str, list[str]] = defaultdict(list)
            for prop, value in pairs:
                values[prop].append(value)
            self._statements[pos].append(statement_from_values(article, values))
            old = self._heads.get(pos)
            if old is None:
                self._heads[pos] = (member, role, org)
            else:  # the least of each, as the store's read-back of their union gives
                orgs = [o for o in (old[2], org) if o]
                self._heads[pos] = (min(old[0], member), min(old[1], role), min(orgs) if orgs else None)

    def graphs(self) -> dict[URIRef, set[Triple]]:
        """``{tenure graph IRI: triples}`` for every post seen, in post order."""
        out: dict[URIRef, set[Triple]] = {}
        for pos, (member, role, org) in sorted(self._heads.items()):
            post = Post(pos, member, role, org)
            out[tenure_graph(pos)] = tenure_triples(post, split_terms(self._statements[pos]))
        return out


def tenure_graphs(articles: Iterable[tuple[URIRef, Graph]]) -> dict[URIRef, set[Triple]]:
    """The tenure graphs of every post the article graphs state: ``{graph IRI: triples}``, from
    (article IRI, article graph) pairs held in memory (``libkg extract --format trig``, the
    published sample graph); a store computes the same with :func:`libkg.ingest.tenures.refresh_tenures`."""
    collector = TenureCollector()
    for article, g in articles:
        collector.add(str(article), post_records(g))
    return collector.graphs()

"""Views of the graph in another vocabulary, entailed by the ontology: the schema.org profile.

The stored graph writes ONE property per relation (``lkg:within``, not also
``schema:containedInPlace``; ``org:subOrganizationOf``, not also
``schema:parentOrganization``; ``schema:subEvent``, not also
``schema:superEvent``); ``ontology/libkg.ttl`` states how the others follow
(``rdfs:subPropertyOf``, ``owl:equivalentProperty``, ``owl:inverseOf``,
``rdfs:subClassOf``).  :func:`schema_rules` reads those axioms and lists, for
each stored property and class, the schema.org terms it entails; ``libkg
export --profile schema`` writes the statements they give
(:func:`libkg.query.dataset.profile_graph`).

Example
-------
>>> from libkg.rdf.namespaces import LKG, ORG, SCHEMA
>>> rules = schema_rules()
>>> SCHEMA.containedInPlace in rules.properties[LKG.within]
True
>>> SCHEMA.parentOrganization in rules.properties[ORG.subOrganizationOf]
True
>>> rules.inverses[SCHEMA.subEvent]
(rdflib.term.URIRef('https://schema.org/superEvent'),)
>>> SCHEMA.Person in rules.classes[LKG.Person]
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from libkg.rdf.namespaces import SCHEMA
from libkg.rdf.ontology import ontology

__all__ = ["ProfileRules", "schema_rules"]


@dataclass(frozen=True)
class ProfileRules:
    """What a profile adds: ``p -> q`` (``?s p ?o`` gives ``?s q ?o``), ``p -> inverse q``
    (``?s p ?o`` gives ``?o q ?s``), class ``c -> k`` (``?x a c`` gives ``?x a k``)."""

    properties: dict[URIRef, tuple[URIRef, ...]]
    inverses: dict[URIRef, tuple[URIRef, ...]]
    classes: dict[URIRef, tuple[URIRef, ...]]


def _closure(g: Graph, start: URIRef, edges: tuple[URIRef, ...], symmetric: tuple[URIRef, ...]) -> set[URIRef]:
    """Everything reachable from ``start`` along ``edges`` (forwards) and ``symmetric`` (both ways)."""
    seen, todo = {start}, [start]
    while todo:
        n = todo.pop()
        nxt = [o for e in edges for o in g.objects(n, e)]
        nxt += [o for e in symmetric for o in (*g.objects(n, e), *g.subjects(e, n))]
        for o in nxt:
            if isinstance(o, URIRef) and o not in seen:
                seen.add(o)
                todo.append(o)
    return seen


def _in(terms: set[URIRef], namespace: str, own: URIRef) -> tuple[URIRef, ...]:
    return tuple(sorted(t for t in terms if t != own and str(t).startswith(namespace)))


@lru_cache(maxsize=4)
def schema_rules(namespace: str = str(SCHEMA)) -> ProfileRules:
    """The terms of ``namespace`` (schema.org by default) each ontology property and class entails."""
    g = ontology()
    sub_p, eq_p, inv = (RDFS.subPropertyOf,), (OWL.equivalentProperty,), OWL.inverseOf
    props: dict[URIRef, tuple[URIRef, ...]] = {}
    inverses: dict[URIRef, tuple[URIRef, ...]] = {}
    for p in sorted({s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        up = _closure(g, p, sub_p, eq_p)
        if found := _in(up, namespace, p):
            props[p] = found
        inv_of = {o for q in up for o in (*g.objects(q, inv), *g.subjects(inv, q)) if isinstance(o, URIRef)}
        inv_up = set().union(*(_closure(g, q, sub_p, eq_p) for q in inv_of)) if inv_of else set()
        if found := _in(inv_up, namespace, p):
            inverses[p] = found
    classes: dict[URIRef, tuple[URIRef, ...]] = {}
    for c in sorted({s for s in g.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef)}):
        if found := _in(_closure(g, c, (RDFS.subClassOf,), (OWL.equivalentClass,)), namespace, c):
            classes[c] = found
    return ProfileRules(props, inverses, classes)

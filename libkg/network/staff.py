"""Institutions taking part in events through their staff (``institutions(..., through_staff=True)``).

News names people, not institutions, among those who attend: "Tham dự có bà
Quàng Thị Mai, Giám đốc Thư viện tỉnh Điện Biên".  Here an organisation takes
part in an event when it organised or attended it by name, *or* when a person
who organised or attended it is named with a post at the organisation in the
same article (the same named graph: the post as that article states it, not a
post the person held years before or after).

The parts are read with two simple queries (the organisation's own parts, and
the staff's parts joined inside each article graph) and paired in Python; the
store's planner joins the staff pattern into the pairing query badly (24 s
instead of about 3 s on a 5,000-article synthetic store).  It costs several
times the plain projection, so it is not the default.

>>> from rdflib import Dataset
>>> from libkg.store import EmbeddedStore
>>> trig = '''@prefix lkg: <https://w3id.org/libkg/ontology#> . @prefix schema: <https://schema.org/> .
... @prefix org: <http://www.w3.org/ns/org#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <urn:g> { <urn:vu> a lkg:Organization ; skos:prefLabel "Vụ Thư viện" .
...   <urn:db> a lkg:Organization ; skos:prefLabel "Thư viện tỉnh Điện Biên" .
...   <urn:e> a lkg:Event ; schema:organizer <urn:vu> ; schema:attendee <urn:mai> .
...   <urn:pos> org:member <urn:mai> ; org:organization <urn:db> . }'''
>>> with EmbeddedStore() as st:
...     for g in Dataset().parse(data=trig, format="trig").graphs():
...         n = st.replace_article(str(g.identifier), g) if len(g) else 0
...     g = coparticipation_through_staff(st)
>>> sorted(g.edges), g.edges["urn:db", "urn:vu"]["events"]
([('urn:db', 'urn:vu')], 'urn:e')
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING

import networkx as nx

from libkg.network.filters import EventFilter, iri_term, kind_of, rows

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["coparticipation_through_staff", "event_parts"]

_PART = "schema:organizer|schema:attendee"
_DIRECT = "SELECT DISTINCT ?e ?o WHERE { ?o a lkg:Organization . ?e " + _PART + " ?o }"
# the post and the attendance stated in one article graph; ?pos first: posts are fewer than attendances
_STAFF = ("SELECT DISTINCT ?e ?o WHERE { GRAPH ?g { ?pos org:member ?m . ?e " + _PART + " ?m . "
          "?pos org:organization ?o } }")
_ORGS = """SELECT ?o (MIN(STR(?l)) AS ?label) (MIN(STR(?k)) AS ?kind) (MIN(STR(?k0)) AS ?kindIri) WHERE {
  ?o a lkg:Organization . OPTIONAL { ?o skos:prefLabel ?l }
  OPTIONAL { ?o lkg:orgKind ?k0 . ?k0 skos:prefLabel ?k FILTER(LANG(?k) = "en") } } GROUP BY ?o"""
_EVENTS = """SELECT ?e (MIN(STR(?s)) AS ?start) (MIN(STR(?l)) AS ?label) WHERE { VALUES ?e { $E }
  OPTIONAL { ?e schema:startDate ?s } OPTIONAL { ?e skos:prefLabel ?l } } GROUP BY ?e"""
_CHUNK = 500  # events per VALUES block


def event_parts(store: Store, events: EventFilter | None = None) -> dict[str, set[str]]:
    """Event IRI -> the organisations taking part in it, by name or through staff (kept events only)."""
    parts: dict[str, set[str]] = defaultdict(set)
    for q in (_DIRECT, _STAFF):
        for r in rows(store, q):
            parts[r["e"]].add(r["o"])
    if events is not None and not events.is_empty():
        kept = {r["e"] for r in rows(store, f"SELECT DISTINCT ?e WHERE {{ {events.pattern(store)} }}")}
        parts = defaultdict(set, {e: os for e, os in parts.items() if e in kept})
    return parts


def _event_infos(store: Store, iris: list[str]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for i in range(0, len(iris), _CHUNK):
        values = " ".join(iri_term(e) for e in iris[i:i + _CHUNK])
        for r in rows(store, _EVENTS.replace("$E", values)):
            out[r["e"]] = (r.get("start", ""), r.get("label", ""))
    return out


def coparticipation_through_staff(store: Store, *, events: EventFilter | None = None,
                                  min_weight: int = 1) -> nx.Graph:
    """Organisations linked by the events they took part in, by name or through their staff.

    The same graph shape as :func:`libkg.network.project.coparticipation` (nodes ``iri``,
    ``label``, ``kind``, ``type``, ``events``; edges ``weight``, ``events``, ``dates``,
    ``event_labels``), so every writer and metric works on it unchanged.
    """
    parts = event_parts(store, events)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    count: dict[str, int] = defaultdict(int)
    for e, orgs in parts.items():
        for o in orgs:
            count[o] += 1
        for a, b in itertools.combinations(sorted(orgs), 2):
            pairs[(a, b)].add(e)
    g = nx.Graph(projection="coparticipation organization (through staff)")
    for r in rows(store, _ORGS):
        o = r["o"]
        if o in count:
            g.add_node(o, iri=o, label=r.get("label", o), kind=kind_of(r, "Other"), type="organization",
                       events=count[o], **({"kind_iri": r["kindIri"]} if "kindIri" in r else {}))
    kept = {ab: es for ab, es in pairs.items() if len(es) >= min_weight}
    info = _event_infos(store, sorted({e for es in kept.values() for e in es}))
    for (a, b), es in kept.items():
        infos = sorted(((e, *info.get(e, ("", ""))) for e in es), key=lambda t: (t[1] or "9999", t[0]))
        g.add_edge(a, b, weight=len(infos), events=";".join(t[0] for t in infos),
                   dates=";".join(t[1] for t in infos),
                   event_labels="\n".join(t[2].replace("\n", " ") for t in infos))
    return g

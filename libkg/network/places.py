"""Events and the places they happened in, with the administrative nesting of those places.

Where the sector meets (which provinces host, which sites recur) is a
question about places, so events point to their ``schema:location`` and each
place to the unit it lies ``lkg:within``, up to the country: a province's
node then gathers the events of its cities and sites.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from libkg.network.filters import EventFilter, kind_of, rows
from libkg.network.project import filter_attrs

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["events_places"]

_EVENTS = """
SELECT ?e ?loc (MIN(STR(?l)) AS ?label) (MIN(STR(?k)) AS ?kind) (MIN(STR(?k0)) AS ?kindIri)
       (MIN(STR(?s)) AS ?start) (MIN(STR(?en)) AS ?end) WHERE {
  $EVENTS
  ?e schema:location ?loc .
  OPTIONAL { ?e skos:prefLabel ?l }
  OPTIONAL { ?e lkg:eventKind ?k0 . ?k0 skos:prefLabel ?k FILTER(LANG(?k) = "en") }
  OPTIONAL { ?e schema:startDate ?s }
  OPTIONAL { ?e schema:endDate ?en }
} GROUP BY ?e ?loc
"""

# every place on the way up from a kept event's location, with how many kept events lie in it
_PLACES = """
SELECT ?p ?n (MIN(STR(?l)) AS ?label) (MIN(STR(?k)) AS ?kind) (MIN(STR(?k0)) AS ?kindIri) WHERE {
  { SELECT ?p (COUNT(DISTINCT ?e) AS ?n) WHERE {
      $EVENTS
      ?e schema:location ?loc . ?loc lkg:within* ?p .
  } GROUP BY ?p HAVING (COUNT(DISTINCT ?e) >= $MIN) }
  OPTIONAL { ?p skos:prefLabel ?l }
  OPTIONAL { ?p lkg:placeKind ?k0 . ?k0 skos:prefLabel ?k FILTER(LANG(?k) = "en") }
} GROUP BY ?p ?n
"""

_WITHIN = """
SELECT DISTINCT ?a ?b WHERE {
  $EVENTS
  ?e schema:location ?loc . ?loc lkg:within* ?a . ?a lkg:within ?b .
}
"""


def events_places(store: Store, *, date_from: str | None = None, date_to: str | None = None,
                  kinds: tuple[str, ...] | list[str] = (), province: str | None = None,
                  min_weight: int = 1) -> nx.DiGraph:
    """Events -> their location -> the places that contain it (a directed graph).

    Parameters
    ----------
    store
        An open store.
    date_from, date_to, kinds, province
        Which events (as in :func:`libkg.network.institutions`).
    min_weight
        Keep places with at least this many kept events in them (directly or
        within); events whose location is dropped are dropped too.

    Returns
    -------
    networkx.DiGraph
        Event nodes (``type="event"``, ``kind``, ``start``, ``end``) and place
        nodes (``type="place"``, ``kind`` from ``lkg:placeKind``, ``events`` =
        kept events in it); edges have ``relation`` ``"location"`` (event ->
        place) or ``"within"`` (place -> larger place).

    Examples
    --------
    >>> from rdflib import Graph
    >>> from libkg.store import EmbeddedStore
    >>> ttl = '''@prefix lkg: <https://w3id.org/libkg/ontology#> . @prefix schema: <https://schema.org/> .
    ... <urn:e> a lkg:Event ; schema:location <urn:city> . <urn:city> a lkg:Place ; lkg:within <urn:prov> .'''
    >>> with EmbeddedStore() as st:
    ...     _ = st.replace_article("urn:g", Graph().parse(data=ttl, format="turtle"))
    ...     g = events_places(st)
    >>> sorted(g.edges(data="relation"))
    [('urn:city', 'urn:prov', 'within'), ('urn:e', 'urn:city', 'location')]
    >>> g.nodes["urn:prov"]["events"]
    1
    """
    f = EventFilter(date_from, date_to, tuple(kinds), province)
    ev = f.events_subquery(store)
    g = nx.DiGraph(projection="events-places", **filter_attrs(f, min_weight))
    for r in rows(store, _PLACES.replace("$EVENTS", ev).replace("$MIN", str(int(min_weight)))):
        p = r["p"]
        g.add_node(p, iri=p, label=r.get("label", p), kind=kind_of(r), type="place", events=int(r["n"]),
                   **({"kind_iri": r["kindIri"]} if "kindIri" in r else {}))
    for r in rows(store, _WITHIN.replace("$EVENTS", ev)):
        if r["a"] in g and r["b"] in g:
            g.add_edge(r["a"], r["b"], relation="within", weight=1)
    for r in rows(store, _EVENTS.replace("$EVENTS", ev)):
        e, loc = r["e"], r["loc"]
        if loc not in g:
            continue
        g.add_node(e, iri=e, label=r.get("label", e), kind=kind_of(r), type="event",
                   start=r.get("start", ""), end=r.get("end", ""),
                   **({"kind_iri": r["kindIri"]} if "kindIri" in r else {}))
        g.add_edge(e, loc, relation="location", weight=1)
    return g

"""Projections of the RDF graph into networkx graphs.

Nodes keep the way back to the RDF: ``iri``, ``label`` and ``kind``; edges keep
the events behind them (``events`` IRIs, ``dates``), so a picture in Gephi can
be traced to articles.
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx

_COPARTICIPATION = """
PREFIX lkg: <https://w3id.org/libkg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?start ?o ?label ?kind WHERE {
  ?e a lkg:Event .
  OPTIONAL { ?e schema:startDate ?start }
  ?e schema:organizer|schema:attendee ?o .
  ?o a lkg:Organization ; skos:prefLabel ?label .
  OPTIONAL { ?o lkg:orgKind/skos:prefLabel ?kind FILTER(LANG(?kind) = "en") }
}
"""


def institutions(store, *, date_from: str | None = None, date_to: str | None = None,
                 min_weight: int = 1) -> nx.Graph:
    """Organisations linked by the events they organised or attended together.

    Parameters
    ----------
    store
        An open store (``libkg.store.open_store``).
    date_from, date_to
        Keep events starting inside this window (ISO dates, inclusive).
    min_weight
        Drop edges with fewer shared events.

    Returns
    -------
    networkx.Graph
        Nodes are organisation IRIs with ``label`` and ``kind``; an edge's
        ``weight`` is the number of shared events, ``events`` their IRIs and
        ``dates`` their start dates (both ``;``-joined, for GEXF/GraphML).
    """
    members: dict[str, set[str]] = {}
    dates: dict[str, str] = {}
    g = nx.Graph()
    for row in store.query(_COPARTICIPATION):
        start = str(row.start) if row.start is not None else ""
        if (date_from and (not start or start < date_from)) or (date_to and (not start or start > date_to)):
            continue
        e, o = str(row.e), str(row.o)
        g.add_node(o, label=str(row.label), kind=str(row.kind) if row.kind is not None else "Other", iri=o)
        members.setdefault(e, set()).add(o)
        dates[e] = start
    for e, orgs in sorted(members.items()):
        for a, b in combinations(sorted(orgs), 2):
            if g.has_edge(a, b):
                d = g.edges[a, b]
                d["weight"] += 1
                d["_events"].append(e)
            else:
                g.add_edge(a, b, weight=1, _events=[e])
    for a, b, d in list(g.edges(data=True)):
        if d["weight"] < min_weight:
            g.remove_edge(a, b)
            continue
        evs = d.pop("_events")
        d["events"] = ";".join(evs)
        d["dates"] = ";".join(dates[x] for x in evs)
    return g

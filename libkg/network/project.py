"""The co-participation projection shared by the institution and person networks.

Two actors are linked when they organised or attended the same event.  The
store does the work: one SPARQL query pairs the actors of each kept event,
groups by pair and counts (``COUNT(DISTINCT ?e)``, ``HAVING`` for the minimum
weight), another counts each actor's events; Python only turns rows into a
graph.  That keeps the projection fast on large stores (see
``scripts/bench_network.py``) and the same on a remote SPARQL endpoint.

Nodes keep the way back to the RDF (``iri``, ``label``, ``kind``); edges keep
the events behind them: ``events`` (IRIs), ``dates`` (start dates) and
``event_labels``, aligned and sorted by date.  IRIs and dates are joined by
``;`` and labels by a newline, because GEXF and GraphML only hold scalars;
:func:`edge_events` splits them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from libkg.network.filters import EventFilter, kind_of, rows

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["EventRef", "coparticipation", "edge_events", "institutions"]

_US = "\\u001f"  # unit separator inside one event's fields
_RS = "\\u001e"  # record separator between events
_PART = "schema:organizer|schema:attendee"


@dataclass(frozen=True)
class EventRef:
    """One event behind an edge: enough to cite it and to find it again in the store."""

    iri: str
    date: str
    label: str


def edge_events(data: dict[str, Any]) -> list[EventRef]:
    """The events of an edge's attribute dict, as :class:`EventRef` (empty if the edge has none).

    >>> edge_events({"events": "urn:e1;urn:e2", "dates": "2023-07-06;", "event_labels": "Hội nghị\\nLễ"})
    [EventRef(iri='urn:e1', date='2023-07-06', label='Hội nghị'), EventRef(iri='urn:e2', date='', label='Lễ')]
    """
    if not data.get("events"):
        return []
    iris = data["events"].split(";")
    dates = data.get("dates", "").split(";")
    labels = data.get("event_labels", "").split("\n")
    pad = [""] * len(iris)
    return [EventRef(i, d, lbl) for i, d, lbl in zip(iris, (dates + pad)[:len(iris)], (labels + pad)[:len(iris)],
                                                      strict=True)]


# An actor's part in events, read once from the actors through the index: pairing and the event
# filter are then joins in memory.  Starting from the events instead looks up every participant's
# type (persons attend too): at 100k articles that took 54 s for the pairs and 22 s for the nodes,
# this form 7 s and 1.6 s, with the same rows.
_PARTS = "{{ SELECT ?e ?{v} WHERE {{ ?{v} a {cls} . ?e " + _PART + " ?{v} }} }}"


def _pairs_query(cls: str, events: str, min_weight: int) -> str:
    return f"""
SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?w) (GROUP_CONCAT(DISTINCT ?info; separator="{_RS}") AS ?evs) WHERE {{
  {{ SELECT DISTINCT ?e ?a ?b WHERE {{
    {_PARTS.format(v="a", cls=cls)}
    {_PARTS.format(v="b", cls=cls)}
    FILTER(STR(?a) < STR(?b))
    {events}
  }} }}
  OPTIONAL {{ ?e schema:startDate ?s }}
  OPTIONAL {{ ?e skos:prefLabel ?l }}
  BIND(CONCAT(STR(?e), "{_US}", COALESCE(STR(?s), ""), "{_US}", COALESCE(STR(?l), "")) AS ?info)
}} GROUP BY ?a ?b HAVING (COUNT(DISTINCT ?e) >= {int(min_weight)})
"""


def _nodes_query(cls: str, events: str, kind_path: str | None) -> str:
    kind = (f'OPTIONAL {{ ?o {kind_path} ?k0 . ?k0 skos:prefLabel ?k FILTER(LANG(?k) = "en") }}'
            if kind_path else "")
    return f"""
SELECT ?o ?n (MIN(STR(?l)) AS ?label) (MIN(STR(?k)) AS ?kind) (MIN(STR(?k0)) AS ?kindIri) WHERE {{
  {{ SELECT ?o (COUNT(DISTINCT ?e) AS ?n) WHERE {{
    {_PARTS.format(v="o", cls=cls)}
    {events}
  }} GROUP BY ?o }}
  OPTIONAL {{ ?o skos:prefLabel ?l }}
  {kind}
}} GROUP BY ?o ?n
"""


def coparticipation(store: Store, cls: str, *, events: EventFilter | None = None, min_weight: int = 1,
                    node_type: str = "organization", kind_path: str | None = "lkg:orgKind",
                    default_kind: str = "Other") -> nx.Graph:
    """Actors of class ``cls`` (an IRI) linked by the events they took part in together.

    Both :func:`institutions` and :func:`libkg.network.persons.persons` are
    this projection; it is public so other actor classes (say,
    ``lkg:Library`` only) need no new code.

    Parameters
    ----------
    store
        An open store (embedded or remote); only ``store.query`` is used.
    cls
        The actors' class as a SPARQL term, e.g. ``"lkg:Organization"`` or ``"<https://...>"``.
    events
        Which events count (window, kinds, province); default all.
    min_weight
        Drop links with fewer shared events (actors stay, as nodes).
    node_type, kind_path, default_kind
        What the nodes are called (``type`` attribute), the property path to
        their kind concept (its English label becomes ``kind``), the kind of
        nodes without one.

    Examples
    --------
    >>> from libkg.store import EmbeddedStore
    >>> with EmbeddedStore() as st:
    ...     coparticipation(st, "lkg:Person", node_type="person", kind_path=None).number_of_nodes()
    0
    """
    ev = (events or EventFilter()).events_subquery(store)
    g = nx.Graph(projection=f"coparticipation {node_type}")
    for r in rows(store, _nodes_query(cls, ev, kind_path)):
        o = r["o"]
        g.add_node(o, iri=o, label=r.get("label", o), kind=kind_of(r, default_kind), type=node_type,
                   events=int(r["n"]), **({"kind_iri": r["kindIri"]} if "kindIri" in r else {}))
    for r in rows(store, _pairs_query(cls, ev, min_weight)):
        infos = sorted({tuple((x.split("\x1f") + ["", ""])[:3]) for x in r.get("evs", "").split("\x1e") if x},
                       key=lambda t: (t[1] or "9999", t[0]))
        g.add_edge(r["a"], r["b"], weight=len(infos),
                   events=";".join(t[0] for t in infos), dates=";".join(t[1] for t in infos),
                   event_labels="\n".join(t[2].replace("\n", " ") for t in infos))
    return g


def institutions(store: Store, *, date_from: str | None = None, date_to: str | None = None,
                 kinds: tuple[str, ...] | list[str] = (), province: str | None = None,
                 min_weight: int = 1, through_staff: bool = False) -> nx.Graph:
    """Organisations linked by the events they organised or attended together.

    The first question researchers ask of the sector — who works with whom —
    is answered by shared events, so an edge's ``weight`` is the number of
    events both organisations took part in (as organiser or attendee) and the
    edge lists them, so each link can be checked in the articles.

    News names people, not institutions, among those attending ("bà Quàng Thị
    Mai, Giám đốc Thư viện tỉnh Điện Biên"), so most institutions take part in
    no event by name.  ``through_staff=True`` also counts an organisation's
    staff: a person who organised or attended the event and is named with a
    post there in the article reporting it (:mod:`libkg.network.staff`; several
    times slower on large stores, hence not the default).

    Parameters
    ----------
    store
        An open store (``libkg.store.open_store``, or ``EmbeddedStore()``).
    date_from, date_to
        Keep events overlapping this window (ISO dates, ``YYYY-MM`` or ``YYYY``; inclusive).
    kinds
        Keep events of these kinds (``"Conference"``, ``"hội thảo"`` or concept IRIs).
    province
        Keep events located in this place or a place within it (name or IRI).
    min_weight
        Drop links with fewer shared events.
    through_staff
        Also count an organisation's staff taking part (see above).

    Returns
    -------
    networkx.Graph
        Nodes are organisation IRIs with ``iri``, ``label``, ``kind`` (English
        label of ``lkg:orgKind``), ``type`` and ``events`` (how many kept events
        the organisation took part in); edges have ``weight``, ``events``,
        ``dates`` and ``event_labels`` (see :func:`edge_events`).

    Examples
    --------
    >>> from rdflib import Graph
    >>> from libkg.store import EmbeddedStore
    >>> ttl = '''@prefix lkg: <https://w3id.org/libkg/ontology#> . @prefix schema: <https://schema.org/> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <urn:lib> a lkg:Organization ; skos:prefLabel "Thư viện tỉnh Lào Cai" .
    ... <urn:vu> a lkg:Organization ; skos:prefLabel "Vụ Thư viện" .
    ... <urn:e1> a lkg:Event ; schema:startDate "2024-05-02" ; schema:organizer <urn:lib> ; schema:attendee <urn:vu> .'''
    >>> with EmbeddedStore() as st:
    ...     _ = st.replace_article("urn:g", Graph().parse(data=ttl, format="turtle"))
    ...     g = institutions(st)
    >>> g.edges["urn:lib", "urn:vu"]["weight"], g.edges["urn:lib", "urn:vu"]["dates"]
    (1, '2024-05-02')
    """
    f = EventFilter(date_from, date_to, tuple(kinds), province)
    if through_staff:
        from libkg.network.staff import coparticipation_through_staff

        g = coparticipation_through_staff(store, events=f, min_weight=min_weight)
    else:
        g = coparticipation(store, "lkg:Organization", events=f, min_weight=min_weight)
    g.graph.update(filter_attrs(f, min_weight), projection="institutions",
                   **({"through_staff": 1} if through_staff else {}))
    return g


def filter_attrs(f: EventFilter, min_weight: int) -> dict[str, str | int]:
    """The filters as graph attributes (scalars only, so GraphML can write them)."""
    out: dict[str, str | int] = {"min_weight": min_weight}
    if f.date_from:
        out["date_from"] = f.date_from
    if f.date_to:
        out["date_to"] = f.date_to
    if f.kinds:
        out["kinds"] = ";".join(f.kinds)
    if f.province:
        out["province"] = f.province
    return out

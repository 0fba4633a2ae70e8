"""Persons and the institutions they hold posts in: a bipartite graph read from ``lkg:Position`` nodes.

Positions are how the sector's people and institutions hang together
(a director of a provincial library is also the chair of a regional union);
the bipartite graph keeps each post's role, the dates the articles attest
it and its terms of office (``lkg:Tenure``: begin and end), and projects to person-person or institution-institution graphs with
``networkx.algorithms.bipartite`` when needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from libkg.network.filters import kind_of, org_in_province, rows, window_filter

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["affiliations"]

_US, _RS = "\\u001f", "\\u001e"

_QUERY = f"""
SELECT ?p ?o (COUNT(DISTINCT ?pos) AS ?w) (GROUP_CONCAT(DISTINCT ?info; separator="{_RS}") AS ?infos)
       (MIN(STR(?pl)) AS ?plabel) (MIN(STR(?ol)) AS ?olabel) (MIN(STR(?ok)) AS ?okind) (MIN(STR(?ok0)) AS ?okindIri)
WHERE {{
  {{ SELECT DISTINCT ?pos ?p ?o ?d WHERE {{
    ?pos a lkg:Position ; org:member ?p ; org:organization ?o .
    OPTIONAL {{ ?pos lkg:attestedOn ?d }}
    $WINDOW
    $PROVINCE
  }} }}
  OPTIONAL {{ ?pos lkg:roleLabel ?rl }}
  OPTIONAL {{ ?pos org:role ?r }}
  OPTIONAL {{ ?p skos:prefLabel ?pl }}
  OPTIONAL {{ ?o skos:prefLabel ?ol }}
  OPTIONAL {{ ?o lkg:orgKind ?ok0 . ?ok0 skos:prefLabel ?ok FILTER(LANG(?ok) = "en") }}
  BIND(CONCAT(STR(?pos), "{_US}", COALESCE(STR(?d), ""), "{_US}", COALESCE(STR(?rl), ""), "{_US}",
              COALESCE(STR(?r), "")) AS ?info)
}} GROUP BY ?p ?o HAVING (COUNT(DISTINCT ?pos) >= $MIN)
"""

# the terms (lkg:Tenure) of each person-organisation pair: begin and end where the articles state them
_TENURES = """
SELECT ?p ?o ?t ?b ?e WHERE {
  ?t a lkg:Tenure ; org:member ?p ; org:organization ?o ; org:memberDuring ?i .
  OPTIONAL { ?i time:hasBeginning/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?b }
  OPTIONAL { ?i time:hasEnd/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?e }
}"""


def _add_tenures(store: Store, g: nx.Graph) -> None:
    """Give each edge its terms: ``tenures`` (IRIs), ``terms`` (their number), ``began`` and
    ``ended`` (the dates stated), ``;``-joined."""
    terms: dict[tuple[str, str], dict[str, set[str]]] = {}
    for r in rows(store, _TENURES):
        if g.has_edge(r["p"], r["o"]):
            d = terms.setdefault((r["p"], r["o"]), {"tenures": set(), "began": set(), "ended": set()})
            d["tenures"].add(r["t"])
            for key, col in (("began", "b"), ("ended", "e")):
                if col in r:
                    d[key].add(r[col])
    for (p, o), d in terms.items():
        g.edges[p, o].update({k: ";".join(sorted(v)) for k, v in d.items()})
        g.edges[p, o]["terms"] = len(d["tenures"])


def affiliations(store: Store, *, date_from: str | None = None, date_to: str | None = None,
                 province: str | None = None, min_weight: int = 1) -> nx.Graph:
    """Persons linked to the organisations they hold positions in (bipartite).

    Parameters
    ----------
    store
        An open store.
    date_from, date_to
        Keep positions attested (``lkg:attestedOn``) inside this window; the
        edge's ``dates`` are the attestations inside it.
    province
        Keep organisations located in this place (or within it) or named after it.
    min_weight
        Keep person-organisation pairs with at least this many positions (roles).

    Returns
    -------
    networkx.Graph
        Person nodes have ``bipartite=0``, ``type="person"``; organisation
        nodes ``bipartite=1``, ``type="organization"`` and ``kind``.  Edges have
        ``weight`` (positions), ``roles`` (as written), ``role_iris``,
        ``dates`` and ``positions`` (the ``lkg:Position`` IRIs), ``;``-joined;
        where the store has tenures, ``terms`` (how many terms of office),
        ``tenures`` (the ``lkg:Tenure`` IRIs) and ``began`` / ``ended`` (the
        dates the articles state for them, at their precision).

    Examples
    --------
    >>> from rdflib import Graph
    >>> from libkg.store import EmbeddedStore
    >>> ttl = '''@prefix lkg: <https://w3id.org/libkg/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
    ... <urn:pos> a lkg:Position ; org:member <urn:nga> ; org:organization <urn:vu> ;
    ...     lkg:roleLabel "Vụ trưởng" ; lkg:attestedOn "2023-07-06" .'''
    >>> with EmbeddedStore() as st:
    ...     _ = st.replace_article("urn:g", Graph().parse(data=ttl, format="turtle"))
    ...     g = affiliations(st)
    >>> g.edges["urn:nga", "urn:vu"]["roles"], g.nodes["urn:nga"]["bipartite"]
    ('Vụ trưởng', 0)
    """
    win = ""
    if date_from or date_to:
        win = "FILTER(BOUND(?d)) " + window_filter("d", date_from, date_to)
    prov = ""
    if province:
        prov = org_in_province(store, "o", province)
    q = _QUERY.replace("$WINDOW", win).replace("$PROVINCE", prov).replace("$MIN", str(int(min_weight)))
    g = nx.Graph(projection="affiliations", min_weight=min_weight,
                 **{k: v for k, v in (("date_from", date_from), ("date_to", date_to), ("province", province)) if v})
    for r in rows(store, q):
        p, o = r["p"], r["o"]
        g.add_node(p, iri=p, label=r.get("plabel", p), kind="Person", type="person", bipartite=0)
        g.add_node(o, iri=o, label=r.get("olabel", o), kind=kind_of(r, label="okind", iri="okindIri"), type="organization",
                   bipartite=1, **({"kind_iri": r["okindIri"]} if "okindIri" in r else {}))
        infos = [(x.split("\x1f") + ["", "", ""])[:4] for x in r.get("infos", "").split("\x1e") if x]
        g.add_edge(p, o, weight=int(r["w"]), relation="position",
                   positions=";".join(sorted({i[0] for i in infos})),
                   dates=";".join(sorted({i[1] for i in infos if i[1]})),
                   roles=";".join(sorted({i[2] for i in infos if i[2]})),
                   role_iris=";".join(sorted({i[3] for i in infos if i[3]})))
    _add_tenures(store, g)
    return g

"""Institutions nested in one another: the ``org:subOrganizationOf`` tree as a directed graph.

Co-participation shows who works together; the hierarchy shows who answers to
whom (a provincial library under its Department of Culture, a department
under the Ministry), which explains many of those links.  Each edge keeps
the articles (named graphs) that state it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from libkg.network.filters import iri_term, kind_of, org_in_province, rows

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["hierarchy"]

_QUERY = """
SELECT ?c ?p (COUNT(DISTINCT ?g) AS ?w) (GROUP_CONCAT(DISTINCT STR(?g); separator=";") AS ?src)
       (GROUP_CONCAT(DISTINCT STR(?pred); separator=";") AS ?preds) WHERE {
  { GRAPH ?g { ?c org:subOrganizationOf ?p } BIND(org:subOrganizationOf AS ?pred) }
  UNION
  { GRAPH ?g { ?p org:hasSubOrganization ?c } BIND(org:hasSubOrganization AS ?pred) }
  $PROVINCE
} GROUP BY ?c ?p HAVING (COUNT(DISTINCT ?g) >= $MIN)
"""

_NODES = """
SELECT ?o (MIN(STR(?l)) AS ?label) (MIN(STR(?k)) AS ?kind) (MIN(STR(?k0)) AS ?kindIri) WHERE {
  VALUES ?o { $NODES }
  OPTIONAL { ?o skos:prefLabel ?l }
  OPTIONAL { ?o lkg:orgKind ?k0 . ?k0 skos:prefLabel ?k FILTER(LANG(?k) = "en") }
} GROUP BY ?o
"""


def hierarchy(store: Store, *, province: str | None = None, min_weight: int = 1) -> nx.DiGraph:
    """Organisations and the organisations they are part of (edge: child -> parent).

    Parameters
    ----------
    store
        An open store.
    province
        Keep links where the child or the parent is located in this place (or
        within it) or named after it.
    min_weight
        Keep links stated by at least this many articles.

    Returns
    -------
    networkx.DiGraph
        Nodes as in :func:`libkg.network.institutions`; edges have
        ``relation`` (``"subOrganizationOf"``), ``predicates`` (the RDF
        properties seen), ``weight`` (number of articles) and ``sources``
        (their named graphs, ``;``-joined).

    Examples
    --------
    >>> from rdflib import Graph
    >>> from libkg.store import EmbeddedStore
    >>> ttl = '''@prefix org: <http://www.w3.org/ns/org#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <urn:vu> org:subOrganizationOf <urn:bo> ; skos:prefLabel "Vụ Thư viện" .
    ... <urn:bo> skos:prefLabel "Bộ Văn hóa, Thể thao và Du lịch" .'''
    >>> with EmbeddedStore() as st:
    ...     _ = st.replace_article("urn:a1", Graph().parse(data=ttl, format="turtle"))
    ...     g = hierarchy(st)
    >>> list(g.edges(data="relation"))
    [('urn:vu', 'urn:bo', 'subOrganizationOf')]
    """
    prov = ""
    if province:
        prov = "{ " + org_in_province(store, "c", province) + " } UNION { " + org_in_province(store, "p", province) + " }"
    q = _QUERY.replace("$PROVINCE", prov).replace("$MIN", str(int(min_weight)))
    g = nx.DiGraph(projection="hierarchy", min_weight=min_weight, **({"province": province} if province else {}))
    for r in rows(store, q):
        g.add_edge(r["c"], r["p"], relation="subOrganizationOf", weight=int(r["w"]), sources=r.get("src", ""),
                   predicates=r.get("preds", ""))
    if g:
        nodes = " ".join(iri_term(n) for n in g)
        for r in rows(store, _NODES.replace("$NODES", nodes)):
            o = r["o"]
            g.nodes[o].update(iri=o, label=r.get("label", o), kind=kind_of(r), type="organization",
                              **({"kind_iri": r["kindIri"]} if "kindIri" in r else {}))
    return g

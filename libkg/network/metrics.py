"""Centrality, communities, ego networks and paths, seeded so results repeat.

Measures that depend on direction (connected components, betweenness,
communities, paths) are taken on the undirected view: "how are these two
connected" should not depend on whether the hierarchy edge points up or
down.  PageRank keeps the direction (parents collect rank in the hierarchy).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from libkg.network.filters import is_iri
from libkg.network.project import EventRef, edge_events
from libkg.normalize import fold_person, match_names, name_key

__all__ = ["Hop", "connection", "ego_network", "find_node", "node_metrics", "pagerank"]


def _undirected(g: nx.Graph) -> nx.Graph:
    return g.to_undirected(as_view=True) if g.is_directed() else g


def pagerank(g: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 200) -> dict[str, float]:
    """Weighted PageRank by power iteration, in pure Python.

    networkx's own ``pagerank`` needs SciPy, a large dependency for one
    measure on graphs of a few thousand nodes; this gives the same values
    (undirected edges count both ways, dangling nodes spread uniformly).

    >>> pr = pagerank(nx.star_graph(2))
    >>> round(pr[0], 4), round(pr[1], 4), round(sum(pr.values()), 6)
    (0.4865, 0.2568, 1.0)
    """
    nodes = list(g)
    n = len(nodes)
    if not n:
        return {}
    out_w: dict[str, float] = {v: 0.0 for v in nodes}
    links: dict[str, list[tuple[str, float]]] = {v: [] for v in nodes}  # incoming (source, weight)
    for a, b, d in g.edges(data=True):
        w = float(d.get("weight", 1))
        links[b].append((a, w))
        out_w[a] += w
        if not g.is_directed():
            links[a].append((b, w))
            out_w[b] += w
    x = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(x[v] for v in nodes if out_w[v] == 0) / n
        base = (1.0 - alpha) / n + dangling
        new = {v: base + alpha * sum(x[s] * w / out_w[s] for s, w in links[v]) for v in nodes}
        err = sum(abs(new[v] - x[v]) for v in nodes)
        x = new
        if err < n * tol:
            break
    return x


def node_metrics(g: nx.Graph, seed: int = 42) -> dict[str, dict[str, float | int]]:
    """Degree, weighted degree, betweenness, PageRank, community and component per node.

    The values are also stored on the nodes, so exports (and the PNG/HTML
    drawings, which size by PageRank and colour by community) carry them.
    Communities are Louvain with a fixed ``seed``: the same graph gives the
    same partition, and numbering is by size (0 = largest).

    Examples
    --------
    A path a - b - c: b lies on the one shortest path between a and c.

    >>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> m = node_metrics(g)
    >>> m["b"]["degree"], m["b"]["weighted_degree"], m["b"]["betweenness"], m["a"]["betweenness"]
    (2, 3, 1.0, 0.0)
    """
    out: dict[str, dict[str, float | int]] = {n: {} for n in g}
    if not len(g):
        return out
    u = _undirected(g)
    bet = nx.betweenness_centrality(u, weight=None)
    pr = pagerank(g)
    comms = nx.community.louvain_communities(u, weight="weight", seed=seed)
    comm_of = {n: i for i, c in enumerate(sorted(comms, key=lambda c: (-len(c), sorted(c)))) for n in c}
    comp_of = {n: i for i, c in enumerate(sorted(nx.connected_components(u), key=lambda c: (-len(c), sorted(c))))
               for n in c}
    for n in g:
        m = out[n]
        m["degree"] = u.degree(n)
        m["weighted_degree"] = u.degree(n, weight="weight")
        m["betweenness"] = round(bet[n], 6)
        m["pagerank"] = round(pr[n], 6)
        m["community"] = comm_of[n]
        m["component"] = comp_of[n]
        g.nodes[n].update(m)
    return out


def find_node(g: nx.Graph, name_or_iri: str) -> str:
    """The node an IRI or a label names, so users can type "Thư viện tỉnh Điện Biên" instead of an IRI.

    Labels are matched by libkg's one name matcher, :func:`libkg.normalize.match_names`
    (case, tone-mark placement, spacing and a person's title such as "Bà" ignored; then
    diacritics too; then "tỉnh" / "thành phố" too); if that finds nothing, a unique node
    whose label *contains* the text (diacritics ignored) is taken.

    Raises
    ------
    LookupError
        Nothing matches, or several nodes do (the message lists them).

    Examples
    --------
    >>> g = nx.Graph(); g.add_node("urn:x", label="Thư viện tỉnh Điện Biên")
    >>> find_node(g, "thư viện tỉnh điện biên"), find_node(g, "urn:x"), find_node(g, "Dien Bien")
    ('urn:x', 'urn:x', 'urn:x')
    """
    if name_or_iri in g:
        return name_or_iri
    if is_iri(name_or_iri):
        raise LookupError(f"{name_or_iri} is not a node of this network")
    labels = {n: str(d.get("label", n)) for n, d in g.nodes(data=True)}
    hits = match_names(name_or_iri, labels.items(), fold_person)
    if not hits:
        want = name_key(name_or_iri)
        hits = sorted(n for n, lbl in labels.items() if want and want in name_key(lbl))
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise LookupError(f"no node is called {name_or_iri!r}")
    listing = "; ".join(f"{labels[n]} <{n}>" for n in hits[:10])
    raise LookupError(f"{name_or_iri!r} is ambiguous ({len(hits)} nodes): {listing}")


def ego_network(g: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """The sub-network within ``radius`` hops of one entity (given by IRI or label), a copy.

    Examples
    --------
    >>> g = nx.path_graph(["a", "b", "c", "d"])
    >>> sorted(ego_network(g, "b"))
    ['a', 'b', 'c']
    """
    n = find_node(g, node)
    return nx.ego_graph(_undirected(g), n, radius=radius).copy()


@dataclass
class Hop:
    """One step of a path: two adjacent nodes and what links them (events, or the relation)."""

    source: str
    target: str
    source_label: str
    target_label: str
    weight: float = 1
    relation: str = "shared events"
    events: list[EventRef] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)


def connection(g: nx.Graph, a: str, b: str) -> list[Hop]:
    """The shortest chain of links from ``a`` to ``b`` (IRIs or labels), with the events making each hop.

    Answers "how is Thư viện tỉnh Điện Biên connected to Vụ Thư viện?": each
    :class:`Hop` names the two entities and lists the events they shared (or,
    on hierarchy and affiliation networks, the relation and its roles/sources).
    Among paths with the fewest hops, the one whose links are strongest
    (most shared events) is chosen, ties broken by IRI, so the answer repeats.

    Raises
    ------
    LookupError
        An entity is unknown or ambiguous.
    networkx.NetworkXNoPath
        The two are in different components.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("urn:db", label="Thư viện tỉnh Điện Biên"); g.add_node("urn:vu", label="Vụ Thư viện")
    >>> g.add_edge("urn:db", "urn:lh", weight=1, events="urn:e1", dates="2023-07-06", event_labels="Hội nghị")
    >>> g.add_edge("urn:lh", "urn:vu", weight=1, events="urn:e2", dates="2024-01-01", event_labels="Hội thảo")
    >>> [(h.source, h.target, [e.iri for e in h.events]) for h in connection(g, "thư viện tỉnh điện biên", "urn:vu")]
    [('urn:db', 'urn:lh', ['urn:e1']), ('urn:lh', 'urn:vu', ['urn:e2'])]
    """
    u = _undirected(g)
    s, t = find_node(g, a), find_node(g, b)
    dist = nx.single_source_shortest_path_length(u, t)
    if s not in dist:
        raise nx.NetworkXNoPath(f"{u.nodes[s].get('label', s)} and {u.nodes[t].get('label', t)} are not connected")
    path = [s]
    while path[-1] != t:
        here = path[-1]
        nxt = [v for v in u[here] if dist.get(v) == dist[here] - 1]
        path.append(min(nxt, key=lambda v: (-u.edges[here, v].get("weight", 1), v)))
    hops = []
    for x, y in zip(path, path[1:], strict=False):
        d = u.edges[x, y]
        details = {k: str(v) for k, v in d.items()
                   if k in ("roles", "dates", "sources", "positions") and v and not d.get("events")}
        hops.append(Hop(x, y, str(u.nodes[x].get("label", x)), str(u.nodes[y].get("label", y)),
                        d.get("weight", 1), d.get("relation", "shared events"), edge_events(d), details))
    return hops

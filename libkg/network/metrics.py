"""Centrality and community measures per node, seeded so results repeat."""

from __future__ import annotations

import networkx as nx


def node_metrics(g: nx.Graph, seed: int = 42) -> dict[str, dict[str, float | int]]:
    """Degree, weighted degree, betweenness, PageRank, community and component per node.

    The values are also stored on the nodes, so exports carry them.
    """
    out: dict[str, dict[str, float | int]] = {n: {} for n in g}
    if not len(g):
        return out
    bet = nx.betweenness_centrality(g, weight=None)
    pr = nx.pagerank(g, weight="weight") if g.number_of_edges() else {n: 1 / len(g) for n in g}
    comms = nx.community.louvain_communities(g, weight="weight", seed=seed)
    comm_of = {n: i for i, c in enumerate(sorted(comms, key=lambda c: (-len(c), sorted(c)))) for n in c}
    comp_of = {n: i for i, c in enumerate(sorted(nx.connected_components(g), key=lambda c: (-len(c), sorted(c))))
               for n in c}
    for n in g:
        m = out[n]
        m["degree"] = g.degree(n)
        m["weighted_degree"] = g.degree(n, weight="weight")
        m["betweenness"] = round(bet[n], 6)
        m["pagerank"] = round(pr[n], 6)
        m["community"] = comm_of[n]
        m["component"] = comp_of[n]
        g.nodes[n].update(m)
    return out

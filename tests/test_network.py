from __future__ import annotations

import networkx as nx

from libkg.network import institutions, node_metrics, write_network


def test_institution_network_edges_are_shared_events(sample_store, tmp_path):
    g = institutions(sample_store)
    assert g.number_of_nodes() > 5 and g.number_of_edges() > 0
    for _a, _b, d in g.edges(data=True):
        assert d["weight"] == len(d["events"].split(";"))
    m = node_metrics(g)
    assert m == node_metrics(g)  # seeded: repeatable
    out = write_network(g, tmp_path / "n.gexf")
    back = nx.read_gexf(out)
    assert back.number_of_edges() == g.number_of_edges()
    labels = {d["label"] for _, d in back.nodes(data=True)}
    assert any("Thư viện" in lbl for lbl in labels)


def test_min_weight_and_window_filter(sample_store):
    full = institutions(sample_store)
    heavy = institutions(sample_store, min_weight=2)
    assert all(d["weight"] >= 2 for *_, d in heavy.edges(data=True))
    assert heavy.number_of_edges() <= full.number_of_edges()
    early = institutions(sample_store, date_to="2020-12-31")
    for *_, d in early.edges(data=True):
        assert all(x <= "2020-12-31" for x in d["dates"].split(";"))

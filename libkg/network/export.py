"""Writing networks for Gephi, Cytoscape, programs, papers and browsers.

* ``.gexf`` (Gephi), ``.graphml`` (Cytoscape, yEd) and ``.json`` (node-link,
  for programs) keep every attribute, so each node and edge can be traced back
  to the RDF;
* ``.png`` is a picture for a report (matplotlib, Agg, DejaVu Sans so that
  Vietnamese diacritics render; size by PageRank, colour by community);
* ``.html`` is one self-contained page with vis-network inlined: it opens
  offline, pans, zooms, shows details on hover and finds nodes by name.

:func:`vis_data` and :func:`render_html` are what a web page needs, so the
server reuses them rather than drawing networks its own way.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from libkg.network.project import edge_events

__all__ = ["FORMATS", "VIS_VERSION", "draw_png", "render_html", "vis_data", "vis_js", "write_network"]

FORMATS = {".gexf": "gexf", ".graphml": "graphml", ".json": "json", ".png": "png", ".html": "html"}
VIS_VERSION = "10.1.2"

# colour-blind-safe qualitative palette (Okabe-Ito, then Tableau 10) for communities
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
           "#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1", "#FF9DA7",
           "#9C755F", "#BAB0AC"]

_NODE_INFO = ("kind", "type", "events", "start", "end", "degree", "weighted_degree", "betweenness", "pagerank",
              "community", "component")
_EDGE_INFO = ("roles", "dates", "sources", "positions")


def _ensure_metrics(g: nx.Graph) -> None:
    if len(g) and any("pagerank" not in d for _, d in g.nodes(data=True)):
        from libkg.network.metrics import node_metrics

        node_metrics(g)


def _scalar_copy(g: nx.Graph) -> nx.Graph:
    """GEXF/GraphML hold only scalars: drop None and non-scalar attributes (JSON keeps everything)."""
    h = g.copy()
    ok = (str, int, float, bool)
    h.graph = {k: v for k, v in g.graph.items() if isinstance(v, ok)}
    for _, d in h.nodes(data=True):
        for k in [k for k, v in d.items() if not isinstance(v, ok)]:
            del d[k]
    for *_, d in h.edges(data=True):
        for k in [k for k, v in d.items() if not isinstance(v, ok)]:
            del d[k]
    return h


def write_network(g: nx.Graph, path: str | Path, *, title: str | None = None) -> Path:
    """Write ``g`` in the format its extension names: .gexf, .graphml, .json, .png or .html.

    The file is written beside its final name and moved into place, so a
    crash never leaves half a file.  PNG and HTML need node metrics (for size
    and colour); they are computed if the nodes lack them.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.Graph([("urn:a", "urn:b", {"weight": 1})])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = write_network(g, Path(d) / "n.graphml")
    ...     sorted(nx.read_graphml(p))
    ['urn:a', 'urn:b']
    """
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"{path}: unknown network format (use {', '.join(FORMATS)})")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        if kind == "gexf":
            nx.write_gexf(_scalar_copy(g), tmp)
        elif kind == "graphml":
            nx.write_graphml(_scalar_copy(g), tmp)
        elif kind == "json":
            tmp.write_text(json.dumps(nx.node_link_data(g, edges="links"), ensure_ascii=False, indent=1),
                           encoding="utf-8")
        elif kind == "png":
            draw_png(g, tmp, title=title)
        else:
            tmp.write_text(render_html(g, title=title or _default_title(g)), encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _default_title(g: nx.Graph) -> str:
    name = str(g.graph.get("projection", "network"))
    return f"libkg — {name}"


# ------------------------------------------------------------------ PNG
def _font() -> str:
    """DejaVu Sans (shipped with matplotlib) has the Vietnamese glyphs; the default may not."""
    return "DejaVu Sans"


def draw_png(g: nx.Graph, path: str | Path, *, title: str | None = None, max_labels: int = 40,
             seed: int = 42, dpi: int = 150) -> Path:
    """Draw ``g`` to a PNG: node size by PageRank, colour by community, the most central nodes labelled.

    Labelling only the ``max_labels`` nodes with the highest PageRank keeps
    the picture readable on large networks; the layout is seeded, so the same
    graph gives the same picture.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.Graph([("a", "b")]); g.nodes["a"]["label"] = "Thư viện tỉnh Điện Biên"
    >>> with tempfile.TemporaryDirectory() as d:
    ...     draw_png(g, Path(d) / "n.png").stat().st_size > 1000
    True
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    _ensure_metrics(g)
    path = Path(path)
    n = len(g)
    side = min(24.0, max(8.0, 3.0 + 0.9 * n ** 0.5))
    fig, ax = plt.subplots(figsize=(side, side * 0.75), dpi=dpi)
    try:
        ax.set_axis_off()
        fig.patch.set_facecolor("white")
        if n:
            u = g.to_undirected(as_view=True) if g.is_directed() else g
            pos = packed_layout(u, seed=seed)
            pr = {v: float(g.nodes[v].get("pagerank", 1 / n)) for v in g}
            top = max(pr.values()) or 1.0
            sizes = [60 + 1100 * (pr[v] / top) ** 0.8 for v in g]
            colours = [PALETTE[int(g.nodes[v].get("community", 0)) % len(PALETTE)] for v in g]
            widths = [0.6 + 2.2 * min(float(d.get("weight", 1)), 10) / 10 for *_, d in u.edges(data=True)]
            nx.draw_networkx_edges(u, pos, ax=ax, width=widths, edge_color="#999999", alpha=0.55)
            nx.draw_networkx_nodes(g, pos, ax=ax, node_size=sizes, node_color=colours, linewidths=0.8,
                                   edgecolors="white", alpha=0.95)
            shown = sorted(g, key=lambda v: -pr[v])[:max_labels]
            for i, v in enumerate(shown):
                x, y = pos[v]
                ax.annotate(_short(str(g.nodes[v].get("label", v)), 32), (x, y), xytext=(0, 8 if i % 2 == 0 else -8),
                            textcoords="offset points", ha="center", va="bottom" if i % 2 == 0 else "top",
                            fontsize=8,
                            fontfamily=_font(),
                            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
        ax.set_title(title or _default_title(g), fontsize=13, fontfamily=_font())
        fig.text(0.99, 0.005, f"{n} nodes, {g.number_of_edges()} edges · size = PageRank · colour = community",
                ha="right", va="bottom", fontsize=8, color="#555555", fontfamily=_font())
        fig.tight_layout()
        fig.savefig(path, format="png", dpi=dpi, facecolor="white")
    finally:
        plt.close(fig)
    return path


def packed_layout(g: nx.Graph, seed: int = 42) -> dict[Any, tuple[float, float]]:
    """Spring layout per connected component, components packed in rows (largest first).

    One spring layout of a graph with many components squeezes each into a
    dot; laying them out apart keeps every component legible.
    """
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    cells = [max(2.0, 1.5 * len(c) ** 0.5) for c in comps]
    row_width = max(max(cells), sum(x * x for x in cells) ** 0.5 * 1.3)
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for comp, size in zip(comps, cells, strict=True):
        if x + size > row_width and x > 0:
            x, y, row_h = 0.0, y - row_h - 0.6, 0.0
        sub = g.subgraph(comp)
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        else:
            raw = nx.spring_layout(sub, seed=seed, k=1.5 / len(comp) ** 0.5, iterations=200, weight="weight")
            xs = [p[0] for p in raw.values()]
            ys = [p[1] for p in raw.values()]
            span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
            local = {v: ((p[0] - min(xs)) / span * 0.8 * size - 0.4 * size,
                         (p[1] - min(ys)) / span * 0.8 * size - 0.4 * size) for v, p in raw.items()}
        for v, (px, py) in local.items():
            pos[v] = (x + size / 2 + px, y - size / 2 + py)
        x += size + 0.6
        row_h = max(row_h, size)
    return pos


def _short(label: str, width: int = 38) -> str:
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


# ----------------------------------------------------------------- HTML
def vis_data(g: nx.Graph) -> dict[str, list[dict[str, Any]]]:
    """The network as vis-network ``{"nodes": [...], "edges": [...]}`` (JSON-ready).

    Node ids are the IRIs, so a click can navigate to the entity's page.  Each
    node has ``label``, ``title`` (plain-text tooltip), ``group`` (community),
    ``value`` (PageRank, for size) and ``info`` (the attributes, for a detail
    panel); each edge ``from``, ``to``, ``value`` (weight), ``relation``,
    ``events`` (``[{"iri", "date", "label"}]``) and ``info``.

    Examples
    --------
    >>> g = nx.Graph([("urn:a", "urn:b", {"weight": 2, "events": "urn:e1;urn:e2", "dates": "2023;2024"})])
    >>> d = vis_data(g)
    >>> sorted(n["id"] for n in d["nodes"]), d["edges"][0]["events"][1]
    (['urn:a', 'urn:b'], {'iri': 'urn:e2', 'date': '2024', 'label': ''})
    """
    _ensure_metrics(g)
    nodes = []
    for v, d in g.nodes(data=True):
        label = str(d.get("label", v))
        info = {k: d[k] for k in _NODE_INFO if k in d}
        tip = [label, str(d.get("kind", d.get("type", "")))] + [f"{k}: {info[k]}" for k in
                                                               ("degree", "weighted_degree", "pagerank") if k in info]
        nodes.append({"id": v, "label": _short(label, 48), "title": "\n".join(t for t in tip if t),
                      "group": int(d.get("community", 0)), "value": float(d.get("pagerank", 0)),
                      "color": PALETTE[int(d.get("community", 0)) % len(PALETTE)],
                      "shape": "diamond" if d.get("type") in ("event", "person") else "dot",
                      "info": {"label": label, **info}})
    edges = []
    for i, (a, b, d) in enumerate(g.edges(data=True)):
        evs = [{"iri": e.iri, "date": e.date, "label": e.label} for e in edge_events(d)]
        rel = str(d.get("relation", "shared events"))
        tip = [rel + (f" ({d['weight']})" if "weight" in d else "")] + [
            f"{e['date'] or '?'} {e['label']}".strip() for e in evs[:8]]
        edge = {"id": i, "from": a, "to": b, "value": float(d.get("weight", 1)), "relation": rel,
                "title": "\n".join(tip), "events": evs, "info": {k: d[k] for k in _EDGE_INFO if d.get(k)}}
        if g.is_directed():
            edge["arrows"] = "to"
        edges.append(edge)
    return {"nodes": nodes, "edges": edges}


def vis_js() -> str:
    """The vendored vis-network bundle (``libkg/static/vis-network-<version>.min.js``)."""
    return (resources.files("libkg") / "static" / f"vis-network-{VIS_VERSION}.min.js").read_text(encoding="utf-8")


def _json_for_script(data: Any) -> str:
    # inside <script>, "</" would end the element and "<!--" start a comment
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def render_html(g: nx.Graph, *, title: str = "libkg network") -> str:
    """One self-contained HTML page (vis-network inlined, no network access) showing ``g``.

    The template is ``libkg/network/templates/network.html``; the page exposes
    ``window.libkgNetwork`` (``network``, ``nodes``, ``edges``) for scripts and tests.

    Examples
    --------
    >>> page = render_html(nx.Graph([("urn:a", "urn:b")]), title="Thử nghiệm")
    >>> "<title>Thử nghiệm</title>" in page, "<script src" in page, "http://" in page.split("vis.DataSet")[1]
    (True, False, False)
    """
    template = (resources.files("libkg.network") / "templates" / "network.html").read_text(encoding="utf-8")
    values = {"TITLE": html.escape(title), "VIS_VERSION": VIS_VERSION, "VIS_JS": vis_js(),
              "DATA_JSON": _json_for_script(vis_data(g))}
    # one pass, so nothing inserted is scanned for placeholders again
    return re.sub(r"\{\{(TITLE|VIS_VERSION|VIS_JS|DATA_JSON)\}\}", lambda m: values[m.group(1)], template)

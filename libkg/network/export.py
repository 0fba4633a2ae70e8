"""Writing networks in the formats Gephi, Cytoscape and programs read."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

FORMATS = {".gexf": "gexf", ".graphml": "graphml", ".json": "json"}


def write_network(g: nx.Graph, path: str | Path) -> Path:
    """Write ``g`` by the file's extension: .gexf, .graphml or .json (node-link).

    The file is written beside its final name and moved into place, so a
    crash never leaves half a file.
    """
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"{path}: unknown network format (use {', '.join(FORMATS)})")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    if kind == "gexf":
        nx.write_gexf(g, tmp)
    elif kind == "graphml":
        nx.write_graphml(g, tmp)
    else:
        tmp.write_text(json.dumps(nx.node_link_data(g, edges="links"), ensure_ascii=False, indent=1),
                       encoding="utf-8")
    tmp.replace(path)
    return path

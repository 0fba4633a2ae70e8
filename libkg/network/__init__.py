"""The knowledge graph as networks (networkx): projections, metrics, exports.

One module per family of projection, each a function of an open store that
returns a networkx graph whose nodes are RDF IRIs (with ``iri``, ``label``,
``kind``) and whose edges keep the events, positions or articles behind them:

* :func:`institutions` -- organisations linked by shared events (``through_staff=True``: also
  through their staff named with a post in the event's article, :mod:`libkg.network.staff`);
* :func:`hierarchy` -- ``org:subOrganizationOf`` (child -> parent);
* :func:`affiliations` -- persons and organisations, from positions (bipartite);
* :func:`persons` -- persons linked by shared events;
* :func:`events_places` -- events, their places and the places containing them.

Then :func:`node_metrics`, :func:`ego_network`, :func:`connection` (the
shortest path with the events of each hop; names are matched by
:func:`libkg.normalize.match_names`, diacritics and "tỉnh" optional) and :func:`write_network`
(GEXF, GraphML, node-link JSON, PNG, HTML); :func:`vis_data` gives the
vis-network JSON a web page needs.

>>> from libkg.store import EmbeddedStore
>>> with EmbeddedStore() as st:
...     institutions(st).number_of_nodes()
0
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from libkg.network.affiliations import affiliations
from libkg.network.export import draw_png, render_html, vis_data, write_network
from libkg.network.filters import EventFilter
from libkg.network.hierarchy import hierarchy
from libkg.network.metrics import Hop, connection, ego_network, find_node, node_metrics
from libkg.network.persons import persons
from libkg.network.places import events_places
from libkg.network.project import EventRef, coparticipation, edge_events, institutions

if TYPE_CHECKING:
    import networkx as nx

# each takes the store, ``min_weight`` and the filters it accepts (keywords; the CLI checks which)
PROJECTIONS: dict[str, Callable[..., nx.Graph]] = {
    "institutions": institutions,
    "hierarchy": hierarchy,
    "affiliations": affiliations,
    "persons": persons,
    "events-places": events_places,
}

__all__ = ["PROJECTIONS", "EventFilter", "EventRef", "Hop", "affiliations", "connection", "coparticipation",
           "draw_png", "edge_events", "ego_network", "events_places", "find_node", "hierarchy", "institutions",
           "node_metrics", "persons", "render_html", "vis_data", "write_network"]

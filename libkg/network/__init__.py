"""The knowledge graph as networks (networkx): projections, metrics, exports.

>>> from libkg.store import EmbeddedStore
>>> with EmbeddedStore() as st:
...     institutions(st).number_of_nodes()
0
"""

from libkg.network.export import write_network
from libkg.network.metrics import node_metrics
from libkg.network.project import institutions

__all__ = ["institutions", "node_metrics", "write_network"]

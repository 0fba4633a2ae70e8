"""libkg: a knowledge graph of library-sector actors and events.

The package is laid out as the pipeline runs:

``read`` (articles from files) -> ``extract`` (facts from an article) ->
``resolve`` (one IRI per real-world entity) -> ``rdf`` (facts as triples) ->
``store`` (embedded Oxigraph or a SPARQL endpoint) -> ``query`` / ``evaluate``.

Researchers start with :func:`open` (see :mod:`libkg.api`)::

    import libkg
    with libkg.open("out/store") as kg:
        kg.ingest("samples/articles")
        kg.query("person-timeline", name="Kiều Thúy Nga").to_dataframe()

``import libkg`` stays light: the pipeline, rdflib and pyoxigraph are imported
when :func:`open` is first called.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from libkg.api import KnowledgeGraph, QueryResult

__all__ = ["KnowledgeGraph", "QueryResult", "__version__", "open"]


def open(store: str | os.PathLike[str] | None = None, *, endpoint: str | None = None,
         update_endpoint: str | None = None, user: str | None = None, password: str | None = None,
         base: str | None = None, create: bool = True) -> KnowledgeGraph:
    """Open a knowledge graph: an embedded store folder, ``":memory:"``, or a SPARQL endpoint.

    See :func:`libkg.api.open` for the parameters.

    Examples
    --------
    >>> import libkg
    >>> with libkg.open(":memory:") as kg:
    ...     kg.stats()["triples"]
    0
    """
    from libkg.api import open as open_graph

    return open_graph(store, endpoint=endpoint, update_endpoint=update_endpoint, user=user,
                      password=password, base=base, create=create)


def __getattr__(name: str) -> Any:
    # KnowledgeGraph and QueryResult are importable from the top without importing them eagerly
    if name in ("KnowledgeGraph", "QueryResult"):
        from libkg import api

        return getattr(api, name)
    raise AttributeError(f"module 'libkg' has no attribute {name!r}")

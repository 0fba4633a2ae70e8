"""``libkg serve``: the graph on the web, read-only.

A Starlette application with a SPARQL 1.1 Protocol endpoint (``/sparql``), a
query editor, entity pages at the entities' own paths (``/id/person/...``),
search, the institutions network and a timeline of events.  Queries run in
worker processes that can be killed, so one slow query cannot take the server
down; see ``docs/SECURITY.md`` for the limits.
"""

from libkg.serve.app import create_app
from libkg.serve.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]

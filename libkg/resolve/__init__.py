"""Identity: one stable IRI per real-world person, organisation, place and event.

The stage between extraction and the graph.  :mod:`~libkg.resolve.persons`
decides when two mentions of a name are one person (never on the name
alone), :mod:`~libkg.resolve.organizations` gives bodies canonical keys,
:mod:`~libkg.resolve.places` maps province names to gazetteer units valid
at the article's date, :mod:`~libkg.resolve.iris` mints every IRI,
:mod:`~libkg.resolve.resolver` decides for one article or a batch in memory
and :mod:`~libkg.resolve.plan` for a whole ingest run.

The package decides and returns its decisions as data: the graphs are built
by :mod:`libkg.rdf` and written by :mod:`libkg.ingest` through the store
(see ``docs/architecture.md``).
"""

from __future__ import annotations

from libkg.resolve.plan import RunIdentity
from libkg.resolve.resolver import ArticleIdentity, local_identity, resolve_batch

__all__ = ["ArticleIdentity", "RunIdentity", "local_identity", "resolve_batch"]

"""Identity: one stable IRI per real-world person, organisation, place and event.

The stage between extraction and the graph.  :mod:`~libkg.resolve.persons`
decides when two mentions of a name are one person (never on the name
alone), :mod:`~libkg.resolve.organizations` gives bodies canonical keys,
:mod:`~libkg.resolve.places` maps province names to gazetteer units valid
at the article's date, :mod:`~libkg.resolve.iris` mints every IRI and
:mod:`~libkg.resolve.resolver` runs the stage against a store (ingest) or in
memory.  ``prepare_store`` and ``write_article`` are the two calls ingest makes.
"""

from __future__ import annotations

from libkg.resolve.resolver import (
    ArticleIdentity,
    load_reference_data,
    local_identity,
    resolve_batch,
    write_article,
    write_articles,
)

__all__ = ["ArticleIdentity", "load_reference_data", "local_identity", "prepare_store", "resolve_batch",
           "write_article", "write_articles"]


def prepare_store(store, base: str | None = None) -> int:
    """Reference data ingest relies on (gazetteer, organisation lineage); cheap when already loaded."""
    return load_reference_data(store, base)

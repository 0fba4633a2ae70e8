"""Persons linked by the events they attended (or organised) together.

Who meets whom at conferences is how ideas and appointments travel in the
sector; the projection is the institutions' one applied to ``lkg:Person``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from libkg.network.filters import EventFilter
from libkg.network.project import coparticipation, filter_attrs

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["persons"]


def persons(store: Store, *, date_from: str | None = None, date_to: str | None = None,
            kinds: tuple[str, ...] | list[str] = (), province: str | None = None,
            min_weight: int = 1) -> nx.Graph:
    """Persons linked by shared events (weight = number of events), filters as in ``institutions``.

    Examples
    --------
    >>> from rdflib import Graph
    >>> from libkg.store import EmbeddedStore
    >>> ttl = '''@prefix lkg: <https://w3id.org/libkg/ontology#> . @prefix schema: <https://schema.org/> .
    ... <urn:a> a lkg:Person . <urn:b> a lkg:Person .
    ... <urn:e> a lkg:Event ; schema:attendee <urn:a>, <urn:b> .'''
    >>> with EmbeddedStore() as st:
    ...     _ = st.replace_article("urn:g", Graph().parse(data=ttl, format="turtle"))
    ...     g = persons(st)
    >>> g.edges["urn:a", "urn:b"]["events"], g.nodes["urn:a"]["kind"]
    ('urn:e', 'Person')
    """
    f = EventFilter(date_from, date_to, tuple(kinds), province)
    g = coparticipation(store, "lkg:Person", events=f, min_weight=min_weight, node_type="person",
                        kind_path=None, default_kind="Person")
    g.graph.update(filter_attrs(f, min_weight), projection="persons")
    return g

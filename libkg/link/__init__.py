"""Linking the graph to authority data: Wikidata, VIAF, ISNI, GeoNames.

* :mod:`~libkg.link.offline` -- ids shipped with libkg (gazetteer provinces,
  national institutions), no network;
* :mod:`~libkg.link.reconcile` -- online candidates from a SPARQL endpoint
  shaped like Wikidata's, and their scoring;
* :mod:`~libkg.link.client`, :mod:`~libkg.link.cache` -- polite, cached requests;
* :mod:`~libkg.link.review` -- the CSV a researcher decides doubtful cases in;
* :mod:`~libkg.link.write` -- decisions -> triples in ``{base}graph/links`` with provenance.

>>> from libkg.store import EmbeddedStore
>>> from libkg.ingest import load_reference_data
>>> with EmbeddedStore() as st:
...     _ = load_reference_data(st)
...     link_offline(st).linked      # 63 + 34 provincial units and Việt Nam
98
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from libkg.link.cache import QueryCache, default_cache_dir
from libkg.link.client import AuthorityClient, AuthorityError
from libkg.link.entities import read_entities
from libkg.link.model import Candidate, Decision, Entity
from libkg.link.offline import offline_decisions
from libkg.link.reconcile import Outcome, Reconciler
from libkg.link.review import ReviewError, read_review, write_review
from libkg.link.write import links_graph_iri, write_links

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["AuthorityClient", "AuthorityError", "Candidate", "Decision", "Entity", "LinkReport", "Outcome",
           "QueryCache", "Reconciler", "ReviewError", "default_cache_dir", "link_offline", "link_online",
           "links_graph_iri", "read_entities", "read_review", "write_links", "write_review"]


@dataclass
class LinkReport:
    """What a linking run did."""

    linked: int = 0
    review: list[Decision] = field(default_factory=list)
    unmatched: int = 0
    requests: int = 0
    cached: int = 0
    decisions: list[Decision] = field(default_factory=list)


def link_offline(store: Store, base: str | None = None, write: bool = True) -> LinkReport:
    """Link the store's provinces and known institutions from the shipped tables."""
    decisions = offline_decisions(store, read_entities(store, ("org",)), base)
    if write:
        write_links(store, decisions, base, replace_method="offline")
    return LinkReport(linked=len(decisions), decisions=decisions)


def link_online(store: Store, client: AuthorityClient, base: str | None = None, threshold: float = 0.85,
                kinds: tuple[str, ...] = ("org", "person", "place"), write: bool = True,
                progress=None) -> LinkReport:
    """Reconcile the store's unlinked entities against ``client``'s endpoint and write the clear links."""
    entities = read_entities(store, kinds)
    known = {e.label: e.wikidata for e in entities if e.wikidata and e.kind != "Person"}
    outcome = Reconciler(client, threshold=threshold).run(entities, known, progress)
    if write and outcome.links:
        write_links(store, outcome.links, base)
    cache = client.cache
    return LinkReport(linked=len(outcome.links), review=outcome.review, unmatched=len(outcome.unmatched),
                      requests=client.requests, cached=cache.hits if cache is not None else 0,
                      decisions=outcome.links)

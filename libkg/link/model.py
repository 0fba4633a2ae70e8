"""The objects linking passes around: what we link, what an authority offers, what was decided.

They are plain frozen dataclasses so that the offline tables, the online
reconciler, the review CSV and the graph writer can be tested apart and
exchanged without a store.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["WIKIDATA", "Candidate", "Decision", "Entity", "METHODS"]

WIKIDATA = "http://www.wikidata.org/entity/"
METHODS = ("offline", "sparql", "review")


@dataclass(frozen=True)
class Entity:
    """A node of our graph that may be linked to an authority record.

    Attributes
    ----------
    iri
        The node.
    kind
        ``Library``, ``GovernmentBody``, ``University``, ``Association``,
        ``Organization`` (other bodies), ``Person`` or ``Place``: it chooses the
        Wikidata classes a candidate must belong to.
    labels
        Every surface form of the name in the graph (display form first).
    wikidata
        The Wikidata id the node already carries, if any (then it is not reconciled again).
    provinces
        Wikidata ids of the provinces the node is located in (organisations, places):
        location evidence for scoring.
    orgs
        For persons: the display names of the organisations they hold posts at.
    org_ids
        For persons: Wikidata ids of those organisations, where known.
    roles
        For persons: the roles as written ("Giám đốc").
    """

    iri: str
    kind: str
    labels: tuple[str, ...]
    wikidata: str | None = None
    provinces: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    org_ids: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.labels[0] if self.labels else self.iri


@dataclass(frozen=True)
class Candidate:
    """One authority item proposed for an entity, with what the endpoint said about it."""

    qid: str
    names: tuple[str, ...] = ()
    types: tuple[str, ...] = ()  # direct P31 values
    type_ok: bool = False  # P31/P279* reaches one of the classes expected for the entity's kind
    countries: tuple[str, ...] = ()  # P17 (organisations, places) or P27 (persons)
    places: tuple[str, ...] = ()  # P131+ (located in, transitively)
    context: tuple[str, ...] = ()  # labels of P39 positions, P108 employers, P463, P749, P361
    context_ids: tuple[str, ...] = ()
    viaf: str = ""
    isni: str = ""
    geonames: str = ""

    @property
    def label(self) -> str:
        return self.names[0] if self.names else self.qid


@dataclass(frozen=True)
class Decision:
    """A link to write (or to propose for review): node -> Wikidata item, with its provenance.

    ``match`` is ``exact`` or ``close`` (decided at write time when left empty:
    close when the item is shared by several of our nodes); ``source`` is the
    endpoint URL or the offline table the link came from.
    """

    node: str
    qid: str
    score: float
    method: str
    reason: str
    source: str
    label: str = ""
    kind: str = ""
    candidate_label: str = ""
    match: str = ""
    viaf: str = ""
    isni: str = ""
    geonames: str = ""

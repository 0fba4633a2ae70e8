"""The extraction run of an article as a ``prov:Activity``, and the article graph as the record it made.

An article's named graph holds what the article says; what that graph *is* --
a ``prov:Entity`` ``prov:wasDerivedFrom`` the source article,
``prov:wasGeneratedBy`` the extraction run (``prov:used`` the article,
``prov:wasAssociatedWith`` libkg at its version), generated at the run's time
when one is recorded -- is said here, in the article's activity graph
``{base}graph/activity/{id}``.  Kept out of the article graph, so that the
article graph is a pure function of the text and the software; whether a run
time is recorded is a setting (:func:`run_time_setting`).

>>> from libkg.read.article import Article
>>> g = activity_graph(Article(id="a1", text="x"), "https://example.org/", "2024-05-03T10:00:00+00:00")
>>> len(g)
13
"""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD
from rdflib.term import Node

from libkg import __version__
from libkg.rdf.literals import plain_literal
from libkg.rdf.namespaces import SCHEMA, TermCache
from libkg.read.article import Article
from libkg.resolve.iris import Minter

__all__ = ["activity_graph", "run_time_setting"]

# the terms every article's extraction run is written with, made once (see TermCache)
_RDF, _RDFS, _PROV, _SCHEMA = map(TermCache, (RDF, RDFS, PROV, SCHEMA))


def run_time_setting() -> str | None:
    """The run time to record: ``$LIBKG_RUN_TIME`` ("now" for the clock, or an xsd:dateTime), else none.

    Off by default: a wall-clock time makes two ingests of the same corpus
    differ, and the store is meant to be reproducible (the reliability
    suite compares whole stores across runs).  Deployments that want run
    times set ``LIBKG_RUN_TIME=now``.
    """
    value = os.environ.get("LIBKG_RUN_TIME", "").strip()
    if not value:
        return None
    if value == "now":
        return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    return value


@lru_cache(maxsize=8)
def _software_agent(base: str) -> URIRef:
    return URIRef(f"{base}id/agent/libkg")


def activity_graph(article: Article, base: str | None, run_time: str | None = None) -> set[tuple[Node, Node, Node]]:
    """The extraction run of one article as a prov:Activity, in its own graph.

    A set of triples, not a Graph: it is written as it is, and an rdflib
    Graph costs more to fill than the triples to make.
    """
    m = Minter(base)
    aid = article.id
    act, agent, graph = m.activity(aid), _software_agent(m.base), m.graph(aid)
    when = run_time or run_time_setting()
    g: set[tuple[Node, Node, Node]] = {
        (act, _RDF.type, _PROV.Activity),
        (act, _RDFS.label, Literal(f"libkg extraction of article {aid}")),
        (act, _PROV.used, m.article(aid)),
        (act, _PROV.generated, graph),
        (act, _PROV.wasAssociatedWith, agent),
        (graph, _RDF.type, _PROV.Entity),
        (graph, _PROV.wasDerivedFrom, m.article(aid)),
        (graph, _PROV.wasGeneratedBy, act),
        (agent, _RDF.type, _PROV.SoftwareAgent),
        (agent, _RDFS.label, plain_literal("libkg")),
        (agent, _SCHEMA.softwareVersion, plain_literal(__version__)),
    }
    if when:
        g.add((act, _PROV.endedAtTime, Literal(when, datatype=XSD.dateTime)))
        g.add((graph, _PROV.generatedAtTime, Literal(when, datatype=XSD.dateTime)))
    return g

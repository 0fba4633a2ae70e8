"""Ingest: read -> extract -> resolve -> rdf -> store, for files and folders of articles.

A run has two passes:

1. :mod:`~libkg.ingest.prepare` reads and extracts every article and builds
   its graph as N-Triples statements, in worker processes with ``jobs > 1``
   (:mod:`~libkg.ingest.workers`); the built articles wait on disk
   (:mod:`~libkg.ingest.spool`) and only their person mentions stay in memory;
2. :mod:`~libkg.ingest.write` reads the identity registry of the run's
   names from the store once, :class:`~libkg.resolve.plan.RunIdentity`
   decides which person every mention is, and :mod:`~libkg.ingest.run`
   writes the articles in batches with those decisions (on the embedded
   store, two batches of new articles load at once, and the store moves
   what it holds in memory to disk after each, so memory stays flat; into a
   store that holds no articles yet, each batch is one bulk load with its own
   journal, undone if it fails or is cut short).

Deciding identity once per run, not per batch, keeps the cost linear in the
corpus and means no article written in this run is ever rewritten by it.
Each article's triples go into its own named graph, and every store write is
one transaction, so an article is ingested whole or not at all;
re-ingesting it replaces its facts.  A bad file is reported with its name and
the run goes on; a process killed midway leaves every article complete or
absent, and running the same ingest again finishes the job.
"""

from __future__ import annotations

from libkg.ingest.report import DuplicateCheck, IngestReport, failure, text_digest
from libkg.ingest.run import ingest_paths, load_ontology
from libkg.ingest.write import load_reference_data, write_article, write_articles

__all__ = ["DuplicateCheck", "IngestReport", "failure", "ingest_paths", "load_ontology", "load_reference_data",
           "text_digest", "write_article", "write_articles"]

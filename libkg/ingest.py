"""Ingest: read -> extract -> build RDF -> store, one article at a time.

Each article's triples go into its own named graph, written in one store
transaction, so an article is ingested whole or not at all and re-ingesting
it replaces its facts.  A bad file is reported with its name and the batch
goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from libkg.extract.pipeline import Extractor, RuleExtractor
from libkg.read import ReadError, iter_files, read_file


@dataclass
class IngestReport:
    articles: int = 0
    triples_written: int = 0
    errors: list[ReadError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


def ingest_paths(store, paths: Iterable[str | Path], *, extractor: Extractor | None = None,
                 base: str | None = None,
                 progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None) -> IngestReport:
    """Ingest every article under ``paths`` into ``store``.

    ``progress`` wraps the file list (e.g. ``tqdm``) so long runs show a bar.
    """
    from libkg.rdf.build import facts_to_graph
    from libkg.rdf.namespaces import article_graph

    extractor = extractor or RuleExtractor()
    report = IngestReport()
    files = list(iter_files(paths))
    load_ontology(store)
    seen: dict[str, str] = {}
    for path in (progress(files) if progress else files):
        for item in read_file(path):
            if isinstance(item, ReadError):
                report.errors.append(item)
                continue
            where = item.source or str(path)
            if item.id in seen and seen[item.id] != where:
                report.errors.append(ReadError(where, f"article id {item.id!r} was already read from "
                                                      f"{seen[item.id]}; ids must be unique"))
                continue
            seen[item.id] = where
            try:
                facts = extractor(item)
                graph = facts_to_graph(item, facts, base=base)
                report.triples_written += store.replace_article(article_graph(item.id, base), graph)
            except Exception as exc:  # noqa: BLE001 - any failure is reported against its file
                report.errors.append(ReadError(where, f"could not be ingested: {type(exc).__name__}: {exc}"))
                continue
            report.articles += 1
            report.article_ids.append(item.id)
    return report


def load_ontology(store) -> None:
    """Put the ontology and vocabularies in their own named graph, so queries can use labels."""
    from rdflib import Graph

    from libkg.rdf.namespaces import ontology_graph
    from libkg.resources import ontology_dir

    g = Graph()
    for f in sorted(ontology_dir().rglob("*.ttl")):
        if f.name != "shapes.ttl":
            g.parse(f, format="turtle")
    store.replace_article(ontology_graph(), g)

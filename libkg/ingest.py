"""Ingest: read -> extract -> build RDF -> store, one article at a time.

Each article's triples go into its own named graph, written in one store
transaction, so an article is ingested whole or not at all and re-ingesting
it replaces its facts.  A bad file is reported with its name and the batch
goes on; a process killed midway leaves every article complete or absent, and
running the same ingest again finishes the job (graphs are replaced, never
appended to).

``jobs > 1`` hands reading and extraction to worker processes and writes
several articles per transaction (:mod:`libkg.ingest_parallel`); ``jobs=1``
is the simple path below.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from libkg.extract.pipeline import Extractor, RuleExtractor
from libkg.read import DEFAULT_MAX_BYTES, ReadError, iter_sources, read_file


@dataclass
class IngestReport:
    articles: int = 0
    triples_written: int = 0
    errors: list[ReadError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    duplicates: int = 0  # same id and same text as an article already read in this run: skipped

    def summary(self, store_triples: int | None = None) -> str:
        """One line for the end of a run; the first fields are what scripts have parsed for long."""
        parts = [f"ingested {self.articles} article(s)", f"{self.triples_written} triples written"]
        if store_triples is not None:
            parts.append(f"{store_triples} triples in the store")
        parts.append(f"{len(self.errors)} error(s)")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate(s) skipped")
        return ", ".join(parts)


def text_digest(text: str) -> bytes:
    """What "the same article" means for a repeated id: the same cleaned text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class DuplicateCheck:
    """Remembers each id's source and text digest for one run (about 100 bytes per article).

    The same id with the same text is a harmless re-read (a file named twice,
    a corpus and its copy) and is skipped; the same id with different text is
    an error, because one article would silently overwrite the other.
    """

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str, bytes]] = {}

    def check(self, aid: str, where: str, digest: bytes) -> ReadError | bool:
        """True to ingest, False to skip as a harmless duplicate, or the error to report."""
        prev = self.seen.get(aid)
        if prev is None:
            self.seen[aid] = (where, digest)
            return True
        if prev[1] == digest:
            return False
        return ReadError(where, f"article id {aid!r} was already read from {prev[0]} with different text; "
                                f"ids must be unique (this one is not ingested)")


def ingest_paths(store, paths: Iterable[str | Path], *, extractor: Extractor | None = None,
                 base: str | None = None, progress: Callable[[int], object] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, batch_size: int = 64) -> IngestReport:
    """Ingest every article under ``paths`` into ``store``.

    ``progress(n)`` is called as articles are done (e.g. ``tqdm.update``).
    ``jobs`` > 1 extracts in that many worker processes (the default
    extractor only, since workers build their own) and writes ``batch_size``
    articles per transaction.
    """
    if jobs > 1:
        if extractor is not None:
            raise ValueError("jobs > 1 uses the default RuleExtractor in each worker; pass no extractor")
        from libkg.ingest_parallel import ingest_parallel

        return ingest_parallel(store, paths, jobs=jobs, base=base, progress=progress, max_bytes=max_bytes,
                               batch_size=batch_size)

    from libkg.resolve import prepare_store, write_article  # identity resolution (libkg.resolve)

    extractor = extractor or RuleExtractor()
    report = IngestReport()
    dupes = DuplicateCheck()
    load_ontology(store)
    prepare_store(store, base)
    for src in iter_sources(paths):
        if isinstance(src, ReadError):
            report.errors.append(src)
            continue
        for item in read_file(src, max_bytes):
            if isinstance(item, ReadError):
                report.errors.append(item)
                continue
            where = item.source or str(src)
            verdict = dupes.check(item.id, where, text_digest(item.text))
            if verdict is not True:
                if verdict is False:
                    report.duplicates += 1
                else:
                    report.errors.append(verdict)
                continue
            try:
                report.triples_written += write_article(store, item, extractor(item), base=base)
            except Exception as exc:  # noqa: BLE001 - any failure is reported against its file
                report.errors.append(failure(where, exc))
                continue
            report.articles += 1
            report.article_ids.append(item.id)
            if progress:
                progress(1)
    return report


def failure(where: str, exc: BaseException) -> ReadError:
    """An extraction or store failure reported like a read error, against the article's source."""
    return ReadError(where, f"could not be ingested: {type(exc).__name__}: {exc}")


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

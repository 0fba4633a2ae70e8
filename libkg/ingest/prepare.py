"""Pass 1 of ingest, for one unit of work: read, extract, and build the article's statements.

This is the part that runs in worker processes (``--jobs N``), so it does
everything that depends on one article alone: reading, extraction, the
person mentions identity resolution needs, and the article's graph as
N-Triples document built with *local* identity (every name is "the
person of that name"; :class:`libkg.resolve.plan.RunIdentity` later
rewrites the few that the whole run disambiguates).  The parent receives
UTF-8 bytes, never rdflib objects or strings: they go through the spool
into Oxigraph's loader as they are, so the parent's share of the work
(one process against all the workers) stays small.

A *unit* is a file, or one line of a JSONL corpus (so a big JSONL file is
spread over the workers); an *outcome* is a :class:`Prepared` article or an
error naming its source.  Nothing here raises: every failure becomes an
outcome, reported against its file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from libkg.extract.pipeline import Extractor
from libkg.ingest.memory import limit_arenas
from libkg.ingest.report import failure, text_digest
from libkg.read import DEFAULT_MAX_BYTES, ReadError, ReadWarning, iter_sources, read_file
from libkg.read.article import Article
from libkg.read.records import article_from_jsonl_line, iter_jsonl_lines
from libkg.resolve.persons import Mention

if TYPE_CHECKING:
    from libkg.rdf.tenures import PostRecord

__all__ = ["Prepared", "init_worker", "iter_units", "prepare_article", "process_unit"]

# a unit of work: ("file", path) | ("line", path, lineno, raw bytes) | ("error" | "warning", source, problem)
Unit = tuple


@dataclass(slots=True)
class Prepared:
    """One article, extracted and built, as the parent needs it."""

    id: str
    source: str
    digest: bytes  # of the text: tells a harmless re-read from an id clash
    mentions: tuple[Mention, ...]  # for identity resolution over the run
    statements: bytes  # the article graph, an N-Triples document (UTF-8)
    activity: bytes  # the extraction-run graph, likewise
    evidence: bytes  # the evidence graph (Web Annotations; not in the store's union), likewise
    triples: int
    posts: tuple[PostRecord, ...] = ()  # what the article graph says about posts (their terms, without a read-back)


def prepare_article(article: Article, extractor: Extractor, base: str | None = None,
                    run_time: str | None = None, where: str | None = None) -> Prepared:
    """Extract ``article`` and build its graphs (facts, run, evidence) with local identity."""
    from libkg.rdf.build import facts_to_triples
    from libkg.rdf.provenance import activity_graph
    from libkg.rdf.tenures import post_records
    from libkg.resolve import local_identity
    from libkg.store.terms import nt_document, nt_statements

    facts = extractor(article)
    ident = local_identity(article, facts, base)
    built = facts_to_triples(article, facts, base, identity=ident)
    stmts = nt_statements(built)
    return Prepared(
        id=facts.article_id or article.id,
        source=where or article.source or "",
        digest=text_digest(article.text),
        mentions=tuple(ident.mentions.values()),
        statements=nt_document(stmts),
        activity=nt_document(nt_statements(activity_graph(article, base, run_time))),
        evidence=nt_document(nt_statements(built.evidence)),
        triples=len(stmts),
        posts=tuple(post_records(built)),
    )


def iter_units(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Unit]:
    """The corpus as small units of work, streamed (JSONL one line at a time)."""
    for src in iter_sources(paths):
        if isinstance(src, ReadError):
            yield ("error", src.source, src.problem)
        elif isinstance(src, ReadWarning):
            yield ("warning", src.source, src.problem)
        elif src.suffix.lower() == ".jsonl":
            try:
                for n, raw in iter_jsonl_lines(src, max_bytes):
                    if isinstance(raw, ReadError):
                        yield ("error", raw.source, raw.problem)
                    else:
                        yield ("line", str(src), n, raw)
            except OSError as exc:
                yield ("error", str(src), f"cannot be read ({exc.strerror or exc})")
        else:
            yield ("file", str(src))


_worker: dict[str, Any] = {}


def init_worker(base: str | None, max_bytes: int, run_time: str | None = None,
                extractor: Extractor | None = None) -> None:
    """Set up this process for :func:`process_unit` (a pool initializer; also called in-process)."""
    limit_arenas()
    if extractor is None:
        from libkg.extract.pipeline import RuleExtractor

        extractor = RuleExtractor()
    _worker.update(extractor=extractor, base=base, max_bytes=max_bytes, run_time=run_time)


def process_unit(unit: Unit) -> list[Prepared | ReadError | ReadWarning]:
    """Read, extract and build one unit.  Never raises: failures become :class:`ReadError` outcomes.

    An article's warnings (``Article.warnings``) come as :class:`ReadWarning` just before it.
    """
    extractor, max_bytes = _worker["extractor"], _worker["max_bytes"]
    base, run_time = _worker["base"], _worker["run_time"]
    kind = unit[0]
    if kind == "error":
        return [ReadError(unit[1], unit[2])]
    if kind == "warning":
        return [ReadWarning(unit[1], unit[2])]
    path = Path(unit[1])
    if kind == "line":
        try:
            items: Iterable = [article_from_jsonl_line(unit[3], path=path, lineno=unit[2])]
        except ReadError as exc:
            items = [exc]
    else:
        items = read_file(path, max_bytes)
    out: list[Prepared | ReadError | ReadWarning] = []
    try:
        for item in items:
            if isinstance(item, ReadError):
                out.append(item)
                continue
            where = item.source or str(path)
            out += [ReadWarning(where, w) for w in item.warnings]
            try:
                out.append(prepare_article(item, extractor, base, run_time, where))
            except Exception as exc:  # noqa: BLE001 - reported against the article's source
                out.append(failure(where, exc))
    except Exception as exc:  # noqa: BLE001 - a reader bug must not kill the worker pool
        out.append(failure(str(path), exc))
    return out

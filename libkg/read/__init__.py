"""Reading articles from files: plain text, HTML pages, JSON and JSONL records.

:func:`read_paths` walks files and folders and yields an :class:`Article`
for each article read, or a :class:`ReadError` naming the file and the
problem, so one bad file (or a path that does not exist) never stops a batch.
Bytes are decoded as UTF-8 or a detected legacy Vietnamese encoding
(:mod:`libkg.read.encodings`); files over ``max_bytes`` are refused from
``stat`` without being read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from libkg.read.article import Article
from libkg.read.errors import ReadError, ReadWarning
from libkg.read.html import article_from_html, read_html_file
from libkg.read.records import article_from_record, read_json_file, read_jsonl_file
from libkg.read.sources import SUFFIXES, SUPPORTED, folder_files, iter_sources
from libkg.read.text import (
    DEFAULT_MAX_BYTES,
    MAX_ARTICLE_CHARS,
    MAX_LINE_CHARS,
    article_from_text,
    check_article_text,
    read_text_file,
)

__all__ = ["DEFAULT_MAX_BYTES", "MAX_ARTICLE_CHARS", "MAX_LINE_CHARS", "SUFFIXES", "SUPPORTED", "Article",
           "ReadError", "ReadWarning", "article_from_html", "article_from_record", "article_from_text",
           "folder_files", "iter_files", "iter_sources", "read_file", "read_paths", "read_sources"]


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Like :func:`iter_sources`, but raises the first :class:`ReadError` (for callers that want all or nothing)."""
    for item in iter_sources(paths):
        if isinstance(item, ReadError):
            raise item
        if isinstance(item, Path):
            yield item


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """The articles of one file (JSON/JSONL may hold many); problems are yielded, never raised."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".html", ".htm"):
            art = read_html_file(path, max_bytes)
            check_article_text(art.text, art.source or str(path))  # the page's main text, as for .txt
            yield art
        elif suffix == ".json":
            yield from read_json_file(path, max_bytes)
        elif suffix == ".jsonl":
            yield from read_jsonl_file(path, max_bytes)
        elif suffix in (".txt", ".text"):
            yield read_text_file(path, max_bytes)
        else:
            yield ReadError(str(path), f"unsupported file type {suffix or '(no extension)'!r}: libkg reads {SUPPORTED}")
    except ReadError as exc:
        yield exc
    except OSError as exc:
        yield ReadError(str(path), f"cannot be read ({exc.strerror or exc})")


def read_sources(paths: Iterable[str | Path],
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError | ReadWarning]:
    """Every article under ``paths``, every problem (:class:`ReadError`) and every warning, in order.

    An article's own warnings (``Article.warnings``) are yielded as
    :class:`ReadWarning` just before it.
    """
    for src in iter_sources(paths):
        if not isinstance(src, Path):
            yield src
            continue
        for item in read_file(src, max_bytes):
            if isinstance(item, Article):
                yield from (ReadWarning(item.source or str(src), w) for w in item.warnings)
            yield item


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Every article under ``paths``; errors (missing paths included) are yielded, not raised.

    Warnings are not yielded: they stay in each article's ``warnings`` (see :func:`read_sources`).
    """
    for item in read_sources(paths, max_bytes):
        if not isinstance(item, ReadWarning):
            yield item

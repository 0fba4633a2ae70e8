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
from libkg.read.errors import ReadError
from libkg.read.html import article_from_html, read_html_file
from libkg.read.records import article_from_record, read_json_file, read_jsonl_file
from libkg.read.text import DEFAULT_MAX_BYTES, article_from_text, read_text_file

SUFFIXES = {".txt", ".text", ".html", ".htm", ".json", ".jsonl"}

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "Article", "ReadError", "article_from_html", "article_from_record",
           "article_from_text", "iter_files", "iter_sources", "read_file", "read_paths"]


def _folder_files(p: Path) -> list[Path]:
    return sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                  and not any(part.startswith(".") for part in f.relative_to(p).parts))


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Files named, and article files found recursively in folders named, in a stable order.

    A path that does not exist, or a folder without a single article file,
    is yielded as a :class:`ReadError` so the caller can report it and go on.
    """
    for p in map(Path, paths):
        if p.is_dir():
            files = _folder_files(p)
            if not files:
                yield ReadError(str(p), "no article files in this folder (looked for "
                                        f"{', '.join(sorted(SUFFIXES))}, recursively)")
            yield from files
        elif p.exists():
            yield p
        else:
            yield ReadError(str(p), "no such file or folder")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Like :func:`iter_sources`, but raises the first :class:`ReadError` (for callers that want all or nothing)."""
    for item in iter_sources(paths):
        if isinstance(item, ReadError):
            raise item
        yield item


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """The articles of one file (JSON/JSONL may hold many); problems are yielded, never raised."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".html", ".htm"):
            yield read_html_file(path, max_bytes)
        elif suffix == ".json":
            yield from read_json_file(path, max_bytes)
        elif suffix == ".jsonl":
            yield from read_jsonl_file(path, max_bytes)
        elif suffix in (".txt", ".text"):
            yield read_text_file(path, max_bytes)
        else:
            yield ReadError(str(path), f"unsupported file type {suffix!r} (use .txt, .html, .json or .jsonl)")
    except ReadError as exc:
        yield exc
    except OSError as exc:
        yield ReadError(str(path), f"cannot be read ({exc.strerror or exc})")


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Every article under ``paths``; errors (missing paths included) are yielded, not raised."""
    for src in iter_sources(paths):
        if isinstance(src, ReadError):
            yield src
        else:
            yield from read_file(src, max_bytes)

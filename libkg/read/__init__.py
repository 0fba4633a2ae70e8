"""Reading articles from files: plain text, HTML pages, JSON and JSONL records.

:func:`read_paths` walks files and folders and yields an :class:`Article`
for each article read, or a :class:`ReadError` naming the file and the
problem, so one bad file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from libkg.read.article import Article
from libkg.read.errors import ReadError
from libkg.read.html import article_from_html, read_html_file
from libkg.read.records import article_from_record, read_json_file, read_jsonl_file
from libkg.read.text import article_from_text, read_text_file

SUFFIXES = {".txt", ".text", ".html", ".htm", ".json", ".jsonl"}

__all__ = ["Article", "ReadError", "article_from_html", "article_from_record", "article_from_text",
           "iter_files", "read_file", "read_paths"]


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and article files found recursively in folders named, in a stable order."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts))
        elif p.exists():
            yield p
        else:
            raise ReadError(str(p), "no such file or folder")


def read_file(path: Path) -> Iterator[Article | ReadError]:
    suffix = path.suffix.lower()
    try:
        if suffix in (".html", ".htm"):
            yield read_html_file(path)
        elif suffix == ".json":
            yield from read_json_file(path)
        elif suffix == ".jsonl":
            yield from read_jsonl_file(path)
        elif suffix in (".txt", ".text"):
            yield read_text_file(path)
        else:
            yield ReadError(str(path), f"unsupported file type {suffix!r} (use .txt, .html, .json or .jsonl)")
    except ReadError as exc:
        yield exc
    except OSError as exc:
        yield ReadError(str(path), f"cannot be read ({exc.strerror})")


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    """Every article under ``paths``; errors are yielded, not raised."""
    for f in iter_files(paths):
        yield from read_file(f)

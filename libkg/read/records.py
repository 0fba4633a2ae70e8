"""JSON and JSONL records in the corpus shape (``id``, ``text``, ``format``, ``url``, ``published``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from libkg.read.article import Article
from libkg.read.errors import ReadError
from libkg.read.html import article_from_html
from libkg.read.text import article_from_text, decode

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def article_from_record(rec: Any, *, source: str, default_id: str) -> Article:
    if not isinstance(rec, dict):
        raise ReadError(source, f"expected a JSON object with a 'text' field, got {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(source, "record has no 'text' (a non-empty string is required)")
    aid = str(rec.get("id") or default_id)
    if not re.fullmatch(r"[\w.\-]+", aid):
        raise ReadError(source, f"record id {aid!r} may only hold letters, digits, '.', '-' and '_'")
    pub = rec.get("published")
    if pub is not None and not (isinstance(pub, str) and _DATE.match(pub)):
        raise ReadError(source, f"'published' must be a YYYY-MM-DD date, got {pub!r}")
    pub = pub[:10] if pub else None
    url = rec.get("url")
    fmt = rec.get("format", "text")
    if fmt == "html":
        art = article_from_html(text, id=aid, source=source, url=url, published=pub)
    elif fmt in ("text", None):
        art = article_from_text(text, id=aid, source=source, url=url, published=pub)
    else:
        raise ReadError(source, f"unknown format {fmt!r} (expected 'text' or 'html')")
    art.language = rec.get("language") or "vi"
    if isinstance(rec.get("gold"), dict):
        art.gold = rec["gold"]
    return art


def read_json_file(path: Path) -> Iterator[Article]:
    src = str(path)
    try:
        data = json.loads(decode(path.read_bytes(), src))
    except json.JSONDecodeError as exc:
        raise ReadError(src, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if isinstance(data, list):
        for i, rec in enumerate(data):
            yield article_from_record(rec, source=f"{src}[{i}]", default_id=f"{path.stem}-{i + 1}")
    else:
        yield article_from_record(data, source=src, default_id=path.stem)


def read_jsonl_file(path: Path) -> Iterator[Article | ReadError]:
    """One article per line; a bad line is reported and the others still read."""
    src = str(path)
    text = decode(path.read_bytes(), src)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{src}:{n}"
        try:
            rec = json.loads(line)
            yield article_from_record(rec, source=where, default_id=f"{path.stem}-{n}")
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"not valid JSON ({exc.msg}, column {exc.colno})")
        except ReadError as exc:
            yield exc

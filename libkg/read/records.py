"""JSON and JSONL records in the corpus shape (``id``, ``text``, ``format``, ``url``, ``published``).

A ``.jsonl`` corpus may be far bigger than memory, so it is streamed line by
line and the size limit applies to each line (one article), not to the file;
a ``.json`` file is one document and is read whole, under the limit.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from libkg.read.article import Article
from libkg.read.encodings import bom_encoding
from libkg.read.errors import ReadError, printable_name
from libkg.read.html import article_from_html
from libkg.read.text import (
    DEFAULT_MAX_BYTES,
    article_from_text,
    check_article_text,
    decode,
    human_size,
    read_bytes,
)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ID = re.compile(r"[\w.\-]+")
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")  # BCP 47, as RDF literals need
_WEB_URL = re.compile(r"https?://[^\s/?#]+", re.IGNORECASE)  # a page's address: nothing a link may not open
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SKIP_CHUNK = 1 << 20


def _published(pub: Any, source: str) -> tuple[str | None, str | None]:
    """The record's ``published`` date, and a warning when it names no real day (the article is kept).

    A value that is not a ``YYYY-MM-DD`` date at all is an error; ``2023-02-30``
    has the shape but no such day exists, so it is dropped with a warning and the
    date is inferred from the text as for an article without one.
    """
    if pub is None:
        return None, None
    if not (isinstance(pub, str) and _DATE.match(pub)):
        raise ReadError(source, f"'published' must be a YYYY-MM-DD date, got {pub!r}")
    try:
        return dt.date.fromisoformat(pub[:10]).isoformat(), None
    except ValueError:
        return None, f"'published' {pub!r} is not a real date ({_why_not(pub[:10])}); ignored, the article is kept"


def _why_not(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    if not 1 <= m <= 12:
        return f"there is no month {m}"
    if d == 0:
        return "there is no day 0"
    return f"{dt.date(y, m, 1).strftime('%B')} {y} has no day {d}"


def article_from_record(rec: Any, *, source: str, default_id: str) -> Article:
    if not isinstance(rec, dict):
        raise ReadError(source, f"expected a JSON object with a 'text' field, got {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(source, "record has no 'text' (a non-empty string is required)")
    raw_id = rec.get("id")
    if raw_id is not None and not isinstance(raw_id, str | int):
        raise ReadError(source, f"record 'id' must be a string, got {type(raw_id).__name__}")
    aid = str(raw_id if raw_id not in (None, "") else default_id)
    if not _ID.fullmatch(aid) or len(aid) > 200:
        raise ReadError(source, f"record id {aid[:80]!r} may only hold letters, digits, '.', '-' and '_' "
                                f"(at most 200)")
    pub, warning = _published(rec.get("published"), source)
    url = rec.get("url")
    if url is not None and not isinstance(url, str):
        raise ReadError(source, f"'url' must be a string, got {type(url).__name__}")
    warnings = [warning] if warning else []
    if url and _SURROGATE.search(url):
        warnings.append(f"'url' {printable_name(url)[:200]!r} is not valid text (an unpaired surrogate escape); "
                        f"ignored, the article is kept")
        url = None
    if url and not _WEB_URL.match(url):
        warnings.append(f"'url' {printable_name(url)[:200]!r} is not an http(s) address; ignored, the article is kept")
        url = None
    fmt = rec.get("format", "text")
    if fmt == "html":
        art = article_from_html(text, id=aid, source=source, url=url, published=pub)
        check_article_text(art.text, source)
    elif fmt in ("text", None):
        art = article_from_text(text, id=aid, source=source, url=url, published=pub)
    else:
        raise ReadError(source, f"unknown format {fmt!r} (expected 'text' or 'html')")
    lang = rec.get("language")
    if lang not in (None, "") and not (isinstance(lang, str) and _LANGUAGE.fullmatch(lang)):
        warnings.append(f"'language' {printable_name(str(lang))[:80]!r} is not a language tag such as 'vi' or "
                        f"'en'; 'vi' is used")
        lang = None
    art.language = lang or "vi"
    art.warnings += warnings
    if isinstance(rec.get("gold"), dict):
        art.gold = rec["gold"]
    return art


def _loads(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(where, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ReadError(where, "not usable JSON (nested too deeply)") from None


def read_json_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """One record, or a list of records (a bad record is reported, the others still read)."""
    src = str(path)
    data = _loads(decode(read_bytes(path, max_bytes), src), src)
    if isinstance(data, list):
        for i, rec in enumerate(data):
            try:
                yield article_from_record(rec, source=f"{src}[{i}]", default_id=f"{path.stem}-{i + 1}")
            except ReadError as exc:
                yield exc
    else:
        yield article_from_record(data, source=src, default_id=path.stem)


def iter_jsonl_lines(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[int, bytes | ReadError]]:
    """``(line number, raw bytes)`` of each non-blank line, streamed; a line over the limit is an error.

    Never holds more than one line (at most ``max_bytes``) in memory: an
    overlong line is skipped in 1 MB steps without being kept.
    """
    src = str(path)
    if path.stat().st_size == 0:
        yield 0, ReadError(src, "the file is empty (0 bytes)")
        return
    with open(path, "rb") as f:
        bom = bom_encoding(f.read(4))
        if bom is not None:
            yield 0, ReadError(src, f"a {bom.upper()} JSONL file: JSONL is read line by line as UTF-8; "
                                    f"convert it to UTF-8")
            return
        f.seek(0)
        n = 0
        while True:
            buf, too_long = bytearray(), False
            while True:  # one line, in steps, so an overlong one is dropped before it is whole
                chunk = f.readline(_SKIP_CHUNK)
                if not chunk:
                    break
                if not too_long:
                    buf += chunk
                    if len(buf) > max_bytes + 1:
                        too_long, buf = True, bytearray()
                if chunk.endswith(b"\n"):
                    break
            if not buf and not too_long:
                return
            n += 1
            if too_long:
                yield n, ReadError(f"{src}:{n}", f"the line is over the size limit of {human_size(max_bytes)} "
                                                 f"(--max-bytes); not read")
            elif buf.strip():
                yield n, bytes(buf)


def article_from_jsonl_line(raw: bytes, *, path: Path, lineno: int) -> Article:
    """One JSONL line (bytes as read) as an article; the error names ``file:line``."""
    where = f"{path}:{lineno}"
    text = decode(raw, where, allow_bom=False)
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(where, f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise ReadError(where, "not usable JSON (nested too deeply)") from None
    return article_from_record(rec, source=where, default_id=f"{path.stem}-{lineno}")


def read_jsonl_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """One article per line; a bad line is reported and the others still read."""
    for n, raw in iter_jsonl_lines(path, max_bytes):
        if isinstance(raw, ReadError):
            yield raw
            continue
        try:
            yield article_from_jsonl_line(raw, path=path, lineno=n)
        except ReadError as exc:
            yield exc

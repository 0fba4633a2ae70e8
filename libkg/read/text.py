"""Plain-text articles (``.txt``): the text as the reader gets it."""

from __future__ import annotations

import re
from pathlib import Path

from libkg.normalize import nfc
from libkg.read.article import Article
from libkg.read.dates import guess_published
from libkg.read.errors import ReadError


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), else a clear error naming the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(source, f"not valid UTF-8 text (byte {exc.start}: {exc.reason})") from None


def clean_text(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces; offsets are taken on this form."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return re.sub(r"[ \t]+\n", "\n", text).strip("\n")


def article_from_text(text: str, *, id: str, source: str | None = None, url: str | None = None,
                      published: str | None = None) -> Article:
    text = clean_text(text)
    if not text.strip():
        raise ReadError(source or id, "the article is empty")
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    return Article(id=id, text=text, title=title, url=url,
                   published=published or guess_published(text), format="text", source=source)


def read_text_file(path: Path) -> Article:
    return article_from_text(decode(path.read_bytes(), str(path)), id=path.stem, source=str(path))

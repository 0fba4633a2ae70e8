"""HTML pages: main text, title and publication date, page furniture dropped.

trafilatura does the main-text extraction (navigation, footers, counters and
rating widgets removed) and reads the date from the page's metadata.
"""

from __future__ import annotations

from pathlib import Path

from libkg.read.article import Article
from libkg.read.errors import ReadError
from libkg.read.text import clean_text, decode


def article_from_html(html: str, *, id: str, source: str | None = None, url: str | None = None,
                      published: str | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, url=url)
    if doc is None:
        raise ReadError(source or id, "no article text found in the HTML page")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = clean_text(meta.get("text") or "")
    if not body.strip():
        raise ReadError(source or id, "no article text found in the HTML page")
    title = meta.get("title")
    if title and not body.startswith(title):
        body = clean_text(title) + "\n\n" + body
    return Article(id=id, text=body, title=clean_text(title) if title else None,
                   url=url or meta.get("url"), published=published or meta.get("date"),
                   format="html", source=source)


def read_html_file(path: Path) -> Article:
    return article_from_html(decode(path.read_bytes(), str(path)), id=path.stem, source=str(path))

"""HTML pages: main text, title and publication date, page furniture dropped.

trafilatura does the main-text extraction (navigation, footers, counters and
rating widgets removed) and reads the date from the page's metadata; a page without
one is dated by its own date line or address (:func:`libkg.read.dates.stand_in_published`,
recorded in ``Article.published_source``).
"""

from __future__ import annotations

from pathlib import Path

from libkg.read.article import Article
from libkg.read.dates import stand_in_published
from libkg.read.errors import ReadError
from libkg.read.text import DEFAULT_MAX_BYTES, clean_text, decode, read_bytes

MIN_BODY_WORDS = 8


def article_from_html(html: str, *, id: str, source: str | None = None, url: str | None = None,
                      published: str | None = None) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=True, url=url)
    except Exception as exc:  # noqa: BLE001 - lxml/trafilatura fail in many ways on broken markup
        raise ReadError(source or id, f"the HTML page could not be parsed ({type(exc).__name__})") from None
    if doc is None:
        raise ReadError(source or id, "no article text found in the HTML page")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = clean_text(meta.get("text") or "")
    title = meta.get("title")
    words = len(body.split()) - (len(body.split("\n", 1)[0].split()) if title and body.startswith(title) else 0)
    if words < MIN_BODY_WORDS:
        # trafilatura falls back to whatever text a page has (menus, a footer): not an article
        raise ReadError(source or id, f"no article text found in the HTML page ({max(words, 0)} word(s) "
                                      f"outside the title, at least {MIN_BODY_WORDS} expected)")
    if title and not body.startswith(title):
        body = clean_text(title) + "\n\n" + body
    url = url or meta.get("url")
    published, published_source = stand_in_published(body, url, published or meta.get("date"))
    return Article(id=id, text=body, title=clean_text(title) if title else None, url=url, published=published,
                   published_source=published_source, format="html", source=source)


def read_html_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    return article_from_html(decode(read_bytes(path, max_bytes), str(path)), id=path.stem, source=str(path))

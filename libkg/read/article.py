"""The unit every reader produces and the extractor consumes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    """One news article, its main text already cleaned of page furniture.

    ``text`` is what the extractor reads (NFC); every evidence offset the
    extractor records points into it.  ``source`` is the file it came from,
    so errors and provenance can name it.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str = "vi"
    format: str = "text"  # text | html | json
    source: str | None = None
    gold: dict | None = field(default=None, repr=False)  # annotations when the input carries them

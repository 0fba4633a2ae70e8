"""The unit every reader produces and the extractor consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

from libkg.read.errors import id_from_name, printable_name


@dataclass
class Article:
    """One news article, its main text already cleaned of page furniture.

    ``text`` is what the extractor reads (NFC); every evidence offset the
    extractor records points into it.  ``source`` is the file it came from,
    so errors and provenance can name it.  ``id`` and ``source`` are always
    valid Unicode: a file name's undecodable bytes are escaped
    (:func:`~libkg.read.errors.id_from_name`, :func:`~libkg.read.errors.printable_name`).
    ``warnings`` are problems the reader worked around (an impossible
    ``published`` date dropped, ...), for the caller to report.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    # how ``published`` was found when the source did not state it (libkg.read.dates.stand_in_published):
    # "date line" (the page's own), "url" (the page address) or "text" (the first date of the head)
    published_source: str | None = None
    language: str = "vi"
    format: str = "text"  # text | html | json
    source: str | None = None
    gold: dict | None = field(default=None, repr=False)  # annotations when the input carries them
    warnings: list[str] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.id, str):
            self.id = id_from_name(self.id)
        if isinstance(self.source, str):
            self.source = printable_name(self.source)

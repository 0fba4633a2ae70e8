"""What the extraction components hand each other on the :class:`~libkg.extract.pipeline.Doc`: mentions.

A mention is a span of the article's ``text`` (``start``/``end`` offsets into the original text, which no
component rewrites) and what a component decided it names.  The components that find them write lists of
these to typed ``Doc`` fields (``person_mentions``, ``org_mentions``, ``place_mentions``,
``date_mentions``); the later components read them.  This module is no component: it holds only the data.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in the text, short mentions included ("bà Nga").

    ``name`` is the canonical full name in the article (its fullest written form), ``surface`` the text at
    ``start:end`` (the name only), ``title`` the honorific or None.
    """

    start: int
    end: int
    name: str
    surface: str
    title: str | None


@dataclass(frozen=True, slots=True)
class OrgMention:
    """An organisation named in the text, anaphoric mentions included ("Thư viện tỉnh" -> "Thư viện tỉnh
    Yên Bái", "nhà trường"): ``name`` is the canonical full label, ``kind`` as in SCHEMA.md, ``surface`` the
    text at ``start:end``."""

    start: int
    end: int
    name: str
    kind: str
    surface: str


@dataclass(slots=True)
class PlaceMention:
    """A place named in the text: ``kind`` (Province, City, Site, Country ...), ``within`` the larger place it
    lies in when the text or the gazetteer says, ``venue`` for a building or hall that hosts an event."""

    start: int
    end: int
    name: str
    kind: str
    within: str | None = None
    venue: bool = False


@dataclass(slots=True)
class DateMention:
    """A date or period named in the text, as ISO strings (``start_date``/``end_date``: "2024-04-21",
    "2024-04", "2024")."""

    start: int
    end: int
    start_date: str | None
    end_date: str | None
    text: str
    precision: str = "day"  # day | month | year | relative
    relative: str | None = None  # same_day | next_day
    part: str | None = None  # sáng | chiều | ...
    non_event: bool = False
    explicit_year: bool = False
    year_inferred: bool = False  # a day or month whose year the phrase lacks (it came from the article's date)


@dataclass(frozen=True, slots=True)
class Publication:
    """The article's publication date (ISO, possibly only a year) and where it came from ("url", "published",
    "year in text" ...); both None when nothing dates the article."""

    date: str | None
    source: str | None

"""The facts an extractor finds in one article.

The shape mirrors the ``gold`` block of the annotated corpus (SCHEMA.md) so
that one scorer compares extractor output and annotations, and so that
``libkg extract --format json`` output can be corrected by hand and used as
gold.  Beyond the gold fields each fact keeps its evidence (sentence and
character offsets) and what the graph needs (hierarchy, dates, counts).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Evidence:
    """Where a fact was read: character offsets into ``Article.text``."""

    start: int
    end: int
    sentence: str = ""


@dataclass
class Person:
    name: str
    title: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Organization:
    name: str
    kind: str = "Other"
    parent: str | None = None  # name of the organisation it sits inside, when the text says
    province: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Position:
    person: str
    role: str
    organization: str | None = None
    date: str | None = None  # the date the text states it for (ISO, or YYYY-MM / YYYY)
    status: str = "current"  # current | former | appointed | elected | retired
    term: str | None = None  # "2024-2026"
    evidence: list[Evidence] = field(default_factory=list)
    # set by the ``tenure_dates`` component when the text states the date ("từ ngày 01/3/2022"):
    # ``date`` is then that date, not the publication day; ``date_kind`` says what it dates:
    # "start" (took up the post), "end" (left it) or "at" (held it on that day)
    date_stated: bool = False
    date_kind: str | None = None


@dataclass
class Event:
    label: str
    kind: str = "Other"
    start: str | None = None
    end: str | None = None
    place: str | None = None
    organizers: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    parent: str | None = None  # label of the event it is part of
    term: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # {"participants": 100, "books": 700}
    evidence: list[Evidence] = field(default_factory=list)
    year_inferred: bool = False  # the start's phrase lacks the year: it came from the article's date


@dataclass
class Place:
    name: str
    kind: str = "Other"
    within: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


GOLD_FIELDS: dict[str, tuple[str, ...]] = {
    "persons": ("name", "title"),
    "organizations": ("name", "kind"),
    "positions": ("person", "role", "organization"),
    "events": ("label", "kind", "start", "end", "place", "organizers", "participants"),
    "places": ("name", "kind", "within"),
}


@dataclass
class Facts:
    """Everything extracted from one article."""

    article_id: str
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def to_gold(self) -> dict[str, list[dict[str, Any]]]:
        """The facts in SCHEMA.md's ``gold`` shape (exactly its fields, in its order)."""
        out: dict[str, list[dict[str, Any]]] = {}
        for kind, fields in GOLD_FIELDS.items():
            out[kind] = [{f: getattr(item, f) for f in fields} for item in getattr(self, kind)]
        return out

    def to_dict(self) -> dict[str, Any]:
        """Every field, evidence included (for ``--format json --evidence`` and debugging)."""
        return {"id": self.article_id, **{k: [asdict(i) for i in getattr(self, k)] for k in GOLD_FIELDS}}

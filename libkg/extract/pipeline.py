"""The extraction pipeline: an article goes through named components in order.

As in spaCy, each component is a function that reads and enriches a shared
:class:`Doc`; a better component replaces a weaker one without touching the
others.  The order matters: positions need persons and organisations, events
need dates, places and participants.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from libkg.extract.facts import Event, Facts, Organization, Person, Place, Position
from libkg.read.article import Article


@dataclass
class Doc:
    """The working state of one article while components run.

    Contract between components (offsets always index the original ``text``,
    which no component rewrites):

    ``sentences`` (component ``sentences``)
        ``(start, end)`` of CONTENT sentences only, sorted.  Page furniture
        (breadcrumbs, share/print buttons, rating widgets, counters, "Tin liên
        quan"/"Các tin khác" and what follows, "Liên kết website", bylines,
        date-only lines, repeated captions) is dropped; lines broken
        mid-sentence are rejoined (a sentence may span a newline); no split
        after titles/abbreviations (TS., ThS., PGS.TS., TP.) or in numbers.
    ``extras["title"]``
        ``(start, end)`` of the headline when the first content line is one;
        the headline is not in ``sentences``.
    ``extras["person_mentions"]`` (component ``persons``)
        list of dicts ``{start, end, name, surface, title}`` for every person
        mention, short ones included ("bà Nga"): ``name`` is the canonical
        full name in the article (its fullest written form), ``surface`` the
        text at ``start:end`` (the name only), ``title`` the honorific or None.
    ``extras["org_mentions"]`` (component ``organizations``)
        list of dicts ``{start, end, name, kind, surface}`` for every
        organisation mention, anaphoric ones included ("Thư viện tỉnh" ->
        "Thư viện tỉnh Yên Bái", "Liên hiệp", "nhà trường"): ``name`` is the
        canonical full label, ``kind`` as in SCHEMA.md.
    ``persons`` / ``organizations`` / ``positions``
        Facts with :class:`Evidence` (offsets + sentence text).  ``Position.date``
        is the publication date unless the text gives another; ``status`` is
        current | former (nguyên) | appointed (bổ nhiệm) | elected (được bầu) |
        retired (nghỉ hưu); ``term`` "2024-2026" when stated.
    """

    article: Article
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) offsets in text
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # scratch space components share (mentions, dates found, ...), keyed by component name
    extras: dict[str, Any] = field(default_factory=dict)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``offset``."""
        for s, e in self.sentences:
            if s <= offset < e:
                return s, e
        return 0, len(self.text)

    def to_facts(self) -> Facts:
        return Facts(self.article.id, self.persons, self.organizations, self.positions,
                     self.events, self.places)


Component = Callable[[Doc], None]


class Extractor(Protocol):
    """Anything that turns an article into facts."""

    def __call__(self, article: Article) -> Facts: ...


_REGISTRY: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register a pipeline component under ``name``."""

    def register(fn: Component) -> Component:
        _REGISTRY[name] = fn
        return fn

    return register


DEFAULT_PIPELINE = ("sentences", "persons", "organizations", "positions", "places", "dates", "events")


class RuleExtractor:
    """The default extractor: rules, lexicons and gazetteers, no model download."""

    def __init__(self, pipeline: tuple[str, ...] = DEFAULT_PIPELINE) -> None:
        _load_components()
        missing = [n for n in pipeline if n not in _REGISTRY]
        if missing:
            raise ValueError(f"unknown pipeline component(s): {', '.join(missing)}")
        self.pipeline = pipeline
        self._steps = [_REGISTRY[n] for n in pipeline]

    def __call__(self, article: Article) -> Facts:
        doc = Doc(article=article, text=article.text)
        for step in self._steps:
            step(doc)
        return doc.to_facts()


def _load_components() -> None:
    # importing the modules registers their components
    from libkg.extract import (  # noqa: F401
        dates,
        events,
        organizations,
        persons,
        places,
        positions,
        sentences,
    )


def extract(article: Article) -> Facts:
    """Extract facts from one article with the default pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = RuleExtractor()
    return _DEFAULT(article)


_DEFAULT: RuleExtractor | None = None

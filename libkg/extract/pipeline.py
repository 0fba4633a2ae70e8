"""The extraction pipeline: an article goes through named components in order.

As in spaCy, each component is a function that reads and enriches a shared
:class:`Doc`; a better component replaces a weaker one without touching the
others.  The order matters: positions need persons and organisations, events
need dates, places and participants.

Each component declares what it reads and writes, like spaCy's
``Language.factory(name, requires=..., assigns=...)``: ``@component("dates",
requires=("article", "text", "sentences"), assigns=("publication",
"date_mentions"))``.  An entry names a typed :class:`Doc` field ("sentences",
"persons", "org_mentions"; the mentions are the dataclasses of
:mod:`libkg.extract.mentions`).  A name is registered once (a second component
under it is refused), and :class:`RuleExtractor` refuses a pipeline in which a
component requires what no earlier component assigns (the input fields
``article`` and ``text`` are always there).  ``Doc.cache`` (a
:class:`DocCache`: tokens, the lower-cased text, the organisation scan) holds
only what can be recomputed from the declared fields; any component may fill
or read it and it is no part of a contract.  ``tests/test_pipeline.py`` runs
each component and checks that it reads and writes only what it declares.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Protocol

from libkg.extract.facts import Event, Facts, Organization, Person, Place, Position
from libkg.extract.mentions import DateMention, OrgMention, PersonMention, PlaceMention, Publication
from libkg.read.article import Article


@dataclass
class DocCache:
    """What components compute once per article and share, outside the contracts (all of it follows from
    ``text`` and the declared fields): tokens per sentence span, the text in lower case (``lower_done`` tells
    a computed None from a missing one), the organisation rules' scan and text."""

    tokens: dict[tuple[int, int], Any] = field(default_factory=dict)
    lower: str | None = None
    lower_done: bool = False
    org_scan: Any = None  # list of (OrgHit, tokens, sentence span), see libkg.extract.orgscan.scan
    org_text: str | None = None


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
    ``segmented`` (component ``sentences``)
        True once the text is cut: no sentence then means no content (a page of
        furniture), not "not cut yet".
    ``title`` (component ``sentences``)
        ``(start, end)`` of the headline when the first content line is one;
        the headline is not in ``sentences``.
    ``person_mentions`` (component ``persons``)
        a :class:`~libkg.extract.mentions.PersonMention` for every person
        mention, short ones included ("bà Nga").
    ``org_mentions`` (component ``organizations``)
        an :class:`~libkg.extract.mentions.OrgMention` for every organisation
        mention, anaphoric ones included ("Thư viện tỉnh" -> "Thư viện tỉnh
        Yên Bái", "Liên hiệp", "nhà trường"), sorted by start.
    ``place_mentions`` (component ``places``) / ``date_mentions`` and ``publication`` (component ``dates``)
        :class:`~libkg.extract.mentions.PlaceMention`,
        :class:`~libkg.extract.mentions.DateMention`, the article's
        :class:`~libkg.extract.mentions.Publication` date.
    ``persons`` / ``organizations`` / ``positions`` / ``places`` / ``events``
        Facts with :class:`Evidence` (offsets + sentence text).  ``Position.date``
        is the publication date unless the text gives another (component ``tenure_dates``, which
        then sets ``date_stated`` and ``date_kind``); ``status`` is
        current | former (nguyên) | appointed (bổ nhiệm) | elected (được bầu) |
        retired (nghỉ hưu); ``term`` "2024-2026" when stated.
    ``cache``
        a :class:`DocCache`, no part of any contract.
    """

    article: Article
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) offsets in text
    segmented: bool = False
    title: tuple[int, int] | None = None
    person_mentions: list[PersonMention] = field(default_factory=list)
    org_mentions: list[OrgMention] = field(default_factory=list)
    place_mentions: list[PlaceMention] = field(default_factory=list)
    date_mentions: list[DateMention] = field(default_factory=list)
    publication: Publication | None = None
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    cache: DocCache = field(default_factory=DocCache, repr=False, compare=False)

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


INPUT_FIELDS = ("article", "text")  # set when a Doc is made: no component assigns them
UNDECLARED_FIELDS = ("cache",)  # shared caches: no contract names them


@dataclass(frozen=True)
class ComponentInfo:
    """A registered component and its contract: the Doc fields it reads and writes."""

    name: str
    fn: Component
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, Component] = {}
_INFO: dict[str, ComponentInfo] = {}


def contract_fields() -> tuple[str, ...]:
    """The Doc fields a contract may name: every field but the cache."""
    return tuple(f.name for f in fields(Doc) if f.name not in UNDECLARED_FIELDS)


def _check_fields(name: str, what: str, entries: tuple[str, ...]) -> None:
    """Refuse an entry that names no Doc field (or names the cache)."""
    known = contract_fields()
    for entry in entries:
        if entry not in known:
            raise ValueError(f"pipeline component {name!r}: {what} entry {entry!r} names no Doc field "
                             f"({', '.join(sorted(known))}; 'cache' is undeclared)")


def component(name: str, *, requires: tuple[str, ...] = (),
              assigns: tuple[str, ...] = ()) -> Callable[[Component], Component]:
    """Register a pipeline component under ``name``, with what it reads (``requires``) and writes (``assigns``).

    Raises ValueError for a name already registered, an entry that names no Doc field,
    or an assigned input field (``article``, ``text``: no component rewrites them).
    """
    _check_fields(name, "requires", requires)
    _check_fields(name, "assigns", assigns)
    rewritten = [f for f in assigns if f in INPUT_FIELDS]
    if rewritten:
        raise ValueError(f"pipeline component {name!r} may not assign the input field(s) {', '.join(rewritten)}")

    def register(fn: Component) -> Component:
        if name in _INFO:
            first = _INFO[name].fn
            raise ValueError(f"pipeline component {name!r} is already registered (by {first.__module__}."
                             f"{first.__qualname__}); choose another name for {fn.__module__}.{fn.__qualname__}")
        _INFO[name] = ComponentInfo(name, fn, tuple(requires), tuple(assigns))
        _REGISTRY[name] = fn
        return fn

    return register


def components() -> Mapping[str, ComponentInfo]:
    """Every registered component by name (a read-only view), the default ones loaded."""
    _load_components()
    return MappingProxyType(_INFO)


def contract_table(pipeline: tuple[str, ...] | None = None) -> str:
    """The contracts of ``pipeline`` (the default one) as Markdown: one table of the components (what each
    reads and writes), one of the Doc fields (type, who writes, who reads); docs/architecture.md holds
    this text, and tests/test_pipeline.py checks that it is current."""
    _load_components()
    names = DEFAULT_PIPELINE if pipeline is None else pipeline
    infos = [_INFO[n] for n in names]

    def code(items: list[str] | tuple[str, ...]) -> str:
        return ", ".join(f"`{x}`" for x in items) or "-"

    rows = ["| # | component | module | reads (`requires`) | writes (`assigns`) |", "|---|---|---|---|---|"]
    rows += [f"| {i} | `{c.name}` | `{c.fn.__module__}` | {code(c.requires)} | {code(c.assigns)} |"
             for i, c in enumerate(infos, 1)]
    rows += ["", "| Doc field | type | written by | read by |", "|---|---|---|---|"]
    for f in fields(Doc):
        if f.name in UNDECLARED_FIELDS:
            continue
        by = "(input)" if f.name in INPUT_FIELDS else code([c.name for c in infos if f.name in c.assigns])
        kind = " or ".join(f"`{t}`" for t in str(f.type).split(" | "))  # no "|" inside a table cell
        rows.append(f"| `{f.name}` | {kind} | {by} | {code([c.name for c in infos if f.name in c.requires])} |")
    return "\n".join(rows) + "\n"


def check_order(pipeline: tuple[str, ...]) -> None:
    """Raise ValueError when a component of ``pipeline`` is unknown or requires a field no earlier one assigns."""
    _load_components()
    unknown = [n for n in pipeline if n not in _INFO]
    if unknown:
        raise ValueError(f"unknown pipeline component(s): {', '.join(unknown)}")
    available = set(INPUT_FIELDS)
    for name in pipeline:
        info = _INFO[name]
        missing = [f for f in info.requires if f not in available]
        if missing:
            raise ValueError(f"pipeline component {name!r} requires {', '.join(missing)}, which no earlier "
                             f"component assigns (pipeline: {', '.join(pipeline)}); "
                             f"{_assigners(missing)}")
        available.update(info.assigns)


def _assigners(missing: list[str]) -> str:
    """Which registered components assign each missing field ("run 'dates' first")."""
    hints = []
    for f in missing:
        by = [i.name for i in _INFO.values() if f in i.assigns]
        hints.append(f"{f} is assigned by {' or '.join(repr(b) for b in by)}" if by else f"no component assigns {f}")
    return "; ".join(hints)


DEFAULT_PIPELINE = ("sentences", "persons", "organizations", "positions", "places", "dates", "tenure_dates",
                    "events")


class RuleExtractor:
    """The default extractor: rules, lexicons and gazetteers, no model download.

    Raises ValueError at construction for an unknown component or one whose ``requires`` no earlier
    component of ``pipeline`` assigns (see :func:`check_order`).
    """

    def __init__(self, pipeline: tuple[str, ...] = DEFAULT_PIPELINE) -> None:
        check_order(pipeline)
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
        tenure_dates,
    )


def extract(article: Article) -> Facts:
    """Extract facts from one article with the default pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = RuleExtractor()
    return _DEFAULT(article)


_DEFAULT: RuleExtractor | None = None

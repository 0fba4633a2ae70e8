"""Terms of a post: the articles' statements about one (person, role, organisation), cut into tenures.

Each article says something about a post on a date (its :class:`Statement`): it holds it
(``current``), took it up (``appointed``, ``elected``), left it (``retired``, or an end date the
text states) or held it before (``former``, "nguyên").  :func:`split_terms` sorts a post's
statements by date and cuts them into terms: a statement that holds or takes up the post after the
term before it ended starts a new term, so a person retired in 2019 and appointed again in 2022
has two.  A term begins on the earliest start an article gives in it, and ends on the end an
article gives (an open end stays open); dates keep their precision (``2022-03-01``, ``2022-03``,
``2022``).  Pure: no store, no RDF (:mod:`libkg.rdf.tenures` writes the triples).

>>> terms = split_terms([
...     Statement("a1", "2015-04-02", "appointed", start="2015-04-02", stated=True),
...     Statement("a2", "2019-06-30", "retired", end="2019-06-30"),
...     Statement("a3", "2022-03-01", "appointed", start="2022-03-01", stated=True),
...     Statement("a4", "2023-10-05", "current")])
>>> [(t.begin, t.end, t.first, t.last, t.articles) for t in terms]
[('2015-04-02', '2019-06-30', '2015-04-02', '2019-06-30', ('a1', 'a2')), ('2022-03-01', None, '2022-03-01', '2023-10-05', ('a3', 'a4'))]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Statement", "Term", "precision", "split_terms", "statement_from_values"]

# a graph stating several statuses for one post: the one that says most about its term
_STATUS_RANK = ("retired", "elected", "appointed", "current", "former")
# on one date: take up, hold, then leave the post; a "former" statement comes last
_ORDER = {"appointed": 0, "elected": 0, "current": 1, "retired": 2, "former": 3}
_OPENS = ("current", "appointed", "elected")


@dataclass(frozen=True)
class Statement:
    """What one article says about a post: ``date`` (the one the text states, else the publication
    day; "" for an article without a date, which sorts first), ``status``, the ``start`` / ``end`` it gives, whether the date is stated in the text."""

    article: str
    date: str
    status: str = "current"
    start: str | None = None
    end: str | None = None
    stated: bool = False
    term: str | None = None

    @property
    def ends(self) -> bool:
        """Does this statement close the post (retirement, an end date, "nguyên")?"""
        return self.status in ("retired", "former") or self.end is not None

    @property
    def opens(self) -> bool:
        return self.status in _OPENS and self.end is None


@dataclass
class Term:
    """One tenure: its statements in date order, its begin and end (None: unknown or open)."""

    statements: list[Statement] = field(default_factory=list)
    begin: str | None = None
    begin_stated: bool = False
    end: str | None = None
    end_stated: bool = False
    ended: bool = False  # closed, though its end date may be unknown ("nguyên")

    @property
    def first(self) -> str | None:
        dates = [s.date for s in self.statements if s.status != "former" and s.date]
        return min(dates, key=_date_key) if dates else None

    @property
    def last(self) -> str | None:
        dates = [s.date for s in self.statements if s.status != "former" and s.date]
        return max(dates, key=_date_key) if dates else None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({s.article for s in self.statements}))

    @property
    def terms_written(self) -> tuple[str, ...]:
        return tuple(sorted({s.term for s in self.statements if s.term}))

    def add(self, s: Statement) -> None:
        self.statements.append(s)
        if s.start is not None and self.begin is None:
            self.begin, self.begin_stated = s.start, s.stated
        if s.end is not None and self.end is None:
            self.end, self.end_stated = s.end, s.stated
        if s.ends:
            self.ended = True


def precision(date: str) -> str:
    """"day", "month" or "year" of an ISO date, year-month or year."""
    return {10: "day", 7: "month"}.get(len(date), "year")


def _date_key(date: str) -> tuple[str, int]:
    """Sort key: a date, month or year sorts at its start, the less precise first on a tie."""
    return date, len(date)


def _sort_key(s: Statement) -> tuple:
    return _date_key(s.date), _ORDER.get(s.status, 1), s.article


def split_terms(statements: Iterable[Statement]) -> list[Term]:
    """The terms of one post, in date order (see the module)."""
    terms: list[Term] = []
    for s in sorted(statements, key=_sort_key):
        cur = terms[-1] if terms else None
        if cur is None or (cur.ended and s.opens):
            cur = Term()
            terms.append(cur)
        cur.add(s)
    return terms


def statement_from_values(article: str, values: dict[str, list[str]]) -> Statement:
    """What one article graph says about a post, as one statement, from the values of its
    ``lkg:`` properties by local name (``{"status": ["appointed"], "attestedOn": ["2022-03-01"], ...}``).

    >>> statement_from_values("a1", {"status": ["appointed"], "attestedOn": ["2022-03-01"],
    ...                               "startDate": ["2022-03-01"], "dateStated": ["true"]}).start
    '2022-03-01'
    """
    statuses = values.get("status", [])
    status = next((s for s in _STATUS_RANK if s in statuses), "current")
    dates = values.get("attestedOn") or values.get("formerOn") or []
    starts, ends, terms = values.get("startDate", []), values.get("endDate", []), values.get("term", [])
    return Statement(article, min(dates) if dates else (min(starts) if starts else ""), status,
                     start=min(starts) if starts else None, end=max(ends) if ends else None,
                     stated="true" in values.get("dateStated", []), term=min(terms) if terms else None)

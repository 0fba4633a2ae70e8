"""Pipeline component ``tenure_dates``: the date the text states for a post, instead of the publication day.

``positions`` dates every post with the article's publication date.  This component looks, for each
position, at the dates the ``dates`` component found in the sentence that states it, and keeps one
the text ties to the post:

* a date right after the post, in the same clause (no comma, semicolon or colon between, at most a
  few words), after a cue of ``data/lexicon/tenure_date_cues.tsv``: "giữ chức Giám đốc Thư viện tỉnh
  X từ ngày 01/3/2022" (start), "..., Phó Giám đốc X nghỉ hưu kể từ tháng 2/2022" (end: the status
  becomes ``retired``);
* for appointment, election and retirement news (status ``appointed``, ``elected``, ``retired``), a
  date after such a cue later in the sentence, no other person named between ("bổ nhiệm bà A giữ
  chức Giám đốc X, thời hạn bổ nhiệm 05 năm kể từ ngày 01/3/2022"); else the one date of the
  sentence when the sentence names the act (``tenure_date_events.tsv``): "Ngày
  5/1/2024, UBND tỉnh bổ nhiệm bà A giữ chức ...", "Năm 2019, ông B được bầu làm Chủ tịch ...";
  two candidate dates in such a sentence are ambiguous and none is taken.

A date after a blocker (``tenure_date_blockers.txt``: "nhiệm kỳ 2021-2026", already the term;
"sinh năm") is never taken.  The precision is the text's (``2022-03-01``, ``2022-02``, ``2019``).
The position then has ``date`` that date, ``date_stated`` True and ``date_kind`` "start", "end"
or "at"; a position with no such date keeps the publication day (``date_stated`` False).
"""

from __future__ import annotations

import re
from functools import lru_cache

from libkg.extract.facts import Evidence, Position
from libkg.extract.lexicon import phrases
from libkg.extract.mentions import DateMention
from libkg.extract.pipeline import Doc, component
from libkg.normalize import nfc
from libkg.resources import read_tsv

__all__ = ["stated_date", "tenure_dates"]

MAX_GAP_WORDS = 6  # words between the post and the cue before its date
LOOK_BACK = 48  # characters before a date searched for its cue
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\n]")
_NEWS = ("appointed", "elected", "retired")  # statuses of news reporting one act


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, str], ...]:
    """(phrase, kind) of the cue words, longest phrase first."""
    rows = [(nfc(r[0]).strip().lower(), r[1].strip()) for r in read_tsv("lexicon", "tenure_date_cues.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _events() -> tuple[tuple[str, str], ...]:
    rows = [(nfc(r[0]).strip().lower(), r[1].strip()) for r in read_tsv("lexicon", "tenure_date_events.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _blockers() -> tuple[str, ...]:
    return tuple(nfc(p).lower() for p in phrases("tenure_date_blockers.txt"))


def _ends_with(text: str, phrase: str) -> bool:
    """Does ``text`` end with the word(s) ``phrase`` (a word boundary before it)?"""
    if not text.endswith(phrase):
        return False
    k = len(text) - len(phrase)
    return k == 0 or not text[k - 1].isalnum()


def _before(text: str, m: DateMention, floor: int) -> str:
    """The lower-cased text right before date mention ``m`` (from ``floor`` at most), trailing space cut."""
    return text[max(floor, m.start - LOOK_BACK):m.start].lower().rstrip()


def _cue(before: str) -> str | None:
    """The kind of the cue phrase ``before`` ends with, or None."""
    for phrase, kind in _cues():
        if _ends_with(before, phrase):
            return kind
    return None


def _usable(m: DateMention, text: str, floor: int) -> bool:
    """A date that can date a post: a calendar date (not relative), not after a blocker."""
    if not m.start_date or m.relative or m.precision == "relative":
        return False
    before = _before(text, m, floor)
    return not any(_ends_with(before, b) for b in _blockers())


def _after_post(text: str, ev: Evidence, m: DateMention, floor: int) -> str | None:
    """The cue kind of a date right after the post in the same clause, else None."""
    if m.start < ev.end:
        return None
    gap = text[ev.end:m.start]
    if _CLAUSE_BREAK.search(gap) or len(gap.split()) > MAX_GAP_WORDS:
        return None
    return _cue(_before(text, m, max(floor, ev.end)))


def _event_kind(clause: str) -> str | None:
    for phrase, kind in _events():
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", clause):
            return kind
    return None


def _cued_later(doc: Doc, ev: Evidence, m: DateMention, floor: int) -> str | None:
    """The cue kind of a date after the post in its sentence, no other person named between
    ("bổ nhiệm bà A giữ chức Giám đốc X, thời hạn bổ nhiệm 05 năm kể từ ngày 01/3/2022")."""
    if m.start < ev.end or any(ev.end <= p.start < m.start for p in doc.person_mentions):
        return None
    return _cue(_before(doc.text, m, floor))


def _candidates(doc: Doc, pos: Position, ev: Evidence) -> list[tuple[int, int, str, str]]:
    """(rank, offset, date, kind) of the dates one sentence stating ``pos`` gives it; rank 0 is best."""
    text = doc.text
    s, e = doc.sentence_at(ev.start)
    dates = [m for m in doc.date_mentions if s <= m.start and m.end <= e and _usable(m, text, s)]
    out = []
    for m in dates:
        kind = _after_post(text, ev, m, s)
        if kind is not None:
            out.append((0, m.start, m.start_date or "", kind))
        elif pos.status in _NEWS and (kind := _cued_later(doc, ev, m, s)) is not None:
            out.append((1, m.start, m.start_date or "", kind))
    if pos.status in _NEWS and len(dates) == 1 and (kind := _event_kind(text[s:e].lower())) is not None:
        out.append((2, dates[0].start, dates[0].start_date or "", "end" if pos.status == "retired" else kind))
    return out


def stated_date(doc: Doc, pos: Position) -> tuple[str, str] | None:
    """(date, kind) the text states for ``pos`` in one of its sentences, else None (see the module):
    a cue right after the post first, then a cue later in an appointment's sentence, then the one
    date of a sentence naming the act."""
    found = [c for ev in pos.evidence for c in _candidates(doc, pos, ev) if c[2]]
    if not found:
        return None
    _, _, date, kind = min(found)
    return date, kind


@component("tenure_dates", requires=("text", "sentences", "person_mentions", "positions", "date_mentions"),
           assigns=("positions",))
def tenure_dates(doc: Doc) -> None:
    """Give each position the date its sentence states for it (see the module)."""
    for pos in doc.positions:
        found = stated_date(doc, pos)
        if found is None:
            continue
        pos.date, pos.date_kind = found
        pos.date_stated = True
        if pos.status == "retired":  # "nghỉ hưu ... kể từ ngày X": the date a retirement states is its end
            pos.date_kind = "end"
        elif pos.date_kind == "end" and pos.status == "current":
            pos.status = "retired"

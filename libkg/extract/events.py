"""Pipeline component ``events``: one event per distinct happening the article reports.

Every Vietnamese word it reads lives in ``data/lexicon/``: ``event_triggers.tsv`` (trigger
patterns by kind), ``event_patterns.tsv`` (the clause patterns, one documented row each) and
``event_phrases.tsv`` (phrase families).  How it reads an article (content sentences in order):

* **Triggers** (kinds are the concepts of ``ontology/vocab/event-kinds.ttl``): head nouns that
  name an event ("Hội nghị", "Tọa đàm", "Lễ", "Cuộc thi", "Tuần lễ" ...), verbs of a happening
  ("trưng bày", "ra mắt", "trao tặng / bàn giao / tiếp nhận ... sách", "tham quan", "chào xã giao",
  "khánh thành", "dâng hoa", "xe thư viện lưu động ... phục vụ"), "chương trình" whose kind comes
  from its name, the headline or the book gift made at it.  "Lễ khai mạc/hưởng ứng X" is the event
  X, "Lễ trao tặng sách" the gift; "tổng kết, trao giải" one award ceremony; "dâng hoa và tham
  quan" a visit; "trao giải nhất cho ..." prizes inside a contest, no ceremony.
* **When a trigger makes an event**: in a sentence that is anchored (an event date, a sub-event
  cue such as "Trong khuôn khổ", "Dịp này", "Bên cạnh đó", "Chiều cùng ngày", "Cũng tại buổi lễ",
  a list of the activities of the event in focus, or the lead), or right after "tổ chức" /
  "tham gia" / "phát động".  Triggers inside quoted titles, organisation names, reported speech
  ("cho biết: ..." - but "cho biết tại buổi lễ X" names the occasion X), statistics and plans
  ("Năm 2022, ...", "đến nay", "sẽ"), purposes ("để trao giải") make none; nor do generic
  mentions ("hội thảo này", "Hội nghị thường niên của X", a "Ngày Sách" without edition, year or
  date), nor practices and counts ("thường xuyên tổ chức trưng bày", "tổ chức 5 hội thi"), holidays ("các ngày
  lễ lớn") or a day named in parentheses to gloss a date ("ngày 21/4 (Ngày Sách ...)").  A later mention of an
  event already made ("Tham dự Hội nghị", "Tại Tọa đàm", a bare head "khai mạc Liên hoan", "Hội thi lần này")
  refers to it - a main event reported as "cuộc họp" and then called "Hội nghị" is one conference - unless
  it names another edition or contest, or opens an item of an enumeration ("như: Hội thi A; Cuộc thi B"); a
  head naming two kinds ("Liên hoan": a contest or a festival) keeps the kind the text gave it first.  A room
  ("phòng trưng bày", "phòng hội nghị") is a place, no event; work as a qualifier ("trụ sở làm việc với ...") is no
  visit; a trigger right after "nhằm" / "để" names a purpose ("nhằm gặp mặt bạn đọc").  The next item of a list of
  events in one sentence ("tổ chức cuộc thi A, cuộc thi B", "khai mạc Hội sách và trưng bày X") is an event of
  its own.
  A body that never names its event reports the one its headline names.
* **Events beside the one told** (a training course's opening is its first session, no ceremony): an opening the
  headline reports ("Khai mạc X") or the text names a
  ceremony ("tổ chức Lễ khai mạc X") or tells as a session ("khai mạc trưng bày", then "tại lễ khai mạc") is a
  ceremony beside X; a named event another is held for ("chào mừng thành công Đại hội ... lần thứ XIV")
  is kept apart, dated only by a year in its name; the named contest an award ceremony closes,
  told nowhere else, runs in the year its name gives.  An event a plan names ("kế hoạch tổ chức X
  năm 2021", the items of a list after "kế hoạch tổ chức ... như:") runs in the year its name or the
  plan gives, with neither the date nor the venue of the meeting that planned it.  A festival the
  reported event responds to ("hưởng ứng Ngày Sách ..."), a contest whose prizes are given ("trao giải
  thưởng Cuộc thi X") or whose works are shown ("tranh từ Cuộc thi X") is not held within the event
  in focus: it takes neither its day nor its venue.
* **Dates**: the event date of the clause (``doc.date_mentions``); a relative date
  ("cùng ngày") is the last event's date; a sub-event without one takes its frame's; an event
  named undated first (headline, caption) takes its first dated mention's; an undated lead held
  for an anniversary "(…/1945 - …/2025)" the anniversary's year; a later dated mention inside
  the lead's interval dates a secondary event; "X diễn ra từ A đến B" sets start and end;
  "mở cửa đến hết ngày ..." and "X kết thúc vào ngày ..." the end; "phát động từ ngày A đến ngày B"
  the run of a contest awarded undated.  An event dated nowhere runs in the year its name gives, or,
  on a page without a date of its own, the year the headline gives the events it names; a main event
  dated nowhere and without a year in its name happens on the first event day (or month) the body gives
  after it within the next two sentences (``_UNDATED_LEAD_REACH``), or in the sentence right before the first
  event (a day no event claims).
  ``Event.year_inferred``: no mention of the event's date writes its year.
* **Place** (rules in ``_PLACE_RULES``): a site visited, "tại X" after the trigger (an
  institution "tại Trường Y" when longer than the place; a venue "tại X" leading the clause beats a town
  after the trigger), "tại X" leading the clause, a gift's recipient ("tặng sách cho xã X"), for the
  lead the most specific place named plainly (never the country, a qualifier of an organisation,
  a member of a list or a word of a quoted title), else the frame's; a later "X tại Y" fills a
  missing venue, a later "diễn ra tại Y, X ..." replaces a town by the venue Y; none for a competition
  launched ("phát động"); an online event only a hall (also one a later sentence holds it in); never a
  country (the scope, "tại Việt Nam"), where delegates come from, or one of a list; the main event told
  without a place is held at the venue its headline gives.
* **Participants**: persons of the sentences an event is in focus for (``doc.person_mentions``) and of
  the sentence right before the first event (``_PENDING_SENTENCES``),
  not those quoted ("Theo bà X"), thanked, elected, credited for a photo, whose works are shown, nor a
  name inside an organisation's or place's; prize winners also go to the competition and the award
  ceremony.  **Organizers**: organisations before "tổ chức" and "đơn vị đăng cai".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import TypeVar

from libkg.extract.facts import Event, Evidence
from libkg.extract.lexicon import finite_strings, literal_alternation, lowered
from libkg.extract.mentions import DateMention, OrgMention, PersonMention, PlaceMention
from libkg.extract.pipeline import Doc, component
from libkg.extract.spans import Cover
from libkg.normalize import new_tone_placement
from libkg.resources import read_tsv

_M = TypeVar("_M", DateMention, OrgMention, PersonMention, PlaceMention)  # a kind of mention on the Doc


def _pattern(name: str) -> re.Pattern[str]:
    """A pattern of ``data/lexicon/event_patterns.tsv`` (its Vietnamese words live there), compiled once."""
    return re.compile(_patterns()[name])


@lru_cache(maxsize=1)
def _patterns() -> dict[str, str]:
    return {name: pattern for name, pattern, *_ in read_tsv("lexicon", "event_patterns.tsv")}


# clause tests of the main loop, compiled once (an inline re.search looks its pattern up on every call)
_ORGANISED_BEFORE = _pattern("organised_before")
_TRIPS_BEFORE = _pattern("trips_before")
_JOINER = _pattern("joiner")
_AT_GATHERING = _pattern("at_gathering")
_AT_SESSION_BEFORE = _pattern("at_session_before")
_OPENING_AFTER = _pattern("opening_after")
_SESSION_AT_BEFORE = _pattern("session_at_before")
_OPENING_SENTENCE = _pattern("opening_sentence")
_HELD_AFTER = _pattern("held_after")
_GIFT_AFTER = _pattern("gift_after")
_COORD_END = _pattern("coord_end")
_AFTER_VERB = _pattern("after_verb")
_AT_PLACE_AFTER = _pattern("at_place_after")
_ONLINE = _pattern("online")
_RECIPIENT_BEFORE = _pattern("recipient_before")
_AT_VENUE = _pattern("at_venue")
_AT_PLACE_BEFORE = _pattern("at_place_before")
_ORGANISING_VERB = _pattern("organising_verb")
_HOST_BEFORE = _pattern("host_before")
_MEMBER_BEFORE = _pattern("member_before")
_DATELINE = re.compile(r"^\W*(?:\(\w+\)\s*-\s*)?(?:[\w ]{1,20}\s-\s)?")
_AT_PROGRAM = _pattern("at_program")
_OPEN_UNTIL = _pattern("open_until")

_PENDING_SENTENCES = 1  # how far before the first event a person still attends it (the sentence right before;
# stop 21: 2 gave pooled unseen participants one false pair more, and tests/data one)
_SPECIFIC = {"Site": 0, "Other": 1, "Commune": 1, "District": 2, "City": 3, "Province": 4, "Region": 5,
             "Country": 6}
_CUE = _pattern("cue")
_UNDATED_CUE = _pattern("undated_cue")
# statistics and plans: an opening ("Năm 2022, ...") or a phrase anywhere ("đến nay"); two patterns, as
# one alternation with "^" the engine would enter the pattern at every position of the sentence
_STAT_OPENING = _pattern("stat_opening")
_STAT_ANYWHERE = _pattern("stat_anywhere")
# reported speech and plans; \b...\b around words that start and end with a letter is (?<!\w)...(?!\w),
# written so that the engine scans for the first letters only
_REPORT = _pattern("report")
_NOT_REPORT_AFTER = _pattern("not_report_after")
_CREATE = _pattern("create")
_OPENING = _pattern("opening")
_REF_BEFORE = _pattern("ref_before")
_END_BEFORE = _pattern("end_before")
_CLOSING_BEFORE = _pattern("closing_before")
_AWARDED_BEFORE = _pattern("awarded_before")
_RECENT_ORGANISED = _pattern("recent_organised")
_RESPONDED_BEFORE = _pattern("responded_before")
_OF_BEFORE = _pattern("of_before")
_HELD_AT_BEFORE = _pattern("held_at_before")
_FROM_BEFORE = _pattern("from_before")
_FROM_OK = _pattern("from_ok")
_BOOKS = _pattern("books")
_PRIZE = _pattern("prize")
_PHUCVU = _pattern("phucvu")
_TERM = _pattern("term")
_COUNT_PEOPLE = _pattern("count_people")
_COUNT_BOOKS = _pattern("count_books")
_DIGIT = re.compile(r"\d")
_NO_OBJECT = re.compile(r"\s*(?:[.;:)!?]|$)")
_CONTEST = _pattern("contest")
_EDITION = _pattern("edition")
_NAME_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DAY_GLOSS = re.compile(r"\s*\(\s*(?P<d>\d{1,2})\s*[/.]\s*(?P<m>\d{1,2})\s*\)")  # "(21/4)", "(21.4)"
_SPACES = re.compile(r"\s+")
_LIST_JOINER = _pattern("list_joiner")
_ENUM_JOINER = _pattern("enum_joiner")
_PLURAL_BEFORE = _pattern("plural_before")
_PURPOSE_BEFORE = _pattern("purpose_before")
_COUNT_AFTER = _pattern("count_after")
_PUNCT = re.compile(r"[,;:]|\.(?!\d)")  # (not the dot of a number: "2.000 cuốn sách")
_QUOTE = re.compile(r"[“\"][^”\"\n]{1,200}[”\"]")
_TRIBUTE_VISIT = _pattern("tribute_visit")
_OPENING_OF = _pattern("opening_of")
_OPENED_KINDS = ("Festival", "Exhibition", "Competition", "Training", "Conference", "Workshop", "Seminar",
                 "SportsEvent", "Launch", "BookDonation")
# kinds whose opening is a ceremony of its own beside them (a course's opening is its first session)
_CEREMONY_OPENED = tuple(k for k in _OPENED_KINDS if k != "Training")
# the look-ahead is the set of characters a match can start with: it rejects most positions before the
# engine enters "\s*" and the alternation
_LABEL_END = _pattern("label_end")
_LIST_ITEM = re.compile(r"\s*[-+•*–]\s")
_NAME_AFTER_HEAD = re.compile(r"\s+(?:[\"“]|[^\W\d_]*[A-ZĐÀ-Ỹ]|\d)")  # a capitalised word, a quote or a number: a name
_ITEM_START = re.compile(r"[:;]\s*\Z")  # (searched up to a trigger: it opens an item of an enumeration)
_NOT_ATTENDING = _pattern("not_attending")
_ELECTED_AFTER = _pattern("elected_after")
_PERSON_JOINER = _pattern("person_joiner")
_ORIGIN_BEFORE = _pattern("origin_before")
# a measure word between a count and the happenings it counts ("12 cuộc triển lãm"), then the trigger
_COUNT_UNIT = r"\s+(?:(?:cuộc|buổi|lớp|đợt|lần|chương trình)\s+)?$"
_COUNTED_BEFORE = re.compile(r"(?<![\d.,/])(?!0*1\s)\d+" + _COUNT_UNIT)  # ("01 lớp tập huấn": one)


@dataclass
class _Trigger:
    kind: str
    role: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _triggers() -> list[_Trigger]:
    out = []
    for kind, role, pattern, *_ in read_tsv("lexicon", "event_triggers.tsv"):
        out.append(_Trigger(kind, role, re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])")))
    return out


@lru_cache(maxsize=1)
def _trigger_re() -> re.Pattern[str]:
    """All triggers in one pattern (file order decides between alternatives at one position)."""
    rows = [(kind, role, pattern) for kind, role, pattern, *_ in read_tsv("lexicon", "event_triggers.tsv")]
    parts = [f"(?P<t{i}>{pattern})" for i, (_k, _r, pattern) in enumerate(rows)]
    # the first letter of every word of every trigger: a superset of the letters a trigger starts with
    firsts = "".join(sorted({ch for _k, _r, p in rows for ch in re.findall(r"(?<![^\W\d_])[^\W\d_]", p)}))
    return re.compile(r"(?=[" + firsts + r"])(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")


@lru_cache(maxsize=1)
def _trigger_prefilter() -> re.Pattern[str] | None:
    """Where a trigger can start: the strings of every trigger pattern (look-arounds dropped) as one
    literal alternation the regex engine scans fast; None if a pattern is not a small finite one."""
    words: set[str] = set()
    for _kind, _role, pattern, *_ in read_tsv("lexicon", "event_triggers.tsv"):
        strings = finite_strings(pattern)
        if strings is None:
            return None
        words.update(strings)
    return re.compile(literal_alternation(sorted(words)))


def _trigger_matches(seg: str) -> list[re.Match[str]]:
    """``_trigger_re().finditer(seg)``, trying the full pattern only where the prefilter says a
    trigger can start (it matches wherever the full pattern does, so nothing is lost)."""
    full = _trigger_re()
    pre = _trigger_prefilter()
    if pre is None:
        return list(full.finditer(seg))
    out = []
    pos = 0
    while (c := pre.search(seg, pos)) is not None:
        m = full.match(seg, c.start())
        if m is not None:
            out.append(m)
            pos = m.end()
        else:
            pos = c.start() + 1
    return out


@cache
def _phrases(family: str) -> tuple[str, ...]:
    """The phrases of one family of ``data/lexicon/event_phrases.tsv``."""
    return tuple(p for fam, p, *_ in read_tsv("lexicon", "event_phrases.tsv") if fam == family)


@cache
def _phrase_re(family: str, before: str = "", after: str = r"(?!\w)") -> re.Pattern[str]:
    """One family's phrases as a pattern, between ``before`` and ``after``."""
    phrases = sorted(_phrases(family), key=len, reverse=True)
    return re.compile(before + literal_alternation(phrases) + after if phrases else "(?!)")


def _has(family: str, text: str) -> bool:
    """Does ``text`` contain a phrase of the family?"""
    return any(p in text for p in _phrases(family))


def _find(family: str, text: str) -> int:
    """Where the first phrase of the family occurs in ``text`` (-1: none)."""
    return min((i for i in (text.find(p) for p in _phrases(family)) if i >= 0), default=-1)


@cache
def _required(family: str) -> str:
    """Regex source: one of the family's phrases (a whole word) and spaces ("lễ ")."""
    return r"(?:" + literal_alternation(list(_phrases(family))) + r"\s+)"


@cache
def _opening_ceremony_re() -> re.Pattern[str]:
    """"lễ khai mạc ": a ceremony head, then an opening word."""
    return _phrase_re("opening", _required("ceremony_head"), r"\s+")


@cache
def _optional_run(family: str) -> str:
    """Regex source: any number of the family's phrases, each followed by spaces."""
    return r"(?:" + literal_alternation(list(_phrases(family))) + r"\s+)*"


def _optional(family: str) -> str:
    """Regex source: one of the family's phrases and spaces, or nothing."""
    return r"(?:" + literal_alternation(list(_phrases(family))) + r"\s+)?"


def lower_fold(text: str) -> str:
    """Lower case with the new tone placement, same length as ``text`` (offsets keep)."""
    return new_tone_placement(text.lower())


@dataclass
class _Hit:
    start: int
    end: int
    kind: str
    role: str
    label_end: int = 0
    absorbed: bool = False
    joined: bool = False  # several triggers merged into one ("dâng hoa, dâng hương")


@dataclass(eq=False)
class _Ev:
    ev: Event
    start_pos: int
    primary: bool = False
    lead_interval: tuple[str, str] | None = None
    secondary: bool = False
    launched: bool = False  # "phát động": a competition with no single place
    opening: bool = False  # the opening ceremony of another event (never a frame, never merged into)
    opens: _Ev | None = None  # for an opening ceremony: the event it opens
    persons: list[str] = field(default_factory=list)
    within: _Ev | None = None  # the event it is held within, when that one had no place yet


@dataclass
class _PlaceQuery:
    """Where to look for the place of the event whose trigger is ``h`` (sentence ``s``-``e``)."""
    s: int
    e: int
    h: _Hit
    nxt: int  # the next trigger
    clause_start: int
    lead: bool
    inside: list[PlaceMention]  # the sentence's place mentions outside quoted titles


@dataclass
class _Sent:
    """One content sentence being read: its tests, computed once, and the events it makes or names."""
    sents: list[tuple[int, int]]
    idx: int
    s: int
    e: int
    seg: str
    body: str  # the sentence without a leading dateline
    cue: bool  # a sub-event cue opens it ("Trong khuôn khổ", "Dịp này" ...)
    stat: bool  # statistics or plans
    report: re.Match[str] | None  # the first reported-speech word
    dates: list[DateMention]  # event dates in it
    lead: bool  # no event made yet
    hits: list[_Hit]
    anchored: bool  # a trigger here makes an event even without "tổ chức"
    undated: bool  # "Vừa qua, ...": a recent event with no date of its own
    plan_at: int = -1  # where a plan opens ("kế hoạch tổ chức ..."): triggers after it name planned events
    created: list[_Ev] = field(default_factory=list)
    referenced: list[_Ev] = field(default_factory=list)


class _Reader:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        low = lowered(doc)  # text.lower(), already made for the organisations component
        self.low = lower_fold(doc.text) if low is None else new_tone_placement(low)
        # mentions in text order, with their starts: the ones of a span are a slice (``_in``), not a scan
        self.dates = _by_start(d for d in doc.date_mentions if d.precision != "year")
        self.all_places = _by_start(doc.place_mentions)
        # a country is the scope ("văn hóa đọc tại Việt Nam"), never where a library event happens
        self.places = [p for p in self.all_places if p.kind != "Country"]
        self.persons = _by_start(doc.person_mentions)
        self.orgs = _by_start(doc.org_mentions)
        self.starts: dict[int, list[int]] = {
            id(x): [m.start for m in x] for x in (self.dates, self.places, self.persons, self.orgs)}
        self.org_cover = Cover((o.start, o.end) for o in self.orgs)
        self.place_cover = Cover((p.start, p.end) for p in self.places)
        self.events: list[_Ev] = []
        self.focus: _Ev | None = None
        self.last_date: str | None = None
        self.carry: tuple[str | None, str | None] | None = None  # a date line's date for the next event
        self.carry_place: str | None = None
        self.pending_persons: list[tuple[int, str]] = []  # (sentence index, name) before any event
        self.plan_list: str | None = None  # "kế hoạch ... trong năm 2012 như:": the items below are planned (its year)
        self.item_list: _Ev | None = None  # "X gồm các hoạt động:" then "- Triển lãm ...": activities of X below
        self.list_items: list[tuple[_Ev, _Ev]] = []  # (an activity listed, the event it belongs to)
        self.occasions: list[Event] = []  # named events others are held for (see _occasion)
        title = doc.title
        if title is not None:
            self.title = self.low[title[0]:title[1]]
        else:
            self.title = lower_fold(doc.article.title or "")

    # ------------------------------------------------------------------ helpers

    def _in(self, mentions: list[_M], a: int, b: int) -> list[_M]:
        """The mentions (``self.dates``, ``places``, ``persons`` or ``orgs``) that start in ``a:b``."""
        starts = self.starts[id(mentions)]
        return mentions[bisect_left(starts, a):bisect_left(starts, b)]

    def sentences(self) -> list[tuple[int, int]]:
        """The content sentences; the raw text's lines cut at sentence ends only when the ``sentences``
        component has not run (after it, none means a page of furniture: no event)."""
        if self.doc.sentences or self.doc.segmented:
            return list(self.doc.sentences)
        out, pos = [], 0
        title = (self.doc.article.title or "").strip()
        for line in self.text.split("\n"):
            if title and line.strip() == title:
                title, pos = "", pos + len(line) + 1  # the headline is not a sentence
                continue
            for m in re.finditer(r"[^.!?]+[.!?]*", line):
                if m.group(0).strip():
                    out.append((pos + m.start(), pos + m.end()))
            pos += len(line) + 1
        return out

    def hits(self, s: int, e: int) -> list[_Hit]:
        """The event triggers of the sentence ``s:e`` that name an event of their own."""
        merged = self._merge_adjacent(self._raw_hits(s, e))
        self._absorb(merged, e)
        return [h for h in merged if not h.absorbed]

    def _raw_hits(self, s: int, e: int) -> list[_Hit]:
        seg = self.low[s:e]
        quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(self.text, s, e)]
        found: list[_Hit] = []
        trig = _triggers()
        for m in _trigger_matches(seg):
            t = trig[int(m.lastgroup[1:])]  # type: ignore[index]
            a, b = m.start() + s, m.end() + s
            if self._hit_ok(t, a, b, s, e, quotes):
                found.append(_Hit(a, b, t.kind, t.role))
        found.sort(key=lambda h: h.start)
        return found

    def _hit_ok(self, t: _Trigger, a: int, b: int, s: int, e: int, quotes: list[tuple[int, int]]) -> bool:
        for qa, qb in quotes:  # inside a quoted title (one opening on it is fine, unless it names a work)
            if qa + 1 < a < qb or (qa + 1 == a and _phrase_re("work", "", r"\s*$").search(self.low, max(s, qa - 20), qa)):
                return False
        if self.org_cover.covers(a, b) or self._date_gloss(s, a):
            return False
        left = self.low[max(s, a - 40):a]
        if t.role == "lead" and not _ORGANISED_BEFORE.search(left):
            return False
        check = _KIND_CHECKS.get(t.kind)
        return check is None or check(self, t, a, b, e, left)

    def _date_gloss(self, s: int, a: int) -> bool:
        """Is ``a`` inside parentheses that gloss the date right before them ("ngày 21/4 (Ngày Sách ...)")?"""
        open_at = self.text.rfind("(", s, a)
        if open_at < 0 or ")" in self.text[open_at:a]:
            return False
        return any(not self.text[d.end:open_at].strip() for d in self._in(self.dates, max(s, open_at - 40), open_at))

    def _gift_ok(self, t: _Trigger, a: int, b: int, e: int, left: str) -> bool:
        """"trao tặng ... sách": a gift of books (not of presents or certificates)."""
        window = self.low[b:min(e, b + 90)]
        book = _BOOKS.search(window)
        if book and self.low[a:b] in _phrases("handover") and (book.start() > 40 or _PUNCT.search(window, 0, book.start())):
            return False  # "bàn giao 24 tủ sách": the books right after the verb
        if not book or _has("not_a_book_gift", window[:book.start()]):
            return False
        return not (self.low[a:b] == "trao" and not _GIFT_AFTER.match(self.low[b:b + 8]))

    def _service_ok(self, t: _Trigger, a: int, b: int, e: int, left: str) -> bool:
        """"xe thư viện lưu động ... phục vụ" or "tổ chức đưa xe thư viện lưu động": a mobile-library run
        (not "N chuyến" counted); "tổ chức luân chuyển N bản sách": a book rotation (a count follows)."""
        if t.role == "lead":
            return self.low[a:b] not in _phrases("count_lead") or bool(_COUNT_AFTER.match(self.low, b))
        if t.role != "verb" or _TRIPS_BEFORE.search(left):
            return t.role != "verb"
        if self.low.startswith(_phrases("rotation"), a):
            return self._rotation_ok(a, b, e)
        return bool(_PHUCVU.match(self.low[b:e])) or bool(
            _phrase_re("service_lead", "", r"\s+$").search(left))

    def _rotation_ok(self, a: int, b: int, e: int) -> bool:
        """"Ngày 14/10, thư viện luân chuyển sách / 1.800 bản sách đến ...": a book rotation dated in its
        sentence (undated, it is the yearly figures of a report)."""
        if not (_COUNT_AFTER.match(self.low, b) or _phrase_re("rotated", r"\s+").match(self.low, b)):
            return False
        s = max(self.text.rfind(". ", 0, a), self.text.rfind("\n", 0, a)) + 1
        return any(not d.non_event for d in self._in(self.dates, s, e))

    def _tribute_ok(self, t: _Trigger, a: int, b: int, e: int, left: str) -> bool:
        """"dâng hoa và tham quan X" is a visit, not a ceremony; "trao giải nhất cho ..." hands out prizes
        within a contest, no ceremony of its own."""
        if self.low[a:b] in _phrases("tribute") and _TRIBUTE_VISIT.match(self.low[b:b + 30]):
            return False
        return t.role != "verb" or not _phrase_re("prize_rank", r"\s+").match(self.low, b)

    def _visit_ok(self, t: _Trigger, a: int, b: int, e: int, left: str) -> bool:
        """"tham quan" a site is a visit; the public touring a display ("tham quan gian trưng bày"), reading
        there ("đến tham quan, đọc sách") or drawn to see it ("thu hút bạn đọc tham quan") is not; nor is work as a
        qualifier of a place or a time ("trụ sở làm việc với 4 tầng", "giờ làm việc")."""
        if _phrase_re("workplace", r"(?<!\w)", r"\s+$").search(left):
            return False
        if not self.low[a:b].endswith(_phrases("tour")):
            return True
        if _has("attracting", left[max(left.rfind(","), left.rfind(";")) + 1:]):
            return False
        if _NO_OBJECT.match(self.low, b, e):
            return False  # toured nothing named: the public looking around
        rest = self.low[b:min(e, b + 40)]
        return not _phrase_re("seen_by_public", r"[\s,]*" + _optional_run("tour_site_opener")).match(rest)

    def _merge_adjacent(self, found: list[_Hit]) -> list[_Hit]:
        """Adjacent triggers of one kind are one ("dâng hoa, dâng hương"; "Triển lãm trưng bày")."""
        merged: list[_Hit] = []
        for h in found:
            last = merged[-1] if merged else None
            if last is not None and _JOINER.fullmatch(self.low[last.end:h.start]):
                inaugurated = _inaugurated(last, h)  # the ceremony keeps its kind
                if last.kind == h.kind or _awards_summing_up(last, h) or inaugurated:
                    last.end, last.joined = h.end, True
                    last.kind = last.kind if inaugurated else h.kind
                    continue
            merged.append(h)
        return merged

    def _absorb(self, merged: list[_Hit], e: int) -> None:
        """A noun trigger's name absorbs what follows it ("Lễ tổng kết và trao giải Cuộc thi ...",
        "Lễ khai mạc Ngày Sách" is the Ngày Sách), up to a new coordinated event name."""
        for i, h in enumerate(merged):
            if h.absorbed:
                continue
            # (a verb's name runs past the verb's own words: "đưa vào sử dụng X" does not end at its "vào")
            h.label_end = self._label_end(h.start, e, h.end if h.joined or h.role == "verb" else h.start)
            if h.role in ("noun", "lead"):
                self._absorb_name(h, merged[i + 1:])
                continue
            nxt_hit = merged[i + 1] if i + 1 < len(merged) else None
            if nxt_hit is not None and nxt_hit.role == "noun" and not self.low[h.end:nxt_hit.start].strip():
                nxt_hit.absorbed = True  # "trao giải Cuộc thi X": the object, not another event

    def _absorb_name(self, h: _Hit, rest: list[_Hit]) -> None:
        for g in rest:
            if g.start >= h.label_end:
                break
            between = self.low[h.end:g.start]
            if (g.role == "noun" or g.kind in _COORDINATED_VERBS) and _COORD_END.search(between):
                break  # "Hội nghị ... và Lớp tập huấn ...", "khai mạc Hội sách ... và trưng bày ...": a second event
            g.absorbed = True
            h.kind = self._absorbed_kind(h, g, between)

    def _absorbed_kind(self, h: _Hit, g: _Hit, between: str) -> str:
        """The kind of the event named by ``h`` whose name holds the trigger ``g``."""
        if h.kind in ("Ceremony", "Program") and not _has("award", self.low[h.start:h.end]) and \
                _OPENING_OF.fullmatch(between) and g.kind in _OPENED_KINDS:
            return g.kind  # the opening of X is X; "Lễ trao tặng sách" is the gift
        if h.kind == "Program":
            return g.kind
        if h.role == "lead" and h.kind == "Conference" and g.kind == "Ceremony" and _JOINER.fullmatch(between):
            return g.kind  # "tổ chức tổng kết, trao giải cuộc thi": the award ceremony
        return h.kind

    def _label_end(self, a: int, e: int, pos: int | None = None) -> int:
        """Where the name of the event whose trigger starts at ``a`` ends (searched from ``pos``)."""
        q = _QUOTE.match(self.text, a) or None
        pos = a if pos is None else pos
        m = _LABEL_END.search(self.text, pos + 1, e)
        end = m.start() if m else e
        # keep a quoted title whole; the quotes come in order and ``end`` only grows, so the first quote
        # past it ends the scan (the rest of a long sentence is never read)
        for qm in _QUOTE.finditer(self.text, a, e):
            if qm.start() > end + 1:
                break
            if qm.end() > end:
                end = qm.end()
                m2 = _LABEL_END.search(self.text, end, e)
                end = m2.start() if m2 else e
        if q:
            end = max(end, q.end())
        return end

    def label(self, h: _Hit, e: int) -> str:
        end = h.label_end or self._label_end(h.start, e)
        return _name(self.text[h.start:end])

    def date_for(self, s: int, e: int, pos: int) -> tuple[str | None, str | None, bool]:
        """(start, end, explicit) of the event whose trigger is at ``pos``."""
        before, after = None, None
        for d in self._in(self.dates, s, e):
            if d.non_event:
                continue
            left = self.low[max(s, d.start - 25):d.start]
            if _END_BEFORE.search(left):
                continue
            if d.start < pos:
                if _FROM_BEFORE.search(left) and not _FROM_OK.search(self.low[max(s, d.start - 40):d.start]) \
                        and d.relative is None and self._is_after_verb(s, d.start):
                    continue
                before = d
            elif after is None:
                if _FROM_BEFORE.search(left) and not _FROM_OK.search(self.low[max(s, d.start - 40):d.start]):
                    continue
                after = d
        found = before or after
        if found is None:
            return None, None, False
        if found.relative:
            base = self.last_date
            if base and found.relative == "next_day" and len(base) == 10:
                import datetime as dt
                base = (dt.date.fromisoformat(base) + dt.timedelta(days=1)).isoformat()
            return base, None, True
        return found.start_date, found.end_date, True

    def _is_after_verb(self, s: int, pos: int) -> bool:
        return bool(_AFTER_VERB.search(self.low[s:pos]))

    def place_for(self, s: int, e: int, h: _Hit, nxt: int, clause_start: int, lead: bool) -> str | None:
        """The venue of the event whose trigger is ``h``: the first rule of ``_PLACE_RULES`` that finds one."""
        quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(self.text, s, e)]
        inside = [p for p in self._in(self.places, s, e)
                  if not any(qa < p.start < qb for qa, qb in quotes)]  # not in a quoted title
        at = _PlaceQuery(s, e, h, nxt, clause_start, lead, inside)
        if _ONLINE.search(self.low, h.start, nxt):
            return self._online_hall(at)
        for rule in _PLACE_RULES:
            place = rule(self, at)
            if place is not None:
                return self._venue_before(at, place) if rule is _Reader._at_after else place
        return None

    def _venue_before(self, at: _PlaceQuery, place: str) -> str:
        """"Sáng 7/4, tại Nhà văn hóa X, UBND huyện tổ chức lễ ... tại huyện Y": the venue leading the clause is
        more specific than the town named after the trigger."""
        if self._specific(place) <= _SPECIFIC["Commune"]:
            return place
        before = self._at_before(at)
        return before if before is not None and self._specific(before) == _SPECIFIC["Site"] else place

    def _online_hall(self, at: _PlaceQuery) -> str | None:
        """Held online: only a hall it is broadcast from ("tại X") is a place, not the audience's province."""
        return next((self._place_name(p) for p in at.inside if at.clause_start <= p.start < at.nxt
                     and _AT_VENUE.search(self.low[max(at.s, p.start - 32):p.start])), None)

    def _site_visited(self, at: _PlaceQuery) -> str | None:
        """"tham quan Khu di tích X tại thị trấn Y": the site is the more specific; a mobile library
        "đến phục vụ 300 học sinh Trường Tiểu học X" is at the school it serves."""
        reach = _SITE_REACH.get(at.h.kind)
        if reach is None:
            return None
        return next((self._place_name(p) for p in at.inside
                     if p.kind == "Site" and at.h.end <= p.start < min(at.nxt, at.h.end + reach)), None)

    def _at_after(self, at: _PlaceQuery) -> str | None:
        """"tại X" after the trigger, before the next trigger; X may be an institution ("tại Trường Y")."""
        place = next((p for p in at.inside if at.h.end <= p.start < at.nxt and _at_one(
            _AT_PLACE_AFTER, self.low[max(at.s, p.start - 32):p.start])), None)
        venue = self._venue_org(at.h.end, min(at.nxt, place.start + 1) if place else at.nxt, at.s)
        if venue is not None and (place is None or venue[1] > place.end):
            return venue[0]
        return self._place_name(place) if place else None

    def _at_before(self, at: _PlaceQuery) -> str | None:
        """"tại X" leading the clause."""
        return next((self._place_name(p) for p in at.inside if at.clause_start <= p.start < at.h.start
                     and _at_one(_AT_PLACE_BEFORE, self.low[max(at.s, p.start - 32):p.start])), None)

    def _recipient(self, at: _PlaceQuery) -> str | None:
        """A gift made without a venue is made where it is given to: a commune, district or institution right
        after "cho" ("trao tặng gần 500 cuốn sách cho xã X", "tặng tủ sách cho Trường Tiểu học Y")."""
        if at.h.kind != "BookDonation":
            return None
        return next((self._place_name(p) for p in at.inside if at.h.end <= p.start < at.nxt
                     and _SPECIFIC.get(p.kind, 5) <= _SPECIFIC["District"]
                     and _RECIPIENT_BEFORE.search(self.low, max(at.s, p.start - 32), p.start)
                     and self._plain_location(p, at.s)), None)  # (not one of a list: "cho các xã A, B, C")

    def _lead_place(self, at: _PlaceQuery) -> str | None:
        """For the lead event, the most specific place the clause names plainly (before the persons who
        attend it: a place after them qualifies their roles)."""
        if not at.lead:
            return None
        persons = next((q.start for q in self._in(self.persons, at.h.end, at.e)), at.e)
        cands = [p for p in at.inside if at.clause_start <= p.start < persons and self._plain_location(p, at.s)]
        if not cands:
            return None
        return self._place_name(min(cands, key=lambda p: (_SPECIFIC.get(p.kind, 5), p.start)))

    def _venue_org(self, a: int, b: int, s: int) -> tuple[str, int] | None:
        """An institution right after "tại" between ``a`` and ``b``: (its name as written, its end)."""
        for o in self._in(self.orgs, a, b):
            if _AT_VENUE.search(self.low[max(s, o.start - 32):o.start]):
                return self.text[o.start:o.end], o.end
        return None

    def _plain_location(self, p: PlaceMention, s: int) -> bool:
        """Can a place named without "tại" be where the lead event happens?  Not the country or a region
        (the scope: "cho các thư viện khu vực miền Bắc"), not a
        qualifier of an organisation ("UBND huyện X (Y)", "Trưởng phòng VHTT huyện X"), not one of a list
        ("các huyện X, Y"), not inside a quoted title."""
        if p.kind in ("Country", "Region") or any(o.start < p.start < o.end for o in self.orgs):
            return False
        left = self.low[max(s, p.start - 40):p.start]
        if left.endswith("(") or _PLURAL_BEFORE.search(left):
            return False
        if _ORIGIN_BEFORE.search(left):
            return False  # "đại biểu đến từ X": where people come from
        if _phrase_re("member_list", r"(?<!\w)").search(self.low, s, p.start):
            return False  # "hệ thống thư viện gồm: ..., thị xã X": one of the members listed
        if any(q.end <= p.start and _LIST_JOINER.fullmatch(self.low[q.end:p.start]) for q in self.all_places
               if s <= q.start < p.start) or any(
                q.kind == p.kind and _LIST_JOINER.fullmatch(self.low[p.end:q.start])
                for q in self._in(self.places, p.end, p.end + 8)):
            return False  # one of a list of places (the next of the same kind: not "xã X, huyện Y")
        if any(o.end <= p.start and not self.text[o.end:p.start].strip(" ,(-")
               for o in self._in(self.orgs, s, p.start)):
            return False  # right after an organisation: its province
        return not any(m.start() < p.start < m.end() for m in _QUOTE.finditer(self.text, s, p.start + 1))

    @staticmethod
    def _place_name(p: PlaceMention) -> str:
        return p.name

    def organizers(self, s: int, h: _Hit) -> list[str]:
        left = self.low[s:h.start]
        verbs = list(_ORGANISING_VERB.finditer(left))
        cut = s + (verbs[-1].start() if verbs else len(left))
        out = []
        for o in self._in(self.orgs, s, cut):
            before = self.low[max(s, o.start - 25):o.start]
            if _HOST_BEFORE.search(before) or _MEMBER_BEFORE.search(before):
                continue
            if o.name not in out:
                out.append(o.name)
        return out

    def _report(self, s: int, seg: str) -> re.Match[str] | None:
        """The first reported-speech word of the sentence ``seg`` (at ``s``), skipping one written as a
        capitalised name ("Công viên Thống Nhất"): every word capitalised and not opening the sentence."""
        text = self.text
        for m in _REPORT.finditer(seg):
            a = s + m.start()
            words = text[a:s + m.end()].split()
            if all(w[:1].isupper() for w in words) and text[s:a].strip():
                continue
            if _NOT_REPORT_AFTER.match(seg, m.end()):
                continue  # "thống nhất đất nước": the country's reunification, not an agreement
            return m
        return None

    # ------------------------------------------------------------------ main loop

    def read(self) -> None:
        sents = self.sentences()
        for idx, (s, e) in enumerate(sents):
            if _shouted(self.text[s:e]):
                continue  # a headline in capitals repeated in the page: its event is told in the body
            st = self._sentence(sents, idx)
            self._note_date_line(st)
            for i, h in enumerate(st.hits):
                self._take_hit(st, i, h)
            self._update_focus(st)
            if self.carry is not None and st.created:
                self.carry, self.carry_place = None, None
            self._sentence_extras(s, e, st.seg, st.created, st.referenced, idx)
            self._note_item_list(st)

    def _sentence(self, sents: list[tuple[int, int]], idx: int) -> _Sent:
        s, e = sents[idx]
        seg = self.low[s:e]
        body = _DATELINE.sub("", seg) if idx == 0 else seg
        cue = bool(_CUE.match(body) or _phrase_re("cue", r"\W*").match(body))
        dates = [d for d in self._in(self.dates, s, e) if not d.non_event]
        undated_cue = bool(_UNDATED_CUE.match(body))
        plan_at = self._plan_at(s, e, seg)
        anchored = bool(dates) or cue or not self.events or self.carry is not None or bool(
            _AT_GATHERING.match(body)) or undated_cue or (self.focus is not None and _has("activities", seg)) or (
            plan_at == 0 and self.plan_list is not None) or (self.item_list is not None and bool(_LIST_ITEM.match(seg)))
        return _Sent(
            sents=sents, idx=idx, s=s, e=e, seg=seg, body=body, cue=cue,
            stat=bool(_STAT_OPENING.match(seg) or _STAT_ANYWHERE.search(seg)),
            report=self._report(s, seg), dates=dates, lead=not self.events, hits=self.hits(s, e),
            anchored=anchored, undated=undated_cue and not dates, plan_at=plan_at)

    def _note_item_list(self, st: _Sent) -> None:
        """A sentence about an event that ends with a colon and lists its activities ("... gồm các hoạt
        động:") opens a list: its items ("- Triển lãm ...") are activities of that event, until a line that
        is no item."""
        if _LIST_ITEM.match(st.seg):
            if self.item_list is not None:
                self.list_items.extend((ev, self.item_list) for ev in st.created)
            return
        candidates = st.created or st.referenced or ([self.focus] if self.focus is not None else [])
        owner = candidates[0] if candidates else None
        opens = st.seg.rstrip().endswith(":") and _has("activities", st.seg)
        self.item_list = owner if opens else None

    def _plan_at(self, s: int, e: int, seg: str) -> int:
        """Where in the sentence a plan opens (-1: none): at "kế hoạch", or at 0 for an item of a list a plan
        announced ("... kế hoạch tổ chức trong năm 2012 như:" then "- Hội thảo ...")."""
        if self.plan_list is not None and not _LIST_ITEM.match(seg):
            self.plan_list = None
        at = _find("plan", seg)
        if at >= 0 and seg.rstrip().endswith(":"):
            year = next((d.start_date for d in self.doc.date_mentions if s + at <= d.start < e
                         and d.precision == "year" and not d.non_event), "")
            self.plan_list = year
        if self.plan_list is not None and _LIST_ITEM.match(seg):
            return 0
        return at

    def _note_date_line(self, st: _Sent) -> None:
        """A short dated sentence without a trigger dates (and places) the event told next."""
        if st.hits or st.e - st.s >= 90 or st.stat:
            return
        # "Các hoạt động diễn ra đến hết ngày 23/4": an end, not a start; "Từ ngày 1/7/2025, hai tỉnh
        # hợp nhất ...": when a state begins, not a happening
        starts = [d for d in st.dates if not _bounded(self.low[max(st.s, d.start - 25):d.start])]
        if starts:
            d = starts[0]
            self.carry = (d.start_date, d.end_date)
            self.carry_place = next((p.name for p in self._in(self.places, st.s, st.e)), None)

    def _take_hit(self, st: _Sent, i: int, h: _Hit) -> None:
        """Make, refer to or skip the event a trigger names."""
        nxt = st.hits[i + 1].start if i + 1 < len(st.hits) else st.e
        left_near = self.low[max(st.s, h.start - 30):h.start]
        kind = self._program_kind(st.s, st.e, h, st.sents, st.idx) if h.kind == "Program" else self._head_kind(h)
        existing = self._existing(kind, h, st.e)
        is_ref = bool(_REF_BEFORE.search(left_near)) and existing is not None
        creating = bool(_CREATE.search(left_near)) or h.role == "lead"
        if self._occasion(st, h, kind, left_near):
            return
        if self._talk(st, h, left_near, existing) or self._opening(st, h, kind, left_near, existing):
            return
        if existing is None:
            existing = self._plainly_named(kind, h, left_near) or self._head_only(h, st.e)
            is_ref = existing is not None
        existing = self._unless_listed(st, i, existing)
        if existing is not None and self._merges(existing, h, st.s, st.e, st.created, st.cue, is_ref):
            existing.ev.kind = kind if existing.ev.kind == _PLAIN_NAMES.get(kind) else existing.ev.kind
            self._refine(existing, st.s, st.e, h)
            st.referenced.append(existing)
            if (h.role == "noun" and self._explicit_opening(h)) or self._opened_here(st.s, h):
                self._opening_ceremony(st, h, existing, nxt)  # "tổ chức Lễ khai mạc X" for an X named before
            return
        if (st.anchored or creating or self._within(st, h, kind)) and not self._generic(st, h):
            self._create(st, h, kind, nxt)

    def _unless_listed(self, st: _Sent, i: int, existing: _Ev | None) -> _Ev | None:
        """``existing``, or None when the trigger is the next item of a list that made it ("tổ chức cuộc thi A, cuộc
        thi B": the second of a list is an event of its own)."""
        return None if existing is not None and self._enumerated(st, i, existing) else existing

    def _enumerated(self, st: _Sent, i: int, existing: _Ev) -> bool:
        """Does the noun trigger ``st.hits[i]`` name the next item of a list whose previous item, the trigger right
        before it, made ``existing`` in this sentence ("tổ chức cuộc thi viết A, cuộc thi vẽ B")?"""
        h = st.hits[i]
        if i == 0 or h.role != "noun" or existing not in st.created or existing.start_pos != st.hits[i - 1].start:
            return False
        prev = st.hits[i - 1]
        return prev.role == "noun" and _ENUM_JOINER.fullmatch(self.low, prev.label_end or prev.end, h.start) is not None

    def _within(self, st: _Sent, h: _Hit, kind: str) -> bool:
        """Does the trigger name a sub-event of an event told before: one the sentence refers to ("trong ngày
        hội, ... trao tặng sách"), or a gift of a number of books ("Trong đó, Thư viện tỉnh trao tặng 60 bản
        sách"), even in a sentence that names no date?"""
        if st.referenced and kind not in _SEEN_AT_GATHERINGS:
            return True
        return kind == "BookDonation" and self.focus is not None and h.role == "verb" and bool(
            _COUNT_BOOKS.match(self.low, h.end, min(st.e, h.end + 40)) or _COUNT_BOOKS.search(self.low, h.end, min(st.e, h.end + 30)))

    def _generic(self, st: _Sent, h: _Hit) -> bool:
        """A mention that names no happening of its own: "hội thảo này" (told elsewhere), "Hội nghị
        thường niên của X" (a practice), "Ngày Sách Việt Nam" without an edition, a year or a date (the
        recurring day)."""
        if self._habitual_or_counted(st.s, h):
            return True
        if h.role != "noun":
            return False
        if _phrase_re("demonstrative", r"\s+").match(self.low, h.end):
            return True
        if st.dates:
            return False
        name = self.low[h.start:h.label_end or st.e]
        if _EDITION.search(name) or _NAME_YEAR.search(name):
            return False
        return bool(_phrase_re("recurring").search(name) or _phrase_re("recurring_day").match(self.low, h.start))

    def _habitual_or_counted(self, s: int, h: _Hit) -> bool:
        """A practice ("thường xuyên tổ chức trưng bày sách") or a count of happenings ("tổ chức 5 hội thi",
        "nhiều cuộc triển lãm"): no one happening."""
        left = self.low[max(s, h.start - 30):h.start]
        clause = left[max(left.rfind(","), left.rfind(";")) + 1:]
        if _phrase_re("habitual", r"(?<!\w)").search(clause):
            return True
        return bool(_COUNTED_BEFORE.search(left) or _phrase_re("counted", r"(?<!\w)", _COUNT_UNIT).search(left))

    def _occasion(self, st: _Sent, h: _Hit, kind: str, left_near: str) -> bool:
        """"chào mừng thành công Đại hội X lần thứ XIV", "tiến tới Lễ hội Y": a named event this one is
        held for; an event of its own (kept apart: no date of this sentence, no place, no participants),
        dated only by a year in its name.  A day without an edition or year ("Ngày Sách 21/4") is the
        recurring day, no event."""
        if h.role != "noun" or len(st.hits) < 2 or not _phrase_re("occasion", "", r"\s+$").search(left_near):
            return False  # alone in its sentence, the event named is the one reported
        end = h.label_end or self._label_end(h.start, st.e)
        name = _name(self.text[h.start:end])
        year = _name_year(name)
        named = bool(_EDITION.search(name.lower()) or year) or (
            not _phrase_re("day_head").match(self.low, h.start) and _capitalised_after(name, h.end - h.start))
        if not named or any(_same_name(name, x.ev.label) for x in self.events):
            return False
        if not any(_same_name(name, x.label) for x in self.occasions):
            ev = Event(label=name, kind=kind, start=self._glossed_day(end, year) or year)
            ev.evidence.append(Evidence(h.start, h.end, self.text[st.s:st.e][:300]))
            self.occasions.append(ev)
        return True

    def _glossed_day(self, end: int, year: str | None) -> str | None:
        """"Ngày Sách Việt Nam lần thứ 6 (21/4)": the day a named event's parentheses give, in the year its
        name or else the article's date gives."""
        m = _DAY_GLOSS.match(self.text, end)
        pub = self.doc.publication.date if self.doc.publication else None
        year = year or (pub[:4] if pub else None)
        if m is None or year is None:
            return None
        day, month = int(m["d"]), int(m["m"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{year}-{month:02d}-{day:02d}"

    def _talk(self, st: _Sent, h: _Hit, left_near: str, existing: _Ev | None) -> bool:
        """A trigger in reported speech or statistics makes no event ("Chia sẻ tại buổi lễ, ..." refers)."""
        in_report = bool(st.report and st.report.start() < h.start - st.s)
        if not (in_report or (st.stat and not st.cue)):
            return _PURPOSE_BEFORE.search(left_near) is not None  # "để trao giải", "nhằm gặp mặt"
        if _AT_SESSION_BEFORE.search(left_near):
            if not self.events:
                return False  # "cho biết tại buổi lễ tổng kết ...": the occasion of the words
            st.referenced.append(existing or self.events[0])
        if in_report and not self.events and st.report is not None \
                and _RECENT_ORGANISED.match(self.low, st.s + st.report.end(), h.start):
            return False  # "X cho biết, thư viện vừa tổ chức tiếp nhận ...": the news the lead reports
        return True

    def _opening(self, st: _Sent, h: _Hit, kind: str, left_near: str, existing: _Ev | None) -> bool:
        """"Dự lễ khai mạc", "Tại buổi lễ": the event being opened / held."""
        if kind != "Ceremony" or h.role != "noun" or not self.events:
            return False
        if not (_OPENING_AFTER.match(self.low[h.end:h.end + 25]) or _SESSION_AT_BEFORE.search(left_near)):
            return False
        st.referenced.append(existing if existing is not None else self.events[0])
        return True

    def _create(self, st: _Sent, h: _Hit, kind: str, nxt: int) -> None:
        s, e = st.s, st.e
        clause_start = s + max(self.low[s:h.start].rfind(";"), -1) + 1
        if 0 <= st.plan_at <= h.start - s and not st.dates:
            self._create_planned(st, h, kind, nxt)
            return
        # a festival the event responds to ("hưởng ứng Ngày Sách ... năm 2025") is not held within it
        responded = bool(self.events) and _RESPONDED_BEFORE.search(self.low, max(s, h.start - 20), h.start) is not None
        frame = None if responded or (
            kind == "Competition" and _OF_BEFORE.search(self.low, max(s, h.start - 12), h.start)) else self._frame(st)
        awarded = kind == "Competition" and _AWARDED_BEFORE.search(self.low, max(s, h.start - 30), h.start) is not None
        start, end = (None, None) if awarded or responded else self._start_end(st, h, kind, frame)
        ev = Event(label=self.label(h, e), kind=kind, start=start, end=end)
        launched = awarded or kind == "Competition" and _has("launching", self.low[max(s, h.start - 60):h.end + 30])
        ev.place = None if launched else self._event_place(st, h, nxt, clause_start, frame, start)
        ev.organizers = self.organizers(clause_start, h) or (list(frame.ev.organizers) if frame else [])
        self._describe(st, h, ev, nxt, frame)
        wrapped = _Ev(ev, h.start, primary=not self.events, launched=launched)
        wrapped.within = self._placeless_frame(st, ev, frame, launched)
        if st.lead and end and start != end:
            wrapped.lead_interval = (start, end)  # type: ignore[assignment]
            wrapped.secondary = bool(st.created)
        self.events.append(wrapped)
        st.created.append(wrapped)
        if start and len(start) == 10:
            self.last_date = start
        self._opening_ceremony(st, h, wrapped, nxt)

    @staticmethod
    def _placeless_frame(st: _Sent, ev: Event, frame: _Ev | None, launched: bool) -> _Ev | None:
        """The event a new one without a place is held within, when that one has no place yet either (a later
        sentence or the headline may give it)."""
        if ev.place is not None or frame is None or frame.ev.place is not None or launched or st.undated or st.lead:
            return None
        return frame

    def _create_planned(self, st: _Sent, h: _Hit, kind: str, nxt: int) -> None:
        """An event a plan names ("kế hoạch tổ chức Hội thi X năm 2021"): the year its name or the plan gives,
        a venue only when "tại X" follows it, neither the date nor the place of the meeting that planned it."""
        label = self.label(h, st.e)
        ev = Event(label=label, kind=kind, start=_name_year(label) or self.plan_list or None)
        at = _PlaceQuery(st.s, st.e, h, nxt, st.s, False, self._in(self.places, st.s, st.e))
        ev.place = self._at_after(at)
        clause_start = st.s + max(self.low[st.s:h.start].rfind(";"), -1) + 1
        ev.organizers = self.organizers(clause_start, h)
        ev.evidence.append(Evidence(h.start, h.end, self.text[st.s:st.e][:300]))
        wrapped = _Ev(ev, h.start)
        self.events.append(wrapped)
        st.created.append(wrapped)

    def _opening_ceremony(self, st: _Sent, h: _Hit, wrapped: _Ev, nxt: int) -> None:
        """An opening the headline reports ("Khai mạc Hội sách X", then "tổ chức khai mạc Hội sách X" or
        "Triển lãm X chính thức khai mạc sáng 22/4"), or one the text names a ceremony ("tổ chức Lễ khai mạc X"), is
        a ceremony of its own beside the event it opens (once)."""
        ev = wrapped.ev
        if ev.kind not in _CEREMONY_OPENED or not (
                self._explicit_opening(h) or self._headline_opening() or self._opening_told) or any(
                x.opens is wrapped for x in self.events):
            return
        head = _optional("ceremony_head")
        m = _phrase_re("opening", head, r"\s+").match(self.low, h.start) or _phrase_re(
            "opening", head, r"\s+$").search(self.low, max(st.s, h.start - 20), h.start)
        if m is not None:
            label = _name(self.text[min(m.start(), h.start):h.label_end or st.e])
        elif (later := _phrase_re("opening").search(self.low, h.end, nxt)) is not None:
            label = _name(self.text[later.start():later.end()] + " " + ev.label)  # "X chính thức khai mạc"
        else:
            return
        cer = Event(label=label, kind="Ceremony", start=ev.start, end=None, place=ev.place,
                    organizers=list(ev.organizers))
        cer.evidence = list(ev.evidence)
        self.events.append(_Ev(cer, h.start, opening=True, opens=wrapped))

    def _opened_here(self, s: int, h: _Hit) -> bool:
        """Is the trigger right after an opening word ("khai mạc trưng bày", "tổ chức khai mạc chương trình X")?
        For an event named before, that is its opening (a ceremony when the text tells it as one)."""
        return _phrase_re("opening", "", r"\s+$").search(self.low, max(s, h.start - 20), h.start) is not None

    def _explicit_opening(self, h: _Hit) -> bool:
        """Does the trigger name an opening ceremony ("Lễ khai mạc X")?"""
        return _opening_ceremony_re().match(self.low, h.start) is not None

    def headline_venue(self) -> None:
        """The main event told without a place is held at the venue its headline gives after a trigger of its
        kind ("Đoàn X đến thăm và làm việc tại Thư viện Y", "Hội nghị ... tại huyện Z")."""
        title = self.doc.title
        if not self.events or title is None:
            return
        main = self.events[0]
        had = main.ev.place
        if (had is not None and self._specific(had) <= _SPECIFIC["District"]) or main.launched or _ONLINE.search(
                lower_fold(main.ev.label)):
            return  # (a town the body gives yields to a venue the headline gives: the more specific)
        s, e = title
        for h in self.hits(s, e):
            if h.kind == main.ev.kind:
                place = self._at_after(_PlaceQuery(s, e, h, e, s, False, self._in(self.places, s, e))) or \
                    self._shouted_venue(h.end, e)
                if place is not None and (had is None or self._specific(place) == 0):
                    main.ev.place = place
                    self._tell_opening(main)
                return

    def _shouted_venue(self, a: int, e: int) -> str | None:
        """"... LÀM VIỆC TẠI THƯ VIỆN X" (a headline in capitals, where no name is found): an institution the
        body names, written right after "tại" in the headline."""
        if not _shouted(self.text[a:e]):
            return None
        at = self.low.find("tại ", a, e)
        if at < 0:
            return None
        rest = self.low[at + 4:e]
        names = sorted({self.text[o.start:o.end] for o in self.orgs if o.start >= e}, key=len, reverse=True)
        return next((n for n in names if rest.startswith(lower_fold(n))), None)

    def headline_event(self) -> None:
        """A body that tells its event without naming it ("Sáng 10/6, tại X, 15 đội thi ... tranh tài" under "Thư viện
        tổ chức Hội thi kể chuyện ...") reports the event its headline names: dated, placed and attended as the
        first body sentence with an event date tells."""
        title = self.doc.title
        if self.events or title is None:
            return
        s, e = title
        h = next((x for x in self.hits(s, e) if x.kind != "Program"), None)
        if h is None or _STAT_ANYWHERE.search(self.low, s, e) or self._report(s, self.low[s:e]) is not None:
            return
        lead = next(((a, b) for a, b in self.sentences() if any(not d.non_event for d in self._in(self.dates, a, b))),
                    None)
        if lead is None:
            return
        a, b = lead
        start, end, _ = self.date_for(a, b, a)
        ev = Event(label=self.label(h, e), kind=h.kind, start=start, end=end if h.kind in _RUNNING else None)
        at = _PlaceQuery(a, b, _Hit(a, a, h.kind, h.role), b, a, True, self._in(self.places, a, b))
        ev.place = self._at_after(at) or self._lead_place(at)
        ev.participants = self._attending(a, b)
        ev.evidence.append(Evidence(h.start, h.end, self.text[s:e][:300]))
        self.events.append(_Ev(ev, h.start, primary=True))

    def undated_lead(self) -> None:
        """The main event the text names without a date anywhere ("Thư viện X tổ chức trưng bày sách ...", then
        "Sáng 12/3, ..." about it) and without a year in its name happens on the first event day (or month: "Trong
        tháng 4/2023, ...") the body gives after it (not an end: "đến hết ngày ..."), in its own sentence or the next
        ``_UNDATED_LEAD_REACH``: a day told further down the page is another happening's (a visit, a later
        session, a past edition).  So do the other undated events the main event's sentence names."""
        if not self.events:
            return
        first = self.events[0]
        sentences = self.sentences()
        sentence_ends = [b for _, b in sentences]
        lead_end = next((b for b in sentence_ends if b > first.start_pos), len(self.text))
        before = next((a for a, b in reversed(sentences) if b <= first.start_pos), first.start_pos)
        for x in self.events:  # the main event, and the others its sentence names ("trưng bày sách và hội thi ...")
            if x.start_pos < lead_end and (x.primary or x is not first) and not x.launched:
                self._lead_day(x, sentence_ends, before)

    def _lead_day(self, main: _Ev, sentence_ends: list[int], before: int) -> None:
        """The first day (or month) told in ``main``'s sentence or the next ``_UNDATED_LEAD_REACH`` dates it, or
        one told in the sentence right before the first event ("Sáng 8/7, 700 cuốn sách ... được giới thiệu tại X.
        Triển lãm do ..."): no event claims that day."""
        if main.ev.start is not None or _name_year(main.ev.label):
            return
        ends = [b for b in sentence_ends if b > main.start_pos]
        reach = ends[min(len(ends) - 1, _UNDATED_LEAD_REACH)] if ends else len(self.text)
        for d in self._in(self.dates, min(before, main.start_pos), reach):
            if d.non_event or d.precision not in _LEAD_PRECISIONS or not d.start_date \
                    or _END_BEFORE.search(self.low, max(0, d.start - 25), d.start):
                continue
            main.ev.start = d.start_date
            self._tell_opening(main)
            return

    def headline_years(self) -> dict[str, str]:
        """On a page nothing dates, the year the headline gives the events it names, by kind ("Khai mạc hội
        thi X lần thứ VI, năm 2023": the ceremony and the contest of 2023)."""
        year = _name_year(self.title)
        pub = self.doc.publication
        if year is None or (pub.source if pub else None) not in (None, "year in text"):
            return {}  # (a page with a date of its own dates its events itself)
        kinds = {_triggers()[int(m.lastgroup[1:])].kind: year for m in _trigger_matches(self.title)}  # type: ignore[index]
        if _phrase_re("opening").search(self.title):
            kinds["Ceremony"] = year  # "Khai mạc X": the opening ceremony
        return kinds

    @cached_property
    def _opening_told(self) -> bool:
        """Does the text tell an opening ceremony as a happening ("Phát biểu tại lễ khai mạc", "buổi khai mạc")?
        (Searched once per article.)"""
        return _phrase_re("opening", _required("opening_session"), r"(?!\w)").search(self.low) is not None

    def _headline_opening(self) -> bool:
        """Does the headline (or, without one, the first line) report an opening?"""
        head = self.title
        if not head:
            sents = self.sentences()
            head = self.low[sents[0][0]:sents[0][1]] if sents else ""
        return _phrase_re("opening").search(head) is not None

    def _start_end(self, st: _Sent, h: _Hit, kind: str, frame: _Ev | None) -> tuple[str | None, str | None]:
        """The dates of a new event: its own, a date line's, its frame's, an anniversary's year."""
        start, end, explicit = self._event_dates(st, h)
        if start is None and not explicit and frame is not None and not self._awards(frame, kind):
            start = frame.ev.start
        if start is None and st.lead and not explicit:
            start = self._anniversary_year(st)
        if kind not in _RUNNING and end and start != end and not st.lead:
            end = None
        year = _name_year(self.label(h, st.e)) if kind == "Competition" and start else None
        if year is not None and year < start[:4]:  # type: ignore[index]
            return year, None  # "đạt giải trong cuộc thi X năm 2020" told in 2021: the contest of 2020
        return start, end

    @staticmethod
    def _awards(frame: _Ev, kind: str) -> bool:
        """Is ``frame`` the award ceremony of a contest (which ran before it, not within it)?"""
        return kind == "Competition" and frame.ev.kind == "Ceremony" and _has("prize_word", lower_fold(frame.ev.label))

    def _describe(self, st: _Sent, h: _Hit, ev: Event, nxt: int, frame: _Ev | None) -> None:
        """A new event's term, counts, evidence and parent."""
        term = _TERM.search(self.low, st.s, st.e)
        if term and ev.kind == "Congress":
            ev.term = f"{term.group(1)}-{term.group(2)}"
        self._counts(ev, self.low[h.start:nxt], ev.kind)
        ev.evidence.append(Evidence(h.start, h.end, self.text[st.s:st.e][:300]))
        if frame is not None and (st.cue or _has("frame_cue", self.low[st.s:h.start])):
            ev.parent = frame.ev.label

    def _anniversary_year(self, st: _Sent) -> str | None:
        """"Nhân kỷ niệm 80 năm X (19/8/1945 - 19/8/2025), ... tổ chức trưng bày": an undated lead event
        held for an anniversary happens in the anniversary's year (the later of the pair)."""
        years = sorted({d.start_date[:4] for d in self.doc.date_mentions
                        if st.s <= d.start < st.e and d.non_event and d.start_date})
        return years[-1] if len(years) >= 2 else None

    def _event_dates(self, st: _Sent, h: _Hit) -> tuple[str | None, str | None, bool]:
        if st.undated:  # "Vừa qua, trong 2 ngày 23 và 24/11"
            return None, None, True
        start, end, explicit = self.date_for(st.s, st.e, h.start)
        if start is None and self.carry is not None:
            start, end = self.carry
            explicit = True
        return start, end, explicit

    def _frame(self, st: _Sent) -> _Ev | None:
        """The event a new one happens within: referred to in the sentence, made before, in focus."""
        frame = st.referenced[0] if st.referenced else (st.created[-1] if st.created else self.focus)
        if self.item_list is not None and not st.referenced and _LIST_ITEM.match(st.seg):
            return self.item_list  # an activity listed under the event it belongs to
        if frame is not None and not st.referenced and (frame.launched or not _is_day(frame.ev.start)):
            # "Dịp này, ..." after a contest launched in February: the occasion is the dated event
            frame = next((x for x in reversed(self.events) if _is_day(x.ev.start) and not x.launched), frame)
        return frame

    def _event_place(self, st: _Sent, h: _Hit, nxt: int, clause_start: int, frame: _Ev | None,
                     start: str | None) -> str | None:
        place = self.place_for(st.s, st.e, h, nxt, clause_start, st.lead)
        if place is not None or st.undated:
            return place
        if st.lead:
            return self.carry_place
        if frame is not None and _during(start, frame.ev):
            return frame.ev.place  # a sub-event held there, not an earlier or later one
        return None

    def _update_focus(self, st: _Sent) -> None:
        if st.created or st.referenced:
            self.focus = (st.referenced[0] if st.referenced and not st.created else st.created[0])
        elif self.events and _OPENING_SENTENCE.match(st.seg):
            self.focus = self.events[0]  # "Phát biểu bế giảng, ...": back to the main event

    def _merges(self, ex: _Ev, h: _Hit, s: int, e: int, created: list[_Ev], cue: bool, is_ref: bool) -> bool:
        """Is this mention of an event of an existing kind a mention of that event?"""
        if h.role == "noun" and self._list_item(h, s):
            return False  # "như: Hội thi A; Cuộc thi B; ...": the items of a list are events of their own
        if ex in created or is_ref or _HELD_AFTER.match(self.low[h.end:h.end + 20]):
            return True
        new_date = self._new_date(s, e, h, ex)
        if h.role in ("noun", "lead"):
            q = _QUOTE.match(self.text, h.end + 1) or _QUOTE.search(self.text, h.end, min(e, h.end + 25))
            new_title = bool(q) and not self._same_title(h, ex, e)
            return not new_title and not new_date and not self._other_contest(h, ex, e)
        return not cue and not new_date

    def _list_item(self, h: _Hit, s: int) -> bool:
        """Does the trigger ``h`` open an item of an enumeration ("các hoạt động như: Hội thi A; Cuộc thi B; Tuần lễ
        C"): right after its colon or after a semicolon that follows it?"""
        colon = self.text.rfind(":", s, h.start)
        return colon >= 0 and _ITEM_START.search(self.text, colon, h.start) is not None

    def _program_kind(self, s: int, e: int, h: _Hit, sents: list[tuple[int, int]], idx: int) -> str:
        for t in _triggers():
            if t.kind in ("Program", "Other") or t.role == "lead":
                continue
            if t.pattern.search(self.title) and (t.kind != "BookDonation" or _BOOKS.search(self.title)):
                return t.kind
        for s2, e2 in sents[idx + 1:idx + 4]:
            if _AT_PROGRAM.match(self.low[s2:e2]):
                for h2 in self.hits(s2, e2):
                    if h2.kind != "Program":
                        return h2.kind
        return "Other"

    def _head_kind(self, h: _Hit) -> str:
        """A head noun that names events of two kinds ("Liên hoan": a contest of library teams or a festival)
        keeps the kind of the event the text named first with it ("Liên hoan cán bộ thư viện ..." then "Liên
        hoan năm nay ...")."""
        head = self.low[h.start:h.end]
        if head not in _phrases("shared_head"):
            return h.kind
        return next((x.ev.kind for x in self.events if not x.opening and lower_fold(x.ev.label).startswith(head)),
                    h.kind)

    def _other_contest(self, h: _Hit, ex: _Ev, e: int) -> bool:
        """Do the two names award different contests ("trao giải cuộc thi A" / "... cuộc thi B")?"""
        mine = _contest_name(_CONTEST.search(self.text, h.start, h.label_end or e))
        theirs = _contest_name(_CONTEST.search(ex.ev.label))
        return bool(mine and theirs) and mine != theirs

    def _plainly_named(self, kind: str, h: _Hit, left_near: str) -> _Ev | None:
        """"Phát biểu khai mạc Hội nghị" after "cuộc họp lần thứ 12 ..." reported: the main event named
        plainly first (a meeting) and now by its formal kind."""
        plain = _PLAIN_NAMES.get(kind)
        if plain is None or not self.events or not _REF_BEFORE.search(left_near):
            return None
        main = self.events[0]
        return main if main.ev.kind == plain else None

    def _head_only(self, h: _Hit, e: int) -> _Ev | None:
        """"Phát biểu khai mạc Liên hoan, ..." after "Liên hoan cán bộ thư viện ..." (a Competition): a bare head
        noun (no name after it) refers to the event named with that head, whatever kind the head alone gives."""
        if h.role != "noun" or _NAME_AFTER_HEAD.match(self.text, h.end):
            return None
        head = lower_fold(self.text[h.start:h.end])
        return next((x for x in reversed(self.events) if not x.opening and lower_fold(x.ev.label).startswith(head)
                     and len(x.ev.label) > len(head) + 2), None)

    def _existing(self, kind: str, h: _Hit, e: int) -> _Ev | None:
        for ev in reversed(self.events):
            if ev.ev.kind == kind and not ev.opening:
                return ev
        return None

    def _same_title(self, h: _Hit, ev: _Ev, e: int) -> bool:
        q = _QUOTE.search(self.text, h.end, e)  # (a title opening near the trigger, however long it runs)
        return bool(q and q.start() < h.end + 40 and q.group(0)[1:-1].strip().lower()[:30] in ev.ev.label.lower())

    def _new_date(self, s: int, e: int, h: _Hit, ev: _Ev) -> bool:
        start, end, explicit = self.date_for(s, e, h.start)
        if not explicit or start is None:
            return False
        if ev.lead_interval and ev.lead_interval[0] <= start <= ev.lead_interval[1]:
            return False
        if _holds(start, end, ev.ev.start):  # "Trưng bày mở cửa từ 25/4 đến hết 10/5": the one opened 30/4
            return False
        if ev.ev.start is None and ev.primary and ev.ev.place is None:
            return False  # a headline or caption named it first: this mention dates it
        if start == self._closing_date(s, e, h) and _is_day(ev.ev.start) and start > ev.ev.start:  # type: ignore[operator]
            return False  # "Hội thi X kết thúc vào ngày 13/6": the end of the one begun before
        return start != ev.ev.start

    def _closing_date(self, s: int, e: int, h: _Hit) -> str | None:
        """The day after the trigger at which the event ended ("... kết thúc vào ngày 13/6"), if told."""
        for d in self._in(self.dates, h.end, e):
            if d.start_date and _CLOSING_BEFORE.search(
                    self.low, max(s, d.start - 30), d.start):
                return d.start_date
        return None

    def _refine(self, ev: _Ev, s: int, e: int, h: _Hit) -> None:
        """A later mention of ``ev`` adds what it states: its run, its dated session, an end, hosts."""
        seg = self.low[s:e]
        if self._redate(ev, s, e, h, seg):
            return
        self._open_until(ev, s, e, seg)
        self._hosts(ev, s, seg)
        if ev.launched:
            return
        if _ONLINE.search(lower_fold(ev.ev.label)):
            self._online_venue(ev, s, e, h)
        elif ev.ev.place is None:
            ev.ev.place = self._later_venue(s, e, h)
        elif (held := self._held_at(s, e, h)) is not None and self._specific(held) < self._specific(ev.ev.place):
            ev.ev.place = held  # "Diễn ra tại không gian X, Hội sách ...": a venue, not the town the lead named

    def _online_venue(self, ev: _Ev, s: int, e: int, h: _Hit) -> None:
        """An online event told again as held in a hall ("hội nghị diễn ra tại Hội trường X"): that hall."""
        held = self._held_at(s, e, h)
        if ev.ev.place is None and held is not None and self._specific(held) == 0:
            ev.ev.place = held

    def _held_at(self, s: int, e: int, h: _Hit) -> str | None:
        """The place the sentence says the event mentioned at ``h`` takes place at ("diễn ra tại X")."""
        return next((p.name for p in self._in(self.places, s, e) if abs(p.start - h.start) < 200
                     and _HELD_AT_BEFORE.search(self.low, max(s, p.start - 45), p.start)), None)

    def _specific(self, name: str) -> int:
        """How wide the place called ``name`` is (``_SPECIFIC``; a venue that is no place mention: a site)."""
        return next((_SPECIFIC.get(p.kind, 5) for p in self.places if p.name == name), 0)

    def _redate(self, ev: _Ev, s: int, e: int, h: _Hit, seg: str) -> bool:
        """The dates a later mention gives ``ev``: its end, its run, its first date, its dated session; True
        when that is all the mention tells."""
        start, end, explicit = self.date_for(s, e, h.start)
        if not explicit or start is None:
            return False
        if start == self._closing_date(s, e, h) and _is_day(ev.ev.start) and start > ev.ev.start:  # type: ignore[operator]
            ev.ev.end = start if ev.ev.kind in _RUNNING else ev.ev.end  # "X kết thúc vào ngày 13/6"
            return True
        if _has("held", seg) and end and start != end:
            self._held_over(ev, s, e, start, end)
            return True
        if _holds(start, end, ev.ev.start) and ev.ev.kind in _RUNNING:
            ev.ev.start, ev.ev.end = start, end  # the whole run of an exhibition or a festival
            return True
        if ev.ev.start is None and (h.role == "noun" or ev.primary):
            self._first_dated(ev, s, e, h, start, end)
            return True
        if ev.secondary and ev.lead_interval and ev.lead_interval[0] <= start <= ev.lead_interval[1] and not end:
            ev.ev.start = start
            ev.secondary = False
        return False

    def _later_venue(self, s: int, e: int, h: _Hit) -> str | None:
        """"bàn giao tủ sách tại xã X", "tại X, đã diễn ra Lễ Y" told again: where it happened (not online,
        not the place of a person named in between: "anh Y, bạn đọc tại Z")."""
        if _ONLINE.search(self.low, h.start, e):
            return None
        nxt = next((p.start for p in self._in(self.persons, h.end, e)), e)
        at = _PlaceQuery(s, e, h, nxt, s, False, self._in(self.places, s, nxt))
        return self._at_after(at) or self._at_before(at)

    def _held_over(self, ev: _Ev, s: int, e: int, start: str, end: str) -> None:
        """"X diễn ra từ A đến B": the interval (and the place named there when none yet)."""
        if ev.ev.start is None or start <= ev.ev.start:
            ev.ev.start, ev.ev.end = start, end
            if ev.ev.place is None:
                p = next(iter(self._in(self.places, s, e)), None)
                ev.ev.place = p.name if p else None
                self._tell_opening(ev)

    def _first_dated(self, ev: _Ev, s: int, e: int, h: _Hit, start: str, end: str | None) -> None:
        """The first dated mention of an event named undated before (a headline, a caption): its date,
        and its place when it has none."""
        ev.ev.start, ev.ev.end = start, end if ev.ev.kind in _RUNNING else None
        if _is_day(start):
            self.last_date = start  # "Chiều cùng ngày, ..." after it
        if ev.ev.place is None:
            clause_start = s + max(self.low[s:h.start].rfind(";"), -1) + 1
            ev.ev.place = self.place_for(s, e, h, e, clause_start, True)
        self._tell_opening(ev)

    def _tell_opening(self, ev: _Ev) -> None:
        """The opening ceremony of ``ev`` happens on its first day and at its venue when it has none."""
        for x in self.events:
            if x.opens is ev:
                x.ev.start = x.ev.start or ev.ev.start
                x.ev.place = x.ev.place or ev.ev.place

    def _open_until(self, ev: _Ev, s: int, e: int, seg: str) -> None:
        """"mở cửa đến hết ngày ...": the end."""
        m = _OPEN_UNTIL.search(seg)
        if m:
            for d in self._in(self.dates, s + m.end() - 12, e):
                if d.start_date and len(d.start_date) == 10:
                    ev.ev.end = d.start_date
                    break

    def _hosts(self, ev: _Ev, s: int, seg: str) -> None:
        """Organisations before "đăng cai" host the event."""
        host = _find("host_verb", seg)
        if host >= 0:
            for o in self._in(self.orgs, s, s + host):
                if o.name not in ev.ev.organizers:
                    ev.ev.organizers.append(o.name)

    def _counts(self, ev: Event, seg: str, kind: str) -> None:
        if not _DIGIT.search(seg):
            return  # both counts need a number: skip two slow scans
        m = _COUNT_PEOPLE.search(seg)
        if m:
            ev.counts["participants"] = int(m.group(1).replace(".", ""))
        m = _COUNT_BOOKS.search(seg)
        if m and kind in ("BookDonation", "Exhibition", "Other", "Festival"):
            ev.counts["books"] = int(m.group(1).replace(".", ""))

    def _sentence_extras(self, s: int, e: int, seg: str, created: list[_Ev], referenced: list[_Ev],
                         idx: int) -> None:
        """Sentence-level updates: "diễn ra từ A đến B", "mở cửa đến hết", persons."""
        if not created and not referenced and self.events and _has("held", seg):
            self._primary_run(s, e)
        if not created and not referenced and _has("launching", seg):
            self._contest_run(s, e)
        names = self._attending(s, e)
        if not self.events:
            self.pending_persons.extend((idx, n) for n in names)
            return
        if self.pending_persons:  # the first event was just found
            # persons named just before it ("Tham dự có ..." then "Hội nghị ...") attend it;
            # the people of a feature's opening paragraphs, long before any event, do not
            self._add(self.events[0], [n for i, n in self.pending_persons if i >= idx - _PENDING_SENTENCES])
            self.pending_persons = []
        if not names:
            return
        self._winners(s, e, seg)
        for t in created or ([self.focus] if self.focus else []):
            self._add(t, names)

    def _attending(self, s: int, e: int) -> list[str]:
        """The persons of the sentence who may attend what it tells: not one a statement is quoted from ("Theo
        bà X, ..."), one thanked or elected ("bầu bà X", "X được bầu làm ..."), nor the author or subject of works
        shown ("tác phẩm của nhà văn X và nhà thơ Y"), nor a photo credit; a person joined to such a one by "và" or
        a comma shares its part."""
        persons = self._in(self.persons, s, e)
        if not persons:
            return []
        out: list[str] = []
        prev: PersonMention | None = None
        absent = False
        for p in persons:
            if self.org_cover.covers(p.start, p.end) or self.place_cover.covers(p.start, p.end):
                continue  # a name inside an organisation's or a place's ("Trường Đại học Tôn Đức Thắng")
            left = self.low[max(s, p.start - 45):p.start]
            joined = prev is not None and _PERSON_JOINER.fullmatch(self.low, prev.end, p.start) is not None
            absent = bool(_NOT_ATTENDING.search(left) or _ELECTED_AFTER.match(self.low, p.end)) or (joined and absent)
            if not absent and p.name not in out:
                out.append(p.name)
            prev = p
        return out

    def _contest_run(self, s: int, e: int) -> None:
        """"Qua 2 tháng phát động từ ngày A đến ngày B, ...": the run of the contest named undated (the one an
        award ceremony closed)."""
        contest = next((x for x in reversed(self.events) if x.ev.kind == "Competition"), None)
        if contest is None or contest.ev.start is not None:
            return
        dates = [d for d in self._in(self.dates, s, e) if not d.non_event and d.start_date]
        run: tuple[str | None, str | None] | None = next(((d.start_date, d.end_date) for d in dates if d.end_date),
                                                         None)
        for a, b in zip(dates, dates[1:], strict=False):  # "từ ngày 20/8/2023 đến ngày 15/10/2023"
            if run is None and _FROM_BEFORE.search(self.low, max(s, a.start - 25), a.start) and \
                    _END_BEFORE.search(self.low, max(s, b.start - 25), b.start):
                run = (a.start_date, b.start_date)
        if run is not None:
            contest.ev.start, contest.ev.end = run

    def _primary_run(self, s: int, e: int) -> None:
        """"... diễn ra từ A đến B" with no trigger: the main event's run, when it holds its date."""
        primary = self.events[0]
        for d in self._in(self.dates, s, e):
            if d.end_date and not d.non_event:
                if primary.ev.start and d.start_date is not None and d.start_date <= primary.ev.start <= d.end_date:
                    primary.ev.start, primary.ev.end = d.start_date, d.end_date
                break

    def _winners(self, s: int, e: int, seg: str) -> None:
        """Prize winners named after "giải Nhất ...", "thuộc về" take part in the competition and the
        award ceremony."""
        prize = _PRIZE.search(seg)
        if not prize:
            return
        winners = [p.name for p in self._in(self.persons, s + prize.start(), e)]
        comps = [x for x in self.events if x.ev.kind == "Competition"]
        cers = [x for x in self.events if x.ev.kind == "Ceremony" and _has("prize_word", lower_fold(x.ev.label))]
        for t in dict.fromkeys([*(comps[-1:]), *cers]):
            self._add(t, winners)

    @staticmethod
    def _add(ev: _Ev, names: list[str]) -> None:
        for n in names:
            if n not in ev.ev.participants:
                ev.ev.participants.append(n)


# a formal kind -> the plain kind the same happening may first be reported under
_PLAIN_NAMES = {"Conference": "Meeting"}

# (no rule takes a place the sentence names without "tại": on real pages that town is the actor, the audience or the
# scope far more often than the venue - stop 21: pooled unseen event places 28/45 -> 28/40; only an event told by
# its headline alone (headline_event) still takes one)
_PLACE_RULES = (_Reader._site_visited, _Reader._at_after, _Reader._at_before, _Reader._recipient)

# trigger checks by kind: (reader, trigger, start, end, sentence end, left context) -> keep the trigger?
_KIND_CHECKS = {"BookDonation": _Reader._gift_ok, "Other": _Reader._service_ok, "Ceremony": _Reader._tribute_ok,
                "Visit": _Reader._visit_ok}

# at a gathering named earlier in the sentence, touring and displays are part of it (the public seeing
# them), while a gift, a ceremony or a contest named there is a sub-event of its own
# how far after its trigger a site is where an event of the kind happens
# kinds of place that are an event's scope, never its venue (real pages' annotators give none)
_NO_VENUE_KINDS = ("Region", "Country")
_SITE_REACH = {"Visit": 40, "Ceremony": 40, "Other": 80}

# how many sentences after its own an undated main event looks for its day (stop 21: unseen pooled participants
# 71/99 -> 73/99 with 1 or 2; with 3 or more, or any distance, a later happening's day is taken)
_UNDATED_LEAD_REACH = 2
# the dates that date an undated main event told right after it: a day, or a month ("Trong tháng 4/2023, hàng nghìn
# lượt bạn đọc ..."), not a year (a plan's, a founding's)
_LEAD_PRECISIONS = ("day", "month")

_SEEN_AT_GATHERINGS = ("Visit", "Exhibition")
# verbs of a happening that, coordinated after an event's name ("... và trưng bày sách"), tell a second event
_COORDINATED_VERBS = ("Exhibition",)

_RUNNING = ("Exhibition", "Festival", "Competition", "Training", "Conference", "Workshop", "Congress")


def _name(text: str) -> str:
    """An event's name from its span: one line, no trailing punctuation, a capital first letter."""
    lab = _SPACES.sub(" ", text).strip(" ,;:")
    return lab[:1].upper() + lab[1:]


def _name_year(name: str) -> str | None:
    """The year an event's name gives ("Cuộc thi X năm 2024"), a term ("nhiệm kỳ 2025 - 2030") not."""
    m = _NAME_YEAR.search(_TERM.sub("", name.lower()))
    return m.group(0) if m else None


def _at_one(at: re.Pattern[str], left: str) -> bool:
    """Does ``left`` end with "tại/ở ..." before one place (not "ở các huyện X, Y": a list)?"""
    return bool(at.search(left)) and not _PLURAL_BEFORE.search(left)


def _capitalised_after(name: str, head: int) -> bool:
    """Is the word after the head noun of ``name`` capitalised (a proper name: "Lễ hội Hoa Phượng")?"""
    rest = name[head:].split()
    return bool(rest) and rest[0][:1].isupper()


def _same_name(a: str, b: str) -> bool:
    return lower_fold(a)[:30] == lower_fold(b)[:30]


def _contest_name(m: re.Match[str] | None) -> str | None:
    """The first words of a contest's name written as a name (capitalised or quoted), folded."""
    if m is None or not (m.group(1)[0].isupper() or m.group(1)[0] in "“\""):
        return None
    return lower_fold(m.group(1).lstrip("“\""))


def _inaugurated(last: _Hit, h: _Hit) -> bool:
    """"khánh thành, đưa vào sử dụng Thư viện X": the opening for use is the inauguration ceremony itself."""
    return last.kind == "Ceremony" and last.role == "verb" and h.kind == "Launch"


def _awards_summing_up(last: _Hit, h: _Hit) -> bool:
    """"tổ chức tổng kết, trao giải cuộc thi": one award ceremony."""
    return last.role == "lead" and last.kind == "Conference" and h.kind == "Ceremony" and h.role == "verb"


def _shouted(text: str) -> bool:
    """A line in capitals (at least 20 letters): ``isupper`` first, the count only for the rare line in capitals."""
    return text.isupper() and sum(c.isalpha() for c in text) >= 20 and all(c.isupper() for c in text if c.isalpha())


def _by_start(mentions: Iterable[_M]) -> list[_M]:
    """Mentions sorted by their start (stable: mentions at one offset keep their order)."""
    return sorted(mentions, key=lambda m: m.start)


def _is_day(date: str | None) -> bool:
    return bool(date) and len(date) == 10  # type: ignore[arg-type]


def _bounded(left: str) -> bool:
    """Does ``left`` end with "đến (hết ngày)" or "từ (ngày)": the date after it bounds a span?"""
    return bool(_END_BEFORE.search(left) or _FROM_BEFORE.search(left))


def _during(start: str | None, frame: Event) -> bool:
    """Does an event starting ``start`` happen within ``frame``'s days (undated: assumed so)?"""
    return start is None or frame.start is None or start == frame.start or _holds(frame.start, frame.end, start)


def _holds(start: str | None, end: str | None, day: str | None) -> bool:
    """Is ``day`` inside the interval ``start``-``end`` (ISO days, an interval of more than one day)?"""
    return _is_day(start) and _is_day(end) and _is_day(day) and start != end and start <= day <= end  # type: ignore[operator]


def find_events(doc: Doc) -> list[Event]:
    r = _Reader(doc)
    r.read()
    r.headline_event()
    r.headline_venue()
    r.undated_lead()
    _drop_scopes(r.events, doc)
    for w in r.events:  # a sub-event is held where the event it is part of turned out to be
        if w.ev.place is None and w.within is not None and w.within.ev.place and _during(w.ev.start, w.within.ev):
            w.ev.place = w.within.ev.place
    inferred = _inferred_years(doc)
    headline = r.headline_years()
    for w in r.events:
        if w.ev.start is None:  # "Cuộc thi X năm 2023" dated nowhere: the year its name (or the headline's) gives
            w.ev.start = _name_year(w.ev.label) or headline.get(w.ev.kind)
        w.ev.year_inferred = inferred.get(w.ev.start or "", False)
    for item, owner in r.list_items:  # an activity listed undated happens when the event it belongs to does
        if item.ev.start is None and owner.ev.start is not None:
            item.ev.start, item.ev.year_inferred = owner.ev.start, owner.ev.year_inferred
    if r.pending_persons and r.events:
        _Reader._add(r.events[0], [n for _, n in r.pending_persons])
    return [w.ev for w in r.events] + r.occasions + _awarded_contests([w.ev for w in r.events])


def _drop_scopes(events: list[_Ev], doc: Doc) -> None:
    """"các thư viện khu vực miền Trung", "tại Việt Nam": a region or a country is an event's scope, never where it
    happens (no place)."""
    scopes = {p.name for p in doc.place_mentions if p.kind in _NO_VENUE_KINDS}
    for w in events:
        if w.ev.place in scopes:
            w.ev.place = None


def _inferred_years(doc: Doc) -> dict[str, bool]:
    """For each date the article's mentions give: is its year inferred (no mention of it writes the year)?"""
    out: dict[str, bool] = {}
    for d in doc.date_mentions:
        if d.start_date:
            out[d.start_date] = out.get(d.start_date, True) and d.year_inferred
    return out


def _awarded_contests(events: list[Event]) -> list[Event]:
    """The named contest an award ceremony closes ("Lễ trao giải Cuộc thi X năm 2024") is an event too
    when the article tells it nowhere else; it runs in the year its name gives."""
    if any(ev.kind == "Competition" for ev in events):
        return []
    out: list[Event] = []
    for ev in events:
        m = _CONTEST.search(ev.label) if ev.kind == "Ceremony" else None
        if m is None or _contest_name(m) is None or any(_same_name(ev.label[m.start():], x.label) for x in out):
            continue
        contest = Event(label=_name(ev.label[m.start():]), kind="Competition", start=_name_year(ev.label[m.start():]))
        contest.evidence = list(ev.evidence)
        out.append(contest)
    return out


@component("events", requires=("article", "text", "sentences", "segmented", "title", "date_mentions",
                             "publication", "place_mentions", "person_mentions", "org_mentions"),
           assigns=("events",))
def run(doc: Doc) -> None:
    doc.events = find_events(doc)

"""Pipeline component ``dates``: every date expression of the article, resolved to ISO.

Forms of the genre (case-insensitive, the part of day optional):

* "Ngày 06-08/7/2023", "Ngày 13-14/10/2022"          -> interval
* "từ ngày 10 đến 14/6/2019", "Từ ngày 10 đến 12/8/2023", "từ 20 đến 23/4",
  "từ ngày 21 đến hết ngày 23/4/2025"                  -> interval
* "Trong 2 ngày 24 và 25/9", "ngày 5 và 6/12"         -> interval of two days
* "Sáng ngày 09 tháng 3 năm 2022", "ngày 08 tháng 01 năm 2020"
* "Sáng 17/6", "Chiều 18/12", "ngày 19/4/2019", "đến hết ngày 23/4"
* "sáng 12-3", "ngày 12-3-2020" (a hyphen, after a part of day or "ngày")
* "tháng 6/2020", "tháng 6 năm 2020", "tháng 6-2020", "tháng 6.2020" -> YYYY-MM
* "trong tháng 9", "vào tháng 9", "tháng 9 vừa qua", a sentence opening "Tháng 9, ..."
                                                     -> YYYY-MM, the month nearest the publication
* "từ ngày 2 đến ngày 4 tháng 7"                     -> interval
* "từ ngày 16 đến 22-10", "Từ ngày 16-10 đến 22-10-2025" (a hyphen or a dot, after "ngày") -> interval
* "năm 2019"                                         -> YYYY
* "Chiều cùng ngày", "sáng cùng ngày", "ngày hôm sau" -> relative (resolved by ``events``)

A day and month without a year take the year that puts the date nearest to the
publication date.  A page without one is dated by :func:`article_date` (date line,
address, the year of its sentences - the later year of an anniversary span
"(1943-2023)" first, a numbered edition "Ngày Sách Việt Nam lần thứ 5" (2018) last - or a year its first
line names alone, "Hè 2017").  Not dates: decision numbers ("Quyết định số 12/2023/QĐ-UBND"),
numbers inside names ("Quảng trường 3/2", "24/7"), lunar dates ("mùng 5 tháng
Giêng").  Dates that are not when something happened (decision, effective,
birth, founding and anniversary dates, dates in parentheses - not a month with its year, "Ngày hội (tháng
4/2024)", the time of what it follows -, a document's date after its number
"Kế hoạch số 44-KH/ĐU, ngày 24/4/2022") are kept but
flagged ``non_event``.

Every word of these rules lives in ``data/lexicon/date_words.tsv`` (families filling the ``{family}``
slots of the rule table); a day and month without a year take the article's year (across the new year
the nearer one); a term's span of years "(2011-2016)" dates a page by its first year, an anniversary's
by its last, and a review of year X followed by the plan for X+1 by X+1.

``doc.date_mentions`` gets one :class:`~libkg.extract.mentions.DateMention` per mention:
``{start, end, start_date, end_date, text, precision, relative, part, non_event}``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache

from libkg.extract.lexicon import casefree
from libkg.extract.mentions import DateMention, Publication
from libkg.extract.pipeline import Doc, component
from libkg.read.dates import infer_published, url_date
from libkg.resources import read_tsv


@cache
def _words(family: str) -> tuple[str, ...]:
    """The phrases of one family of ``data/lexicon/date_words.tsv`` (``weekday``: ``date_weekdays.txt``)."""
    if family == "weekday":
        return tuple(row[0].strip() for row in read_tsv("lexicon", "date_weekdays.txt"))
    return tuple(p for fam, p, *_ in read_tsv("lexicon", "date_words.tsv") if fam == family)


def _alt(family: str) -> str:
    """Regex source: one of the family's phrases (a group, the file's order)."""
    return "(?:" + "|".join(re.escape(w) for w in _words(family)) + ")"


_SLOT = re.compile(r"\{([a-z_]+)\}")


def _fill(template: str) -> str:
    """A rule's regex source with each ``{family}`` replaced by that family's phrases (``{1,2}`` stays)."""
    return _SLOT.sub(lambda m: _alt(m[1]), template)


def _ahead(*families: str, digit: bool = False) -> str:
    """A look-ahead for the characters a match opening with one of the families' phrases can start with:
    under ``re.I`` the engine gets no first-character prefix, so without it every alternative is tried at
    every position."""
    chars = {c for f in families for w in _words(f) for c in (w[0], w[0].upper())}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + (r"\d" if digit else "") + "])"


def _rule(kind: str, template: str, *needs: tuple[str, ...]) -> tuple[str, re.Pattern[str], tuple[tuple[str, ...], ...]]:
    """One row of the rule table: ``needs`` names families (``@family``) or literal strings."""
    expanded = tuple(tuple(w for n in alts for w in (_words(n[1:]) if n.startswith("@") else (n,)))
                     for alts in needs)
    return kind, re.compile(_fill(template), re.I), expanded


_PART = _ahead("part", "day", digit=True) + r"(?:(?P<part>{part})\s+(?:(?:{day}|{today})\s+)?|(?P<ngay>{day})\s+)"
_Y = r"(?:\s*[/.-]\s*(?P<y>\d{4}))?"
# between a month and its year: "tháng 6/2020", "tháng 6 năm 2020", the press's "tháng 6-2020", "tháng 6.2020" (a dot with
# no space: "tháng 9. 2023 là ..." ends a sentence)
_MONTH_YEAR = r"(?:\s*[/-]\s*|\.|\s+{year}\s+)"
_END = r"(?![\d/])"
_SEPS = ("/", "-", ".")
# the days after the first of a list of days: ", 25", "và 26" (the last one is the ``d2`` that follows)
_MORE_DAYS = r"(?:\s*,\s*\d{1,2}(?=\s*,|\s+{and}\s))*(?:\s*,\s*|\s+{and}\s+)"
_PARTS = ("@part", "@day")
# The date rules: (kind, pattern, needs). Earlier rules win where matches overlap. ``needs``: strings every
# match holds (in lower case; each inner tuple: one of them; "@family": one of the family's phrases): a window
# of the lower-cased text without them is not searched with that pattern at all. Each pattern opens with a
# look-ahead for the characters its match can start with (``_ahead``). The words are those of
# ``data/lexicon/date_words.tsv``, in the ``{family}`` slots.
_RULE_TABLE: list[tuple[str, re.Pattern[str], tuple[tuple[str, ...], ...]]] = [
    # "Hôm qua (3/10)", "Sáng nay (15/8)", "Chiều thứ Bảy (ngày 12/3)", "Chiều ngày (7/4)": a deictic word, a
    # weekday or a part of the day glossed by the date in parentheses
    _rule("day", _ahead("part", "deictic", "weekday") + r"(?:(?P<part>{part})\s+(?:{today}|{weekday}|{day})"
          r"|(?P<ngay>{deictic}|{weekday}))"
          r"\s*\(\s*(?:{day}\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})" + _Y + r"\s*\)",
          ("(",), ("@today", "@deictic", "@weekday", "@day")),
    # 06-08/7/2023, 13-14/10/2022
    _rule("range", _PART + r"?(?<![\d/.])(?P<d1>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})\s*/\s*(?P<m>\d{1,2})" + _Y + _END,
          ("/",), ("-", "–")),
    # "Từ ngày 27/1- 5/2/2022", "từ 22/4-25/4": two days with their months, after "từ", "ngày" or a part of day
    # (a bare "30/4 - 1/5" names holidays)
    _rule("range", _ahead("from", "part", "day") + r"(?:{from}\s+(?:{day}\s+)?|{part}\s+(?:{day}\s+)?|{day}\s+)"
          r"(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})\s*/\s*(?P<m>\d{1,2})" + _Y + _END,
          ("/",), ("-", "–")),
    # "Ngày 21 - 22.6", "sáng 3-4.10.2020": day and month joined by a dot, after a part of day or "ngày"
    _rule("range", _PART + r"(?<![\w/.])(?P<d1>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})\.(?P<m>\d{1,2})"
          r"(?:\.(?P<y>\d{4}))?(?![\d.]\d)",
          (".",), ("-", "–"), _PARTS),
    # từ ngày 10 đến 14/6/2019 ; từ ngày 25/01 đến hết ngày 02/02/2025
    _rule("range", _ahead("from", "day") + r"(?:{from}\s+(?:{day}\s+)?|{day}\s+)(?P<d1>\d{1,2})(?:\s*/\s*(?P<m1>\d{1,2}))?"
          r"\s+{to}\s+(?:{through}\s+)?(?:{day}\s+)?(?P<d2>\d{1,2})\s*/\s*(?P<m>\d{1,2})" + _Y + _END,
          ("/",), ("@to",)),
    # "từ ngày 16 đến 22-10", "Từ ngày 16-10 đến 22-10-2025", "từ ngày 16 đến ngày 22.10.2025": the same with a
    # hyphen or a dot (after "ngày", which a count "từ 6 đến 11-12 tuổi" lacks)
    _rule("range", _ahead("from", "day") + r"(?:{from}\s+{day}\s+|{day}\s+)(?P<d1>\d{1,2})(?:\s*[.-]\s*(?P<m1>\d{1,2}))?"
          r"\s+{to}\s+(?:{through}\s+)?(?:{day}\s+)?(?P<d2>\d{1,2})\s*(?P<sep>[.-])\s*(?P<m>\d{1,2})"
          r"(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?![\d/]|[.-]\d)",
          ("-", "."), ("@to",), ("@day",)),
    # từ ngày 2 đến ngày 4 tháng 7 (năm 2023)
    _rule("range", _ahead("from", "day") + r"(?:{from}\s+(?:{day}\s+)?|{day}\s+)(?P<d1>\d{1,2})\s+{to}\s+(?:{through}\s+)?"
          r"(?:{day}\s+)?(?P<d2>\d{1,2})\s+{month}\s+(?P<m>\d{1,2})(?:\s+{year}\s+(?P<y>\d{4}))?(?!\d)",
          ("@month",), ("@to",)),
    # (trong 2 ngày) 25/4 và 26/4/2019, ngày 30/4, 1/5: two or three days each with its month (days close together,
    # else two dates)
    _rule("close_pair", _ahead("day") + r"{day}\s+(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})(?:\s*,\s*|\s+{and}\s+)"
          r"(?:{day}\s+)?(?P<d2>\d{1,2})\s*/\s*(?P<m>\d{1,2})" + _Y + _END,
          ("/",), ("@day",), ("@and", ",")),
    # (trong 2) ngày 24 và 25/9, ngày 14 và 15-10-2021, ngày 5 và 6.12, ngày 05, 06/11, ngày 4, 5 và 6/7
    _rule("pair", _ahead("day") + r"{day}\s+(?P<d1>\d{1,2})" + _MORE_DAYS + r"(?P<d2>\d{1,2})\s*(?P<sep>[/.-])\s*"
          r"(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?![\d/]|[.-]\d)",
          _SEPS, ("@day",), ("@and", ",")),
    # (trong hai) ngày 14 và 15 tháng 10 (năm 2019), ngày 14, 15 tháng 10
    _rule("pair", _ahead("day") + r"{day}\s+(?P<d1>\d{1,2})" + _MORE_DAYS + r"(?P<d2>\d{1,2})\s+{month}\s+(?P<m>\d{1,2})"
          r"(?:\s+{year}\s+(?P<y>\d{4}))?(?!\d)",
          ("@month",), ("@day",), ("@and", ",")),
    # ngày 09 tháng 3 năm 2022, ngày 5 tháng 6-2022
    _rule("day", _PART + r"?(?<!\w)(?P<d>\d{1,2})\s+{month}\s+(?P<m>\d{1,2})(?:" + _MONTH_YEAR + r"(?P<y>\d{4}))?(?!\d)",
          ("@month",)),
    # 19/4/2019, 17/6 (a day without a year needs "ngày"/"sáng"/... before it)
    _rule("day", _PART + r"?(?<![\w/.])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})" + _Y + _END,
          ("/",)),
    # "sáng 12-3", "ngày 12-3-2020": day and month joined by a hyphen, after a part of day or "ngày"
    _rule("day", _PART + r"(?<![\w/.])(?P<d>\d{1,2})-(?P<m>\d{1,2})(?:-(?P<y>\d{4}))?(?![\d/–-])",
          ("-",), _PARTS),
    # "sáng 12.7", "chiều ngày 22.12.2020": joined by dots, after a part of day or "ngày"
    _rule("day", _PART + r"(?<![\w/.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?:\.(?P<y>\d{4}))?(?![\d.]\d)",
          (".",), _PARTS),
    # "từ tháng 4 đến tháng 6/2024", "từ tháng 10/2023 đến tháng 2/2024": an interval of months
    _rule("month_range", _ahead("from") + r"{from}\s+{month}\s+(?P<m1>\d{1,2})(?:" + _MONTH_YEAR + r"(?P<y1>\d{4}))?\s+{to}\s+"
          r"(?:{through}\s+)?{month}\s+(?P<m>\d{1,2})" + _MONTH_YEAR + r"(?P<y>\d{4})(?!\d)",
          ("@month",), ("@to",)),
    # tháng 6/2020, tháng 6 năm 2020, tháng 6-2020, tháng 6.2020
    _rule("month", _ahead("month") + r"{month}\s+(?P<m>\d{1,2})" + _MONTH_YEAR + r"(?P<y>\d{4})(?!\d)",
          ("@month",)),
    # "trong tháng 9", "tháng 9 vừa qua", "tháng 9 năm nay", a sentence opening "Tháng 9, ...": a month of the
    # publication's time, no year written
    _rule("month_of_pub", _ahead("month") + r"(?:(?:" + "|".join(f"(?<={re.escape(w)} )" for w in _words("month_before"))
          + r"){month}\s+(?P<m>\d{1,2})(?![\d/])(?!\s+{year})"
          r"|{month}\s+(?P<m2>\d{1,2})\s+{month_after}"
          r"|(?:^|(?<=\n)|(?<=[.!?] )){month}\s+(?P<m3>\d{1,2})(?=\s*,))",
          ("@month",)),
    _rule("year", r"(?<!\w)" + _ahead("year") + r"{year}\s+(?P<y>(?:19|20)\d{2})(?![\d/])",
          ("@year",)),
    _rule("relative", _ahead("part", "same_day", "next_day") + r"(?:(?P<part>{part})\s+)?(?:(?P<same>{same_day})"
          r"|(?P<rel>{next_day}))",
          ("@same_day", "@next_day")),
]
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(kind, pat) for kind, pat, _ in _RULE_TABLE]


def _lower_literals(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without ``re.I``, for a lower-cased text (:func:`~libkg.extract.lexicon.casefree`).

    On such a text it matches where ``pattern`` matches on the original, at
    the same offsets, when every literal letter of ``pattern`` is in lower case
    and every class holds the lower case of each letter it holds (checked
    here); without ``re.I`` the engine compares characters directly instead of
    lower-casing each one.
    """
    from re import _constants as c  # type: ignore[attr-defined,unused-ignore]
    from re import _parser  # type: ignore[attr-defined,unused-ignore]

    def check(items: list) -> None:
        for op, av in items:
            if op is c.LITERAL and chr(av) != chr(av).lower():
                raise ValueError(f"upper-case literal {chr(av)!r} in {pattern.pattern!r}")
            if op is c.NOT_LITERAL and chr(av).lower() != chr(av).upper():
                raise ValueError(f"negated letter in {pattern.pattern!r}")
            if op is c.IN:
                chars = {chr(v) for o, v in av if o is c.LITERAL}
                cased = any(o is c.RANGE and any(chr(x).lower() != chr(x).upper() for x in range(v[0], v[1] + 1))
                            for o, v in av)
                negated = any(o is c.NEGATE for o, _ in av)
                if cased or any(ch.lower() not in chars for ch in chars) or negated and any(
                        ch.lower() != ch.upper() for ch in chars):
                    raise ValueError(f"class not closed under lower case in {pattern.pattern!r}")
            elif isinstance(av, tuple | list):
                for x in av:
                    if isinstance(x, _parser.SubPattern):
                        check(x)
                    elif isinstance(x, list):
                        for y in x:
                            if isinstance(y, _parser.SubPattern):
                                check(y)

    check(_parser.parse(pattern.pattern))
    return re.compile(pattern.pattern)


_PATTERNS_LOWER = [_lower_literals(p) for _, p in _PATTERNS]
_NEEDS = [needs for _, _, needs in _RULE_TABLE]
# the distinct alternatives the patterns need, and each pattern's needs as indices into them: a window is
# searched for each alternative once, not once per pattern that needs it
_NEED_ALTS = list(dict.fromkeys(alts for needs in _NEEDS for alts in needs))
_NEED_IDX = [tuple(_NEED_ALTS.index(alts) for alts in needs) for needs in _NEEDS]
# what before a date (in its clause) makes it a date that is not when the reported event happened
# cheap anchors: only the text around them is searched with the patterns above
_RELATIVE_WORDS = (*_words("same_day"), *_words("next_day"))
_ANCHOR = re.compile(_fill(r"(?=[\d" + "".join(sorted({c for w in (*_RELATIVE_WORDS, *_words("year"), *_words("month"))
                                                       for c in (w[0], w[0].upper())})) + r"])"
                           r"(?:\d\s*(?:/|{month})|\d-\d|\d\.\d|" + "|".join(re.escape(w) for w in _RELATIVE_WORDS)
                           + r"|{year} \d|{month} \d)"), re.I)
_NON_EVENT_LEFT = re.compile("(" + _alt("not_event_before") + ")", re.I)
# _NON_EVENT_LEFT for a lower-cased text (lexicon.casefree): its words are in lower case, and without re.I the
# engine scans for their first letters in C instead of entering the pattern at every position
_NON_EVENT_LEFT_LOWER = re.compile(_NON_EVENT_LEFT.pattern)
# between a non-event word and a date: the date is when something happens ("... thành lập diễn ra vào ngày 5/6")
_HAPPENING = re.compile(_alt("happening"))
_NON_EVENT_RIGHT = re.compile(r"^\s*(" + _alt("not_event_after") + ")", re.I)
_DECISION_RIGHT = re.compile(r"^/\s*[A-ZĐ]")
# a document's number right before the date ("Kế hoạch số 44-KH/ĐUK, ngày 24/4/2022", "văn bản số 4343/VPCP-KGVX,
# ngày ..."): the document's date, even past the comma that ends the clause ``_NON_EVENT_LEFT`` reads
_DOCUMENT_BEFORE = re.compile(r"(?<![\w/])\d+[\w.-]*/[\w./&-]*[A-ZĐ][\w./&-]*\s*,?\s*(?i:" + _alt("day") + r"\s*)?\Z")
_NUMBER_BEFORE = re.compile(r"(?<!\w)" + _alt("number") + r"[ \t]*\Z", re.I)  # "số 12/2023": a document number (not a line ending "SỐ")


# _ANCHOR's alternatives in lower case: the one opening with a digit, and the words the others open with
_DIGIT_ANCHOR = re.compile(_fill(r"\d\s*(?:/|{month})|\d-\d|\d\.\d"))
_ANCHOR_WORDS = (*_RELATIVE_WORDS, *(w + " " for w in (*_words("year"), *_words("month"))))


def _anchors(text: str, low: str | None, lo: int, hi: int) -> list[re.Match[str]]:
    """``list(_ANCHOR.finditer(text, lo, hi))``, the pattern tried only where an anchor can start.

    Under ``re.I`` the engine enters ``_ANCHOR`` at every position of the text.
    In ``low`` (:func:`~libkg.extract.lexicon.casefree`) an anchor opens where
    the case-sensitive :data:`_DIGIT_ANCHOR` matches (it opens with a class the
    engine scans for in C, and no match of it starts inside another) or where
    ``str.find`` finds one of :data:`_ANCHOR_WORDS`.  Trying those positions in
    order, each after the end of the last match, gives exactly the matches of
    ``finditer``.
    """
    if low is None:
        return list(_ANCHOR.finditer(text, lo, hi))
    cands = [m.start() for m in _DIGIT_ANCHOR.finditer(low, lo, hi)]
    for w in _ANCHOR_WORDS:
        i = low.find(w, lo, hi)
        while i >= 0:
            cands.append(i)
            i = low.find(w, i + 1, hi)
    cands.sort()
    out = []
    pos = lo
    match = _ANCHOR.match
    for c in cands:
        if c < pos:
            continue
        m = match(text, c, hi)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})(?:-(\d{2}))?")


def _pub(published: str | None) -> dt.date | None:
    """The date day-month dates are placed nearest to: ``YYYY-MM-DD``; ``YYYY-MM`` (a page address gives
    only the month) is its 15th; ``YYYY`` (only the year is known) is 2 July, nearer to every day of that
    year than the same day of the year before or after, so a day and month take that year."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        pass
    m = _YEAR_MONTH.fullmatch(published.strip())
    if m is None or m[2] is not None and not 1 <= int(m[2]) <= 12:
        return None
    return dt.date(int(m[1]), int(m[2]), 15) if m[2] else dt.date(int(m[1]), 7, 2)


# a day and month without a year take the article's year when that puts them from this many days before
# the article's date to this many after it (news reports what happened this year, and announces what comes
# in the next months); else the year before or after, whichever is nearer ("28/12" in early January)
_SAME_YEAR_BEFORE = 330
_SAME_YEAR_AFTER = 183


def _with_year(d: int, m: int, y: int | None, pub: dt.date | None) -> dt.date | None:
    """The date; without a year, the article's year (see ``_SAME_YEAR_BEFORE``), across a new year the one of
    the years around it nearest the publication date."""
    if y is not None:
        return _date(y, m, d)
    if pub is None:
        return None
    same = _date(pub.year, m, d)
    if same is not None and -_SAME_YEAR_BEFORE <= (same - pub).days <= _SAME_YEAR_AFTER:
        return same
    cands = [c for c in (same, _date(pub.year - 1, m, d), _date(pub.year + 1, m, d)) if c]
    return min(cands, key=lambda c: abs((c - pub).days)) if cands else None


def _clause_left(text: str, start: int) -> str:
    """The text of the clause before ``start`` (back to a sentence break, comma or parenthesis)."""
    lo = max(0, start - 120)
    left = text[lo:start]
    cut = max(left.rfind(c) for c in ".;:,\n(")
    return left[cut + 1:] if cut >= 0 else left


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """Is the date in parentheses (a gloss: "Ngày Sách (21/4)"), not those that give the days just named ("Trong
    hai ngày (14-15/10)")?"""
    left = text[max(0, start - 40):start]
    right = text[end:end + 40]
    o, c = left.rfind("("), left.rfind(")")
    inside = o > c and ")" in right and ("(" not in right or right.index(")") < right.index("("))
    return inside and not _DAYS_BEFORE_PAREN.search(left, 0, o)


# before a parenthesis: the word "day(s)" the dates in it give ("Trong hai ngày (14-15/10)")
_DAYS_BEFORE_PAREN = re.compile(r"(?<!\w)" + _alt("day") + r"\s*$", re.I)


def _year(g: dict[str, str | None]) -> int | None:
    y = g.get("y")
    return int(y) if y else None


def _range_mention(m: re.Match[str], text: str, pub: dt.date | None) -> DateMention | None:
    """"06-08/7/2023", "từ ngày 10 đến 14/6", "ngày 24 và 25/9": an interval (the first day may be in the
    month before: "từ ngày 25/01 đến hết ngày 02/02")."""
    g = m.groupdict()
    y = _year(g)
    mo = int(g["m"])
    m1 = int(g["m1"]) if g.get("m1") else mo
    d2 = _with_year(int(g["d2"]), mo, y, pub)
    if d2 is None:
        return None
    d1 = _date(d2.year, m1, int(g["d1"]))
    if d1 is not None and d1 > d2:
        d1 = _date(d2.year - 1, m1, int(g["d1"]))
    if d1 is None:
        return None
    s, e = m.span()
    return DateMention(s, e, d1.isoformat(), d2.isoformat(), text[s:e], "day", part=_part(g),
                       explicit_year=y is not None)


def _part(g: dict[str, str | None]) -> str | None:
    return (g.get("part") or "").lower() or None


_ORDINAL_HEADS = frozenset(row[0].strip() for row in read_tsv("lexicon", "date_ordinal_heads.txt"))
_LAST_WORD = re.compile(r"(\w+)\W*\Z")


def _after_ordinal_head(text: str, s: int) -> bool:
    """"lần thứ 4 (21/4)": the "thứ" opening the match at ``s`` is an ordinal, not a weekday."""
    if not text[s:s + 4].lower().startswith(_words("ordinal")):
        return False
    last = _LAST_WORD.search(text, max(0, s - 12), s)
    return last is not None and last[1].lower() in _ORDINAL_HEADS


def _day_mention(m: re.Match[str], text: str, pub: dt.date | None) -> DateMention | None:
    """One day; without a year only after "ngày" or a part of day, never a document number."""
    g = m.groupdict()
    s, e = m.span()
    y = _year(g)
    if y is None and not (g.get("part") or g.get("ngay")):
        return None  # "3/2", "24/7": a bare day/month is not a date
    if _after_ordinal_head(text, s):
        return None
    if _DECISION_RIGHT.match(text[e:e + 3]) or _NUMBER_BEFORE.search(text[max(0, s - 5):s]):
        return None
    d = _with_year(int(g["d"]), int(g["m"]), y, pub)
    if d is None:
        return None
    return DateMention(s, e, d.isoformat(), None, text[s:e], "day", part=_part(g), explicit_year=y is not None)


def _month_mention(m: re.Match[str], text: str, pub: dt.date | None) -> DateMention | None:
    """"tháng 6/2020", "tháng 6 năm 2020"."""
    mo, y = int(m["m"]), int(m["y"])
    s, e = m.span()
    if not 1 <= mo <= 12 or _DECISION_RIGHT.match(text[e:e + 3]):
        return None
    return DateMention(s, e, f"{y:04d}-{mo:02d}", None, text[s:e], "month", explicit_year=True)


def _month_range_mention(m: re.Match[str], text: str, pub: dt.date | None) -> DateMention | None:
    """"từ tháng 4 đến tháng 6/2024": the first month to the last (the first in the year before when it is
    later in the year: "từ tháng 10 đến tháng 2/2024")."""
    m1, m2, y = int(m["m1"]), int(m["m"]), int(m["y"])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    y1 = int(m["y1"]) if m["y1"] else (y - 1 if m1 > m2 else y)
    s, e = m.span()
    return DateMention(s, e, f"{y1:04d}-{m1:02d}", f"{y:04d}-{m2:02d}", text[s:e], "month", explicit_year=True)


def _month_of_pub_mention(m: re.Match[str], text: str, pub: dt.date | None) -> DateMention | None:
    """"trong tháng 9", "tháng 9 vừa qua": the month nearest the publication."""
    mo = int(m["m"] or m["m2"] or m["m3"])
    if not 1 <= mo <= 12 or pub is None:
        return None
    near = _with_year(15, mo, None, pub)
    if near is None:
        return None
    s, e = m.span()
    return DateMention(s, e, f"{near.year:04d}-{mo:02d}", None, text[s:e], "month")


def _year_mention(m: re.Match[str], text: str, pub: dt.date | None) -> DateMention | None:
    s, e = m.span()
    return DateMention(s, e, m["y"], None, text[s:e], "year", explicit_year=True)


def _relative_mention(m: re.Match[str], text: str, pub: dt.date | None) -> DateMention | None:
    """"Chiều cùng ngày", "ngày hôm sau": resolved against the last event date by ``events``."""
    s, e = m.span()
    return DateMention(s, e, None, None, text[s:e], "relative",
                       relative="same_day" if m["same"] else "next_day", part=_part(m.groupdict()))


_CLOSE_DAYS = 3  # two days with their months this close are one interval ("ngày 25/4 và 26/4/2019")


def _close_pair_mention(m: re.Match[str], text: str, pub: dt.date | None) -> DateMention | None:
    """"ngày 25/4 và 26/4/2019": an interval when the days are close together, else no match (two dates)."""
    mention = _range_mention(m, text, pub)
    if mention is None or mention.start_date is None or mention.end_date is None:
        return None
    days = (dt.date.fromisoformat(mention.end_date) - dt.date.fromisoformat(mention.start_date)).days
    return mention if 0 < days <= _CLOSE_DAYS else None


# the rule of each pattern kind of _PATTERNS: a match -> a mention, or None when it is no date
_RULES: dict[str, Callable[[re.Match[str], str, dt.date | None], DateMention | None]] = {
    "range": _range_mention, "pair": _range_mention, "close_pair": _close_pair_mention, "day": _day_mention, "month": _month_mention, "month_range": _month_range_mention,
    "month_of_pub": _month_of_pub_mention, "year": _year_mention, "relative": _relative_mention,
}


def _is_non_event(text: str, low: str | None, s: int, e: int, part: str | None = None, month_of_year: bool = False) -> bool:
    """A date that is not when the reported thing happened: a decision's, a founding's, one in parentheses;
    not one the clause gives a happening after such a word ("Lễ kỷ niệm 60 năm thành lập vào sáng 5/6", "...
    thành lập diễn ra vào ngày 5/6": a part of the day or a verb of happening between them)."""
    if low is not None:  # the same search, case-sensitive on the lower-cased clause: far faster
        clause = _clause_left(low, s)
        left = _NON_EVENT_LEFT_LOWER.search(clause)
    else:
        clause = _clause_left(text, s)
        left = _NON_EVENT_LEFT.search(clause)
    if left is not None and (part is not None or _HAPPENING.search(clause.lower(), left.end())):
        left = None
    return bool(left or _NON_EVENT_RIGHT.match(text[e:e + 20]) or not month_of_year and _in_parentheses(text, s, e)
                or _DOCUMENT_BEFORE.search(text, max(0, s - 40), s))


def _windows(text: str, low: str | None, regions: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """Merged windows of text around the cheap anchors: only they are searched with the patterns."""
    spans: list[tuple[int, int]] = []
    for lo, hi in regions or [(0, len(text))]:
        for a in _anchors(text, low, lo, hi):
            w = (max(lo, a.start() - 45), min(hi, a.end() + 30))
            if spans and w[0] <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], w[1]))
            else:
                spans.append(w)
    return spans


def _matches(text: str, low: str | None, spans: list[tuple[int, int]]) -> Iterator[tuple[str, re.Match[str]]]:
    """(kind, match) of every pattern in turn, over the windows that hold the strings it needs."""
    lows = [low[lo:hi] for lo, hi in spans] if low is not None else []
    has = [[any(n in w for n in alts) for alts in _NEED_ALTS] for w in lows]
    for (kind, pat), low_pat, needs in zip(_PATTERNS, _PATTERNS_LOWER, _NEED_IDX, strict=True):
        if low is not None:  # a window without a string the pattern needs holds no match of it
            wins = [span for span, h in zip(spans, has, strict=True) if all(h[k] for k in needs)]
            pat, subject = low_pat, low  # the same matches, case-sensitive on the lower-cased text
        else:
            wins, subject = spans, text
        for lo, hi in wins:
            for m in pat.finditer(subject, lo, hi):
                yield kind, m


def find_dates(text: str, published: str | None = None,
               regions: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """Every date mention in ``text``, in text order.

    >>> [m.start_date for m in find_dates("Sáng 17/6, tại Hà Nội ...", "2025-06-18")]
    ['2025-06-17']
    >>> m = find_dates("Ngày 06-08/7/2023, tại tỉnh Thái Nguyên")[0]
    >>> (m.start_date, m.end_date)
    ('2023-07-06', '2023-07-08')
    """
    pub = _pub(published)
    taken = [False] * (len(text) + 1)
    out: list[DateMention] = []
    low = casefree(text)
    for kind, m in _matches(text, low, _windows(text, low, regions)):
        s, e = m.span()
        if any(taken[s:e]):
            continue
        mention = _RULES[kind](m, text, pub)
        if mention is None:
            continue
        mention.non_event = _is_non_event(text, low, s, e, mention.part,
                                          mention.precision == "month" and mention.explicit_year)
        for i in range(s, e):
            taken[i] = True
        out.append(mention)
    out.sort(key=lambda x: x.start)
    return out


_UNTIL_BEFORE = re.compile(_alt("until_before") + r"\s*$")


def _anniversary_year(mentions: list[DateMention]) -> str | None:
    """The later year of an anniversary pair, "(19/8/1945 - 19/8/2025)": the anniversary is the article's year."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if (a.precision == b.precision == "day" and a.explicit_year and b.explicit_year and a.start_date
                and b.start_date and a.start_date[4:] == b.start_date[4:] and a.start_date < b.start_date
                and 0 <= b.start - a.end <= 5):
            return b.start_date[:4]
    return None


# "(1943 - 2023)": the years an anniversary spans, in parentheses
# "(Hội nghị) tổng kết công tác năm X, phương hướng nhiệm vụ năm X+1": a review of a year, held in the next
_REVIEW_AND_PLAN = re.compile(_fill(r"(?<!\w){review}[^.;\n]{0,90}?{year}\s+(?P<reviewed>(?:19|20)\d{2})[^.;\n]{0,60}?"
                                    r"(?<!\w){plan}[^.;\n]{0,40}?{year}\s+(?P<plan>(?:19|20)\d{2})"), re.I)
_ANNIVERSARY_YEARS = 10  # a span of years this long or longer is an anniversary's, a shorter one a term's
_YEAR_SPAN = re.compile(r"\(\s*(?P<a>(?:19|20)\d{2})\s*[-–]\s*(?P<b>(?:19|20)\d{2})\s*\)")
# "nhiệm kỳ 2016-2021": a term's years
_TERM_SPAN = re.compile(r"(?<!\w)" + _alt("term") + r"\s+(?P<a>(?:19|20)\d{2})\s*[-–]\s*(?P<b>(?:19|20)\d{2})(?!\d)", re.I)


_ROMAN = {"i": 1, "v": 5, "x": 10}


@cache
def _editions() -> tuple[re.Pattern[str], dict[str, int], dict[str, int]]:
    """The numbered editions of ``date_editions.tsv``: (one pattern, first year by name, ordinal words' values)."""
    rows = read_tsv("lexicon", "date_editions.tsv")
    firsts = {row[1]: int(row[2]) for row in rows if row[0] == "edition"}
    numbers = {row[1]: int(row[2]) for row in rows if row[0] == "number"}
    before = "|".join(re.escape(row[1]).replace(r"\ ", r"\s+") for row in rows if row[0] == "ordinal")
    names = "|".join(f"(?P<e{i}>{name})" for i, name in enumerate(firsts))
    ordinal = r"(?P<n>\d{1,2}|[ivx]{1,5}|" + "|".join(sorted(numbers, key=len, reverse=True)) + r")"
    return re.compile(r"(?<!\w)(?:" + names + r")\s+(?:" + before + r")\s+" + ordinal + r"(?!\w)"), firsts, numbers


def _ordinal(word: str, numbers: dict[str, int]) -> int | None:
    """The value of "5", "VIII" or "tám"."""
    if word.isdigit():
        return int(word)
    if word in numbers:
        return numbers[word]
    if any(c not in _ROMAN for c in word):
        return None
    vals = [_ROMAN[c] for c in word]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def edition_year(text: str) -> str | None:
    """The year of the first numbered edition of a recurring national day the text names ("Ngày Sách Việt Nam
    lần thứ 5": 2018), from the year of its first edition (``date_editions.tsv``)."""
    pattern, firsts, numbers = _editions()
    for m in pattern.finditer(text.lower()):
        n = _ordinal(m["n"], numbers)
        name = next(k for i, k in enumerate(firsts) if m.group(f"e{i}") is not None)
        if n is not None and 0 < n < 60:
            return str(firsts[name] + n - 1)
    return None


def year_from_text(text: str, mentions: list[DateMention]) -> str | None:
    """The article's year from its own sentences, when neither metadata, date line nor address gives it.

    The later year of an anniversary pair ("kỷ niệm 80 năm ... (19/8/1945 - 19/8/2025)" or "(1943-2023)":
    the anniversary falls in the article's year); else the year of a numbered edition (:func:`edition_year`:
    "Ngày Sách Việt Nam lần thứ 5", 2018); else the first written year of an event date or of
    "năm YYYY" (not a document's, founding's or anniversary's date, nor a plan's "đến năm 2030").
    """
    year = _anniversary_year(mentions)
    if year:
        return year
    review = _REVIEW_AND_PLAN.search(text)
    if review is not None and int(review["plan"]) == int(review["reviewed"]) + 1:
        return review["plan"]  # "tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024": held in 2024
    spans = [m for m in (_first_unquoted(_YEAR_SPAN, text), _TERM_SPAN.search(text)) if m is not None]
    span = min(spans, key=lambda m: m.start(), default=None)
    if span is not None and int(span["b"]) > int(span["a"]):
        # an anniversary's span ("(1943-2023)") ends in the article's year; a term's ("Đại hội lần thứ II
        # (2011-2016)", "nhiệm kỳ 2016-2021": at most a few years) begins in it
        return span["b"] if int(span["b"]) - int(span["a"]) >= _ANNIVERSARY_YEARS else span["a"]
    for m in mentions:
        if m.non_event or not m.explicit_year or m.start_date is None:
            continue
        if m.precision == "year" and (_UNTIL_BEFORE.search(text[max(0, m.start - 12):m.start].lower())
                                      or _SPAN_AFTER.match(text, m.end)):
            continue  # a plan's "đến năm 2030"; a period "từ năm 2015-2020" (not the year the page tells of)
        return m.start_date[:4]
    return edition_year(text)


_SPAN_AFTER = re.compile(r"\s*[-–]\s*(?:19|20)\d{2}(?!\d)")  # "năm 2015-2020": the first year of a span of years


# a quoted title ("cuốn “Lịch sử Binh đoàn (1985-2015)”"): the years in it are the work's, not the article's
_QUOTED = re.compile(r"[“\"][^”\"\n]{1,200}[”\"]")


def _first_unquoted(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` outside a quoted title."""
    for m in pattern.finditer(text):
        if not any(q.start() < m.start() < q.end() for q in _QUOTED.finditer(text, max(0, m.start() - 200), m.end() + 1)):
            return m
    return None


def _months_apart(a: str, b: str) -> bool:
    """Two dates over a month and a half apart (a month-only date counts as its 15th)."""
    da, db = _pub(a), _pub(b)
    return da is not None and db is not None and abs((da - db).days) > 45


def article_date(doc: Doc, regions: list[tuple[int, int]] | None = None) -> tuple[str | None, str | None]:
    """(date, source) of the article's own date, that gives years to day-month dates.

    ``published`` when the article has one, with the reader's ``published_source`` when it found it (a
    page-address date far from one the reader guessed from the text wins over it); else the page's date line or address
    (:func:`libkg.read.dates.infer_published`: ``"date line"``, ``"url"``, ``"text"``); else
    the year of its sentences (:func:`year_from_text`, source ``"year in text"``); else (None, None).
    """
    published = doc.article.published
    if published:
        guessed = getattr(doc.article, "published_source", None)
        in_url = url_date(doc.article.url) if guessed == "text" else None
        if in_url and _months_apart(published, in_url):
            return in_url, "url"  # the address is the site's own record; a reader's guess from the text is not
        return published, guessed or "published"
    found = infer_published(doc.text, doc.article.url)
    if found is not None:
        return found.date, found.source
    stamp = _MONTH_STAMP.match(doc.text)
    if stamp is not None:  # " date 2022-04 Tiêu đề ...": a page stamped with its month only
        return stamp["ym"], "date line"
    year = year_from_text(doc.text, find_dates(doc.text, None, regions)) or _headline_year(doc.text)
    return (year, "year in text") if year else (None, None)


# a page's own month stamp opening its text (" date 2022-04 ..."; a full " date 2022-04-19" is a date line the reader
# reads)
_MONTH_STAMP = re.compile(r"\s*date\s+(?P<ym>(?:19|20)\d{2}-(?:0[1-9]|1[0-2]))(?![\d-])")
# a year written alone ("Hè 2017"), not part of a date or a document number ("09/2020/NQ", "1.2020")
_BARE_YEAR = re.compile(r"(?<![\d/.,-])(?:19|20)\d{2}(?![\d/]|[.,-]\d)")
_HEAD_CHARS = 300


def _headline_year(text: str) -> str | None:
    """The year the first line names alone ("Hội thi ... - Hè 2017"), for a page nothing else dates."""
    head = text.lstrip()[:_HEAD_CHARS].split("\n", 1)[0]
    m = _BARE_YEAR.search(head)
    return m.group(0) if m else None


@component("dates", requires=("article", "text", "sentences"), assigns=("publication", "date_mentions"))
def run(doc: Doc) -> None:
    regions = doc.sentences or None
    date, source = article_date(doc, regions)
    mentions = find_dates(doc.text, date, regions)
    for m in mentions:
        m.year_inferred = m.precision in ("day", "month") and not m.explicit_year and m.start_date is not None
    doc.publication = Publication(date, source)
    doc.date_mentions = mentions

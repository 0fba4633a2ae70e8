"""Finding an article's publication date when the file does not state it as metadata.

News pages print their own date: a date line near the headline ("Đăng ngày:
31/03/2021", "Thứ Hai, 12/03/2021 09:15", "20:21, 22/06/2022") or a date in the
page's address ("/2021/10/15/", "/2019-09-18/", "/202206/", "-d20191223081359.htm").
:func:`infer_published` returns the first that a page has, with where it came
from, so a reader can record the date as inferred (``Article.published_source``).

Order: the date line (the earliest, when the head shows several: a page may
print today's date above the article's), then the address, then, for a plain
text without either, the first full date of the head that is not a document's,
a founding's or an anniversary's (nor in parentheses: "(19/8/1945 - 19/8/2025)").
The cue words live in ``data/lexicon/date_line_cues.txt`` and
``data/lexicon/date_not_publication.txt``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from libkg.resources import read_tsv

_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/.-]\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TIME = re.compile(r"(?<!\d)\d{1,2}\s*[:hg]\s*\d{2}(?!\d)")
_LETTERS = re.compile(r"[^\W\d_]+")
# dates in a page address: /2021/10/15/, /2019-09-18/, -20191223081359..., /202206/
_URL_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})([/-])(\d{2})\2(\d{2})(?!\d)")
_URL_STAMP = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{6,9})(?!\d)")
_URL_YM = re.compile(r"/((?:19|20)\d{2})(\d{2})/")
DATE_LINE_MAX = 110  # a date line is short; a longer line is prose
HEAD_LINES = 15  # the date line sits among the first lines (after a menu, the headline, a byline)
HEAD_CHARS = 1500
NOT_PUBLICATION_REACH = 30  # how far before a date a word of another kind of date ("số", "thành lập") is looked for


@dataclass(frozen=True)
class PublicationDate:
    """A publication date found in the page: ``date`` is ``YYYY-MM-DD`` (or ``YYYY-MM`` from an address
    that gives only the month); ``source`` is ``"date line"``, ``"url"`` or ``"text"``."""

    date: str
    source: str


def iso_date(day: int, month: int, year: int) -> str | None:
    """``YYYY-MM-DD`` when the parts make a real calendar date, else None."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(date line cue words, words before a date that is not the publication's), each one alternation."""
    def alternation(name: str) -> re.Pattern[str]:
        words = sorted((row[0].strip() for row in read_tsv("lexicon", name) if row[0].strip()), key=len,
                       reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    return alternation("date_line_cues.txt"), alternation("date_not_publication.txt")


def _full_dates(line: str) -> list[tuple[int, str]]:
    """(offset, ISO date) of every full date written in ``line`` (d/m/yyyy, d-m-yyyy, d.m.yyyy, ISO)."""
    out = [(m.start(), iso_date(int(m[3]), int(m[2]), int(m[1]))) for m in _ISO.finditer(line)]
    out += [(m.start(), iso_date(int(m[1]), int(m[3]), int(m[4]))) for m in _DMY.finditer(line)]
    return sorted((i, d) for i, d in out if d)


def _is_date_line(line: str, low: str) -> bool:
    """A short line whose full date is the page's: with a cue word, a clock time, or nothing but the date."""
    if len(line) > DATE_LINE_MAX:
        return False
    first = _full_dates(line)[:1]
    if first and line.rfind("(", 0, first[0][0]) > line.rfind(")", 0, first[0][0]):
        return False  # "(3/2/1930 - 3/2/2025)": an anniversary, not the page's date
    cue, _ = _cues()
    if cue.search(low) or _TIME.search(line):
        return True
    rest = _ISO.sub(" ", _DMY.sub(" ", line))
    return not _LETTERS.search(rest)


def date_line_date(text: str, head_lines: int = HEAD_LINES, head_chars: int = HEAD_CHARS) -> str | None:
    """The date of the page's date line near the top (the earliest when there are several), or None.

    >>> date_line_date("Tiêu đề\\n\\nThứ Năm, 09/01/2020 - 16:40\\n\\nSáng ngày 08 ...")
    '2020-01-09'
    """
    lines = [ln.strip() for ln in text[:head_chars].split("\n") if ln.strip()][:head_lines]
    found = [d for ln in lines if _is_date_line(ln, ln.lower()) for _, d in _full_dates(ln)[:1]]
    return min(found) if found else None


def url_date(url: str | None) -> str | None:
    """The date a page address holds (``YYYY-MM-DD``, or ``YYYY-MM`` for "/202206/"), or None.

    >>> url_date("https://example.vn/xa-hoi/202204/ngay-hoi-doc-sach-948687")
    '2022-04'
    >>> url_date("https://example.vn/portal/pages/2019-09-18/thu-vien.aspx")
    '2019-09-18'
    """
    if not url:
        return None
    path = url.split("://", 1)[-1].split("/", 1)[-1]  # the host holds no date
    for pattern in (_URL_YMD, _URL_STAMP):
        for m in pattern.finditer(path):
            groups = m.groups()  # every group takes part: year, (separator,) month, day
            y, mo, d = int(groups[0]), int(groups[-2]), int(groups[-1])
            iso = iso_date(d, mo, y)
            if iso:
                return iso
    for m in _URL_YM.finditer(path):
        if 1 <= int(m[2]) <= 12:
            return f"{m[1]}-{m[2]}"
    return None


def _clean_first_date(text: str, head_chars: int) -> str | None:
    """The first full date of the head that is not in parentheses nor after a word of another kind of date."""
    head = text[:head_chars]
    _, other = _cues()
    for i, d in _full_dates(head):
        left = head[max(0, i - 40):i]
        if left.rfind("(") > left.rfind(")"):
            continue  # "(19/8/1945 - 19/8/2025)": an anniversary, "(ngày 3/2/1930)"
        clause = re.split(r"[.;:\n]", left[-NOT_PUBLICATION_REACH:])[-1].lower()
        if other.search(clause):
            continue
        return d
    return None


def infer_published(text: str, url: str | None = None, head_chars: int = 400) -> PublicationDate | None:
    """The page's publication date from its date line, else its address, else the first clean date of its head.

    >>> infer_published("Tiêu đề\\nĐăng ngày: 31/03/2021\\nNội dung ...")
    PublicationDate(date='2021-03-31', source='date line')
    >>> infer_published("Ngày 16/4, ...", "https://example.vn/tin/202204/bai-viet-1")
    PublicationDate(date='2022-04', source='url')
    """
    found = date_line_date(text)
    if found:
        return PublicationDate(found, "date line")
    found = url_date(url)
    if found:
        return PublicationDate(found, "url")
    found = _clean_first_date(text, head_chars)
    return PublicationDate(found, "text") if found else None


def stand_in_published(text: str, url: str | None = None,
                       published: str | None = None) -> tuple[str | None, str | None]:
    """(published, how it was found) for a reader: a stated ``published`` with None; else the full date of
    :func:`infer_published` with its source ("date line", "url", "text"); else (None, None).

    >>> stand_in_published("Tiêu đề\\nĐăng ngày: 31/03/2021\\nNội dung ...")
    ('2021-03-31', 'date line')
    >>> stand_in_published("Nội dung ...", published="2024-01-02")
    ('2024-01-02', None)
    """
    if published:
        return published, None
    found = infer_published(text, url)
    if found is None or len(found.date) != 10:  # an address with only a month dates no article
        return None, None
    return found.date, found.source


def guess_published(text: str, head_chars: int = 400, url: str | None = None) -> str | None:
    """:func:`infer_published` as a full ``YYYY-MM-DD`` date, or None (an address with only a month gives none).

    >>> guess_published("Tiêu đề\\n\\nThứ Năm, 09/01/2020 - 16:40\\n\\nSáng ngày 08 ...")
    '2020-01-09'
    """
    found = infer_published(text, url, head_chars)
    return found.date if found and len(found.date) == 10 else None

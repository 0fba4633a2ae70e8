"""Pipeline component ``sentences``: content sentences of an article, as offsets.

The article text is never rewritten.  The component

1. cuts the text into lines and drops page furniture (breadcrumbs, share and
   print buttons, rating widgets, visit counters, "Tin liên quan" and what
   follows it, bylines, date-only lines, repeated captions); the patterns live
   in ``data/lexicon/boilerplate.tsv``;
2. takes a first line without final punctuation as the headline
   (``doc.title = (start, end)``, not part of ``doc.sentences``);
3. rejoins lines broken mid-sentence (a line ending without sentence-final
   punctuation followed by one starting in lower case);
4. splits each block after ``. ! ? …`` (and closing quotes) followed by a
   space, except after abbreviations and titles (``TS.``, ``ThS.``,
   ``PGS.TS.``, ``TP.`` … from ``data/lexicon/sentence_abbrev.txt``) and
   single initials; numbers such as ``1.200`` never split (no space).

``doc.sentences`` is a sorted list of ``(start, end)`` offsets into
``doc.text``, stripped of surrounding white space.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from libkg.extract.lexicon import casefree
from libkg.extract.pipeline import Doc, component
from libkg.resources import data_file, read_tsv

_LINE_RE = re.compile(r"[^\n]*")
_FINAL_RE = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s)")
_DATE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2}")
_META_WORDS_RE = re.compile(
    r"\b(thứ|hai|ba|tư|năm|sáu|bảy|chủ|nhật|gmt|ngày|đăng|cập|lúc|giờ|sáng|chiều|am|pm)\b", re.I)
_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}")
_FULL_DATE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
BYLINE_BY_DATE_WORDS = 4  # "Thu Hà | 30/11/2012 07:23": a signature beside the page's date and time
_WORD_RE = re.compile(r"\w+")
_LETTER_RE = re.compile(r"[^\W\d_]")  # a line without a letter ("0", "9310", ";", "/") is a counter or a stray mark
_INITIAL = re.compile(r"[A-ZĐ]\.")
_INITIALS = re.compile(r"(?:[A-ZĐ][a-zđ]*\.){2,}")
_LIST_MARKER = re.compile(r"\d{1,2}\.|[a-zđ]\.|[IVX]+\.")


@lru_cache(maxsize=1)
def _furniture() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The stop and the drop patterns, each joined into one alternation.

    ``combined.search(line)`` finds a match exactly when one of the patterns
    does (none uses back-references or global flags), in one call per line.
    """
    stop: list[str] = []
    drop: list[str] = []
    for action, pattern, *_ in read_tsv("lexicon", "boilerplate.tsv"):
        if action in ("stop", "drop"):
            (stop if action == "stop" else drop).append(pattern)
    join = lambda ps: re.compile("|".join(f"(?:{p})" for p in ps), re.I)  # noqa: E731
    return join(stop), join(drop)


@lru_cache(maxsize=1)
def _furniture_lower() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    r""":func:`_furniture` for a lower-cased line (:func:`~libkg.extract.lexicon.casefree`), or None.

    Case-sensitive patterns in lower case on the lower-cased line find what the
    ``re.I`` ones find on the line (lower-casing such a line keeps ``\w``,
    ``\s`` and every offset), at a fraction of the cost: under ``re.I`` every
    letter is compared through its lower case.  Each list is split into the
    patterns anchored at the start of the line (tried once, with ``match``)
    and the others (searched).  None when a pattern has an upper-case letter.
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    out = []
    for action in ("stop", "drop"):
        pats = [p for a, p, *_ in read_tsv("lexicon", "boilerplate.tsv") if a == action]
        if not all(_lower_case_pattern(p) for p in pats):
            return None
        anchored = [p for p in pats if list(_parser.parse(p))[:1] == [(c.AT, c.AT_BEGINNING)]]
        floating = [p for p in pats if p not in anchored]
        out += [re.compile("|".join(f"(?:{p})" for p in ps) if ps else r"(?!)") for ps in (anchored, floating)]
    return out[0], out[1], out[2], out[3]


# escapes that mean the same on a lower-cased line (lower-casing keeps \s, \w, \d and every offset)
_CASELESS_ESCAPES = frozenset("sSwWdDbBAZ")


def _lower_case_pattern(pattern: str) -> bool:
    """Has ``pattern`` no upper-case letter outside the escapes of :data:`_CASELESS_ESCAPES` ("\\S" is one),
    and no other escape of a letter or digit (``\\x41`` could hide a capital)?"""
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            if pattern[i + 1].isalnum() and pattern[i + 1] not in _CASELESS_ESCAPES:
                return False
            i += 2
            continue
        if c != c.lower():
            return False
        i += 1
    return True


@lru_cache(maxsize=1)
def _end_words() -> re.Pattern[str]:
    """The ``end`` patterns of the furniture lexicon: a side box or list of other news once the prose began."""
    pats = [p for a, p, *_ in read_tsv("lexicon", "boilerplate.tsv") if a == "end"]
    return re.compile("|".join(f"(?:{p})" for p in pats) if pats else r"(?!)", re.I)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    lines = data_file("lexicon", "sentence_abbrev.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def _is_date_line(line: str) -> bool:
    """"Thứ Năm, 09/01/2020 - 16:40", "21/04/2021 10:05 GMT+7" and the like."""
    if len(line) > 60 or not _DATE_RE.search(line):
        return False
    rest = _META_WORDS_RE.sub(" ", _DATE_RE.sub(" ", line))
    if not _LETTER_RE.search(rest):
        return True
    # a full date and a clock time beside a few words (a byline, a section name) and no sentence
    return (bool(_FULL_DATE_RE.search(line) and _CLOCK_RE.search(line)) and line[-1] not in ".!?…"
            and len(_WORD_RE.findall(rest)) <= BYLINE_BY_DATE_WORDS)


_DOUBLING_JOINS = ("", " ", ",", ", ", " - ", " | ")


def _is_doubled(line: str) -> bool:
    """One phrase written twice, a logo's or a link's text beside its image's ("Thư Viện TỉnhThư Viện Tỉnh")."""
    for join in _DOUBLING_JOINS:
        k, odd = divmod(len(line) - len(join), 2)
        if k >= 4 and not odd and line[k:k + len(join)] == join and line[:k] == line[k + len(join):]:
            return True
    return False


def _is_prose(line: str) -> bool:
    """A full sentence (12+ words, final punctuation) is content even when it names a furniture word
    ("... liên hệ qua số điện thoại hoặc trang Zalo của Thư viện.")."""
    return line[-1] in ".!?…" and len(_WORD_RE.findall(line)) >= 12


def _is_byline(line: str) -> bool:
    """A short signature without final punctuation: "T.T", "PV", "Minh Ngọc", "Thu Hà - Trung Kiên"."""
    if line[-1] in ".!?…:;,":
        return False
    words = _WORD_RE.findall(line)
    return 0 < len(words) <= 5 and all(w[0].isupper() or w.isdigit() for w in words)


MENU_RUN = 4  # this many short bulleted lines in a row are a menu or a list of links, not the article
MENU_ITEM_CHARS = 90
_BULLETS = "•·▪►"


def _is_menu_item(line: str) -> bool:
    line = line[:-3] if line.endswith("...") else line  # "• Loading..."
    return (line[0] in _BULLETS and len(line) <= MENU_ITEM_CHARS and line[-1] not in ".!?…;:"
            and len(_WORD_RE.findall(line)) <= 16)


def _without_menus(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``lines`` without runs of :data:`MENU_RUN` or more bulleted short items ("• Giới thiệu", "• Tin tức")."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for span in [*lines, None]:
        if span is not None and _is_menu_item(text[span[0]:span[1]]):
            run.append(span)
            continue
        if len(run) < MENU_RUN:
            out.extend(run)
        run = []
        if span is not None:
            out.append(span)
    return out


Search = Callable[[str, int, int], bool]


def _searches(text: str) -> tuple[Search, Search]:
    """(stop, drop): does the line ``text[a:b]`` match a stop / a drop pattern of the furniture lexicon."""
    stop, drop = _furniture()
    low = casefree(text)
    fast = _furniture_lower() if low is not None else None
    if fast is None or low is None:
        return (lambda line, a, b: bool(stop.search(line))), (lambda line, a, b: bool(drop.search(line)))
    stop_at, stop_in, drop_at, drop_in = fast

    def stop_search(line: str, a: int, b: int) -> bool:
        seg = low[a:b]  # a slice, not pos/endpos: "^" and "\b" must see the line alone
        return bool(stop_at.match(seg) or stop_in.search(seg))

    def drop_search(line: str, a: int, b: int) -> bool:
        seg = low[a:b]
        return bool(drop_at.match(seg) or drop_in.search(seg))
    return stop_search, drop_search


def _stripped_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) of every non-blank line, white space stripped."""
    for m in _LINE_RE.finditer(text):
        raw = m.group()
        line = raw.strip()
        if line:
            start = m.start() + (len(raw) - len(raw.lstrip()))
            yield start, start + len(line), line


def _ends_article(line: str, start: int, end: int, stop_search: Search, prose_seen: bool) -> bool:
    """A list of other news, a link box, comments: the line and all after it are furniture."""
    if len(line) < 80 and (stop_search(line, start, end) or prose_seen and _end_words().match(line)):
        return True
    # a table layout's cell: "| Các tin khác: headline (29/08/2022) headline (18/08/2022) ... |"
    cell = len(line) - len(line.lstrip("| \t"))
    return bool(cell and ":" in line[cell:cell + 30]
                and stop_search(line[cell:cell + 30], start + cell, min(end, start + cell + 30)))


def content_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines that carry article content, furniture removed.

    A side box above the article ("Tin nổi bật" and its bulleted headlines) is
    dropped; the same heading after the article's prose ends it.
    """
    stop_search, drop_search = _searches(text)
    lines: list[tuple[int, int]] = []
    seen: set[str] = set()
    prose_seen = in_box = False
    for start, end, line in _stripped_lines(text):
        if _ends_article(line, start, end, stop_search, prose_seen):
            break
        if not prose_seen and len(line) < 80 and _end_words().match(line):
            in_box = True  # a box of other news above the article: its heading and its items
            continue
        if in_box and line[0] in _BULLETS:
            continue
        in_box = False
        if len(line) <= 160 and not _is_prose(line) and drop_search(line, start, end):
            continue
        if _is_date_line(line) or line in seen or _is_doubled(line) or not _LETTER_RE.search(line):
            continue
        seen.add(line)
        lines.append((start, end))
        prose_seen = prose_seen or _is_prose(line)
    lines = _without_menus(text, lines)
    # bylines and signatures at the end of the article
    while lines and _is_byline(text[lines[-1][0]:lines[-1][1]]) and len(lines) > 1:
        lines.pop()
    return lines


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join lines broken mid-sentence: no final punctuation and the next line starts lower case."""
    blocks: list[tuple[int, int]] = []
    for s, e in lines:
        if blocks:
            ps, pe = blocks[-1]
            gap = text[pe:s]
            if gap.count("\n") == 1 and text[pe - 1] not in ".!?…" and text[s].islower():
                blocks[-1] = (ps, e)
                continue
        blocks.append((s, e))
    return blocks


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    abbr = _abbreviations()
    out = []
    cur = start
    block = text[start:end]
    for m in _FINAL_RE.finditer(block):
        cut = start + m.end()
        # the token that carries the period
        token_start = max(block.rfind(" ", 0, m.start()), block.rfind("\n", 0, m.start())) + 1
        token = block[token_start:m.start() + 1].lstrip("([{\"“‘'")  # "(TP. Thanh Hóa)"
        if m.group()[0] == "." and (token in abbr or _INITIAL.fullmatch(token)
                                    or _INITIALS.fullmatch(token)):
            continue
        if _LIST_MARKER.fullmatch(token) and block[:token_start].rstrip(" \t")[-1:] in ("", "\n"):
            continue  # a list marker "1. ", "a. ", "II. " opening a line
        nxt = block[m.end():].lstrip()
        if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"“'‘(-–"):
            continue
        out.append((cur, cut))
        cur = cut
    out.append((cur, end))
    res = []
    for s, e in out:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            res.append((s + ls, s + rs))
    return res


def _is_title(line: str) -> bool:
    return line[-1] not in ".!?…;," and len(_WORD_RE.findall(line)) <= 40


def segment(text: str) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """The headline span (or None) and the content sentence spans of ``text``."""
    lines = content_lines(text)
    title = None
    if len(lines) > 1 and _is_title(text[lines[0][0]:lines[0][1]]):
        title = lines[0]
        lines = lines[1:]
        # a kicker + headline ("THÔNG BÁO" / "Về lịch ...") stays one title
        while (len(lines) > 1 and _is_title(text[lines[0][0]:lines[0][1]])
               and text[title[0]:title[1]].isupper() and len(text[title[0]:title[1]]) < 40):
            title = (title[0], lines[0][1])
            lines = lines[1:]
    sentences: list[tuple[int, int]] = []
    for s, e in _blocks(text, lines):
        sentences.extend(_split(text, s, e))
    return title, sentences


@component("sentences", requires=("text",), assigns=("sentences", "segmented", "title"))
def run(doc: Doc) -> None:
    title, sentences = segment(doc.text)
    doc.sentences = sentences
    doc.segmented = True  # no sentence means no content (a page of furniture), not "not cut yet"
    if title is not None:
        doc.title = title

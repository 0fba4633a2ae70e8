"""Pipeline component ``sentences``: content sentences of an article, as offsets.

The article text is never rewritten.  The component

1. cuts the text into lines and drops page furniture (breadcrumbs, share and
   print buttons, rating widgets, visit counters, "Tin liên quan" and what
   follows it, bylines, date-only lines, repeated captions); the patterns live
   in ``data/lexicon/boilerplate.tsv``;
2. takes a first line without final punctuation as the headline
   (``doc.extras["title"] = (start, end)``, not part of ``doc.sentences``);
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
from functools import lru_cache

from libkg.extract.lexicon import casefree
from libkg.extract.pipeline import Doc, component
from libkg.resources import data_file, read_tsv

_LINE_RE = re.compile(r"[^\n]*")
_FINAL_RE = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s)")
_END_PUNCT = ".!?…:\"”’)»"
_DATE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2}")
_META_WORDS_RE = re.compile(
    r"\b(thứ|hai|ba|tư|năm|sáu|bảy|chủ|nhật|gmt|ngày|đăng|cập|lúc|giờ|sáng|chiều)\b", re.I)
_WORD_RE = re.compile(r"\w+")
_INITIAL = re.compile(r"[A-ZĐ]\.")
_INITIALS = re.compile(r"(?:[A-ZĐ][a-zđ]*\.){2,}")
_LIST_MARKER = re.compile(r"\d{1,2}\.|[a-zđ]\.|[IVX]+\.")


@lru_cache(maxsize=1)
def _furniture() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The stop and the drop patterns, each joined into one alternation.

    ``combined.search(line)`` finds a match exactly when one of the patterns
    does (none uses back-references or global flags), in one call per line.
    """
    stop, drop = [], []
    for action, pattern, *_ in read_tsv("lexicon", "boilerplate.tsv"):
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
        if any(p != p.lower() for p in pats):
            return None
        anchored = [p for p in pats if list(_parser.parse(p))[:1] == [(c.AT, c.AT_BEGINNING)]]
        floating = [p for p in pats if p not in anchored]
        out += [re.compile("|".join(f"(?:{p})" for p in ps) if ps else r"(?!)") for ps in (anchored, floating)]
    return out[0], out[1], out[2], out[3]


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    lines = data_file("lexicon", "sentence_abbrev.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def _is_date_line(line: str) -> bool:
    """"Thứ Năm, 09/01/2020 - 16:40", "21/04/2021 10:05 GMT+7" and the like."""
    if len(line) > 60 or not _DATE_RE.search(line):
        return False
    rest = _META_WORDS_RE.sub(" ", _DATE_RE.sub(" ", line))
    return not re.search(r"[^\W\d_]", rest)


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


def content_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines that carry article content, furniture removed."""
    stop, drop = _furniture()
    low = casefree(text)
    fast = _furniture_lower() if low is not None else None
    if fast is not None and low is not None:
        stop_at, stop_in, drop_at, drop_in = fast

        def stop_search(line: str, a: int, b: int) -> bool:
            seg = low[a:b]  # a slice, not pos/endpos: "^" and "\b" must see the line alone
            return bool(stop_at.match(seg) or stop_in.search(seg))

        def drop_search(line: str, a: int, b: int) -> bool:
            seg = low[a:b]
            return bool(drop_at.match(seg) or drop_in.search(seg))
    else:
        def stop_search(line: str, a: int, b: int) -> bool:
            return bool(stop.search(line))

        def drop_search(line: str, a: int, b: int) -> bool:
            return bool(drop.search(line))
    lines: list[tuple[int, int]] = []
    seen: set[str] = set()
    for m in _LINE_RE.finditer(text):
        raw = m.group()
        line = raw.strip()
        if not line:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(line)
        if len(line) < 80 and stop_search(line, start, end):
            break
        # a table layout's cell: "| Các tin khác: headline (29/08/2022) headline (18/08/2022) ... |"
        cell = len(line) - len(line.lstrip("| \t"))
        if cell and ":" in line[cell:cell + 30] and stop_search(line[cell:cell + 30], start + cell,
                                                                  min(end, start + cell + 30)):
            break
        if len(line) <= 160 and not _is_prose(line) and drop_search(line, start, end):
            continue
        if _is_date_line(line) or line in seen:
            continue
        seen.add(line)
        lines.append((start, end))
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


@component("sentences")
def run(doc: Doc) -> None:
    title, sentences = segment(doc.text)
    doc.sentences = sentences
    if title is not None:
        doc.extras["title"] = title

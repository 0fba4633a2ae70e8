"""Text normalisation shared by every stage.

Vietnamese has two conventions for placing the tone mark on the diphthongs
``oa, oe, uy`` ("hoà" old style, "hòa" new style).  Both occur in the same
article, so every comparison of names goes through :func:`fold`, while the
surface form is kept as a label.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache, wraps
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from libkg.resources import read_tsv

# The one home of the tone table (issue 22): old-style tone placement -> new style, in lower case.  A
# diphthong is respelt only when it ends the syllable (no letter follows: "hoà" -> "hòa", "hoàn" stays).
TONE_TABLE: Mapping[str, str] = MappingProxyType({
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
})
_TONE_END = r"(?![a-zà-ỹđ])"  # the diphthong ends the syllable
_TONE_RE = re.compile("(" + "|".join(TONE_TABLE) + ")" + _TONE_END)
_TONE_ANY_CASE_RE = re.compile("(" + "|".join(TONE_TABLE) + ")" + _TONE_END, re.IGNORECASE)
_OLD_TONE = {new: old for old, new in TONE_TABLE.items()}  # the same table read the other way
_OLD_TONE_RE = re.compile("(" + "|".join(_OLD_TONE) + ")" + _TONE_END, re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")



class AdminPrefix(NamedTuple):
    """A row of ``data/lexicon/admin_prefixes.tsv``: a word opening an administrative unit's name."""

    prefix: str  # as written: "tỉnh", "thành phố", "TP.", "P."
    full: str  # the word it stands for: "thành phố" for "TP."
    kind: str  # Province | City | District | Commune
    use: str  # word | folded | abbrev (see the file's header)


def title_flags(row: list[str]) -> list[str]:
    """The flags of a row of ``data/lexicon/titles.tsv`` (its third column, comma-separated: "key", "pronoun")."""
    return row[2].split(",") if len(row) > 2 else []


@lru_cache(maxsize=1)
def person_titles() -> tuple[str, ...]:
    """The folded titles :func:`fold_person` drops ("pgs.ts.", "ông", "nhà văn" ...), longest first: the rows
    of ``data/lexicon/titles.tsv`` (the one home of titles) marked "key" in their third column."""
    keyed = (fold(row[0]) for row in read_tsv("lexicon", "titles.tsv") if "key" in title_flags(row))
    return tuple(sorted(dict.fromkeys(keyed), key=len, reverse=True))


@lru_cache(maxsize=1)
def admin_prefixes() -> tuple[AdminPrefix, ...]:
    """Every administrative prefix, in the order of ``data/lexicon/admin_prefixes.tsv`` (their one home)."""
    return tuple(AdminPrefix(*row[:4]) for row in read_tsv("lexicon", "admin_prefixes.tsv"))


@lru_cache(maxsize=1)
def folded_admin_prefixes() -> tuple[str, ...]:
    """The folded prefixes a folded place name may open with ("tỉnh", "thành phố", "tp.", "tp" ...), the
    abbreviations only the place finder reads left out."""
    return tuple(dict.fromkeys(fold(p.prefix) for p in admin_prefixes() if p.use != "abbrev"))


_MEMO_MAX_LEN = 200  # names and keys are short; long texts are not worth keeping in memory


def _memo(fn: Callable[[str], str]) -> Callable[[str], str]:
    """Memoise a pure ``str -> str`` function for short texts.

    Building an article's graph folds and slugs the same few names dozens of
    times (and the same names recur across articles), so the regex work is
    done once per distinct name.  Long texts bypass the bounded cache.
    """
    cached = lru_cache(maxsize=65536)(fn)

    @wraps(fn)
    def wrapper(text: str) -> str:
        return cached(text) if len(text) <= _MEMO_MAX_LEN else fn(text)

    return wrapper


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every stage of libkg works in."""
    return unicodedata.normalize("NFC", text)


@_memo
def squash(text: str) -> str:
    """NFC, lower case, runs of whitespace collapsed to one space."""
    return _SPACE_RE.sub(" ", nfc(text)).strip().lower()


@_memo
def fold(text: str) -> str:
    """Fold a name for comparison: NFC, lower case, new tone placement, spaces.

    >>> fold("Hoàng Thị Thuý  Hằng") == fold("hoàng thị thúy hằng")
    True
    >>> fold("Khoả")
    'khỏa'
    """
    return new_tone_placement(squash(text))


def _new_tone_lower(m: re.Match[str]) -> str:
    return TONE_TABLE[m.group(1)]


def new_tone_placement(text: str) -> str:
    """Lower-case ``text`` with the new tone placement (:data:`TONE_TABLE`); same length, so offsets keep.

    Upper-case letters are left as they are (lower the text first, or use :func:`new_tone`).

    >>> new_tone_placement("thư viện hoà bình, khoá học")
    'thư viện hòa bình, khóa học'
    """
    return _TONE_RE.sub(_new_tone_lower, text)


def _new_tone_any_case(m: re.Match[str]) -> str:
    old = m.group(1)
    new = TONE_TABLE[old.lower()]
    return "".join(n.upper() if o.isupper() else n for o, n in zip(old, new, strict=True))


def new_tone(text: str) -> str:
    """``text`` with the new tone-mark placement, keeping its letter case ("Thuý" -> "Thúy").

    >>> new_tone("Nguyễn Thị HOÀ")
    'Nguyễn Thị HÒA'
    """
    return _TONE_ANY_CASE_RE.sub(_new_tone_any_case, text)


def _old_tone_any_case(m: re.Match[str]) -> str:
    new = m.group(1)
    old = _OLD_TONE[new.lower()]
    return "".join(o.upper() if n.isupper() else o for n, o in zip(new, old, strict=True))


def old_tone(text: str) -> str:
    """``text`` with the old tone-mark placement, keeping its letter case ("Thúy" -> "Thuý"): the inverse of
    :func:`new_tone`, from the same :data:`TONE_TABLE` (an authority may spell a name either way).

    >>> old_tone("Kiều Thúy Nga"), old_tone("HÒA")
    ('Kiều Thuý Nga', 'HOÀ')
    """
    return _OLD_TONE_RE.sub(_old_tone_any_case, text)


@_memo
def fold_person(name: str) -> str:
    """Fold a person's name and drop a leading honorific or academic title.

    >>> fold_person("PGS.TS. Trịnh Minh Đức")
    'trịnh minh đức'
    """
    s = fold(name)
    changed = True
    while changed:
        changed = False
        for t in person_titles():
            if s.startswith(t + " "):
                s = s[len(t) + 1:]
                changed = True
    return s


@_memo
def fold_place(name: str) -> str:
    """Fold a place name and drop its administrative prefix.

    >>> fold_place("tỉnh Thái Nguyên")
    'thái nguyên'
    >>> fold_place("TP. Hồ Chí Minh")
    'hồ chí minh'
    """
    s = fold(name)
    for p in folded_admin_prefixes():
        if s.startswith(p + " "):
            return s[len(p) + 1:].strip()
    return s


_STRIP_MARKS = str.maketrans({"đ": "d", "Đ": "D"})


@_memo
def ascii_fold(text: str) -> str:
    """Drop every diacritic, for search ("kieu thuy nga" finds Kiều Thúy Nga).

    >>> ascii_fold("Kiều Thúy Nga")
    'kieu thuy nga'
    """
    decomposed = unicodedata.normalize("NFD", squash(text).translate(_STRIP_MARKS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@_memo
def slug(text: str) -> str:
    """An IRI-safe, readable slug of a name (diacritics dropped, words joined by '-').

    >>> slug("Thư viện tỉnh Lào Cai")
    'thu-vien-tinh-lao-cai'
    """
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text)).strip("-")


_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def typed_date(text: str) -> str:
    """A date a user typed (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), trimmed; ``ValueError`` if it is no date.

    Every option and parameter that takes a date goes through it, so ``2023-13-01`` is
    refused by name instead of matching nothing.

    >>> typed_date(" 2024-02-29"), typed_date("2023-07"), typed_date("2023")
    ('2024-02-29', '2023-07', '2023')
    >>> typed_date("2023-13-01")
    Traceback (most recent call last):
    ...
    ValueError: '2023-13-01' is not a date (month must be in 1..12)
    """
    import datetime as dt

    v = text.strip()
    m = _DATE_RE.fullmatch(v)
    if not m:
        raise ValueError(f"{text!r} is not a date (give YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a date ({exc})") from None
    return v


# --------------------------------------------------------------------------- matching typed names
_WORDS_RE = re.compile(r"\w+")
_PROVINCE_WORDS = re.compile(r"\b(?:tinh|thanh pho|tp)\b")
T = TypeVar("T")


@_memo
def name_key(text: str) -> str:
    """A name as compared when someone types it: NFC, case, tone placement, diacritics and punctuation folded.

    >>> name_key("Hoàng Thị Thuý Hằng") == name_key("hoang thi thuy  hang") == name_key("HOÀNG THỊ THÚY HẰNG")
    True
    >>> name_key("Sở Văn hoá, Thể thao và Du lịch")
    'so van hoa the thao va du lich'
    """
    return " ".join(_WORDS_RE.findall(ascii_fold(fold(text))))


@_memo
def loose_name_key(text: str) -> str:
    """:func:`name_key` without "tỉnh" / "thành phố" / "TP." ("Thư viện Điện Biên" is "Thư viện tỉnh Điện Biên").

    >>> loose_name_key("Thư viện tỉnh Điện Biên") == loose_name_key("thu vien dien bien")
    True
    """
    return " ".join(_PROVINCE_WORDS.sub(" ", name_key(text)).split())


def match_names(typed: str, candidates: Iterable[tuple[T, str]],
                prepare: Callable[[str], str] = fold) -> list[T]:
    """The candidates ``(id, name)`` whose name is the name ``typed``: THE name matcher of libkg.

    Every command, parameter and API that takes a name a person typed (``explain``,
    ``query -p name=...``, ``network ego/path``, ``--province``) matches it here, by the
    first of these rules that finds any candidate:

    1. ``prepare`` gives the same text (default :func:`fold`: NFC, case, spacing,
       old/new tone placement "hoà"/"hòa"; :func:`fold_person` also drops "Bà",
       "PGS.TS."; :func:`fold_place` drops "tỉnh", "TP.");
    2. the same again without diacritics and punctuation ("hoang thi thuy hang");
    3. the same also ignoring "tỉnh" / "thành phố" / "TP." anywhere ("thu vien dien bien").

    A stricter rule that matches wins, so typing the diacritics tells "Hà" from "Hạ".
    Ids are returned once each, sorted (several: the caller reports the ambiguity).

    >>> people = [("a", "Bà Hoàng Thị Thuý Hằng"), ("b", "Hoàng Thị Thúy Hà")]
    >>> match_names("hoàng thị thúy hằng", people, fold_person), match_names("hoang thi thuy hang", people, fold_person)
    (['a'], ['a'])
    >>> match_names("Thu vien Dien Bien", [("x", "Thư viện tỉnh Điện Biên")])
    ['x']
    """
    items = [(i, n) for i, n in candidates if n]
    rules: tuple[Callable[[str], str], ...] = (prepare, lambda t: name_key(prepare(t)),
                                               lambda t: loose_name_key(prepare(t)))
    for rule in rules:
        want = rule(typed)
        if not want:
            continue
        hits = {i for i, n in items if rule(n) == want}
        if hits:
            return sorted(hits, key=str)
    return []

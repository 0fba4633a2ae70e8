"""Text normalisation shared by every stage.

Vietnamese has two conventions for placing the tone mark on the diphthongs
``oa, oe, uy`` ("hoà" old style, "hòa" new style).  Both occur in the same
article, so every comparison of names goes through :func:`fold`, while the
surface form is kept as a label.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps

# old-style tone placement -> new style, only when the diphthong ends the syllable
_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("(" + "|".join(_TONE) + r")(?![a-zà-ỹđ])")
_SPACE_RE = re.compile(r"\s+")

PERSON_TITLES = (
    "pgs.ts.", "pgs. ts.", "gs.ts.", "gs. ts.", "pgs.", "gs.", "ths.", "ts.", "ts", "ths",
    "ông", "bà", "đồng chí", "đ/c", "nsnd", "nsưt", "ngưt", "nhà giáo", "nhà văn",
    "thầy", "cô", "anh", "chị",
)
ADMIN_PREFIXES = (
    "thành phố", "tp.", "tp", "tỉnh", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn",
)


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
    return _TONE_RE.sub(lambda m: _TONE[m.group(1)], squash(text))


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
        for t in PERSON_TITLES:
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
    for p in ADMIN_PREFIXES:
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

"""Identity keys: the folded strings every identity decision compares.

Kept free of imports from the rest of :mod:`libkg.resolve` so that persons,
organisations and places can all build on it without import cycles.

>>> person_key("PGS.TS. Trịnh  Minh Đức") == person_key("trịnh minh đức")
True
>>> short_hash("x")
'11f6ad8e'
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from libkg.normalize import fold, fold_person

_WORD = re.compile(r"\w+")

# old tone placement -> new, for display forms (case kept); mirrors libkg.normalize._TONE
_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("(" + "|".join(_TONE) + r")(?![a-zà-ỹđ])", re.IGNORECASE)


def short_hash(text: str, n: int = 8) -> str:
    """First ``n`` hex digits of the SHA-1 of ``text`` (stable across runs and machines)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def words(text: str) -> str:
    """The word characters of ``text``, one space apart (punctuation dropped)."""
    return " ".join(_WORD.findall(text))


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """Identity key of a person's name: folded, title dropped, punctuation dropped.

    Cached: the graph builder asks for the key of the same few names dozens
    of times per article.
    """
    return words(fold_person(name))


@lru_cache(maxsize=65536)
def label_key(text: str) -> str:
    """Key for event labels and roles as written."""
    return words(fold(text))


def new_tone(text: str) -> str:
    """``text`` with the new tone-mark placement, keeping its letter case ("Thuý" -> "Thúy").

    >>> new_tone("Nguyễn Thị HOÀ")
    'Nguyễn Thị HÒA'
    """
    def swap(m: re.Match[str]) -> str:
        old = m.group(1)
        new = _TONE[old.lower()]
        return "".join(n.upper() if o.isupper() else n for o, n in zip(old, new, strict=True))

    return _TONE_RE.sub(swap, text)

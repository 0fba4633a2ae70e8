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
from libkg.normalize import new_tone as new_tone  # re-exported: display forms keep their case

_WORD = re.compile(r"\w+")


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


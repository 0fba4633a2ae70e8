"""Typed literals for the graph's one date convention (see ``ontology/libkg.ttl``).

>>> date_literal("2024-05-03").datatype.endswith("#date")
True
>>> date_literal("2024-05").datatype.endswith("#gYearMonth")
True
>>> date_literal("ngày 3") is None
True
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from rdflib import Literal
from rdflib.namespace import XSD

_FORMS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)


@lru_cache(maxsize=8192)  # literals are immutable, and an article's dates repeat in every fact
def date_literal(text: str | None) -> Literal | None:
    """``YYYY-MM-DD`` -> xsd:date, ``YYYY-MM`` -> xsd:gYearMonth, ``YYYY`` -> xsd:gYear; else None.

    Impossible dates (2024-02-30) give None rather than an ill-typed literal.
    """
    if not text:
        return None
    s = text.strip()
    for pattern, dtype in _FORMS:
        if pattern.fullmatch(s):
            try:
                if dtype == XSD.date:
                    date.fromisoformat(s)
                elif dtype == XSD.gYearMonth and not 1 <= int(s[5:7]) <= 12:
                    return None
            except ValueError:
                return None
            return Literal(s, datatype=dtype)
    return None


RECURRING_MAX_CHARS = 200  # longer strings (an article's text, a sentence) never recur: caches skip them


def plain_literal(text: str) -> Literal:
    """A plain string literal, made once: names, keys and labels recur across facts and articles.

    Long ones (an article's text, a sentence) never recur and are not kept: a cache of them held a
    worker's every article.
    """
    return _recurring_literal(text) if len(text) <= RECURRING_MAX_CHARS else Literal(text)


@lru_cache(maxsize=65536)
def _recurring_literal(text: str) -> Literal:
    return Literal(text)

"""Containment tests over a fixed set of character spans, shared by the components.

Persons, places and events each ask, many times per article, whether a
candidate ``(a, b)`` lies inside one of the organisation spans.  A linear
``any(s <= a and b <= e ...)`` costs a Python step per span and per question;
:class:`Cover` answers the same question with one bisection.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class Cover:
    """The spans ``(start, end)``; ``covers(a, b)`` is ``any(s <= a and b <= e for s, e in spans)``."""

    __slots__ = ("_starts", "_max_end")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # _max_end[i]: the largest end among the spans starting at or before _starts[i]
        self._max_end: list[int] = []
        top = None
        for _, e in ordered:
            top = e if top is None or e > top else top
            self._max_end.append(top)

    def covers(self, a: int, b: int) -> bool:
        """Does a span start at or before ``a`` and end at or after ``b``?"""
        i = bisect_right(self._starts, a)
        return i > 0 and self._max_end[i - 1] >= b

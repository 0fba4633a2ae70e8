"""Finding an article's publication date when the file does not state it as metadata."""

from __future__ import annotations

import re

_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def iso_date(day: int, month: int, year: int) -> str | None:
    """``YYYY-MM-DD`` when the parts make a real calendar date, else None."""
    import datetime as dt

    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def guess_published(text: str, head_chars: int = 400) -> str | None:
    """The first full date in the article's head (news pages print it under the title).

    >>> guess_published("Tiêu đề\\n\\nThứ Năm, 09/01/2020 - 16:40\\n\\nSáng ngày 08 ...")
    '2020-01-09'
    """
    head = text[:head_chars]
    m = _ISO.search(head)
    if m:
        return iso_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _DMY.search(head)
    if m:
        return iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None

"""Plain-text articles (``.txt``): the text as the reader gets it.

Also the byte-level checks every reader shares: a size limit applied from
``stat`` before a byte is read (a 200 MB file is refused, never loaded), empty
and binary files refused by name, and decoding through
:mod:`libkg.read.encodings` (UTF-8, else a legacy Vietnamese encoding).
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from libkg.normalize import nfc
from libkg.read.article import Article
from libkg.read.dates import guess_published
from libkg.read.encodings import EncodingError, decode_bytes, looks_binary
from libkg.read.errors import ReadError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# control characters that would end up in literals and break serialisers; tab/newlines are kept
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def human_size(n: int) -> str:
    """``20 MB``-style sizes for messages (binary multiples, as ``ls -h``)."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}".replace(".0 ", " ")
        n /= 1024
    return f"{n} TB"  # unreachable; keeps type checkers calm


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refusing empty, oversized and non-regular files before reading them.

    The size is checked with ``stat`` first and the read is capped at
    ``max_bytes + 1`` too, so a file that grows meanwhile (or a device) still
    cannot make us hold more than the limit.
    """
    src = str(path)
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(src, "not a regular file")
    if st.st_size == 0:
        raise ReadError(src, "the file is empty (0 bytes)")
    if st.st_size > max_bytes:
        raise ReadError(src, f"the file is {human_size(st.st_size)}, over the size limit of "
                             f"{human_size(max_bytes)} (--max-bytes); not read")
    with open(path, "rb") as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError(src, f"the file grew past the size limit of {human_size(max_bytes)} while being read")
    if not data:
        raise ReadError(src, "the file is empty (0 bytes)")
    return data


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) or a detected legacy Vietnamese encoding, else an error naming the file."""
    if looks_binary(data):
        raise ReadError(source, "a binary file, not text (NUL or control bytes near the start)")
    try:
        return decode_bytes(data).text
    except EncodingError as exc:
        raise ReadError(source, str(exc)) from None


def clean_text(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, no control characters; offsets are taken on this form."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _CONTROLS.sub(" ", text)
    return re.sub(r"[ \t]+\n", "\n", text).strip("\n")


def article_from_text(text: str, *, id: str, source: str | None = None, url: str | None = None,
                      published: str | None = None) -> Article:
    text = clean_text(text)
    if not text.strip():
        raise ReadError(source or id, "the article is empty (only whitespace)")
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    return Article(id=id, text=text, title=title, url=url,
                   published=published or guess_published(text), format="text", source=source)


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    return article_from_text(decode(read_bytes(path, max_bytes), str(path)), id=path.stem, source=str(path))

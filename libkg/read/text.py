"""Plain-text articles (``.txt``): the text as the reader gets it.

Also the byte-level checks every reader shares: a size limit applied from
``stat`` before a byte is read (a 200 MB file is refused, never loaded), empty
and binary files refused by name, and decoding through
:mod:`libkg.read.encodings` (UTF-8, else a legacy Vietnamese encoding).
"""

from __future__ import annotations

import re
import stat
import unicodedata
from pathlib import Path

from libkg.normalize import nfc
from libkg.read.article import Article
from libkg.read.dates import stand_in_published
from libkg.read.encodings import EncodingError, bom_encoding, decode_bytes, looks_binary
from libkg.read.errors import ReadError, id_from_name

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Extraction is built for news articles (a few thousand characters).  Its cost grows faster than the text
# within one sentence and across the mentions of one article, so a 10 MB single line would take an hour
# and gigabytes.  Two guards keep reading and extraction bounded:
MAX_LINE_CHARS = 5_000  # a longer line is broken into paragraphs (at a sentence end, else at a space)
MAX_ARTICLE_CHARS = 100_000  # a longer article (after cleaning) is refused, naming the file

# what is not text when deciding if an article is empty: white space (NBSP, ideographic space ...),
# format characters (zero-width space and joiners, BOM, soft hyphen, word joiner) and controls
_INVISIBLE = frozenset(("Zs", "Zl", "Zp", "Cf", "Cc", "Mn"))
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*\s")

# control characters that would end up in literals and break serialisers; tab/newlines are kept
_CONTROLS_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # none in real UTF-16 text
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def human_size(n: int) -> str:
    """``20 MB``-style sizes for messages (binary multiples, as ``ls -h``)."""
    size: float = n
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{size:.1f} {unit}".replace(".0 ", " ")
        size /= 1024
    return f"{size} TB"  # unreachable; keeps type checkers calm


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


def decode(data: bytes, source: str, allow_bom: bool = True) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with a BOM, or a detected legacy Vietnamese encoding.

    Else an error naming the file.  ``allow_bom=False`` for a piece of a file (a JSONL line), where a byte
    order mark cannot be.
    """
    bom = bom_encoding(data) if allow_bom else None
    if bom is not None:
        try:
            decoded = decode_bytes(data)
        except EncodingError:
            decoded = None
        if decoded is not None and decoded.encoding == bom and not _CONTROLS_NOT_TEXT.search(decoded.text):
            return decoded.text
    if looks_binary(data):
        why = f"; it starts with a {bom.upper()} byte order mark but is not {bom.upper()} text" if bom else ""
        raise ReadError(source, f"a binary file, not text (NUL or control bytes near the start{why})")
    try:
        return decode_bytes(data).text
    except EncodingError as exc:
        raise ReadError(source, str(exc)) from None


def _cut(line: str, limit: int) -> int:
    """Where to break an overlong ``line``: after the last sentence end before ``limit``, else at a space."""
    lo = limit // 2
    ends = [m.end() for m in _SENTENCE_END.finditer(line, lo, limit + 1)]
    if ends:
        return ends[-1]
    space = max(line.rfind(" ", lo, limit), line.rfind("\t", lo, limit))
    return space + 1 if space > 0 else limit


def break_long_lines(text: str, limit: int = MAX_LINE_CHARS) -> str:
    """Lines over ``limit`` characters broken into paragraphs (a blank line between the pieces).

    A sentence is never this long in news: such a line is a page flattened into
    one line, or not prose at all.  The pieces end at a sentence end where there
    is one, else at a space (else, in a run without spaces, at the limit).
    """
    if len(text) <= limit or all(len(ln) <= limit for ln in text.split("\n")):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > limit:
            at = _cut(line, limit)
            out += [line[:at].rstrip(), ""]
            line = line[at:].lstrip(" \t")
        out.append(line)
    return "\n".join(out)


def clean_text(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, no control characters, no line over :data:`MAX_LINE_CHARS`.

    Offsets are taken on this form.
    """
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _CONTROLS.sub(" ", text)
    return break_long_lines(re.sub(r"[ \t]+\n", "\n", text).strip("\n"))


def has_content(text: str) -> bool:
    """True when ``text`` holds something visible: not only spaces, zero-width and format characters.

    >>> has_content("\u00a0\u200b\ufeff\u3000 \u2060"), has_content("\u200bA")
    (False, True)
    """
    return any(not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE for ch in text)


def check_article_text(text: str, source: str) -> None:
    """Refuse an empty article (nothing visible after normalisation) or one over :data:`MAX_ARTICLE_CHARS`."""
    if not has_content(text):
        raise ReadError(source, "the article is empty after normalisation (only white space or invisible "
                                "characters: NBSP, zero-width spaces, BOM ...)")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ReadError(source, f"the article is {len(text):,} characters long, over the limit of "
                                f"{MAX_ARTICLE_CHARS:,} for one article (news articles are far shorter); "
                                f"split it into articles (one per file, or one per JSONL line)")


def article_from_text(text: str, *, id: str, source: str | None = None, url: str | None = None,
                      published: str | None = None) -> Article:
    text = clean_text(text)
    check_article_text(text, source or id)
    title = next((ln.strip() for ln in text.splitlines() if has_content(ln)), None)
    published, published_source = stand_in_published(text, url, published)
    return Article(id=id, text=text, title=title, url=url, published=published,
                   published_source=published_source, format="text", source=source)


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    return article_from_text(decode(read_bytes(path, max_bytes), str(path)), id=id_from_name(path.stem),
                             source=str(path))

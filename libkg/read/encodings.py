"""Bytes to Unicode NFC: UTF-8 first, else a legacy Vietnamese encoding, else a clear refusal.

Vietnamese documents written before Unicode was common (and many still sent
around by provincial offices) use one of four 8-bit encodings:

``windows-1258``
    Microsoft's code page: base letters (â ê ô ơ ư ă đ ...) plus *combining*
    tone marks, so text comes out decomposed and must be NFC-composed.
``tcvn3``
    TCVN 5712:1993 "ABC", the encoding of the .VnTime fonts: one byte per
    letter; upper-case toned letters only in the full VN1 table.
``vni``
    VNI-Windows (VNI-Times fonts): base letter followed by a mark byte
    ("Việt" = ``Vie`` + 0xE4 + ``t``), đ ơ ư and toned i as single bytes.
``viscii``
    RFC 1456: all 134 precomposed letters, six of them in control positions.

The TCVN3, VNI and VISCII tables live in ``libkg/data/encodings/*.tsv``;
Windows-1258 is Python's ``cp1258`` codec.

Detection, and its limits
-------------------------
A file opening with a UTF-16 or UTF-32 byte order mark is decoded as such.
Valid UTF-8 is taken as UTF-8: the legacy encodings' high bytes almost never
form valid UTF-8 sequences in running text.  Otherwise every candidate decodes
the bytes and is scored by the share of its non-ASCII words that are
well-formed Vietnamese syllables (onset + vowel cluster + coda, at most one
tone mark) and the share of stray symbols it produces; the best candidate
wins if at least :data:`MIN_SCORE` of those words read as Vietnamese (a file over
:data:`SAMPLE_BYTES` is scored on pieces spread over it, then decoded whole).  Limits:

* the score needs Vietnamese words; a short text with one or two accented
  letters may be decoded with the wrong table (the candidates agree on ASCII,
  so the damage is confined to those letters), and non-Vietnamese 8-bit text
  (a French Windows-1252 file) is refused rather than guessed;
* TCVN3 documents set in the capitals font (.VnTimeH) reuse the lower-case
  bytes, so their upper-case toned letters come out lower case;
* a file mixing encodings (a UTF-8 file with a pasted TCVN3 paragraph) is
  refused, naming the first invalid byte.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from libkg.resources import data_file

__all__ = ["LEGACY_ENCODINGS", "MIN_SCORE", "Decoded", "EncodingError", "bom_encoding", "decode_bytes",
           "encode_legacy", "looks_binary", "vietnamese_score"]

LEGACY_ENCODINGS = ("windows-1258", "tcvn3", "vni", "viscii")
NAMES = {"windows-1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII"}
MIN_SCORE = 0.8

# the tone marks; the other combining marks (circumflex, breve, horn) belong to the letter
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
    r"(?:iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|"
    r"ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    r"[aăâeêioôơuưy])"
    r"(?:ch|ng|nh|[cmnptk])?"  # k: Đắk Lắk and other Central Highlands names
)
_WORD = re.compile(r"[^\W\d_]+")
# non-ASCII non-letters that honest Vietnamese text is full of (quotes, dashes, bullets, spaces)
_TYPOGRAPHY = set("“”‘’„–—…•«»°·€™©®§¶\u00a0\u2002\u2003\u2009\u200b\ufeff")
# C0 controls a text file does not hold (tab, newlines, form feed and escape excepted)
_CONTROL = frozenset(set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x1B)) | set(range(0x1C, 0x20)))


class EncodingError(ValueError):
    """The bytes are neither UTF-8 nor convincingly one of the legacy encodings."""


@dataclass(frozen=True)
class Decoded:
    """Text in NFC, the encoding it was read as, and how Vietnamese it looked (1.0 for UTF-8)."""

    text: str
    encoding: str
    score: float


class ByteTable:
    """A byte-sequence table (from a TSV data file) with Windows-1252 for the bytes it leaves out."""

    def __init__(self, name: str, mapping: dict[bytes, str]) -> None:
        self.name = name
        self.mapping = mapping
        self.longest = max(len(k) for k in mapping)
        self.reverse: dict[str, bytes] = {}
        for k, v in mapping.items():
            self.reverse.setdefault(v, k)  # first listed wins (the core set before extensions)
        # a byte may start a 2-byte sequence and still stand alone (VNI's 'ô' is ơ, 'ôø' is ờ)
        self.single = {k[0]: v for k, v in mapping.items() if len(k) == 1}
        self.pairs = {k: v for k, v in mapping.items() if len(k) == 2}

    def decode(self, data: bytes) -> str:
        """Pairs first, left to right, then single bytes: at C speed (a 10 MB file in about a second).

        The bytes are read as Latin-1 (one code point per byte), split around the
        two-byte sequences, and the runs between them translated byte by byte.
        """
        latin = data.decode("latin-1")
        if not self.pairs:
            return latin.translate(self._singles())
        parts = self._pair_re().split(latin)
        table, pairs = self._singles(), self._latin_pairs()
        parts[0::2] = [run.translate(table) for run in parts[0::2]]
        parts[1::2] = [pairs[p] for p in parts[1::2]]
        return "".join(parts)

    @cache  # noqa: B019 - one table per encoding, alive as long as the module
    def _singles(self) -> dict[int, str]:
        return {b: self.single[b] if b in self.single else chr(b) if b < 0x80 else _cp1252(b) for b in range(256)}

    @cache  # noqa: B019
    def _latin_pairs(self) -> dict[str, str]:
        return {k.decode("latin-1"): v for k, v in self.pairs.items()}

    @cache  # noqa: B019
    def _pair_re(self) -> re.Pattern[str]:
        return re.compile("(" + "|".join(re.escape(k) for k in sorted(self._latin_pairs())) + ")")

    def encode(self, text: str) -> bytes:
        """NFC text -> bytes; raises :class:`EncodingError` on a character the table lacks."""
        out = bytearray()
        for pos, ch in enumerate(unicodedata.normalize("NFC", text)):
            if ord(ch) < 0x80:
                out.append(ord(ch))
                continue
            seq = self.reverse.get(ch)
            if seq is None:
                try:
                    seq = ch.encode("cp1252")
                except UnicodeEncodeError:
                    raise EncodingError(f"{ch!r} (position {pos}) cannot be written in {self.name}") from None
                if self.decode(seq) != ch:
                    raise EncodingError(f"{ch!r} (position {pos}) cannot be written in {self.name}")
            out += seq
        return bytes(out)


def _cp1252(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return chr(b)


@cache
def table(name: str) -> ByteTable:
    """The table of ``name`` (tcvn3 | vni | viscii), loaded once from ``data/encodings/NAME.tsv``."""
    mapping: dict[bytes, str] = {}
    with open(data_file("encodings", f"{name}.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            hexbytes, char = line.split("\t")[:2]  # char may be a combining mark or NBSP: no strip()
            mapping[bytes.fromhex(hexbytes)] = char
    return ByteTable(name, mapping)


def _decode_as(data: bytes, encoding: str) -> str:
    if encoding == "windows-1258":
        text = data.decode("cp1258", errors="replace")
    else:
        text = table(encoding).decode(data)
    return unicodedata.normalize("NFC", text)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Unicode text in one of :data:`LEGACY_ENCODINGS` (for tests and for writing fixtures).

    Windows-1258 has few precomposed toned letters, so a letter the code page
    lacks is written as its base letter (with circumflex, breve or horn
    composed) followed by the combining tone mark, as Word does.
    """
    if encoding != "windows-1258":
        return table(encoding).encode(text)
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        try:
            out += base.encode("cp1258") + tones.encode("cp1258")
        except UnicodeEncodeError:
            raise EncodingError(f"{ch!r} cannot be written in Windows-1258") from None
    return bytes(out)


def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable (any case, NFC or not), e.g. 'Nguyễn', 'thư', 'khuya'.

    >>> is_syllable("Nguyễn"), is_syllable("viện"), is_syllable("Vieät"), is_syllable("ho¸")
    (True, True, False, False)
    """
    parts = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in parts) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def vietnamese_score(text: str) -> float:
    """Share of the accented words that are Vietnamese syllables, stray symbols counting against.

    1.0 when nothing non-ASCII is in the text (nothing to get wrong).
    """
    good = total = 0
    for w in _WORD.findall(text):
        if w.isascii():
            continue
        total += 1
        good += is_syllable(w)
    for ch in text:
        if ord(ch) >= 0x80 and not ch.isalpha() and ch not in _TYPOGRAPHY and not ch.isspace():
            total += 1  # a symbol (or a lone combining mark) where a letter was meant
    return 1.0 if total == 0 else good / total


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5% control bytes no text encoding uses: a binary file, not text.

    (VISCII and TCVN3 put a few capitals in control positions, hence the share, not "any".)
    """
    head = data[:65536]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` when ``data`` opens with that byte order mark (either byte order), else None.

    Notepad's "Unicode" and Excel's "Unicode text" save UTF-16 with a BOM; its
    NUL bytes must not make the file look binary.

    >>> bom_encoding("Hà Nội".encode("utf-16")), bom_encoding(b"plain")
    ('utf-16', None)
    """
    for mark, name in _BOMS:
        if data.startswith(mark):
            return name
    return None


SAMPLE_BYTES = 256 * 1024
_SAMPLE_PIECES = 32


def detection_sample(data: bytes, limit: int = SAMPLE_BYTES) -> bytes:
    """What the legacy encodings are scored on: all of ``data`` up to ``limit``, else evenly spread pieces.

    Scoring every candidate on a whole 10 MB file would take minutes; pieces
    from all over the file (cut at ASCII spaces, which no multi-byte sequence
    of these encodings contains) see the same letters.
    """
    if len(data) <= limit:
        return data
    width, step = limit // _SAMPLE_PIECES, len(data) // _SAMPLE_PIECES
    pieces = []
    for i in range(_SAMPLE_PIECES):
        a, b = i * step, i * step + width
        sa, sb = data.find(b" ", a, a + 256), data.rfind(b" ", b - 256, b)
        pieces.append(data[(sa + 1 if sa >= 0 else a):(sb if sb > sa else b)])
    return b"\n".join(pieces)


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """The text of ``data`` in NFC: UTF-8, else the best-scoring legacy Vietnamese encoding.

    ``encoding`` forces one (``utf-8`` or a name of :data:`LEGACY_ENCODINGS`).
    Raises :class:`EncodingError` naming the suspected encoding when none fits.
    """
    bom = bom_encoding(data) if encoding is None else None
    if bom is not None:
        try:  # a broken one goes on to the other checks: two bytes are a weak sign
            return Decoded(unicodedata.normalize("NFC", data.decode(bom)), bom, 1.0)
        except UnicodeDecodeError:
            pass
    if encoding in (None, "utf-8", "utf8"):
        try:
            return Decoded(unicodedata.normalize("NFC", data.decode("utf-8-sig")), "utf-8", 1.0)
        except UnicodeDecodeError as exc:
            if encoding is not None:
                raise EncodingError(f"not valid UTF-8 text (byte {exc.start}: {exc.reason})") from None
            utf8_error = exc
    else:
        if encoding not in LEGACY_ENCODINGS:
            raise EncodingError(f"unknown encoding {encoding!r}; use utf-8 or one of {', '.join(LEGACY_ENCODINGS)}")
        text = _decode_as(data, encoding)
        return Decoded(text, encoding, vietnamese_score(text))

    sample = detection_sample(data)
    scored = []
    for enc in LEGACY_ENCODINGS:
        text = _decode_as(sample, enc)
        scored.append((vietnamese_score(text), -LEGACY_ENCODINGS.index(enc), enc, text))
    score, _, best, text = max(scored)
    if score >= MIN_SCORE:
        return Decoded(text if sample is data else _decode_as(data, best), best, score)
    where = f"byte {utf8_error.start}: {utf8_error.reason}"
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    if bad <= max(2, len(data) // 1000):
        raise EncodingError(f"not valid UTF-8 text ({where}); it looks like UTF-8 with {bad} damaged "
                            f"byte sequence(s), not a legacy encoding — repair or re-export it as UTF-8")
    raise EncodingError(f"not valid UTF-8 text ({where}), and no legacy Vietnamese encoding fits: the best "
                        f"guess, {NAMES[best]}, reads only {score:.0%} of the accented words as Vietnamese "
                        f"(at least {MIN_SCORE:.0%} needed); convert the file to UTF-8")

"""Fuzzing the readers and the extractor: random and mutated input raises nothing but ReadError.

Bounded and derandomised so CI stays fast and repeatable; set ``LIBKG_FUZZ_EXAMPLES=2000`` (and
run with ``-p no:randomly``) for a longer hunt.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from libkg.read import ReadError, article_from_record, read_paths
from libkg.read.encodings import LEGACY_ENCODINGS, decode_bytes, encode_legacy
from libkg.read.errors import ReadError as _RE  # noqa: F401  (the one exception allowed)

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"
N = int(os.environ.get("LIBKG_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=N, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@lru_cache(maxsize=1)
def sample_texts() -> list[str]:
    return [json.loads(f.read_text(encoding="utf-8"))["text"] for f in sorted(SAMPLES.glob("*.json"))[:8]]


@lru_cache(maxsize=1)
def extractor():
    from libkg.extract.pipeline import RuleExtractor

    return RuleExtractor()


VIET = st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Z", "Cc"))
PIECES = st.sampled_from(["Bà ", "Ông ", "Giám đốc ", "Thư viện tỉnh ", "Hội nghị ", "ngày 12/3/2024",
                          "TP. ", "PGS.TS. ", "\n\n", ", ", "; ", " - ", "“", "”", ".", "Liên hiệp ",
                          "Nguyễn Văn A", "Sở Văn hóa, Thể thao và Du lịch", "(", ")", "\u0301", "\ufeff"])


@st.composite
def mutated_article(draw) -> str:
    """A sample article cut, spliced, salted with Vietnamese pieces and random characters."""
    text = draw(st.sampled_from(sample_texts()))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["cut", "insert", "dup", "piece", "truncate"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 400)))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(st.text(VIET, max_size=40)) + text[i:]
        elif op == "dup":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "piece":
            text = text[:i] + "".join(draw(st.lists(PIECES, max_size=8))) + text[i:]
        else:
            text = text[:i]
    return text


def _extract(text: str) -> None:
    from libkg.rdf.build import facts_to_graph
    from libkg.read import article_from_text

    try:
        art = article_from_text(text, id="fz1", source="fuzz")
    except ReadError:
        return
    facts_to_graph(art, extractor()(art))


@FUZZ
@given(mutated_article())
def test_extractor_survives_mutated_articles(text):
    _extract(text)


@FUZZ
@given(st.text(VIET, max_size=300))
def test_extractor_survives_random_text(text):
    _extract(text)


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl"]))
def test_readers_survive_random_bytes(tmp_path_factory, data, suffix):
    f = tmp_path_factory.mktemp("fz") / f"x{suffix}"
    f.write_bytes(data)
    for item in read_paths([f]):
        assert isinstance(item, ReadError) or item.text.strip()


@FUZZ
@given(text=mutated_article(), encoding=st.sampled_from(LEGACY_ENCODINGS), flips=st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=5))
def test_decoder_survives_damaged_legacy_bytes(text, encoding, flips):
    try:
        data = bytearray(encode_legacy(text, encoding))
    except ValueError:
        return  # the mutation put in a character the encoding lacks
    for pos, byte in flips:
        if data:
            data[pos % len(data)] = byte
    try:
        decode_bytes(bytes(data))
    except ValueError:
        pass  # EncodingError: refused, which the readers turn into ReadError


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=4), max_leaves=12)


@FUZZ
@given(st.fixed_dictionaries({}, optional={
    "id": JSON_VALUE | st.from_regex(r"[\w.\-]{1,20}", fullmatch=True),
    "text": JSON_VALUE | mutated_article(),
    "format": st.sampled_from(["text", "html", "pdf", None, 3]),
    "published": st.sampled_from([None, "2024-01-02", "2024-13-45", "hôm qua", 2024]),
    "url": JSON_VALUE,
    "language": JSON_VALUE,
    "gold": JSON_VALUE,
}))
def test_records_survive_random_fields(rec):
    try:
        art = article_from_record(rec, source="fuzz.json", default_id="fz")
    except ReadError:
        return
    assert art.text.strip()
    _extract(art.text)


HTML_BITS = st.sampled_from(["<html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<div>", "<nav>",
                             "<script>var a=1;</script>", "<!--", "-->", "<![CDATA[", "<meta charset=x>",
                             "<title>Tin</title>", "&nbsp;", "&#0;", "&#xD800;", "<table><tr><td>", "<br/>"])


@FUZZ
@given(st.lists(HTML_BITS | mutated_article().map(lambda t: t[:200]), max_size=12))
def test_html_reader_survives_broken_markup(parts):
    from libkg.read import article_from_html

    try:
        art = article_from_html("".join(parts), id="fz", source="fuzz.html")
    except ReadError:
        return
    _extract(art.text)

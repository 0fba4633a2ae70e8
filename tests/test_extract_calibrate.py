"""The calibrate component drops the classes of predicted facts that real pages show mostly wrong.

Invented sentences: a lone participant of an event without a date is dropped; a dated event's
participant and a dateless event's several participants are kept.
"""

from __future__ import annotations

import pytest

from libkg.extract.calibrate import drop_classes, parse_classes
from libkg.extract.pipeline import DEFAULT_PIPELINE, RuleExtractor
from libkg.read.article import Article


def events(text: str) -> list[tuple[str, str | None, list[str]]]:
    facts = RuleExtractor()(Article(id="c1", text=text, title=None, published=None))
    return [(e.kind, e.start, e.participants) for e in facts.events]


def test_calibrate_runs_last_in_the_default_pipeline():
    assert DEFAULT_PIPELINE[-1] == "calibrate"


def test_the_data_file_lists_the_lone_participant_of_a_dateless_event():
    assert ("event_participant", frozenset({"start=none", "single_participant"})) in drop_classes()


@pytest.mark.parametrize("text", [
    "Thư viện tỉnh Hà Giang tổ chức hội thảo về văn hóa đọc. Tại hội thảo, ông Đỗ Văn Khánh chia sẻ "
    "kinh nghiệm đọc sách.",
    "Triển lãm ảnh về nhà thơ Phan Văn Dũng thu hút đông đảo bạn đọc.",
])
def test_a_lone_participant_of_an_event_without_a_date_is_dropped(text):
    found = events(text)
    assert found, "the event itself stays"
    assert all(start is None and parts == [] for _, start, parts in found)


def test_a_dated_events_lone_participant_is_kept():
    found = events("Sáng 12/3/2024, Thư viện tỉnh Hà Giang tổ chức hội thảo về văn hóa đọc. Tại hội thảo, "
                   "ông Đỗ Văn Khánh chia sẻ kinh nghiệm đọc sách.")
    assert ("Workshop", "2024-03-12", ["Đỗ Văn Khánh"]) in found


def test_a_dateless_events_several_participants_are_kept():
    found = events("Thư viện tỉnh Hà Giang tổ chức hội thảo về văn hóa đọc. Dự hội thảo có ông Đỗ Văn Khánh "
                   "và bà Lò Thị Mây.")
    assert ("Workshop", None, ["Đỗ Văn Khánh", "Lò Thị Mây"]) in found


@pytest.mark.parametrize("row, word", [
    (["event_participant"], "needs a fact and its conditions"),
    (["event_participant", "start=none,sunny"], "sunny"),
    (["organization", "start=none"], "organization"),
    (["event_participant", " , "], "or none"),
])
def test_a_bad_line_of_the_data_file_is_refused_by_name(row, word):
    with pytest.raises(ValueError, match="drop_classes.tsv") as err:
        parse_classes([row])
    assert word in str(err.value)

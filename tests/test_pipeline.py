"""The extraction pipeline's contracts: components declare what they read and write (issue 22).

Each component runs on real articles in a Doc that records what it reads; the test compares the
Doc's fields before and after each step, so a declaration that stops being true (a field written or
read without saying so) fails here.  ``Doc.cache`` is outside the contracts.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pytest

from libkg.extract import RuleExtractor
from libkg.extract.mentions import DateMention, OrgMention, PersonMention, PlaceMention, Publication
from libkg.extract.pipeline import (
    DEFAULT_PIPELINE,
    INPUT_FIELDS,
    Doc,
    check_order,
    component,
    components,
    contract_fields,
    contract_table,
)
from libkg.read import article_from_text, read_paths
from libkg.read.article import Article
from libkg.testing import example_article

DATA = Path(__file__).parent / "data"
FIELDS = contract_fields()
_ABSENT = object()


def sample_articles() -> list[Article]:
    """A few real pages and hand-made texts: a headline in capitals, an office only a role names (positions
    adds it to ``organizations``), a page of furniture."""
    arts = [a for d in ("heldout2", "tuning") for a in list(read_paths([DATA / d]))[:6] if isinstance(a, Article)]
    arts.append(example_article())
    arts.append(article_from_text(
        "THƯ VIỆN TỈNH YÊN BÁI TỔ CHỨC NGÀY SÁCH VIỆT NAM\n\nSáng 21/4/2024, tại TP. Yên Bái, Thư viện tỉnh Yên "
        "Bái tổ chức Ngày Sách Việt Nam. Bà Nguyễn Thị Hoà, Giám đốc Thư viện tỉnh, phát biểu khai mạc. "
        "Dự lễ có ông Trần Văn Nam, Trưởng Phòng Văn hóa - Xã hội xã Tân Hương. "  # positions adds this office
        "Thư viện tỉnh trao giải cho 20 học sinh.", id="caps", published="2024-04-22"))
    arts.append(article_from_text("Trang chủ > Tin tức\n\nChia sẻ\n\nIn bài", id="furniture"))
    return arts


@dataclass
class _Watched(Doc):
    """A Doc that records the fields a component reads (``doc.sentences``, ``doc.sentence_at`` ...)."""

    def watch(self) -> set[str]:
        seen: set[str] = set()
        object.__setattr__(self, "_seen", seen)
        return seen

    def __getattribute__(self, name: str) -> Any:
        if name in FIELDS:
            seen = object.__getattribute__(self, "__dict__").get("_seen")
            if seen is not None:
                seen.add(name)
        return object.__getattribute__(self, name)


def snapshot(doc: Doc) -> dict[str, Any]:
    """Every contract field of ``doc``, deep-copied (a list appended to in place counts)."""
    return {f: copy.deepcopy(object.__getattribute__(doc, f)) for f in FIELDS}


def test_the_default_pipeline_builds_and_every_component_declares_a_contract():
    ex = RuleExtractor()
    assert ex.pipeline == DEFAULT_PIPELINE
    infos = components()
    assert set(DEFAULT_PIPELINE) <= set(infos)
    for name in DEFAULT_PIPELINE:
        assert infos[name].assigns, f"{name} assigns nothing"
        assert "text" in infos[name].requires
    check_order(DEFAULT_PIPELINE)
    # the shorter pipelines the tests and the benchmark build
    RuleExtractor(("sentences",))
    RuleExtractor(("sentences", "persons", "organizations", "positions"))


def test_a_second_component_under_a_registered_name_is_refused():
    before = components()["dates"]
    with pytest.raises(ValueError, match=r"'dates' is already registered \(by libkg\.extract\.dates\.run\)"):
        @component("dates", requires=("text",), assigns=("date_mentions",))
        def other(doc: Doc) -> None:
            doc.date_mentions = []
    assert components()["dates"] is before  # the first one stays
    assert RuleExtractor()(example_article()).events  # and still works


def test_a_declaration_must_name_typed_doc_fields():
    with pytest.raises(ValueError, match="'nonsense' names no Doc field"):
        component("x-bad-requires", requires=("nonsense",))
    with pytest.raises(ValueError, match="'cache' names no Doc field"):
        component("x-cache-key", assigns=("cache",))
    with pytest.raises(ValueError, match="'extras.org_mentions' names no Doc field"):
        component("x-old-style", requires=("extras.org_mentions",))
    with pytest.raises(ValueError, match="may not assign the input field"):
        component("x-rewrites-text", assigns=("text",))
    assert not {"x-bad-requires", "x-cache-key", "x-old-style", "x-rewrites-text"} & set(components())


def test_an_out_of_order_pipeline_is_refused_naming_what_is_missing():
    with pytest.raises(ValueError) as err:
        RuleExtractor(("sentences", "persons", "organizations", "places", "events", "dates"))
    msg = str(err.value)
    assert "'events' requires" in msg
    assert "date_mentions" in msg and "publication" in msg and "extras" not in msg
    assert "assigned by 'dates'" in msg
    with pytest.raises(ValueError, match=r"'positions' requires .*org_mentions"):
        RuleExtractor(("sentences", "persons", "positions", "organizations"))
    with pytest.raises(ValueError, match="'persons' requires sentences"):
        RuleExtractor(("persons",))
    with pytest.raises(ValueError, match="unknown pipeline component"):
        RuleExtractor(("sentences", "no-such-step"))


@pytest.mark.parametrize("art", sample_articles(), ids=lambda a: a.id)
def test_each_component_reads_and_writes_only_what_it_declares(art):
    infos = components()
    doc = _Watched(article=art, text=art.text)
    plain = RuleExtractor()(art)
    for name in DEFAULT_PIPELINE:
        info = infos[name]
        before = snapshot(doc)
        seen = doc.watch()
        info.fn(doc)
        object.__setattr__(doc, "_seen", None)
        after = snapshot(doc)
        changed = {k for k in before.keys() | after.keys() if before.get(k, _ABSENT) != after.get(k, _ABSENT)}
        assert changed <= set(info.assigns), f"{name} writes {sorted(changed - set(info.assigns))} undeclared"
        read = set(seen)
        assert read - set(info.assigns) <= set(info.requires), \
            f"{name} reads {sorted(read - set(info.assigns) - set(info.requires))} undeclared"
        assert not changed & set(INPUT_FIELDS)
    assert doc.to_facts() == plain  # the watched run is the ordinary run


def test_components_hand_each_other_typed_mentions_not_a_dict():
    assert "extras" not in {f.name for f in fields(Doc)}
    art = example_article()
    doc = Doc(article=art, text=art.text)
    for name in DEFAULT_PIPELINE:
        components()[name].fn(doc)
    kinds = {"person_mentions": PersonMention, "org_mentions": OrgMention, "place_mentions": PlaceMention,
             "date_mentions": DateMention}
    for f, cls in kinds.items():
        got = getattr(doc, f)
        assert got and all(type(m) is cls for m in got), f
        assert all(doc.text[m.start:m.end] for m in got)
    assert isinstance(doc.publication, Publication) and doc.publication.date == "2024-05-04"
    assert doc.segmented and doc.title is None
    hoa = next(m for m in doc.person_mentions if m.surface == "Hoàng Thị Thuý")
    assert (hoa.name, hoa.title) == ("Hoàng Thị Thuý", "Bà")


def test_the_contract_tables_of_docs_architecture_are_current():
    """docs/architecture.md holds ``contract_table()`` between its markers: a changed ``requires``/``assigns`` or
    Doc field must change the page too (the message gives the table to paste)."""
    page = (Path(__file__).parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    start = "<!-- contracts: generated by libkg.extract.pipeline.contract_table() -->\n"
    assert start in page and "<!-- end of contracts -->" in page
    shown = page.split(start, 1)[1].split("<!-- end of contracts -->", 1)[0]
    table = contract_table()
    assert shown == table, "docs/architecture.md's contract tables are stale; paste this between the markers:\n" + table
    assert "| `org_mentions` | `list[OrgMention]` | `organizations` | `positions`, `places`, `events` |" in table

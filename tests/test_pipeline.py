"""The extraction pipeline's contracts: components declare what they read and write (issue 22).

Each component runs on real articles in a Doc that records what it reads; the test compares the
Doc's fields and ``extras`` keys before and after each step, so a declaration that stops being true
(a new ``extras`` key, a field read without saying so) fails here.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pytest

from libkg.extract import RuleExtractor
from libkg.extract.pipeline import DEFAULT_PIPELINE, INPUT_FIELDS, Doc, check_order, component, components
from libkg.read import article_from_text, read_paths
from libkg.read.article import Article
from libkg.testing import example_article

DATA = Path(__file__).parent / "data"
FIELDS = tuple(f.name for f in fields(Doc) if f.name != "extras")
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


class _Extras(dict):
    """``Doc.extras`` that records which keys a component looks at."""

    def __init__(self, data: dict[str, Any], seen: set[str]) -> None:
        super().__init__(data)
        self.seen = seen

    def __getitem__(self, key: str) -> Any:
        self.seen.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.seen.add(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.seen.add(str(key))
        return super().__contains__(key)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self.seen.add(key)
        return super().setdefault(key, default)


@dataclass
class _Watched(Doc):
    """A Doc that records the fields a component reads (``doc.sentences``, ``doc.sentence_at`` ...)."""

    def watch(self) -> set[str]:
        seen: set[str] = set()
        object.__setattr__(self, "_seen", seen)
        object.__setattr__(self, "extras", _Extras(dict(object.__getattribute__(self, "extras")), seen))
        return seen

    def __getattribute__(self, name: str) -> Any:
        if name in FIELDS:
            seen = object.__getattribute__(self, "__dict__").get("_seen")
            if seen is not None:
                seen.add(name)
        return object.__getattribute__(self, name)


def contract_keys(extras: dict[str, Any]) -> dict[str, Any]:
    """The ``extras`` entries under contract (keys starting with "_" are caches)."""
    return {k: v for k, v in extras.items() if not k.startswith("_")}


def snapshot(doc: Doc) -> dict[str, Any]:
    """Every field and contract ``extras`` key of ``doc``, deep-copied (a list appended to in place counts)."""
    out = {f: copy.deepcopy(object.__getattribute__(doc, f)) for f in FIELDS}
    out.update({f"extras.{k}": copy.deepcopy(v) for k, v in contract_keys(dict(doc.extras)).items()})
    return out


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
        @component("dates", requires=("text",), assigns=("extras.date_mentions",))
        def other(doc: Doc) -> None:
            doc.extras["date_mentions"] = []
    assert components()["dates"] is before  # the first one stays
    assert RuleExtractor()(example_article()).events  # and still works


def test_a_declaration_must_name_doc_fields_or_extras_keys():
    with pytest.raises(ValueError, match="'nonsense' names no Doc field"):
        component("x-bad-requires", requires=("nonsense",))
    with pytest.raises(ValueError, match="'extras._tokens' names no Doc field"):
        component("x-cache-key", assigns=("extras._tokens",))
    with pytest.raises(ValueError, match="may not assign the input field"):
        component("x-rewrites-text", assigns=("text",))
    assert not {"x-bad-requires", "x-cache-key", "x-rewrites-text"} & set(components())


def test_an_out_of_order_pipeline_is_refused_naming_what_is_missing():
    with pytest.raises(ValueError) as err:
        RuleExtractor(("sentences", "persons", "organizations", "places", "events", "dates"))
    msg = str(err.value)
    assert "'events' requires" in msg
    assert "extras.date_mentions" in msg and "extras.publication" in msg
    assert "assigned by 'dates'" in msg
    with pytest.raises(ValueError, match=r"'positions' requires .*extras\.org_mentions"):
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
        read = {f if f in FIELDS else f"extras.{f}" for f in seen if not f.startswith("_")}
        assert read - set(info.assigns) <= set(info.requires), \
            f"{name} reads {sorted(read - set(info.assigns) - set(info.requires))} undeclared"
        assert not changed & set(INPUT_FIELDS)
    assert doc.to_facts() == plain  # the watched run is the ordinary run

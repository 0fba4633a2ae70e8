"""libkg explain: facts about an entity with the sentence and article they came from."""

from __future__ import annotations

from click.testing import CliRunner

from libkg.cli import cli
from libkg.cli.explain_cmd import explain_entity, find_entities


def test_explain_shows_the_evidence_sentence_of_a_position(sample_store):
    (p,) = find_entities(sample_store, "Hoàng Thị Thuý Hằng")  # old spelling finds the one node
    assert find_entities(sample_store, "hoàng thị thúy hằng") == [p]
    text = explain_entity(sample_store, p)
    assert "written as: Hoàng Thị Thuý Hằng | Hoàng Thị Thúy Hằng" in text
    assert "[d11] 2022-03-09" in text and "sovhttdl.yenbai.gov.vn" in text
    assert "position: Giám đốc — Thư viện tỉnh Yên Bái" in text
    # the sentence the Phó Giám đốc (former) statement was read in
    assert "« Trước khi được bổ nhiệm, bà đã có 8 năm giữ cương vị Phó Giám đốc Thư viện tỉnh" in text
    assert text.index("[d02]") < text.index("[d11]") < text.index("[d23]")


def test_explain_command_on_a_store(tmp_path, samples_dir):
    store = str(tmp_path / "st")
    runner = CliRunner()
    res = runner.invoke(cli, ["ingest", str(samples_dir / "d11.json"), str(samples_dir / "d02.json"),
                              "--store", store])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["explain", "Hoàng Thị Thúy Hằng", "--store", store])
    assert res.exit_code == 0, res.output
    assert "giữ chức vụ Giám đốc Thư viện tỉnh Yên Bái" in res.output
    res = runner.invoke(cli, ["explain", "Nobody Here", "--store", store])
    assert res.exit_code != 0 and "nothing in the store" in res.output


def test_explain_finds_names_typed_without_diacritics_or_tinh(sample_store):
    # d02, d11, d23: Hoàng Thị Thuý Hằng (old tone placement in some, new in others)
    (p,) = find_entities(sample_store, "Hoàng Thị Thuý Hằng")
    assert find_entities(sample_store, "hoang thi thuy hang") == [p]
    assert find_entities(sample_store, "HOÀNG THỊ THÚY HẰNG") == [p]
    # d05, d20: Thư viện tỉnh Điện Biên, typed without diacritics and without "tỉnh"
    (lib,) = find_entities(sample_store, "Thư viện tỉnh Điện Biên")
    assert find_entities(sample_store, "thu vien dien bien") == [lib]
    # "lao cai": both gazetteer units called Lào Cai (before and after the 2025 reform), nothing else
    units = find_entities(sample_store, "lao cai")
    assert len(units) == 2 and all("/place/" in str(u) and str(u).endswith("lao-cai") for u in units)
    assert find_entities(sample_store, "hoang thi thuy") == []  # a name, not a part of one

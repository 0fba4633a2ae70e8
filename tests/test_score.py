from __future__ import annotations

import copy

from libkg.evaluate.score import name_key, score_article, similar
from libkg.read import read_paths


def test_gold_scores_perfectly_against_itself(samples_dir):
    for art in read_paths([samples_dir]):
        for t, s in score_article(art.gold, art.gold).items():
            assert s.f1 == 1.0, (art.id, t)


def test_abbreviations_and_tinh_are_folded():
    assert name_key("Sở VH,TT&DL tỉnh Yên Bái") == name_key("Sở Văn hoá, Thể thao và Du lịch Yên Bái")
    assert name_key("UBND huyện Mường Chà") == name_key("Ủy ban nhân dân huyện Mường Chà")
    assert similar("Phó Giám đốc", "Giám đốc") < 0.85


def test_tone_marks_and_titles_do_not_matter():
    gold = {"persons": [{"name": "Nguyễn Thị Hoà", "title": "Bà"}]}
    pred = {"persons": [{"name": "nguyễn thị hòa", "title": None}]}
    assert score_article(pred, gold)["persons"].f1 == 1.0


def test_a_wrong_event_date_costs_events_places_and_participants(samples_dir):
    (art,) = list(read_paths([samples_dir / "d01.json"]))
    pred = copy.deepcopy(art.gold)
    pred["events"][0]["start"] = "2023-07-07"
    s = score_article(pred, art.gold)
    assert s["events"].tp == len(art.gold["events"]) - 1
    assert s["event_participants"].tp < s["event_participants"].gold
    assert s["persons"].f1 == 1.0


def test_evaluate_refuses_a_folder_without_annotations(tmp_path):
    from click.testing import CliRunner

    from libkg.cli import cli

    (tmp_path / "a.json").write_text('{"id": "a", "text": "Sáng 12/3/2024, Thư viện tỉnh Lào Cai '
                                     'tổ chức hội nghị tổng kết."}', encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", str(tmp_path)])
    assert r.exit_code == 2, r.output
    assert "nothing to score" in r.output and "micro" not in r.output


def test_evaluate_scores_only_the_listed_ids(samples_dir, tmp_path):
    from click.testing import CliRunner

    from libkg.cli import cli

    ids = tmp_path / "ids.txt"
    ids.write_text("# one part\nd01\nd02  # two\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", str(samples_dir), "--ids", str(ids)])
    assert r.exit_code == 0, r.output
    assert "2 article(s) scored" in r.output
    ids.write_text("nope\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", str(samples_dir), "--ids", str(ids)])
    assert r.exit_code == 2 and "listed in" in r.output

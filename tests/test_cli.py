"""The foundation's acceptance checks, run through the real CLI and a real on-disk store."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from libkg.cli import cli
from libkg.normalize import fold_person

D01_PERSONS = {"Kiều Thúy Nga", "Nguyễn Hữu Giới", "Nguyễn Xuân Dũng", "Lê Ngọc Linh",
               "Phạm Thị Bích Dung", "Trần Nhuận Kiên"}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_ingest_d01_then_query_lists_persons_positions_and_conference(tmp_path, samples_dir):
    store = str(tmp_path / "S")
    r = run("ingest", str(samples_dir / "d01.json"), "--store", store, "-q")
    assert r.exit_code == 0, r.output
    assert "ingested 1 article(s)" in r.output

    r = run("query", "positions", "--store", store, "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    persons = {fold_person(x["person"]) for x in rows}
    assert persons == {fold_person(p) for p in D01_PERSONS}
    assert len({(fold_person(x["person"]), x["role"].lower(), x["organization"]) for x in rows}) == 7
    dung = {(x["role"], x["organization"]) for x in rows if x["person"] == "Phạm Thị Bích Dung"}
    assert len(dung) == 2
    assert any("Lào Cai" in (o or "") for _, o in dung)

    r = run("query", "events", "--store", store, "--format", "json", "-p", "kind=Conference")
    assert r.exit_code == 0, r.output
    bindings = json.loads(r.output)["results"]["bindings"]
    assert len(bindings) == 1
    conf = bindings[0]
    assert conf["start"]["value"] == "2023-07-06"
    assert conf["end"]["value"] == "2023-07-08"
    assert "Thái Nguyên" in conf["place"]["value"]


def test_reingest_keeps_triple_count(tmp_path, samples_dir):
    store = str(tmp_path / "S")
    first = run("ingest", str(samples_dir / "d01.json"), "--store", store, "-q")
    again = run("ingest", str(samples_dir / "d01.json"), "--store", store, "-q")
    count = [line for line in (first.output, again.output)]
    n1 = int(count[0].split(",")[2].split()[0])
    n2 = int(count[1].split(",")[2].split()[0])
    assert n1 == n2 > 100


def test_bad_file_is_named_and_store_untouched(tmp_path, samples_dir):
    store = str(tmp_path / "S")
    run("ingest", str(samples_dir / "d01.json"), "--store", store, "-q")
    before = run("stats", "--store", store).output
    bad = tmp_path / "broken.json"
    bad.write_text('{"id": "x1", "text": "Hội nghị', encoding="utf-8")
    r = run("ingest", str(bad), "--store", store, "-q")
    assert r.exit_code == 1
    assert "broken.json" in r.output and "not valid JSON" in r.output
    assert run("stats", "--store", store).output == before


def test_validate_passes_sample_graph_and_fails_on_position_without_person(tmp_path):
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "graph" / "sample.trig"
    r = run("validate", "--file", str(sample))
    assert r.exit_code == 0, r.output
    assert "conforms" in r.output

    bad = tmp_path / "bad.ttl"
    bad.write_text("""
@prefix lkg: <https://w3id.org/libkg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
<https://w3id.org/libkg/id/article/x> a schema:NewsArticle .
<https://w3id.org/libkg/id/position/p1> a lkg:Position ;
    org:role <https://w3id.org/libkg/vocab/role/Director> ;
    prov:wasDerivedFrom <https://w3id.org/libkg/id/article/x> .
""", encoding="utf-8")
    r = run("validate", "--file", str(bad))
    assert r.exit_code == 1
    assert "position/p1" in r.output


def test_extract_json_is_gold_shaped(samples_dir):
    r = run("extract", str(samples_dir / "d01.json"), "--format", "json")
    assert r.exit_code == 0
    obj = json.loads(r.output)
    assert obj["id"] == "d01"
    assert set(obj) == {"id", "persons", "organizations", "positions", "events", "places"}
    assert {fold_person(p["name"]) for p in obj["persons"]} == {fold_person(p) for p in D01_PERSONS}
    for e in obj["events"]:
        assert list(e) == ["label", "kind", "start", "end", "place", "organizers", "participants"]


def test_every_command_has_help():
    for cmd in ["ingest", "extract", "query", "queries", "export", "stats", "validate", "evaluate",
                "network"]:
        r = run(cmd, "--help")
        assert r.exit_code == 0 and "Usage:" in r.output


def test_bulk_ingest_says_it_compacts_and_stores_what_a_plain_ingest_stores(tmp_path, samples_dir):
    from libkg.store import EmbeddedStore

    def quads(path):
        with EmbeddedStore(path) as st:
            return sorted(str(q) for q in st.store)

    plain, bulk = tmp_path / "plain", tmp_path / "bulk"
    r = CliRunner().invoke(cli, ["ingest", str(samples_dir), "--store", str(plain)])
    assert r.exit_code == 0 and "compacting" not in r.stderr
    r = CliRunner().invoke(cli, ["ingest", str(samples_dir), "--store", str(bulk), "--bulk"])
    assert r.exit_code == 0, r.stderr
    assert "compacting the store after the bulk load ..." in r.stderr
    assert quads(bulk) == quads(plain)  # the same graphs and union, by either path
    r = CliRunner().invoke(cli, ["ingest", str(samples_dir), "--store", str(bulk), "--bulk"])
    assert r.exit_code == 0 and "compacting" not in r.stderr  # nothing new, nothing bulk-loaded to merge
    assert quads(bulk) == quads(plain)

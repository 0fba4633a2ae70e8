"""The foundation's acceptance checks, run through the real CLI and a real on-disk store."""

from __future__ import annotations

import csv
import io
import json

import pytest
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


# --------------------------------------------------------------------------- trust on a fresh machine (issue 19)
READING = [["stats"], ["export", "--format", "nq"], ["validate"], ["query", "positions"],
           ["explain", "Kiều Thúy Nga"], ["network", "institutions"], ["network", "ego", "Vụ Thư viện"],
           ["network", "path", "Vụ Thư viện", "Thư viện tỉnh Yên Bái"], ["link", "--offline"]]


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory, samples_dir):
    """Every sample article ingested by the real command into a real on-disk store (closed again)."""
    store = tmp_path_factory.mktemp("cli") / "store"
    r = run("ingest", str(samples_dir), "--store", str(store), "-q")
    assert r.exit_code == 0, r.output
    return str(store)


@pytest.mark.parametrize("args", READING, ids=lambda a: " ".join(a[:2]))
def test_reading_commands_refuse_a_missing_store_and_create_nothing(tmp_path, args):
    typo = tmp_path / "stroe"
    r = run(*args, "--store", str(typo))
    assert r.exit_code == 2, r.output
    assert f"no store at {typo}" in r.output and f"libkg ingest ARTICLES... --store {typo}" in r.output
    assert not typo.exists()  # no empty store left behind
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run(*args, "--store", str(empty))
    assert r.exit_code == 2 and f"no store at {empty}" in r.output
    assert not any(empty.iterdir())


def test_the_default_store_is_named_when_missing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LIBKG_STORE", raising=False)
    r = run("stats")
    assert r.exit_code == 2 and "no store at .libkg/store" in r.output
    assert not (tmp_path / ".libkg").exists()


def test_update_endpoint_only_on_commands_that_write():
    assert "--update-endpoint" in run("ingest", "--help").output
    assert "--update-endpoint" in run("link", "--help").output  # link writes its links graph
    for cmd in (["query"], ["stats"], ["export"], ["validate"], ["explain"], ["network", "institutions"],
                ["network", "ego"], ["network", "path"]):
        out = run(*cmd, "--help").output
        assert "--endpoint" in out and "--update-endpoint" not in out, cmd
        r = run(*cmd, "--update-endpoint", "http://127.0.0.1:1/update")
        assert r.exit_code == 2 and "No such option '--update-endpoint'" in r.output


def test_link_endpoint_is_the_store_and_the_authority_has_its_own_option(cli_store):
    out = run("link", "--help").output
    assert "--authority-endpoint" in out and "--store-endpoint" not in out
    r = run("link", "--endpoint", "https://query.wikidata.org/sparql", "--store", cli_store)
    assert r.exit_code == 2
    assert "--endpoint is the store" in r.output and "--authority-endpoint https://query.wikidata.org/sparql" in r.output
    r = run("link", "--offline", "--review", "x.csv", "--store", cli_store)
    assert r.exit_code == 2 and "--review needs --authority-endpoint" in r.output


def test_stats_labels_its_two_triple_counts(cli_store):
    r = run("stats", "--store", cli_store)
    assert r.exit_code == 0, r.output
    counts = {line.rsplit(None, 1)[0]: int(line.rsplit(None, 1)[1]) for line in r.output.splitlines()}
    union = run("query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv",
                "--store", cli_store)
    quads = run("query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv",
                "--store", cli_store)
    assert counts["distinct triples in the default (union) graph"] == int(union.output.split()[1])
    assert counts["quads in all graphs"] == int(quads.output.split()[1])
    # several articles state the same triples (places, the ontology of shared entities): the counts differ
    assert counts["quads in all graphs"] > counts["distinct triples in the default (union) graph"]
    assert counts["articles"] == 31


def test_a_mistyped_query_or_parameter_name_gets_a_suggestion(cli_store):
    r = run("query", "person-timline", "--store", cli_store)
    assert r.exit_code == 2 and "did you mean 'person-timeline'?" in r.output
    r = run("query", "events", "-p", "knd=Conference", "--store", cli_store)
    assert r.exit_code == 2 and "did you mean 'kind'?" in r.output


def test_old_parameter_names_still_work_with_a_warning(cli_store):
    new = CliRunner().invoke(cli, ["query", "events", "-p", "kind=Conference", "--format", "csv", "--store", cli_store])
    old = CliRunner().invoke(cli, ["query", "events", "-p", "kindName=Conference", "--format", "csv",
                                   "--store", cli_store])
    assert new.exit_code == old.exit_code == 0
    assert new.stdout == old.stdout and "Conference" in new.stdout
    assert "warning" not in new.stderr
    assert "parameter 'kindName' of query 'events' is now called 'kind'" in old.stderr
    r = CliRunner().invoke(cli, ["query", "events-by-province-year", "-p", "provinceName=Thái Nguyên", "--format",
                                 "csv", "--store", cli_store])
    assert r.exit_code == 0 and "Thái Nguyên" in r.stdout and "now called 'province'" in r.stderr


@pytest.mark.parametrize("args", [["network", "institutions", "--from", "2023-13-01"],
                                  ["network", "persons", "--to", "2023-02-30"],
                                  ["network", "ego", "Vụ Thư viện", "--from", "2023-1-5"],
                                  ["query", "libraries-in-province", "-p", "province=Lào Cai", "-p", "asOf=2023-13-01"]])
def test_impossible_dates_are_refused(cli_store, args):
    r = run(*args, "--store", cli_store)
    assert r.exit_code == 2, r.output
    bad = next(a.split("=")[-1] for a in args if a.startswith("202") or "=202" in a)
    assert f"'{bad}' is not a date" in r.output


def test_names_match_without_diacritics_in_every_command(cli_store):
    # d02, d11, d23: Hoàng Thị Thuý Hằng, Giám đốc Thư viện tỉnh Yên Bái
    r = run("explain", "hoang thi thuy hang", "--store", cli_store)
    assert r.exit_code == 0 and r.output.startswith("Hoàng Thị Thúy Hằng  <")
    typed = run("query", "person-timeline", "-p", "name=hoang thi thuy hang", "--format", "csv", "--store", cli_store)
    exact = run("query", "person-timeline", "-p", "name=Hoàng Thị Thuý Hằng", "--format", "csv", "--store", cli_store)
    assert typed.exit_code == 0 and typed.output == exact.output and exact.output.count("\n") > 3
    # d01, d23: Phạm Thị Bích Dung, Giám đốc Thư viện tỉnh Lào Cai
    r = run("network", "affiliations", "--province", "Lao Cai", "--store", cli_store)
    assert r.exit_code == 0 and "Thư viện tỉnh Lào Cai" in r.output and "Phạm Thị Bích Dung" in r.output
    r = run("network", "ego", "pham thi bich dung", "--network", "affiliations", "--store", cli_store)
    assert r.exit_code == 0 and "Thư viện tỉnh Lào Cai" in r.output
    r = run("network", "ego", "thu vien dien bien", "--store", cli_store)  # "tỉnh" left out too
    assert r.exit_code == 0 and r.output.startswith("Thư viện tỉnh Điện Biên <")


def test_ego_tells_a_name_outside_the_network_from_an_unknown_name(cli_store):
    # d01/d23 name Thư viện tỉnh Lào Cai only as its director's workplace: it is in no event
    r = run("network", "ego", "Thư viện tỉnh Lào Cai", "--store", cli_store)
    assert r.exit_code == 2
    assert "no node of the institutions network is called 'Thư viện tỉnh Lào Cai': it is in the store" in r.output
    assert "--network" in r.output and "--through-staff" in r.output
    r = run("network", "ego", "Thư viện tỉnh Lào Cai", "--through-staff", "--store", cli_store)
    assert r.exit_code == 0 and "Phạm Thị Bích Dung" not in r.output and "Liên hiệp Thư viện" in r.output
    r = run("network", "path", "Nobody Here", "Vụ Thư viện", "--store", cli_store)
    assert r.exit_code == 2 and "no node is called 'Nobody Here': nothing in the store is called so" in r.output


def test_path_between_institutions_that_met_through_their_staff(cli_store):
    # d20: "Vụ Thư viện làm việc với Thư viện tỉnh Điện Biên": its director, bà Quàng Thị Mai, received the visit
    r = run("network", "path", "Thư viện tỉnh Điện Biên", "Vụ Thư viện", "--store", cli_store)
    assert r.exit_code == 1 and "are not connected (--through-staff" in r.output
    r = run("network", "path", "thu vien dien bien", "vu thu vien", "--through-staff", "--store", cli_store)
    assert r.exit_code == 0, r.output
    assert r.output.startswith("1 hop(s): Thư viện tỉnh Điện Biên -> Vụ Thư viện") and "/event/d20/" in r.output
    r = run("network", "hierarchy", "--through-staff", "--store", cli_store)
    assert r.exit_code == 2 and "no --through-staff filter" in r.output


def test_an_unreachable_endpoint_is_an_error_naming_it_not_a_traceback():
    url = "http://127.0.0.1:9/query"  # the discard port: nothing listens
    for args in (["stats"], ["query", "positions"], ["network", "ego", "Vụ Thư viện"], ["explain", "Vụ Thư viện"]):
        r = CliRunner().invoke(cli, [*args, "--endpoint", url])
        assert r.exit_code == 1 and f"cannot reach the SPARQL endpoint {url}" in r.output, args
        assert isinstance(r.exception, SystemExit)  # a clean exit, not an exception escaping the command


def test_link_keeps_the_old_store_endpoint_spelling_with_a_warning():
    r = CliRunner().invoke(cli, ["link", "--offline", "--dry-run", "--store-endpoint", "http://127.0.0.1:9/query"])
    assert "--store-endpoint / --store-update-endpoint are deprecated" in r.stderr
    assert r.exit_code == 1 and "cannot reach the SPARQL endpoint http://127.0.0.1:9/query" in r.output


def test_a_misspelt_province_or_kind_is_a_usage_error_with_a_suggestion(cli_store):
    r = run("network", "institutions", "--province", "Lao Kai", "--store", cli_store)
    assert r.exit_code == 2 and "no place is called 'Lao Kai' in the store (did you mean 'Lào Cai'?)" in r.output
    r = run("network", "persons", "--kind", "Picnic", "--store", cli_store)
    assert r.exit_code == 2 and "unknown event kind 'Picnic'" in r.output
    r = run("explain", "Nobody Here", "--store", cli_store)
    assert r.exit_code == 2 and "nothing in the store is called 'Nobody Here'" in r.output

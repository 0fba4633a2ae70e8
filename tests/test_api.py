"""The Python API (libkg.open / KnowledgeGraph / QueryResult), its docstring examples, and the CLI on top of it."""

from __future__ import annotations

import datetime as dt
import doctest
import io
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

import libkg
from libkg import api
from libkg.api import _XSD
from libkg.query.results import ResultTable


@pytest.fixture(scope="module")
def kg(tmp_path_factory, samples_dir):
    """A graph of every sample article, in a real on-disk store."""
    g = libkg.open(tmp_path_factory.mktemp("api") / "store")
    report = g.ingest(samples_dir)
    assert report.articles == 31 and not report.errors, report.errors
    yield g
    g.close()


def test_docstring_examples_run():
    for mod in (api, libkg):
        result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0 and result.attempted > 0, (mod.__name__, result)
    assert doctest.testmod(api).attempted >= 10


def test_import_is_light():
    code = ("import sys, libkg; heavy = [m for m in ('rdflib', 'pyoxigraph', 'networkx', 'pandas', 'libkg.api') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert libkg.__version__ == "0.1.0" and "open" in libkg.__all__
    assert libkg.KnowledgeGraph is api.KnowledgeGraph and libkg.QueryResult is api.QueryResult


def test_rows_are_plain_python_values(kg):
    res = kg.query("events", kind="Conference")
    assert res.type == "SELECT" and len(res) == 6
    conf = next(r for r in res if r.article == "d01")
    assert (conf.start, conf.end) == (dt.date(2023, 7, 6), dt.date(2023, 7, 8))
    assert isinstance(conf.event, str) and "Thái Nguyên" in conf.place
    n = kg.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a lkg:Person }").rows[0].n
    assert isinstance(n, int) and n == kg.stats()["persons"]
    iri = kg.query("SELECT ?p WHERE { ?p a lkg:Person } LIMIT 1").rows[0].p
    assert isinstance(iri, str) and iri.startswith("https://w3id.org/libkg/id/person/")


def test_person_timeline_and_dataframe(kg):
    res = kg.query("person-timeline", name="Kiều Thuý Nga")  # old tone-mark placement finds her too
    assert {r.person for r in res} == {"Kiều Thúy Nga"}
    assert any(r.what == "position" and "Vụ Thư viện" in r.detail for r in res)
    df = res.to_dataframe(parse_dates=["from", "first", "last"])
    assert str(df["from"].dtype).startswith("datetime64") and list(df.columns) == res.columns
    events = kg.query("events").to_dataframe()
    assert str(events["start"].dtype).startswith("datetime64")
    assert events["event"].map(type).eq(str).all()
    counts = kg.query("institution-coparticipation").to_dataframe()
    numeric = [c for c in counts.columns if str(counts[c].dtype) in ("int64", "Int64")]
    assert numeric, counts.dtypes


def test_dataframe_typing_of_every_kind():
    t = ResultTable(["iri", "day", "n", "x", "flag", "text"], [
        [URIRef("urn:a"), Literal("2023-07-06", datatype=URIRef(_XSD + "date")), Literal(1), Literal("1.5", datatype=URIRef(_XSD + "decimal")),
         Literal(True), Literal("Hòa", lang="vi")],
        [URIRef("urn:b"), Literal("2023-07", datatype=URIRef(_XSD + "gYearMonth")), None, Literal(2.0), Literal(False), None],
    ])
    r = api.QueryResult.from_table(t)
    assert r.rows[0] == ("urn:a", dt.date(2023, 7, 6), 1, 1.5, True, "Hòa")
    assert r.rows[1].day == "2023-07" and r.rows[1].n is None
    df = r.to_dataframe()
    assert [str(df[c].dtype) for c in ("day", "n", "x", "flag")] == ["datetime64[us]", "Int64", "float64", "boolean"]
    assert df["day"][1] == dt.datetime(2023, 7, 1) and df["iri"][0] == "urn:a"
    with pytest.raises(KeyError, match="nope"):
        r.to_dataframe(parse_dates=["nope"])


def test_to_dataframe_without_pandas_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"libkg\[pandas\]"):
        api.QueryResult.from_table(ResultTable(["a"], [[Literal(1)]])).to_dataframe()


def test_text_formats_match_the_cli(kg, tmp_path):
    res = kg.query("positions", name="Kiều Thúy Nga")
    assert res.to_table().endswith("row)" if len(res) == 1 else "rows)")
    assert res.to_csv(tmp_path / "p.csv").splitlines()[0] == ",".join(res.columns)
    assert (tmp_path / "p.csv").read_text(encoding="utf-8") == res.format("csv")
    assert '"bindings"' in res.to_json()
    assert len(res.head(1)) == 1 and "<table>" in res._repr_html_()


def test_parameters_are_bound_as_terms(kg):
    evil = 'x")) } } SELECT * WHERE { ?s ?p ?o } #'
    assert len(kg.query("positions", name=evil)) == 0
    with pytest.raises(KeyError, match="no parameter"):
        kg.query("positions", nmae="x")
    with pytest.raises(KeyError, match="no bundled query"):
        kg.query("no-such-query")
    q, b = api.prepare_query("events", {"kind": Literal("Conference")})
    assert b == {"kindName": Literal("Conference")}  # the query's own variable
    with pytest.warns(FutureWarning, match="'kindName' of query 'events' is now called 'kind'"):
        _, old = api.prepare_query("events", {"kindName": "Conference"})
    assert old == b
    with pytest.raises(KeyError, match="did you mean 'name'"):
        kg.query("positions", nmae="x")
    _, b = api.prepare_query("SELECT ?x WHERE { ?x ?p ?y }", {"y": dt.date(2023, 7, 6), "x": URIRef("urn:x")})
    assert b["y"] == Literal("2023-07-06", datatype=URIRef(_XSD + "date")) and b["x"] == URIRef("urn:x")
    with pytest.raises(TypeError, match="cannot bind"):
        api.prepare_query("events", {"kind": object()})


def test_ask_construct_and_rq_files(kg, tmp_path):
    assert kg.query("ASK { ?p a lkg:Person }").answer is True
    g = kg.query("CONSTRUCT { ?p a lkg:Person } WHERE { ?p a lkg:Person } LIMIT 3")
    assert g.type == "CONSTRUCT" and len(g.graph) == 3 and "lkg:Person" in g.format()
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?e a lkg:Event }", encoding="utf-8")
    assert kg.query(str(rq)).rows[0].n == kg.stats()["events"]
    with pytest.raises(FileNotFoundError):
        kg.query(str(tmp_path / "missing.rq"))


def test_network_kinds_and_filters(kg):
    g = kg.network("institutions")
    assert g.number_of_nodes() > 10 and all(d["label"] for _, d in g.nodes(data=True))
    assert kg.network("events_places").is_directed()
    narrow = kg.network("persons", kinds="Conference", date_from=dt.date(2023, 1, 1))
    assert 0 < narrow.number_of_nodes() < kg.network("persons").number_of_nodes()
    with pytest.raises(ValueError, match="no kinds filter"):
        kg.network("hierarchy", kinds=["Conference"])
    with pytest.raises(ValueError, match="unknown network"):
        kg.network("nope")


def test_extract_article_path_or_text(samples_dir):
    with libkg.open(":memory:") as mem:
        facts = mem.extract(samples_dir / "d01.json")
        assert facts.article_id == "d01" and "Kiều Thúy Nga" in {p.name for p in facts.persons}
        from_text = mem.extract("Bà Kiều Thúy Nga, Vụ trưởng Vụ Thư viện, dự Hội nghị tại Hà Nội ngày 5/3/2024.")
        assert [p.role for p in from_text.positions] == ["Vụ trưởng"]
        with pytest.raises(Exception, match="no such file"):
            mem.extract("missing/article.json")


def test_export_to_path_and_streams(tmp_path, samples_dir):
    with libkg.open(":memory:") as mem:
        mem.ingest(samples_dir / "d01.json")
        mem.export(tmp_path / "g.nq")
        assert "/graph/article/d01>" in (tmp_path / "g.nq").read_text(encoding="utf-8")
        text = io.StringIO()
        mem.export(text, format="ttl")
        assert "lkg:Person" in text.getvalue()
        binary = io.BytesIO()
        mem.export(binary)  # TriG by default
        assert b"GRAPH" in binary.getvalue() or b"{" in binary.getvalue()
    assert not list(tmp_path.glob("*.part"))


def test_link_offline_delegates_to_libkg_link(samples_dir):
    with libkg.open(":memory:") as mem:
        mem.ingest(samples_dir / "d01.json")
        report = mem.link()
        assert report.linked > 0
        rows = mem.query("SELECT (COUNT(*) AS ?n) WHERE { ?x lkg:wikidataId ?q }").rows
        assert rows[0].n >= report.linked


def test_link_without_the_module_says_so(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "libkg.link" else real(name, *a))
    with libkg.open(":memory:") as mem, pytest.raises(RuntimeError, match="not available"):
        mem.link()


def test_open_refuses_two_stores_and_closes(tmp_path):
    with pytest.raises(ValueError, match="not both"):
        libkg.open(tmp_path / "s", endpoint="http://127.0.0.1:1/query")
    kg = libkg.open(tmp_path / "s")
    kg.close()
    kg.close()  # twice is fine
    with libkg.open(tmp_path / "s") as again:  # the lock was released
        assert again.stats()["triples"] == 0
    assert "closed" in repr(again)


def test_cli_query_goes_through_the_api(monkeypatch, tmp_path):
    from libkg.cli import cli

    calls = []
    original = api.prepare_query

    def spy(*a, **k):
        calls.append(a)
        return original(*a, **k)

    monkeypatch.setattr(api, "prepare_query", spy)
    store = tmp_path / "s"
    libkg.open(store).close()  # an empty store: the columns are all the test needs
    r = CliRunner().invoke(cli, ["query", "events", "--store", str(store), "-p", "kind=Conference",
                                 "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert calls and r.output.startswith("event,kind,start,end")
    r = CliRunner().invoke(cli, ["query", "events", "--store", str(store), "-p", "nope=1"])
    assert r.exit_code == 2 and "no parameter 'nope'" in r.output  # a usage error


def test_open_for_reading_refuses_a_missing_store(tmp_path):
    typo = tmp_path / "stroe"
    with pytest.raises(FileNotFoundError, match=f"no store at {typo}"):
        libkg.open(typo, create=False)
    assert not typo.exists()
    libkg.open(tmp_path / "s").close()  # created (the default), then read
    with libkg.open(tmp_path / "s", create=False) as kg:
        assert kg.stats()["articles"] == 0


def test_link_names_the_authority_endpoint_apart_from_the_store():
    with libkg.open(api.MEMORY) as mem:
        with pytest.raises(ValueError, match="an endpoint is for online linking"):
            mem.link(authority_endpoint="http://127.0.0.1:9/sparql")
        with pytest.warns(FutureWarning, match="authority_endpoint"), \
                pytest.raises(ValueError, match="an endpoint is for online linking"):
            mem.link(endpoint="http://127.0.0.1:9/sparql")

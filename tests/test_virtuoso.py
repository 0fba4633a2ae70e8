"""Virtuoso (Debian's virtuoso-opensource 7.2), started for real: the bundled queries on three stores side by
side, its bulk loader (``libkg push --bulk``, ``bulk_load``), ``libkg serve --endpoint`` in front of it, and
the failure the issue reported (Virtuoso treated as a plain SPARQL 1.1 store) summarised in one line.

ingest, re-ingest, push, network, stats and validate run on Virtuoso in tests/test_remote.py (its
``server`` fixture is parametrised over Oxigraph's server and Virtuoso).
"""

from __future__ import annotations

import re
import time

import httpx
import pytest
from click.testing import CliRunner

from libkg.cli import cli
from libkg.testing import start_oxigraph

# Bundled queries Virtuoso 7.2.5 answers wrongly or not at all (its SPARQL compiler's bugs, not libkg's
# union graph): the test below checks that each still fails as described, so a fix shows up.  None since
# the queries were rewritten in portable SPARQL 1.1 (issue 23); the lists stay for the next one.
# Not sent to Virtuoso at all: no answer in minutes, and the query then blocks Virtuoso's SQL port
# (isql, hence the next test's reset) until the server is killed.
VIRTUOSO_HANGS: dict[str, str] = {}
VIRTUOSO_FAILS: dict[str, str] = {}  # none since the queries' portable rewrites (SQ156, SR066)
# ... and the ones whose row counts agree but whose rows differ
VIRTUOSO_ROWS_DIFFER: dict[str, str] = {}
# ... and the ones whose rows depend on the plan Virtuoso picks for a fresh database (its sampled index
# statistics): only the row count is compared.  None since person-timeline binds an event's start date
# to a variable of its own (with ?d shared by two UNION branches about one fresh database in five lost it)
VIRTUOSO_PLAN_DEPENDENT: dict[str, str] = {}
# The columns that are a GROUP_CONCAT, and their separator: SPARQL leaves the order of the concatenated
# values undefined (Oxigraph and Virtuoso order them differently), so the test compares them as sorted lists.
GROUP_CONCATS = {
    "events": {5: "; "},
    "institution-coparticipation": {3: " | "},
    "people-together": {3: " | "},
    "places-merged-in-2025-reform": {5: "; "},
    "person-timeline": {8: ", ", 9: ", "},
    "possibly-same-persons": {4: "; ", 6: "; "},
}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _fill(remote, source) -> None:
    for g in source.named_graphs():
        remote.replace_article(g, source.graph(g))
    remote.flush()


def test_virtuoso_is_started_for_real(virtuoso):
    log = virtuoso.log()
    assert re.search(rf"HTTP server online at 127\.0\.0\.1:{virtuoso.http_port}", log), log[-1000:]
    assert re.search(rf"Server online at 127\.0\.0\.1:{virtuoso.sql_port}", log), log[-1000:]
    version = virtuoso.isql.run("SELECT sys_stat('st_dbms_ver');\n").split()
    assert any(v.startswith("07.") for v in version), version
    r = httpx.get(virtuoso.endpoint, params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"})
    assert r.headers["server"].startswith("Virtuoso/") and r.json()["boolean"] is True
    print(f"\nVirtuoso {next(v for v in version if v.startswith('07.'))} at {virtuoso.endpoint}, database "
          f"{virtuoso.folder}:", *(ln for ln in log.splitlines() if "online at" in ln), sep="\n  ")


def _cell(value, separator: str | None) -> str:
    text = str(value) if value is not None else ""
    return separator.join(sorted(text.split(separator))) if separator else text


def _rows(store, name, text, bindings):
    concats = GROUP_CONCATS.get(name, {})
    try:
        return sorted(tuple(_cell(v, concats.get(i)) for i, v in enumerate(r))
                      for r in store.query(text, bindings=bindings))
    except Exception as exc:  # noqa: BLE001 - shown in the table, checked against VIRTUOSO_FAILS
        return f"error: {str(exc).split(': ', 1)[-1][:70]}"


def test_bundled_queries_on_three_stores(virtuoso, sample_store, tmp_path):
    """Every bundled query on the embedded store, Oxigraph's server and Virtuoso, row counts side by side:
    identical on all three but for the queries Virtuoso 7.2.5 gets wrong (VIRTUOSO_FAILS, checked to fail;
    VIRTUOSO_HANGS, not run)."""
    from libkg.query.library import bind_params, list_queries
    from libkg.store import RemoteStore

    virtuoso.reset()
    proc, base = start_oxigraph("serve", "--location", str(tmp_path / "ox"))
    try:
        oxigraph = RemoteStore(base + "/query", base + "/update")
        virt = RemoteStore(virtuoso.endpoint, timeout=30)
        _fill(oxigraph, sample_store)
        _fill(virt, sample_store)
        assert oxigraph.triple_count() == virt.triple_count() == sample_store.triple_count()
        table = []
        for q in list_queries():
            params = {p.name: p.example for p in q.params if p.example and "optional" not in p.doc}
            b = bind_params(q, params) or None
            t0 = time.monotonic()
            stores = (sample_store, oxigraph) if q.name in VIRTUOSO_HANGS else (sample_store, oxigraph, virt)
            answers = [_rows(st, q.name, q.text_for(st.sparql_dialect), b) for st in stores] + ["not run"] * (q.name in VIRTUOSO_HANGS)
            table.append((q.name, answers, time.monotonic() - t0))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print("\nquery                          embedded  oxigraph-server  virtuoso")
    for name, answers, _ in table:
        cells = [str(len(a)) if isinstance(a, list) else a for a in answers]
        note = (VIRTUOSO_HANGS.get(name) or VIRTUOSO_FAILS.get(name) or VIRTUOSO_ROWS_DIFFER.get(name)
                or VIRTUOSO_PLAN_DEPENDENT.get(name, ""))
        print(f"{name:<30} {cells[0]:>8}  {cells[1]:>15}  {cells[2]:<10} {('(' + note + ')') if note else ''}")
    wrong = []
    for name, (local, ox, virt), _ in table:
        assert ox == local, name  # Oxigraph's server: the same rows
        if name in VIRTUOSO_HANGS:
            continue
        if name in VIRTUOSO_FAILS:
            if not (isinstance(virt, str) or len(virt) != len(local)):
                wrong.append(f"{name} works on Virtuoso now: drop it from VIRTUOSO_FAILS")
            continue
        if not (isinstance(virt, list) and len(virt) == len(local)):
            wrong.append(f"{name}: {virt if isinstance(virt, str) else len(virt)} rows, not {len(local)}")
        elif name in VIRTUOSO_PLAN_DEPENDENT:
            continue
        elif name in VIRTUOSO_ROWS_DIFFER:
            if virt == local:
                wrong.append(f"{name} gives the same rows on Virtuoso now: drop it from VIRTUOSO_ROWS_DIFFER")
        elif virt != local:
            first = next(i for i, (x, y) in enumerate(zip(local, virt, strict=True)) if x != y)
            wrong.append(f"{name}: rows differ, first {local[first]} (embedded) vs {virt[first]} (Virtuoso)")
    assert not wrong, "\n".join(wrong)
    assert len(table) - len(VIRTUOSO_HANGS) - len(VIRTUOSO_FAILS) - len(VIRTUOSO_ROWS_DIFFER) \
        - len(VIRTUOSO_PLAN_DEPENDENT) >= 18


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, samples_dir) -> str:
    """An embedded store on disk holding the sample articles, for the commands to open themselves."""
    path = str(tmp_path_factory.mktemp("samples") / "store")
    assert run("ingest", str(samples_dir), "--store", path, "-q").exit_code == 0
    return path


def test_push_bulk_loads_through_isql(virtuoso, store_path):
    """libkg push --bulk: N-Quads and the union's N-Triples in a folder Virtuoso reads, ld_add +
    rdf_loader_run through isql: the same counts as the embedded store; a second --bulk is refused."""
    virtuoso.reset()
    bulk = ["push", "--store", store_path, "--endpoint", virtuoso.endpoint, "--bulk", "--bulk-dir",
            str(virtuoso.load_dir), "--isql", virtuoso.isql.address]
    r = run(*bulk)
    assert r.exit_code == 0, r.output
    assert "with Virtuoso's bulk loader" in r.output
    remote = _stats(run("stats", "--endpoint", virtuoso.endpoint).output)
    local = _stats(run("stats", "--store", store_path).output)
    assert remote == local and local["articles"] == 31
    r = run("query", "positions", "--endpoint", virtuoso.endpoint, "--format", "csv", "-p", "name=Kiều Thuý Nga")
    assert r.exit_code == 0 and "Vụ trưởng" in r.output
    assert not list(virtuoso.load_dir.iterdir())  # the files are removed once loaded
    r = run(*bulk)
    n = local["named graphs"]
    assert r.exit_code == 1 and f"holds {n} of these {n} graph(s) already" in r.output, r.output


def _stats(output: str) -> dict[str, int]:
    return {label.strip(): int(n) for label, n in (ln.rsplit(None, 1) for ln in output.splitlines() if ln.strip())}


def test_export_then_bulk_load_as_documented(virtuoso, samples_dir, tmp_path):
    """The documented manual path: libkg export (nq and nt) into a folder Virtuoso reads, then its loader."""
    from libkg.store import RemoteStore, StoreError
    from libkg.store.virtuoso import bulk_load

    virtuoso.reset()
    store = str(tmp_path / "S")
    assert run("ingest", str(samples_dir / "d01.json"), "--store", store, "-q").exit_code == 0
    nq, nt = virtuoso.load_dir / "graphs.nq", virtuoso.load_dir / "union.nt"
    assert run("export", "--store", store, "--format", "nq", "-o", str(nq)).exit_code == 0
    assert run("export", "--store", store, "--format", "nt", "-o", str(nt)).exit_code == 0
    bulk_load(virtuoso.isql, nq, nt)
    remote = RemoteStore(virtuoso.endpoint)
    assert remote.engine.name == "virtuoso"
    quads = [ln for ln in nq.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert remote.triple_count() == len(quads)  # every quad of the export (its graphs, and what export adds)
    assert len(remote.named_graphs()) == len({ln.rsplit(None, 2)[-2] for ln in quads})
    remote_stats = _stats(run("stats", "--endpoint", virtuoso.endpoint).output)
    local_stats = _stats(run("stats", "--store", store).output)
    for what in ("articles", "persons", "organisations", "positions", "events", "places"):
        assert remote_stats[what] == local_stats[what], what
    broken = virtuoso.load_dir / "broken.nq"
    broken.write_text("<urn:s> <urn:p> this is not N-Quads .\n", encoding="utf-8")
    with pytest.raises(StoreError, match="broken.nq"):
        bulk_load(virtuoso.isql, broken, None)


def test_push_bulk_refuses_a_server_that_is_not_virtuoso(tmp_path, store_path):
    proc, base = start_oxigraph("serve", "--location", str(tmp_path / "ox"))
    try:
        r = run("push", "--store", store_path, "--endpoint", base + "/query", "--bulk", "--bulk-dir",
                str(tmp_path / "load"))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert r.exit_code == 1 and "is not Virtuoso" in r.output, r.output


def test_virtuoso_without_its_engine_fails_as_the_issue_showed_in_one_line(virtuoso, sample_store):
    """Virtuoso treated as a plain SPARQL 1.1 store (its default graph is not a plain graph) refuses the
    update: SP031, in one line, not the 400 KB request."""
    from libkg.store import RemoteStore, StoreError

    virtuoso.reset()
    remote = RemoteStore(virtuoso.endpoint, engine="sparql11", batch_triples=10**9)
    for g in sample_store.named_graphs():
        if "/article/" in g:
            remote.replace_article(g, sample_store.graph(g))
    with pytest.raises(StoreError) as err:
        remote.flush()
    msg = str(err.value)
    print("\n" + msg)
    assert "\n" not in msg and len(msg) < 700, msg
    assert "HTTP 400" in msg and "SP031" in msg and "No plain default graph" in msg, msg
    assert "the update of 31 graph(s): <https://w3id.org/libkg/graph/article/d01>" in msg and "28 more" in msg


def test_serve_in_front_of_virtuoso(virtuoso, sample_store, tmp_path):
    """libkg serve --endpoint: its SPARQL endpoint, entity pages, search and network over Virtuoso."""
    from libkg.serve.testing import running_server
    from libkg.store import RemoteStore

    virtuoso.reset()
    _fill(RemoteStore(virtuoso.endpoint), sample_store)
    with running_server(None, tmp_path / "serve.log", "--endpoint", virtuoso.endpoint,
                        "--query-timeout", "10") as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
        r = c.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?p a lkg:Person }"},
                  headers={"Accept": "text/csv"})
        local = next(iter(sample_store.query("SELECT (COUNT(*) AS ?n) WHERE { ?p a lkg:Person }")))[0]
        assert r.status_code == 200 and r.text.split() == ["n", str(local)], r.text
        assert c.get("/sparql", params={"query": "SELECT ?x WHERE {"}).status_code == 400
        r = c.post("/sparql", data={"update": "DROP ALL"})
        assert r.status_code in (400, 403)
        hits = c.get("/search", params={"q": "Kieu Thuy Nga"})
        assert hits.status_code == 200 and "Kiều Thúy Nga" in hits.text
        link = re.search(r'href="(/id/person/[^"]+)"', hits.text)
        assert link, hits.text[:2000]
        page = c.get(link.group(1))
        assert page.status_code == 200 and "Vụ trưởng" in page.text
        assert len(c.get("/network.json").json()["nodes"]) > 10


def test_digest_authentication_on_sparql_auth(virtuoso):
    """Virtuoso's /sparql-auth asks for HTTP digest authentication: libkg answers it with --user/--password."""
    from libkg.store import RemoteStore, StoreError

    virtuoso.reset()
    url = virtuoso.endpoint + "-auth"
    store = RemoteStore(url, user="dba", password="dba")
    store.replace_article("urn:libkg:test:auth", ["<urn:s> <urn:p> <urn:o>"])
    store.flush()
    assert store.named_graphs() == ["urn:libkg:test:auth"]
    with pytest.raises(StoreError, match="answered HTTP 401"):
        RemoteStore(url, user="dba", password="wrong").named_graphs()

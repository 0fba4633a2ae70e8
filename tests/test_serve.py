"""``libkg serve`` over HTTP: a real server process over a real store of the sample articles.

Facts used: Kiều Thúy Nga and her Vụ trưởng post at Vụ Thư viện (extracted from d01), and the
hand-written graph ``tests/data/serve/fixture.trig`` (events, institutions, provinces).
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from libkg.serve.testing import build_store, running_server

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "serve" / "fixture.trig"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LABELS = "SELECT ?l WHERE { ?s a lkg:Person ; skos:prefLabel ?l } ORDER BY ?l"
NGA = "Kiều Thúy Nga"
# every triple with every triple with every triple: hours of work on the sample store
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, samples_dir) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "store", samples_dir, [FIXTURE])


@pytest.fixture(scope="module")
def server(store_dir, tmp_path_factory):
    log = tmp_path_factory.mktemp("serve-log") / "server.log"
    with running_server(store_dir, log, "--query-timeout", "3", "--max-rows", "40", "--workers", "2",
                        "--max-queue", "8", "--max-connections", "64") as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def nga_path(client) -> str:
    r = client.get("/search", params={"q": "kieu thuy nga"})
    marker = 'href="/id/person/'
    start = r.text.index(marker) + len('href="')
    return r.text[start:r.text.index('"', start)]


# ------------------------------------------------------------------ SPARQL protocol
def test_get_json_is_the_default(client):
    r = client.get("/sparql", params={"query": COUNT})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    n = int(r.json()["results"]["bindings"][0]["n"]["value"])
    assert n > 1000


def test_each_result_format_by_accept(client):
    def ask(accept: str) -> httpx.Response:
        r = client.get("/sparql", params={"query": LABELS}, headers={"Accept": accept})
        assert r.status_code == 200, r.text
        return r

    js = ask("application/sparql-results+json").json()
    names = [b["l"]["value"] for b in js["results"]["bindings"]]
    assert names

    xml = ask("application/sparql-results+xml")
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(xml.content)
    assert [e.text for e in root.findall(".//s:literal", ns)] == names

    c = ask("text/csv")
    assert c.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(c.text)))
    assert rows[-1][0].startswith("# truncated")  # the answer was cut at 40 rows and says so last
    assert rows[0] == ["l"] and [r[0] for r in rows[1:-1]] == names

    t = ask("text/tab-separated-values")
    lines = t.text.splitlines()
    assert lines[0] == "?l" and lines[1] == f'"{names[0]}"'


def test_post_form_and_direct_post(client, server):
    r = client.post("/sparql", data={"query": f'ASK {{ ?p skos:prefLabel "{NGA}" }}'})
    assert r.status_code == 200 and r.json()["boolean"] is True
    r = client.post("/sparql", content=LABELS.encode(), headers={"Content-Type": "application/sparql-query",
                                                                "Accept": "text/csv"})
    assert r.status_code == 200 and NGA in r.text


def test_construct_as_turtle_and_json_ld(client):
    q = f'CONSTRUCT {{ ?p skos:prefLabel ?l }} WHERE {{ ?p skos:prefLabel ?l FILTER(?l = "{NGA}") }}'
    r = client.get("/sparql", params={"query": q}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    assert Literal(NGA) in set(g.objects(None, SKOS.prefLabel))
    r = client.get("/sparql", params={"query": q}, headers={"Accept": "application/ld+json"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    g = Graph().parse(data=r.text, format="json-ld")
    assert Literal(NGA) in set(g.objects(None, SKOS.prefLabel))


def test_format_parameter_overrides_accept(client):
    r = client.get("/sparql", params={"query": LABELS, "format": "csv"}, headers={"Accept": "application/json"})
    assert r.headers["content-type"].startswith("text/csv")


def test_answers_are_cut_at_max_rows_and_say_so(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == 40
    assert r.headers["x-libkg-truncated"] == "max-rows=40"


def test_updates_are_refused(client):
    upd = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    for r in (client.post("/sparql", content=upd, headers={"Content-Type": "application/sparql-update"}),
              client.post("/sparql", data={"update": upd}),
              client.get("/sparql", params={"query": "PREFIX x: <urn:x> " + upd}),
              client.post("/sparql", data={"query": "DROP ALL"})):
        assert r.status_code == 403, r.text
        assert "read-only" in r.text
    assert client.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"}).json()["boolean"] is False


def test_bad_query_is_400_with_the_parser_message(client):
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400
    assert "does not parse" in r.text and "error at" in r.text
    assert "Traceback" not in r.text and ".py" not in r.text
    assert client.get("/sparql", headers={"Accept": "application/json"}).status_code == 400  # no query at all


def _children_cpu(pid: int) -> dict[int, int]:
    """CPU ticks (user+system) of the processes whose parent is ``pid``."""
    out = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out[int(d)] = int(fields[11]) + int(fields[12])
    return out


def test_slow_query_is_stopped_at_the_limit_and_its_worker_freed(client, server):
    t0 = time.monotonic()
    r = client.get("/sparql", params={"query": CROSS_JOIN})
    elapsed = time.monotonic() - t0
    assert r.status_code == 504, r.text
    assert "stopped after 3 s" in r.text
    assert 2.5 < elapsed < 15
    # the server goes on answering ...
    assert client.get("/sparql", params={"query": COUNT}).status_code == 200
    # ... and soon no worker process is burning CPU: the abandoned query's worker was killed (it
    # would stay busy for hours), and its replacement has started and sits idle
    deadline = time.monotonic() + 20
    while True:
        before = _children_cpu(server.process.pid)
        time.sleep(1.0)
        after = _children_cpu(server.process.pid)
        busy = {p: after[p] - before.get(p, 0) for p in after}
        if len(after) >= 2 and all(t < 50 for t in busy.values()):  # 100 ticks = a core for a second
            break
        assert time.monotonic() < deadline, f"workers still busy: {busy}"


def test_query_needing_too_much_memory_fails_alone(store_dir, tmp_path):
    # sorting a cross join needs gigabytes at once: the worker hits its --worker-memory cap and ends
    # (its own server, with a time limit long enough that the memory cap, not the clock, stops it)
    with running_server(store_dir, tmp_path / "server.log", "--query-timeout", "60", "--workers", "1",
                        "--worker-memory", "1024") as srv, httpx.Client(base_url=srv.url, timeout=90) as c:
        q = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d LIMIT 1"
        r = c.get("/sparql", params={"query": q})
        assert r.status_code == 500, r.text
        assert "--worker-memory" in r.text and "Traceback" not in r.text
        assert c.get("/sparql", params={"query": COUNT}).status_code == 200
        assert srv.process.poll() is None


def test_burst_of_200_concurrent_queries_is_answered_or_refused_cleanly(server):
    url = server.url + "/sparql?" + urllib.parse.urlencode({"query": LABELS})
    statuses: list[int | str] = []
    lock = threading.Lock()
    start = time.monotonic()

    host, port = server.url.removeprefix("http://").split(":")
    path = url.removeprefix(server.url)

    def one(_: int) -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=30)  # one connection per request
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            code: int | str = resp.status
            if code == 200:
                assert NGA in json.dumps(json.loads(body), ensure_ascii=False)
        except OSError as exc:
            code = type(exc).__name__
        finally:
            conn.close()
        with lock:
            statuses.append(code)

    with ThreadPoolExecutor(max_workers=200) as pool:
        list(pool.map(one, range(200)))
    assert time.monotonic() - start < 60
    assert len(statuses) == 200
    assert set(statuses) <= {200, 503}, statuses
    print(f"burst: {statuses.count(200)} answered, {statuses.count(503)} refused with 503 "
          f"in {time.monotonic() - start:.1f} s")
    assert statuses.count(200) >= 5
    assert server.process.poll() is None
    assert httpx.get(server.url + "/sparql", params={"query": COUNT}, timeout=30).status_code == 200


# ------------------------------------------------------------------ entity pages
def test_entity_page_html_with_positions_and_sources(client):
    path = nga_path(client)
    assert path.startswith("/id/person/")
    r = client.get(path, headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="vi">' in r.text
    assert NGA in r.text and "Kiều Thuý Nga" in r.text  # both spellings
    assert "Vụ trưởng" in r.text and "Vụ Thư viện" in r.text
    assert "<blockquote" in r.text and "/id/article/d01" in r.text
    assert [v.strip() for v in r.headers["vary"].split(",")] == ["Accept", "Cookie"]  # type and language


def test_entity_content_negotiation(client):
    path = nga_path(client)
    iri = URIRef("https://w3id.org/libkg" + path)
    r = client.get(path, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert r.headers["content-location"] == path + ".ttl"
    g = Graph().parse(data=r.text, format="turtle")
    assert (iri, SKOS.prefLabel, Literal(NGA)) in g
    r = client.get(path, headers={"Accept": "application/ld+json"})
    assert r.headers["content-type"].startswith("application/ld+json")
    g = Graph().parse(data=r.text, format="json-ld")
    assert (iri, SKOS.prefLabel, Literal(NGA)) in g
    assert client.get(path + ".ttl").headers["content-type"].startswith("text/turtle")
    assert client.get(path + ".jsonld").headers["content-type"].startswith("application/ld+json")


def test_unknown_entity_is_a_404_page(client):
    r = client.get("/id/person/nobody-at-all", headers={"Accept": "text/html"})
    assert r.status_code == 404
    assert '<html lang="vi">' in r.text and "<h1>Không tìm thấy</h1>" in r.text and "Not found" not in r.text
    en = client.get("/id/person/nobody-at-all", params={"lang": "en"}, headers={"Accept": "text/html"})
    assert en.status_code == 404 and "<h1>Not found</h1>" in en.text and "Nothing is known" in en.text
    assert client.get("/id/person/nobody-at-all", headers={"Accept": "text/turtle"}).status_code == 404


def test_authority_links_are_shown(client):
    r = client.get("/id/org/thu-vien-kiem-thu-a")
    assert r.status_code == 200
    assert "http://www.wikidata.org/entity/Q4115189" in r.text
    assert "Hội nghị kiểm thử 2023" in r.text  # its events


# ------------------------------------------------------------------ search, timeline, network
@pytest.mark.parametrize("q", ["kieu thuy nga", "KIEU THUY NGA", "Kiều Thuý Nga", "thuy nga"])
def test_search_folds_diacritics(client, q):
    r = client.get("/search", params={"q": q})
    assert r.status_code == 200
    assert f">{NGA}</a>" in r.text


def test_search_with_nothing_found(client):
    r = client.get("/search", params={"q": "zzzz qqqq", "lang": "en"})
    assert r.status_code == 200 and "Nothing found" in r.text
    assert "Không tìm thấy" in client.get("/search", params={"q": "zzzz qqqq", "lang": "vi"}).text


def test_timeline_by_year_and_province(client):
    r = client.get("/timeline")
    assert r.status_code == 200
    assert "Hội nghị kiểm thử 2023" in r.text and "Hội thảo kiểm thử 2024" in r.text
    assert r.text.index('id="y2023"') < r.text.index('id="y2024"')
    r = client.get("/timeline", params={"province": "https://w3id.org/libkg/id/place/tinh-kiem-thu-mot"})
    assert "Hội nghị kiểm thử 2023" in r.text  # in a city inside the province
    assert "Hội thảo kiểm thử 2024" not in r.text


def test_network_data(client):
    data = client.get("/network.json").json()
    ids = {n["id"]: n for n in data["nodes"]}
    a = "https://w3id.org/libkg/id/org/thu-vien-kiem-thu-a"
    assert a in ids and ids[a]["url"] == "/id/org/thu-vien-kiem-thu-a"
    pairs = {frozenset((e["from"], e["to"])): e["value"] for e in data["edges"]}
    assert pairs[frozenset((a, "https://w3id.org/libkg/id/org/thu-vien-kiem-thu-b"))] == 2
    assert client.get("/network").status_code == 200


# ------------------------------------------------------------------ security
def _raw_get(server, path: str) -> tuple[int, bytes]:
    host, port = server.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)  # the path is sent exactly as written
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapp.py",
    "/static/lib/../../serve/app.py", "/static/lib/%2e%2e/serve/app.py", "/static/%2e%2e/%2e%2e/cli/app.py",
    "/static/..%5capp.py", "/../../../../etc/passwd", "/static/%252e%252e/app.py",
])
def test_static_paths_cannot_escape(server, path):
    status, body = _raw_get(server, path)
    assert status in (400, 404), (status, body[:200])
    assert b"import" not in body and b"root:" not in body


def test_static_files_are_served(client):
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "text/css" in r.headers["content-type"]
    r = client.get("/sparql", headers={"Accept": "text/html"})
    assert "/static/yasgui-4.6.2.min.js" in r.text
    assert client.get("/static/yasgui-4.6.2.min.js").status_code == 200


def test_security_headers(client):
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_server_log_has_no_unexpected_errors(server):
    assert "Traceback" not in server.log()


def test_internal_errors_never_reach_the_client():
    """An exception inside a job: the client sees a plain 500 page, the details stay in the log."""
    import asyncio

    from libkg.serve import ServeConfig, create_app
    from libkg.serve.workers import JobError

    class Broken:
        async def start(self) -> None: ...

        async def stop(self) -> None: ...

        async def call(self, fn, *args, timeout, lane="query", key=None):
            raise JobError("RuntimeError: secret detail at /srv/libkg/x.py line 3")

    async def run() -> None:
        app = create_app(ServeConfig(), backend=Broken())
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as ac:
            for path, accept in (("/", "text/html"), ("/search?q=x", "text/html"), ("/timeline", "text/html"),
                                 ("/id/person/x", "text/html"), ("/network.json", "*/*"),
                                 ("/sparql?query=ASK%7B%7D", "*/*")):
                r = await ac.get(path, headers={"Accept": accept})
                if path == "/":
                    assert r.status_code == 200  # the home page does without its counts
                    continue
                assert r.status_code == 500, (path, r.status_code)
                assert "secret detail" not in r.text and "Traceback" not in r.text and ".py" not in r.text

    asyncio.run(run())


# ------------------------------------------------------------------ over a remote endpoint
def test_serve_over_a_sparql_endpoint(tmp_path):
    """--endpoint: the same pages and protocol over an Oxigraph server holding the fixture graph."""
    import shutil
    import subprocess
    import sys

    from libkg.serve.testing import free_port

    exe = Path(sys.executable).parent / "oxigraph"
    exe_path = str(exe) if exe.exists() else shutil.which("oxigraph")
    if exe_path is None:
        pytest.fail("the oxigraph server is not installed (pip install oxigraph; scripts/setup.sh test does)")
    port = free_port()
    ox = subprocess.Popen([exe_path, "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}",
                           "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.post(base + "/store", content=FIXTURE.read_bytes(),
                               headers={"Content-Type": "application/trig"}, timeout=5)
                assert r.status_code in (200, 201, 204), r.text
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or ox.poll() is not None:
                    pytest.fail("oxigraph server did not start")
                time.sleep(0.2)
        with running_server(None, tmp_path / "serve.log", "--endpoint", base + "/query",
                            "--query-timeout", "5") as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
            r = c.get("/sparql", params={"query": "SELECT ?l WHERE { ?o a lkg:Library ; skos:prefLabel ?l }"},
                      headers={"Accept": "text/csv"})
            assert r.status_code == 200 and "Thư viện Kiểm Thử A" in r.text
            assert c.get("/sparql", params={"query": "SELECT ?x WHERE {"}).status_code == 400
            r = c.get("/id/org/thu-vien-kiem-thu-a")
            assert r.status_code == 200 and "Hội nghị kiểm thử 2023" in r.text
            r = c.get("/id/org/thu-vien-kiem-thu-a", headers={"Accept": "text/turtle"})
            assert "Thư viện Kiểm Thử A" in r.text
            assert ">Thư viện Kiểm Thử A</a>" in c.get("/search", params={"q": "thu vien kiem thu a"}).text
            assert "Hội thảo kiểm thử 2024" in c.get("/timeline").text
            assert len(c.get("/network.json").json()["nodes"]) == 4
            for name, expected in (("events", "Hội nghị kiểm thử 2023"), ("organizations", "Hội Kiểm Thử C"),
                                   ("places", "Bắc Kiểm Thử"), ("articles", "Hội nghị kiểm thử của các thư viện")):
                r = c.get(f"/browse/{name}")
                assert r.status_code == 200 and expected in r.text, name
    finally:
        ox.terminate()
        ox.wait(10)


# ------------------------------------------------------------------ issue 19: trust on a fresh machine
class Listener:
    """A real HTTP server on 127.0.0.1 that records every request it gets and answers an empty
    SPARQL result (so that an allowed SERVICE call succeeds)."""

    def __init__(self) -> None:
        import http.server

        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                outer.requests.append(f"{self.command} {self.path}")
                length = int(self.headers.get("content-length") or 0)
                if length:
                    self.rfile.read(length)
                body = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "literal", "value": "x"}}]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Listener:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def service_queries(url: str) -> list[str]:
    return [f"SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
            f"select * where {{ service silent <{url}silent> {{ ?s ?p ?o }} }}",
            f"PREFIX : <{url}> SELECT * WHERE {{ SERVICE:empty-prefix {{ ?s ?p ?o }} }}",  # no space: still SERVICE
            f"SELECT * WHERE {{ VALUES ?x {{ <{url}var> }} SERVICE ?x {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ ?s ?p ?o FILTER(1<2)SERVICE<{url}nospace>{{?a ?b ?c}} }}"]


def test_service_queries_are_refused_and_send_nothing(client):
    with Listener() as ears:
        for q in service_queries(ears.url):
            for r in (client.get("/sparql", params={"query": q}),
                      client.post("/sparql", data={"query": q}),
                      client.post("/sparql", content=q.encode(), headers={"Content-Type": "application/sparql-query"})):
                assert r.status_code == 400, (q, r.status_code, r.text)
                assert "SERVICE (federated query) is disabled on this endpoint" in r.text
        # the pages take IRIs and words from the URL, never query text: nothing goes out from them either
        for path, params in (("/resource", {"iri": ears.url + "x"}), ("/search", {"q": ears.url}),
                             ("/timeline", {"province": ears.url}), ("/network.json", {"from": ears.url})):
            assert client.get(path, params=params).status_code in (200, 400, 404)
        assert client.get(urllib.parse.quote(ears.url, safe="")).status_code == 404
        time.sleep(1.0)
        assert ears.requests == []
    # the word elsewhere (a string, an IRI, a comment, a variable) is no SERVICE clause
    q = ('SELECT ?service WHERE { ?service a <https://schema.org/Service> ; ?p "SERVICE <http://x/> {}" } '
         "# SERVICE <http://x/>")
    assert client.get("/sparql", params={"query": q}).status_code == 200


def test_query_workers_have_no_network(store_dir):
    """Past the SERVICE check (the job called directly), a query worker still reaches no host."""
    import asyncio
    import functools

    from libkg.serve.sparql_protocol import run_query
    from libkg.serve.workers import JobError, ProcessBackend, open_read_only

    async def run(url: str) -> tuple[str, bool]:
        backend = ProcessBackend(functools.partial(open_read_only, str(store_dir)), size=1, page_size=1)
        await backend.start()
        try:
            await backend.call(run_query, service_queries(url)[0], 10, [], [], timeout=20)
            return "answered", backend.network_cut
        except JobError as exc:
            return str(exc), backend.network_cut
        finally:
            await backend.stop()

    with Listener() as ears:
        outcome, cut = asyncio.run(run(ears.url))
        if not cut:
            pytest.skip("this system does not let a process leave the network (no user namespaces)")
        time.sleep(0.5)
        assert ears.requests == [], outcome
        assert "Network is unreachable" in outcome, outcome


def test_allow_service_sends_the_federated_query(store_dir, tmp_path):
    with Listener() as ears, running_server(store_dir, tmp_path / "server.log", "--allow-service", "--workers", "1",
                                            "--query-timeout", "10") as srv:
        with httpx.Client(base_url=srv.url, timeout=30) as c:
            r = c.get("/sparql", params={"query": service_queries(ears.url)[0]})
        assert r.status_code == 200, r.text
        assert r.json()["results"]["bindings"][0]["s"]["value"] == "x"
        assert len(ears.requests) == 1 and ears.requests[0].split()[1].startswith("/sparql")
        assert "--allow-service" in srv.log()


@pytest.mark.parametrize("params", [
    {"default-graph-uri": "not an iri"}, {"named-graph-uri": "<https://w3id.org/libkg/graph/x>"},
    {"default-graph-uri": "https://w3id.org/libkg/graph/article/d01", "named-graph-uri": "has space"},
])
def test_bad_graph_parameters_are_400(client, params):
    r = client.get("/sparql", params={"query": COUNT, **params})
    assert r.status_code == 400, r.text
    bad = next(k for k, v in params.items() if " " in v or "<" in v)
    assert f"`{bad}` must be an absolute IRI" in r.text and "Traceback" not in r.text


def test_good_graph_parameters_still_work(client):
    g = "https://w3id.org/libkg/graph/article/d01"
    r = client.get("/sparql", params={"query": LABELS, "default-graph-uri": g})
    assert r.status_code == 200 and NGA in r.text


def test_bad_network_dates_are_400(client):
    r = client.get("/network.json", params={"from": "2023-13-01"})
    assert r.status_code == 400 and "`from`" in r.text and "month must be in 1..12" in r.text


def test_only_http_links_are_rendered(tmp_path):
    """An article whose url is javascript:... (ingested by the real pipeline: the reader drops it with a
    warning) and links stored as javascript:, data: ... (bad-links.trig, loaded as they are): never an href."""
    article = ROOT / "tests" / "data" / "serve" / "javascript-url.json"
    store = build_store(tmp_path / "store", article, [ROOT / "tests" / "data" / "serve" / "bad-links.trig"])
    with running_server(store, tmp_path / "server.log") as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
        r = c.get("/search", params={"q": "hoang thi kiem thu"})
        start = r.text.index('href="/id/person/') + len('href="')
        person = r.text[start:r.text.index('"', start)]
        pages = [c.get(person), c.get("/id/article/xjs01"), c.get("/id/org/thu-vien-lien-ket-xau")]
        for page in pages:
            assert page.status_code == 200, page.url
            html = page.text.lower()
            for scheme in ("javascript:", "data:", "vbscript:", "//evil"):
                assert f'href="{scheme}' not in html, (page.url, scheme)
        assert "javascript:alert(document.domain)" not in pages[0].text  # never stored: the reader dropped it
        assert 'href="http://www.wikidata.org/entity/Q1"' in pages[2].text  # a good link stays a link
        assert 'href="/resource?iri=javascript%3A' in pages[2].text  # a bad one only goes to this server


def test_pages_answer_while_sparql_workers_are_busy(store_dir, tmp_path):
    """Two slow queries fill /sparql; entity, search and timeline pages answer at once, and a quick
    query gets the worker kept free of long queries."""
    with running_server(store_dir, tmp_path / "server.log", "--query-timeout", "10", "--workers", "2") as srv, \
            httpx.Client(base_url=srv.url, timeout=60) as c:
        path = nga_path(c)  # warms nothing: pages have their own worker, and nothing is cached
        slow: list[httpx.Response] = []

        def fire() -> None:
            with httpx.Client(base_url=srv.url, timeout=60) as own:
                slow.append(own.get("/sparql", params={"query": CROSS_JOIN}))

        threads = [threading.Thread(target=fire) for _ in range(2)]
        for t in threads:
            t.start()
        time.sleep(0.8)  # both are running now
        for page in (path, "/id/org/thu-vien-kiem-thu-a", "/search?q=kieu", "/timeline"):
            t0 = time.monotonic()
            r = c.get(page, headers={"Accept": "text/html"})
            assert r.status_code == 200, (page, r.status_code)
            assert time.monotonic() - t0 < 3, (page, time.monotonic() - t0)
        time.sleep(2.5)  # past --long-after: one slow query keeps running, the other was stopped
        t0 = time.monotonic()
        assert c.get("/sparql", params={"query": COUNT}).status_code == 200
        assert time.monotonic() - t0 < 3
        for t in threads:
            t.join(30)
        codes = sorted(r.status_code for r in slow)
        assert codes == [503, 504], [r.text for r in slow]
        assert "long-running" in next(r.text for r in slow if r.status_code == 503)


def test_cheap_queries_keep_answering_in_a_mixed_burst(store_dir, tmp_path):
    """A burst of quick queries with slow ones among them: the quick ones are all answered, quickly."""
    with running_server(store_dir, tmp_path / "server.log", "--query-timeout", "6", "--workers", "2") as srv:
        results: list[tuple[str, int, float]] = []
        lock = threading.Lock()

        def one(i: int) -> None:
            heavy = i % 8 == 3
            q = CROSS_JOIN if heavy else LABELS
            t0 = time.monotonic()
            with httpx.Client(base_url=srv.url, timeout=60) as c:
                code = c.get("/sparql", params={"query": q}).status_code
            with lock:
                results.append(("heavy" if heavy else "cheap", code, time.monotonic() - t0))

        with ThreadPoolExecutor(max_workers=10) as pool:
            list(pool.map(one, range(48)))
        cheap = [r for r in results if r[0] == "cheap"]
        heavy = [r for r in results if r[0] == "heavy"]
        assert {c for _, c, _ in cheap} == {200}, cheap
        assert set(c for _, c, _ in heavy) <= {503, 504}
        times = sorted(t for _, _, t in cheap)
        print(f"cheap p50 {times[len(times) // 2]:.2f} s, p95 {times[int(len(times) * 0.95) - 1]:.2f} s; "
              f"heavy: {sorted(c for _, c, _ in heavy)}")
        # one worker is kept from long queries: every quick one is answered (before, many waited a slow one
        # out and got 503), most in well under the time limit (6 s) even on a loaded machine
        assert times[len(times) // 2] < 4


def _half_loaded_store(tmp_path) -> Path:
    """A store whose bulk load was killed half-way: the real loader, in a process SIGKILLed mid-load."""
    import subprocess
    import sys

    store = build_store(tmp_path / "store", ROOT / "samples" / "articles" / "d01.json")
    code = f"""
import os, signal, time
from libkg.store import EmbeddedStore
st = EmbeddedStore({str(store)!r})
names = [f"https://w3id.org/libkg/graph/article/half{{i}}" for i in range(50)]
def graphs():
    for i, g in enumerate(names):
        if i == 30:
            time.sleep(1.0)  # the first segments are in the store now
            os.kill(os.getpid(), signal.SIGKILL)
        yield g, b"".join(b"<urn:s%d> <urn:p> <urn:o%d> .\\n" % (i, k) for k in range(40))
st.bulk_load_graphs(graphs(), names, quads_per_load=200, parallel=1)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr.decode()
    return store


def test_serve_refuses_a_half_loaded_store(tmp_path):
    import subprocess
    import sys

    from libkg.serve.workers import UnfinishedLoad, open_read_only
    from libkg.store import EmbeddedStore
    from libkg.store.embedded import unfinished_loads

    store = _half_loaded_store(tmp_path)
    assert unfinished_loads(store)
    with pytest.raises(UnfinishedLoad):
        open_read_only(store)
    proc = subprocess.run([sys.executable, "-c", "from libkg.cli import main; main()", "serve", "--store", str(store),
                           "--port", "1"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "unfinished bulk load" in proc.stderr and "libkg ingest" in proc.stderr
    assert "http://" not in proc.stderr  # no banner
    # the recovery the message names: opening for writing removes the partial graphs and the journal
    with pytest.warns(UserWarning, match="interrupted ingest"), EmbeddedStore(store) as st:
        assert st.recovered
    assert not unfinished_loads(store)


def test_busy_port_fails_before_the_banner(store_dir):
    import socket
    import subprocess
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        t0 = time.monotonic()
        proc = subprocess.run([sys.executable, "-c", "from libkg.cli import main; main()", "serve",
                               "--store", str(store_dir), "--port", str(port)],
                              capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr and "already in use" in proc.stderr
    assert "libkg serve: http://" not in proc.stderr and "Traceback" not in proc.stderr
    assert time.monotonic() - t0 < 30


def test_serve_on_a_missing_store_says_so_and_creates_nothing(tmp_path):
    from click.testing import CliRunner

    from libkg.cli import cli

    missing = tmp_path / "nope"
    r = CliRunner().invoke(cli, ["serve", "--store", str(missing), "--port", "0"])
    assert r.exit_code == 2, r.output
    assert f"no store at {missing}" in r.output and not missing.exists()
    r = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path), "--update-endpoint", "http://x/"])
    assert r.exit_code == 2 and "update-endpoint" in r.output  # a read-only command offers no write URL


# ------------------------------------------------------------------ issue 21: truncation in the body, CORS, examples
def test_a_cut_answer_says_so_in_its_body_in_every_format(client):
    q = {"query": "SELECT * WHERE { ?s ?p ?o }"}
    js = client.get("/sparql", params={**q, "format": "json"}).json()
    assert len(js["results"]["bindings"]) == 40
    assert js["libkg"]["truncated"] is True and js["libkg"]["maxRows"] == 40 and "40 rows" in js["libkg"]["message"]
    lines = client.get("/sparql", params={**q, "format": "csv"}).text.splitlines()
    assert len(lines) == 1 + 40 + 1 and lines[-1].startswith("# truncated") and "40 rows" in lines[-1]
    rows = list(csv.reader(io.StringIO(client.get("/sparql", params={**q, "format": "csv"}).text)))
    assert [r for r in rows if r and r[0].startswith("#")] == [rows[-1]]  # one marked line, the last
    tsv = client.get("/sparql", params={**q, "format": "tsv"}).text.splitlines()
    assert tsv[-1].startswith("# truncated")
    xml = client.get("/sparql", params={**q, "format": "xml"})
    ET.fromstring(xml.content)  # still well-formed
    assert b"<!-- truncated" in xml.content
    small = LABELS + " LIMIT 10"
    whole = client.get("/sparql", params={"query": small, "format": "json"})
    assert "libkg" not in whole.json() and "x-libkg-truncated" not in whole.headers
    assert not client.get("/sparql", params={"query": small, "format": "csv"}).text.splitlines()[-1].startswith("#")


def test_cors_for_the_read_only_endpoint(client):
    pre = client.options("/sparql", headers={"Origin": "https://notebook.example",
                                             "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 204
    assert pre.headers["access-control-allow-origin"] == "*"
    assert set(pre.headers["access-control-allow-methods"].replace(" ", "").split(",")) == {"GET", "POST", "OPTIONS"}
    assert "content-type" in pre.headers["access-control-allow-headers"].lower()
    for r in (client.get("/sparql", params={"query": COUNT}, headers={"Origin": "https://x.example"}),
              client.post("/sparql", data={"query": COUNT}, headers={"Origin": "https://x.example"}),
              client.get("/sparql", params={"query": "SELECT nonsense"})):
        assert r.headers["access-control-allow-origin"] == "*", r.status_code
    assert "x-libkg-truncated" in client.get("/sparql", params={"query": COUNT}).headers[
        "access-control-expose-headers"].lower()
    upd = client.post("/sparql", content="DROP ALL", headers={"Content-Type": "application/sparql-update"})
    assert upd.status_code == 403  # CORS opens reading only


def test_bundled_examples_run_as_written_show_rows(client):
    html = client.get("/sparql", headers={"Accept": "text/html"}).text
    blob = html.split('<script type="application/json" id="bundled-queries">', 1)[1].split("</script>", 1)[0]
    queries = {q["name"]: q["text"] for q in json.loads(blob)}
    counts = {}
    with httpx.Client(base_url=str(client.base_url), timeout=60) as c:
        for name, text in queries.items():
            r = c.post("/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"})
            assert r.status_code == 200, (name, r.text)
            counts[name] = len(r.json()["results"]["bindings"])
    answered = {n for n, k in counts.items() if k}
    assert len(answered) >= len(counts) - 2, counts
    # an optional parameter is left unbound (written as a comment), so the example lists everyone
    assert "# VALUES (?name)" in queries["positions"]
    people = {b["person"]["value"] for b in c_json(client, queries["positions"])}
    assert len(people) > 5 and NGA in people


def c_json(client, text: str) -> list[dict]:
    r = client.post("/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"})
    return r.json()["results"]["bindings"]

"""A bounded burst against a real ``libkg serve``: status counts, latency by cost class, peak memory.

The server runs as its own process on a free port of 127.0.0.1 (nothing else is
contacted), over ``--store DIR`` or, without it, a temporary store of the
sample articles (``samples/articles``).  Then ``--requests`` requests (default
200) are sent, ``--concurrency`` at a time (default 20), in a fixed mix:

* cheap: small SPARQL queries (a label list, an ASK, a count by type);
* heavy: a triple cross join that runs until the server's time limit stops it;
* page: uncached entity pages and a search page (the fixed page queries).

Printed: requests, status counts per class, latency p50/p95 of the cheap
queries and of the pages, wall time, and the peak resident memory of the
server's whole process tree (server + query workers), sampled every 50 ms.

    .venv/bin/python scripts/bench_serve.py
    .venv/bin/python scripts/bench_serve.py --requests 100 --heavy-every 5 -- --workers 3

The figures before and after the serve changes of issue 19 are in docs/SECURITY.md.  To measure
an older version of the server, run from outside the checkout with that version first on the
path (the server and its workers are started with the same interpreter and environment):
``git archive REV libkg | tar -x -C /tmp/old && cd /tmp && PYTHONPATH=/tmp/old
/path/to/.venv/bin/python /path/to/scripts/bench_serve.py``.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench import tree_rss  # noqa: E402

from libkg.serve.testing import build_store, running_server  # noqa: E402

CHEAP = [
    "SELECT ?l WHERE { ?s a lkg:Person ; skos:prefLabel ?l } ORDER BY ?l LIMIT 20",
    "ASK { ?s a lkg:Person }",
    "SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t",
]
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ENTITY_LIST = "SELECT DISTINCT ?s WHERE { ?s a ?t FILTER(STRSTARTS(STR(?s), 'https://w3id.org/libkg/id/')) }"


class PeakRss:
    """Samples the tree's RSS in a thread until stopped."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)


def _get(host: str, port: int, path: str, accept: str, timeout: float) -> tuple[int | str, float]:
    t0 = time.monotonic()
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Accept": accept})
        resp = conn.getresponse()
        resp.read()
        code: int | str = resp.status
    except OSError as exc:
        code = type(exc).__name__
    finally:
        conn.close()
    return code, time.monotonic() - t0


def _entities(host: str, port: int, limit: int) -> list[str]:
    import json

    q = urllib.parse.urlencode({"query": ENTITY_LIST + f" LIMIT {limit}"})
    conn = http.client.HTTPConnection(host, port, timeout=60)
    try:
        conn.request("GET", "/sparql?" + q, headers={"Accept": "application/sparql-results+json"})
        data = json.loads(conn.getresponse().read())
    finally:
        conn.close()
    return [b["s"]["value"].removeprefix("https://w3id.org/libkg") for b in data["results"]["bindings"]]


def plan(n: int, heavy_every: int, page_every: int, entity_paths: list[str]) -> list[tuple[str, str, str]]:
    """(class, path, accept) for each request: a fixed, repeatable mix."""
    out = []
    pages = entity_paths or ["/search?q=thu+vien"]
    for i in range(n):
        if heavy_every and i % heavy_every == heavy_every - 1:
            out.append(("heavy", "/sparql?" + urllib.parse.urlencode({"query": HEAVY}), "application/json"))
        elif page_every and i % page_every == page_every - 2:
            path = pages[(i // page_every) % len(pages)]
            if (i // page_every) % 4 == 3:
                path = "/search?" + urllib.parse.urlencode({"q": f"thu vien {i}"})
            out.append(("page", path, "text/html"))
        else:
            q = CHEAP[i % len(CHEAP)]
            out.append(("cheap", "/sparql?" + urllib.parse.urlencode({"query": q}), "application/json"))
    return out


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def run(store: Path, args: argparse.Namespace) -> None:
    log = Path(tempfile.mkdtemp(prefix="bench-serve-")) / "server.log"
    with running_server(store, log, *args.server_args) as srv:
        host, port = srv.url.removeprefix("http://").split(":")
        paths = _entities(host, int(port), args.requests)
        reqs = plan(args.requests, args.heavy_every, args.page_every, paths)
        results: list[tuple[str, int | str, float]] = []
        lock = threading.Lock()

        def one(req: tuple[str, str, str]) -> None:
            cls, path, accept = req
            code, dt = _get(host, int(port), path, accept, args.timeout)
            with lock:
                results.append((cls, code, dt))

        t0 = time.monotonic()
        with PeakRss(srv.process.pid) as rss, ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            list(pool.map(one, reqs))
        wall = time.monotonic() - t0
        alive = srv.process.poll() is None
    report(results, wall, rss.peak, alive, args)


def report(results: list[tuple[str, int | str, float]], wall: float, peak: int, alive: bool,
           args: argparse.Namespace) -> None:
    by_class: dict[str, Counter] = defaultdict(Counter)
    lat: dict[str, list[float]] = defaultdict(list)
    for cls, code, dt in results:
        by_class[cls][code] += 1
        if code == 200:
            lat[cls].append(dt)
    print(f"requests: {len(results)} ({args.concurrency} concurrent), wall {wall:.1f} s, "
          f"server args: {' '.join(args.server_args) or '(defaults)'}")
    print("status counts: " + ", ".join(f"{k}={v}" for k, v in sorted(
        Counter(code for _, code, _ in results).items(), key=lambda kv: str(kv[0]))))
    for cls in ("cheap", "page", "heavy"):
        counts = ", ".join(f"{k}={v}" for k, v in sorted(by_class[cls].items(), key=lambda kv: str(kv[0])))
        ok = lat[cls]
        print(f"  {cls:5s}: {sum(by_class[cls].values()):3d} sent; {counts}; "
              f"200-latency p50 {_pct(ok, 50):.2f} s, p95 {_pct(ok, 95):.2f} s")
    print(f"peak RSS of the server process tree: {peak / 2**20:.0f} MiB")
    print(f"server still running: {alive}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, help="an existing store (default: a temporary one of samples/articles)")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--heavy-every", type=int, default=10, help="every Nth request is a heavy query (0: none)")
    ap.add_argument("--page-every", type=int, default=5, help="every Nth request is a page (0: none)")
    ap.add_argument("--timeout", type=float, default=60.0, help="client timeout per request, seconds")
    ap.add_argument("server_args", nargs="*", help="after --: extra `libkg serve` options")
    args = ap.parse_args(argv)
    args.requests = max(1, min(args.requests, 2000))
    args.concurrency = max(1, min(args.concurrency, 100))
    if args.store:
        run(args.store, args)
        return
    with tempfile.TemporaryDirectory(prefix="bench-serve-store-") as tmp:
        t0 = time.monotonic()
        store = build_store(Path(tmp) / "store", ROOT / "samples" / "articles")
        print(f"store of samples/articles built in {time.monotonic() - t0:.1f} s")
        run(store, args)


if __name__ == "__main__":
    main()

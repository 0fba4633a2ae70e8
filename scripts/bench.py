"""Benchmarks of extraction, ingest and queries on synthetic corpora (see README "## Performance").

    .venv/bin/python scripts/bench.py            # 1k and 10k articles, rdflib baseline at 10k
    .venv/bin/python scripts/bench.py --full     # and 100k
    .venv/bin/python scripts/bench.py --sizes 2000 --no-baseline

Each corpus is the 31 sample articles (so the bundled queries' example
parameters name real entities) followed by ``scripts/synth_corpus.py``
articles, in one JSONL file.  For each size it measures:

* extraction (read + extract + build RDF, no store), articles/s on 1 core and
  on all cores, on the first ``--extract-sample`` articles (the rate does not
  depend on corpus size; ``--full`` measures every article), and beside the
  speed-up, the machine's own ceiling measured in the same run: what a
  trivially parallel pure-Python loop gains on all cores over one (each
  measured ``--extract-repeats`` times, interleaved, best of each: on a
  shared machine other jobs only ever slow a run down);
* ``libkg ingest --jobs <all cores> --bulk`` end to end in a subprocess:
  articles/s, triples/s, CPU seconds of the ingest and its workers (what a
  busy machine does not inflate; split into the extraction workers and the
  main process, which decides identity and runs the store's loads), store size on disk, peak memory (RSS of
  the ingest process and its workers summed, sampled from /proc every
  0.2 s; and the largest single process from ``getrusage``);
* the institution co-participation network of the whole store
  (``libkg.network.institutions``), median of 3;
* the median of 5 runs of every bundled query (``queries/*.rq``), parameters
  bound from each query's ``# param ... example:`` header.

The baseline loads the same article graphs (exported from the store) into
rdflib's in-memory ``Dataset`` (union default graph) and runs the same
queries, with the same parameters, on it: median of 5, each run in a forked
child that is stopped when one run takes longer than ``--baseline-timeout``
seconds, or ``--target`` times Oxigraph's median if that is longer (reported
as ``>T``, a lower bound on the ratio, shown ``>=``).  The
Oxigraph side is the store just measured (same data, same run).  The table
gives, per query, both medians and rdflib / Oxigraph, and a summary line
"N of M queries >= 20x".  ``--baseline-writes`` also times writing the
article graphs one per call into rdflib and into a fresh Oxigraph store (slow
at 10k: minutes).

``--reuse-stores`` keeps ``<work>/store-<n>`` when it exists (no ingest, no
throughput row) and ``--no-extract`` skips the extraction rates, so the query
figures of a large store can be re-measured in minutes:

    .venv/bin/python scripts/bench.py --work /tmp/qperf --sizes 1000 10000 --reuse-stores --no-extract
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import synth_corpus  # noqa: E402

LIBKG = str(Path(sys.executable).parent / "libkg")
CPUS = os.cpu_count() or 1


# ------------------------------------------------------------------ corpus
def build_corpus(n: int, folder: Path, seed: int) -> Path:
    """Samples + synthetic articles, n in all, as JSONL (reused when present)."""
    path = folder / f"corpus-{n}-s{seed}.jsonl"
    if path.exists():
        return path
    samples = sorted((ROOT / "samples" / "articles").glob("*.json"))[:n]
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as out:
        for f in samples:
            rec = json.loads(f.read_text(encoding="utf-8"))
            rec.pop("gold", None)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for rec in synth_corpus.generate(n - len(samples), seed):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.rename(path)
    return path


def head_corpus(corpus: Path, n: int, folder: Path) -> Path:
    out = folder / f"{corpus.stem}-head{n}.jsonl"
    with open(corpus, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


# -------------------------------------------------------------- extraction
def extraction_rate(corpus: Path, jobs: int) -> tuple[float, int]:
    """Articles/s of read + extract + build, no store (the workers' part of ingest)."""
    from libkg.ingest.prepare import Prepared, iter_units, process_unit
    from libkg.ingest.prepare import init_worker as _init_worker

    units = list(iter_units([corpus]))
    t0 = time.perf_counter()
    if jobs == 1:
        _init_worker(None, 20 << 20)
        t0 = time.perf_counter()  # the extractor's one-off load is not per-article work
        results = [process_unit(u) for u in units]
    else:
        with mp.get_context("spawn").Pool(jobs, initializer=_init_worker, initargs=(None, 20 << 20)) as pool:
            pool.map(_noop, range(jobs * 4))  # workers loaded before the clock starts
            t0 = time.perf_counter()
            results = list(pool.imap(process_unit, units, chunksize=4))
    dt = time.perf_counter() - t0
    ok = sum(1 for r in results for o in r if isinstance(o, Prepared))
    return ok / dt, ok


def _noop(_: int) -> None:
    time.sleep(0.05)


def _spin(n: int) -> int:
    s = 0
    for i in range(n):
        s += hash(str(i)) & 7
    return s


def machine_ceiling(jobs: int, n: int = 2_000_000) -> float:
    """Speed-up of a trivially parallel pure-Python loop on ``jobs`` processes over one.

    The most any multi-process Python code gets from this machine right now
    (shared cores, turbo, memory bandwidth): the extraction speed-up is read
    against it, measured in the same run.
    """
    t0 = time.perf_counter()
    for _ in range(jobs):
        _spin(n)
    serial = time.perf_counter() - t0
    with mp.get_context("spawn").Pool(jobs) as pool:
        pool.map(_noop, range(jobs * 4))
        t0 = time.perf_counter()
        pool.map(_spin, [n] * jobs)
        parallel = time.perf_counter() - t0
    return serial / parallel


# ------------------------------------------------------------------ ingest
def tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{d}/statm") as f:
                rss[int(d)] = int(f.read().split()[1]) * page
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(d))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def run_ingest(corpus: Path, store: Path, jobs: int, bulk: bool = True) -> dict:
    """``libkg ingest`` in a subprocess: wall time, CPU time of it and its workers, peak memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    cmd = [LIBKG, "ingest", str(corpus), "--store", str(store), "--jobs", str(jobs), "-q"] + (["--bulk"] if bulk else [])
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    own = workers = 0.0  # CPU s of the ingest process (its store threads too) and of its reaped workers
    tick = os.sysconf("SC_CLK_TCK")
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        try:
            with open(f"/proc/{proc.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            own, workers = (int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick
        except (OSError, IndexError, ValueError):
            pass
        time.sleep(0.2)
    out, err = proc.communicate()
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{err[-3000:]}")
    summary = out.strip().splitlines()[-1]
    arts = int(summary.split(" article")[0].split()[-1])
    triples = int(summary.split(",")[1].split()[0])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    maxrss = after.ru_maxrss * 1024
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"seconds": dt, "cpu": cpu, "cpu_main": own, "cpu_workers": workers,
            "articles": arts, "triples": triples, "peak_tree": peak,
            "peak_single": maxrss if maxrss > before.ru_maxrss * 1024 else None, "summary": summary}


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# ----------------------------------------------------------------- queries
ONLY: set[str] = set()  # --queries: measure these bundled queries only


def bundled_queries() -> list[tuple[str, str, dict]]:
    from libkg.query.library import bind_params, list_queries

    out = []
    for q in list_queries():
        if ONLY and q.name not in ONLY:
            continue
        params = {p.name: p.example for p in q.params if p.example}
        out.append((q.name, q.text, bind_params(q, params)))
    return out


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


_ONE_QUERY = """
import json, statistics, sys, time
sys.path.insert(0, {scripts!r})
import bench
from libkg.store import EmbeddedStore
name = sys.argv[1]
text, bindings = next((t, b) for n, t, b in bench.bundled_queries() if n == name)
with EmbeddedStore(sys.argv[2]) as st:
    rows = len(list(st.query(text, bindings)))
    print(json.dumps([bench.median_ms(lambda: list(st.query(text, bindings))), rows]))
"""


def oxigraph_latencies(store_path: Path, timeout: float = 120) -> dict[str, tuple[float | None, int | None]]:
    """Each query in its own process (a runaway query cannot be interrupted in-process), killed at ``timeout``."""
    code = _ONE_QUERY.format(scripts=str(ROOT / "scripts"))
    out = {}
    for name, _, _ in bundled_queries():
        try:
            r = subprocess.run([sys.executable, "-c", code, name, str(store_path)], capture_output=True, text=True,
                               timeout=timeout)
            ms, rows = json.loads(r.stdout.strip().splitlines()[-1]) if r.returncode == 0 else (None, None)
        except subprocess.TimeoutExpired:
            ms, rows = None, None
        out[name] = (ms, rows)
    return out


_NETWORK = """
import json, sys, time
sys.path.insert(0, {scripts!r})
import bench
from libkg.network import institutions
from libkg.store import EmbeddedStore
with EmbeddedStore(sys.argv[1]) as st:
    g = institutions(st)
    print(json.dumps([bench.median_ms(lambda: institutions(st), runs=3), g.number_of_nodes(), g.number_of_edges()]))
"""


def network_latency(store_path: Path, timeout: float = 300) -> tuple[float | None, str]:
    """The institution co-participation network of the whole store (the projection behind
    ``libkg network institutions``), median of 3, in a child process killed at ``timeout``."""
    code = _NETWORK.format(scripts=str(ROOT / "scripts"))
    try:
        r = subprocess.run([sys.executable, "-c", code, str(store_path)], capture_output=True, text=True,
                           timeout=timeout)
        if r.returncode == 0:
            ms, nodes, edges = json.loads(r.stdout.strip().splitlines()[-1])
            return ms, f"{ms:.1f} ({nodes} nodes, {edges} edges)"
        last = (r.stderr.strip().splitlines() or ["exit status " + str(r.returncode)])[-1]
        return None, f"error: {last[:120]}"
    except subprocess.TimeoutExpired:
        return None, None


def fmt_ms(ms: float | None, rows: int | str | None, timeout: float) -> str:
    if isinstance(rows, str):
        return rows
    return f">{timeout * 1000:.0f}" if ms is None else f"{ms:.1f} ({rows})"


# ---------------------------------------------------------------- baseline
def _quads_from(store_path: Path) -> tuple[list[tuple], int]:
    """The store's named-graph quads as rdflib terms, and the number of graphs.

    Read straight into one list (no per-article ``Graph`` objects): at 10k
    articles that is 3-4M quads, and intermediate graphs would double the memory.
    """
    from rdflib import URIRef

    from libkg.store import EmbeddedStore
    from libkg.store.terms import from_ox

    quads, graphs, cache = [], set(), {}

    def term(t):  # IRIs and literals recur a lot: one rdflib object each
        key = (type(t), str(t))
        got = cache.get(key)
        if got is None:
            got = cache[key] = from_ox(t)
        return got

    with EmbeddedStore(store_path) as st:
        for q in st.store.quads_for_pattern(None, None, None, None):
            if hasattr(q.graph_name, "value"):
                g = URIRef(q.graph_name.value)
                graphs.add(g)
                quads.append((term(q.subject), term(q.predicate), term(q.object), g))
    return quads, len(graphs)


def _rdflib_query_child(conn, ds, text: str, bindings: dict, runs: int) -> None:
    """In a forked child: one untimed run (row count), then ``runs`` timed runs, each reported as it ends."""
    from libkg.rdf.namespaces import PREFIXES

    try:
        rows = len(list(ds.query(text, initNs=PREFIXES, initBindings=bindings)))
        conn.send(("rows", rows))
        for _ in range(runs):
            t0 = time.perf_counter()
            list(ds.query(text, initNs=PREFIXES, initBindings=bindings))
            conn.send(("ms", (time.perf_counter() - t0) * 1000))
    except Exception as exc:  # noqa: BLE001 - rdflib fails on some queries; report, don't time out
        conn.send(("error", f"error: {type(exc).__name__}"))


def rdflib_latency(ds, text: str, bindings: dict, timeout: float, runs: int = 5) -> tuple[float | None, int | str | None]:
    """Median ms of ``runs`` runs on rdflib (and rows), or (None, ...) when one run exceeds ``timeout`` s.

    Each run must end within ``timeout`` seconds of the previous one, so ">T"
    means a single run took longer than T: a true lower bound on the median.
    """
    ctx_fork = mp.get_context("fork")  # the child inherits the loaded Dataset
    parent, child = ctx_fork.Pipe(duplex=False)
    p = ctx_fork.Process(target=_rdflib_query_child, args=(child, ds, text, bindings, runs))
    p.start()
    rows: int | str | None = None
    times: list[float] = []
    try:
        while len(times) < runs:
            if not parent.poll(timeout):
                return None, rows
            kind, value = parent.recv()
            if kind == "error":
                return None, value
            if kind == "rows":
                rows = value
            else:
                times.append(value)
    finally:
        p.kill()
        p.join()
    return statistics.median(times), rows


def baseline_timeout(timeout: float, ox_ms: float | None, target: float) -> float:
    """Seconds an rdflib run may take: ``timeout``, or long enough to show the target speed-up.

    A run stopped at T seconds proves rdflib / Oxigraph >= T / Oxigraph's
    median; waiting ``target`` times Oxigraph's median (plus 5%) makes a
    stopped run prove the target, so no query fails it for want of patience.
    """
    return max(timeout, target * (ox_ms or 0) / 1000 * 1.05)


def baseline(store_path: Path, work: Path, timeout: float, ox_latency: dict, writes: bool = False,
             target: float = 20) -> dict:
    """rdflib's in-memory Dataset on the article graphs of ``store_path``, against ``ox_latency`` (same store)."""
    from rdflib import Dataset, Graph

    from libkg.store import EmbeddedStore

    t0 = time.perf_counter()
    quads, n_graphs = _quads_from(store_path)
    export_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.addN(quads)
    load_s = time.perf_counter() - t0
    out = {"articles": n_graphs, "triples": len(quads), "export_s": export_s, "rdflib_load_s": load_s}
    if writes:  # the old write comparison: one article per call into rdflib and into a fresh Oxigraph store
        by_graph: dict = {}
        for s_, p_, o_, g in quads:
            by_graph.setdefault(g, []).append((s_, p_, o_))
        t0 = time.perf_counter()
        ds2 = Dataset(default_union=True)
        for iri, ts in by_graph.items():  # replace-article semantics: drop the graph, add its triples
            ds2.remove_graph(iri)
            ctx = ds2.graph(iri)
            ctx.addN((s_, p_, o_, ctx) for s_, p_, o_ in ts)
        out["rdflib_write_s"] = time.perf_counter() - t0
        del ds2
        ox_dir = work / "baseline-ox"
        shutil.rmtree(ox_dir, ignore_errors=True)
        t0 = time.perf_counter()
        with EmbeddedStore(ox_dir) as st:
            for iri, ts in by_graph.items():
                g = Graph()
                for t in ts:
                    g.add(t)
                st.replace_article(str(iri), g)
        out["ox_write_s"] = time.perf_counter() - t0
        shutil.rmtree(ox_dir, ignore_errors=True)
    del quads
    lat, limits = {}, {}
    for name, text, bindings in bundled_queries():
        limits[name] = baseline_timeout(timeout, (ox_latency.get(name) or (None,))[0], target)
        lat[name] = rdflib_latency(ds, text, bindings, limits[name])
        print(f"  rdflib {name}: {fmt_ms(*lat[name], limits[name])}", file=sys.stderr, flush=True)
    out["rdflib_latency"] = lat
    out["rdflib_timeout"] = limits
    out["ox_latency"] = ox_latency
    return out


def ratio(rd_ms: float | None, rd_rows, ox_ms: float | None, timeout: float) -> tuple[str, float | None]:
    """rdflib / Oxigraph as text, and the number (a lower bound when rdflib timed out)."""
    if ox_ms is None or isinstance(rd_rows, str):
        return "-", None
    if rd_ms is None:
        r = timeout * 1000 / max(ox_ms, 0.01)
        return f">={r:.0f}x", r
    r = rd_ms / max(ox_ms, 0.01)
    return f"{r:.1f}x", r


# ------------------------------------------------------------------ report
def mb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1024 / 1024:,.0f} MB"


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 1000 10000; with --full + 100000)")
    ap.add_argument("--full", action="store_true", help="also 100k articles; extraction measured on all")
    ap.add_argument("--jobs", type=int, default=CPUS, help=f"ingest workers (default: all {CPUS} cores)")
    ap.add_argument("--extract-sample", type=int, default=4000,
                    help="articles for the extraction rates (enough that warming each worker's caches weighs little)")
    ap.add_argument("--extract-repeats", type=int, default=2,
                    help="interleaved 1-core / all-core extraction runs; the best of each is reported")
    ap.add_argument("--baseline-size", type=int, default=10000, help="size at which the rdflib baseline runs")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--baseline-timeout", type=float, default=60,
                    help="seconds an rdflib run may take (at least --target x Oxigraph's median)")
    ap.add_argument("--query-timeout", type=float, default=120, help="seconds per Oxigraph query (5 runs)")
    ap.add_argument("--baseline-writes", action="store_true",
                    help="also time writing the article graphs one per call into rdflib and a fresh Oxigraph store")
    ap.add_argument("--no-bulk", action="store_true", help="ingest without --bulk (transactional loads)")
    ap.add_argument("--reuse-stores", action="store_true", help="keep <work>/store-<n> when present (no ingest)")
    ap.add_argument("--no-extract", action="store_true", help="skip the extraction rates")
    ap.add_argument("--target", type=float, default=20, help="speed-up over rdflib to count in the summary")
    ap.add_argument("--queries", nargs="+", metavar="NAME", help="only these bundled queries")
    ap.add_argument("--work", type=Path, help="folder for corpora and stores (default: a temp folder)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    ONLY.update(args.queries or ())
    sizes = args.sizes or ([1000, 10000, 100000] if args.full else [1000, 10000])
    work = args.work or Path(tempfile.mkdtemp(prefix="libkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# libkg benchmark — {CPUS} CPU(s), Python {sys.version.split()[0]}, work folder {work}, "
          f"load average at start {os.getloadavg()[0]:.1f}\n", flush=True)

    results, latencies, extraction, networks = {}, {}, {}, {}
    for n in sizes:
        corpus = build_corpus(n, work, args.seed)
        sample_n = n if args.full else min(n, args.extract_sample)
        if not args.no_extract and sample_n not in extraction:
            sample = corpus if sample_n == n else head_corpus(corpus, sample_n, work)
            # interleaved repeats, best of each: other jobs on a shared machine only ever slow a run down
            one, alls, ceil = [], [], []
            for _ in range(max(1, args.extract_repeats)):
                ceil.append(machine_ceiling(CPUS))
                one.append(extraction_rate(sample, 1)[0])
                alls.append(extraction_rate(sample, CPUS)[0])
            extraction[sample_n] = (max(one), max(alls), max(ceil))
            print(f"extraction on {sample_n} articles: {extraction[sample_n][0]:.1f}/s (1 core), "
                  f"{extraction[sample_n][1]:.1f}/s ({CPUS} cores); a pure-Python loop gains "
                  f"{extraction[sample_n][2]:.2f}x on {CPUS} cores here now", flush=True)
        store = work / f"store-{n}"
        if args.reuse_stores and store.exists():
            print(f"store {n}: reusing {store}", flush=True)
        else:
            shutil.rmtree(store, ignore_errors=True)
            ing = run_ingest(corpus, store, args.jobs, bulk=not args.no_bulk)
            print(f"ingest {n}: {ing['summary']} in {ing['seconds']:.0f} s", flush=True)
            results[n] = (sample_n, ing, dir_size(store))
        latencies[n] = oxigraph_latencies(store, args.query_timeout)
        networks[n] = network_latency(store, max(args.query_timeout, 300))

    rows = [["articles", "extract 1 core /s", f"extract {CPUS} cores /s", "speed-up (loop's)",
             f"ingest --jobs {args.jobs}", "ingest CPU (workers + main)", "ingest /s", "triples /s", "store on disk",
             "peak RSS (all procs)", "peak RSS (1 proc)"]]
    for n, (sample_n, ing, size) in results.items():
        one, allc, ceil = extraction.get(sample_n, (float("nan"),) * 3)
        rows.append([f"{n:,}", f"{one:.1f}", f"{allc:.1f}", f"{allc / one:.2f}x ({ceil:.2f}x)", f"{ing['seconds']:.0f} s",
                     f"{ing['cpu']:.0f} s ({ing['cpu_workers']:.0f} + {ing['cpu_main']:.0f})",
                     f"{ing['articles'] / ing['seconds']:.1f}",
                     f"{ing['triples'] / ing['seconds']:,.0f}", mb(size), mb(ing["peak_tree"]),
                     mb(ing["peak_single"])])
    if len(rows) > 1:
        print("\n## Throughput\n")
        print(table(rows))

    print("\n## Query latency (median of 5, ms; rows returned)\n")
    rows = [["query"] + [f"{n:,} articles" for n in latencies]]
    for name in latencies[sizes[0]]:
        rows.append([name] + [fmt_ms(*latencies[n][name], args.query_timeout) for n in latencies])
    rows.append(["(network institutions)"] + [fmt_ms(*networks[n], max(args.query_timeout, 300)) for n in latencies])
    print(table(rows))

    if not args.no_baseline and args.baseline_size in latencies:
        b = baseline(work / f"store-{args.baseline_size}", work, args.baseline_timeout, latencies[args.baseline_size],
                     writes=args.baseline_writes, target=args.target)
        print(f"\n## Baseline at {args.baseline_size:,} articles: rdflib Dataset (in memory) vs Oxigraph\n")
        print(f"{b['articles']:,} graphs, {b['triples']:,} quads; exported from the store in {b['export_s']:.0f} s, "
              f"loaded into rdflib in {b['rdflib_load_s']:.0f} s (one addN)\n")
        if "rdflib_write_s" in b:
            rows = [["store", "write time", "articles /s", "triples /s"]]
            for label, key in (("rdflib Dataset", "rdflib_write_s"), ("Oxigraph (embedded)", "ox_write_s")):
                rows.append([label, f"{b[key]:.1f} s", f"{b['articles'] / b[key]:.0f}", f"{b['triples'] / b[key]:,.0f}"])
            print(table(rows))
            print()
        rows = [["query", "Oxigraph ms (rows)", "rdflib ms (rows)", "rdflib / Oxigraph"]]
        fast = measured = 0
        for name, (ox_ms, ox_rows) in b["ox_latency"].items():
            rd_ms, rd_rows = b["rdflib_latency"][name]
            limit = b["rdflib_timeout"][name]
            text, r = ratio(rd_ms, rd_rows, ox_ms, limit)
            measured += r is not None
            fast += r is not None and r >= args.target
            rows.append([name, fmt_ms(ox_ms, ox_rows, args.query_timeout), fmt_ms(rd_ms, rd_rows, limit), text])
        print(table(rows))
        print(f"\n{fast} of {len(rows) - 1} queries >= {args.target:g}x faster on Oxigraph than on rdflib "
              f"(median of 5; >=: an rdflib run stopped after T s, the larger of {args.baseline_timeout:g} s "
              f"and {args.target:g} x Oxigraph's median, a lower bound; "
              f"{len(rows) - 1 - measured} not comparable)", flush=True)

if __name__ == "__main__":
    main()

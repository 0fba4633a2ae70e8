"""Loading a corpus into Virtuoso: SPARQL update requests against its bulk loader, in one run.

    .venv/bin/python scripts/bench_virtuoso.py                  # 10,000 articles (samples + synthetic)
    .venv/bin/python scripts/bench_virtuoso.py --articles 1000 --work /tmp/bv --buffers 60000

Steps: the corpus (scripts/bench.py's: the 31 samples, then synthetic articles, seeded) is ingested
into an embedded store with ``libkg ingest --jobs 0 --bulk`` (reused from ``--work`` when there)
and exported once as N-Quads (the article graphs) and N-Triples (their union).  A throwaway
Virtuoso (Debian's virtuoso-opensource; its own folder and ports, ``--buffers`` pages of 8 KB) is
then loaded twice from those same statements, emptied in between:

* by update requests: what ``libkg ingest/push --endpoint`` send (``RemoteStore``, one named graph
  per article, the union graph maintained, ``--batch-triples`` per request);
* by its bulk loader: ``ld_add`` + ``rdf_loader_run`` + ``checkpoint`` through ``isql``
  (``libkg push --bulk``), the export's time shown beside it.

Each load is checked: the server then holds as many quads as the embedded store.  Prints wall
times, quads per second and the ratio.  Needs ``virtuoso-t`` and ``isql-vt`` on the PATH.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench import build_corpus  # noqa: E402

from libkg.store import EmbeddedStore, RemoteStore  # noqa: E402
from libkg.store.virtuoso import VirtuosoServer, bulk_load, virtuoso_missing  # noqa: E402

LIBKG = str(Path(sys.executable).parent / "libkg")


def embedded_store(articles: int, work: Path) -> Path:
    store = work / f"store-{articles}"
    if not (store / "CURRENT").exists():
        corpus = build_corpus(articles, work, seed=0)
        t = time.perf_counter()
        subprocess.run([LIBKG, "ingest", str(corpus), "--store", str(store), "--jobs", "0", "--bulk", "-q"],
                       check=True)
        print(f"ingested {articles:,} articles into the embedded store in {time.perf_counter() - t:.0f} s")
    return store


def export(store: Path, folder: Path) -> tuple[Path, Path, int, float]:
    """N-Quads of the named graphs and N-Triples of the union, into ``folder``; (nq, nt, quads, seconds)."""
    folder.mkdir(parents=True, exist_ok=True)
    nq, nt = folder / "graphs.nq", folder / "union.nt"
    t = time.perf_counter()
    with EmbeddedStore(store) as st, nq.open("wb") as f1, nt.open("wb") as f2:
        st.export("nq", f1)
        st.export("nt", f2)
        quads = st.triple_count()
    return nq, nt, quads, time.perf_counter() - t


def graphs_of(nq: Path) -> dict[str, list[str]]:
    """The N-Quads file as {graph IRI: its statements as N-Triples lines without the final dot}."""
    out: dict[str, list[str]] = defaultdict(list)
    with nq.open(encoding="utf-8") as fh:
        for line in fh:
            body = line.rstrip().removesuffix(".").rstrip()
            statement, graph = body.rsplit(" ", 1)
            out[graph[1:-1]].append(statement)
    return out


def load_by_updates(server: VirtuosoServer, graphs: dict[str, list[str]], batch: int) -> float:
    remote = RemoteStore(server.endpoint, batch_triples=batch, timeout=600)
    t = time.perf_counter()
    for iri, statements in graphs.items():
        remote.replace_article(iri, statements)
    remote.flush()
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--work", type=Path, help="folder for the corpus, the store and Virtuoso (default: a temp dir)")
    ap.add_argument("--buffers", type=int, default=50000, help="Virtuoso's NumberOfBuffers (8 KB pages)")
    ap.add_argument("--batch-triples", type=int, default=20000, help="triples per update request")
    args = ap.parse_args(argv)
    why = virtuoso_missing()
    if why:
        sys.exit(why)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-virtuoso-"))
    work.mkdir(parents=True, exist_ok=True)
    store = embedded_store(args.articles, work)
    with VirtuosoServer(work / "virtuoso", buffers=args.buffers, max_seconds=0) as server:
        nq, nt, quads, t_export = export(store, server.load_dir)
        graphs = graphs_of(nq)
        print(f"{args.articles:,} articles: {len(graphs):,} named graphs, {quads:,} quads; Virtuoso "
              f"{server.endpoint}, {args.buffers:,} buffers")
        remote = RemoteStore(server.endpoint, timeout=600)
        t_updates = load_by_updates(server, graphs, args.batch_triples)
        assert remote.triple_count() == quads, (remote.triple_count(), quads)
        server.reset()
        assert remote.triple_count() == 0
        t = time.perf_counter()
        bulk_load(server.isql, nq, nt)
        t_bulk = time.perf_counter() - t
        assert remote.triple_count() == quads, (remote.triple_count(), quads)
    print(f"{'load':<44}{'wall':>10}{'quads/s':>12}")
    rows = [("update requests (RemoteStore, libkg push)", t_updates),
            ("bulk loader (ld_add + rdf_loader_run)", t_bulk),
            ("bulk loader + export to N-Quads first", t_bulk + t_export)]
    for name, seconds in rows:
        print(f"{name:<44}{seconds:>9.1f}s{quads / seconds:>12,.0f}")
    print(f"bulk loader / update requests: {t_updates / t_bulk:.1f}x faster "
          f"({t_updates / (t_bulk + t_export):.1f}x with the export)")


if __name__ == "__main__":
    main()

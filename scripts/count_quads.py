"""Quads per article graph of the development articles (issue 20: <= 200 per article).

    .venv/bin/python scripts/count_quads.py                    # samples/articles
    .venv/bin/python scripts/count_quads.py ../shared/corpus/articles
    PYTHONPATH=/tmp/base PYTHONSAFEPATH=1 .venv/bin/python scripts/count_quads.py   # another checkout

Ingests the articles into a throw-away in-memory store and counts the quads
of each graph by kind (``graph/article/...``, evidence graphs, activity
graphs, identity graphs, the union copy); prints the mean, median and max per
article of the article graphs, and the same with their evidence graphs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

import libkg

COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def kind(iri: str) -> tuple[str, str]:
    """(kind of graph, article id or '') from a graph IRI."""
    for k in ("graph/article/", "graph/evidence/", "graph/activity/"):
        if k in iri:
            return k.split("/")[1], iri.rsplit("/", 1)[1]
    return iri.rsplit("/graph/", 1)[-1].split("/")[0], ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default="samples/articles")
    args = ap.parse_args(argv)
    with libkg.open(":memory:") as kg:
        report = kg.ingest(Path(args.path))
        rows = kg.query(COUNT)
        per: dict[str, Counter] = {}
        totals: Counter = Counter()
        for r in rows:
            k, aid = kind(str(r.g))
            totals[k] += int(r.n)
            if aid:
                per.setdefault(k, Counter())[aid] += int(r.n)
        union = int(next(iter(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))).n)
    print(f"libkg {libkg.__file__}")
    print(f"{report.articles} articles from {args.path}; quads by graph kind: {dict(sorted(totals.items()))}; "
          f"union (default graph) {union}")
    for k, c in sorted(per.items()):
        v = list(c.values())
        print(f"{k:10s} per article: mean {statistics.mean(v):.1f}  median {statistics.median(v):.0f}  "
              f"max {max(v)}  (d01: {c.get('d01', 0)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Rebuild the published sample graph ``graph/sample.trig`` from ``samples/articles``.

Persons are resolved across all samples (libkg.rdf.dataset.facts_to_dataset uses
libkg.resolve.resolve_batch), giving the same IRIs as ``libkg ingest``; the
gazetteer and extraction-run graphs are left out (reference data, run times).
Run it after changing the extractor, the ontology or the samples:

    .venv/bin/python scripts/build_sample_graph.py

``tests/test_sample_graph.py`` fails when the file in ``graph/`` is stale.
The data base IRI is the default (https://w3id.org/libkg/), whatever
$LIBKG_BASE says, so the published file does not depend on who built it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "graph" / "sample.trig"


def build():
    from libkg.extract import RuleExtractor
    from libkg.rdf.dataset import facts_to_dataset
    from libkg.rdf.namespaces import DEFAULT_BASE
    from libkg.read import ReadError, read_paths

    extractor = RuleExtractor()
    items = []
    for a in read_paths([ROOT / "samples" / "articles"]):
        if isinstance(a, ReadError):
            raise SystemExit(f"error: {a}")
        items.append((a, extractor(a)))
    return facts_to_dataset(items, base=DEFAULT_BASE)


def main() -> int:
    ds = build()
    OUT.parent.mkdir(exist_ok=True)
    tmp = OUT.with_suffix(".trig.part")
    tmp.write_text(ds.serialize(format="trig"), encoding="utf-8")
    tmp.replace(OUT)
    n = sum(1 for _ in ds.quads((None, None, None, None)))
    arts = sum(1 for g in ds.graphs() if "/graph/article/" in str(g.identifier))
    print(f"wrote {OUT.relative_to(ROOT)}: {n} quads in {arts} article graphs (persons resolved across them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""graph/sample.trig must be what scripts/build_sample_graph.py builds today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from rdflib import Dataset

ROOT = Path(__file__).resolve().parent.parent


def test_sample_graph_is_fresh():
    spec = importlib.util.spec_from_file_location("bsg", ROOT / "scripts" / "build_sample_graph.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    fresh = {q for q in mod.build().quads((None, None, None, None))}
    published = Dataset()
    published.parse(ROOT / "graph" / "sample.trig", format="trig")
    stored = {q for q in published.quads((None, None, None, None))}
    assert fresh == stored, (
        f"graph/sample.trig is stale ({len(fresh - stored)} quads missing, {len(stored - fresh)} extra): "
        "run .venv/bin/python scripts/build_sample_graph.py")

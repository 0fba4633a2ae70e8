"""The benchmark corpus generator (scripts/synth_corpus.py) writes clean, reproducible articles.

A pattern field left unfilled ("Thư viện {U} {P}") would be ingested as text and
skew every benchmark figure built on the corpus.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def synth():
    spec = importlib.util.spec_from_file_location("synth_corpus", ROOT / "scripts" / "synth_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["synth_corpus"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_no_placeholder_is_left_in_the_text(synth):
    arts = list(synth.generate(300, seed=3))
    assert len(arts) == 300
    for a in arts:
        assert "{" not in a["text"] and "}" not in a["text"], (a["id"], a["text"])
    # the posts' organisations are filled with the province and its unit ("tỉnh" or "thành phố")
    assert any("Thư viện tỉnh " in a["text"] for a in arts)
    assert any("thành phố Hà Nội" in a["text"] or "Thư viện thành phố" in a["text"] for a in arts)


def test_same_seed_same_corpus_and_prefix_stable(synth):
    a = list(synth.generate(50, seed=7))
    assert a == list(synth.generate(50, seed=7))
    assert a[:20] == list(synth.generate(20, seed=7))  # article i depends on the seed and i only
    assert a != list(synth.generate(50, seed=8))

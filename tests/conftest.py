from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """A real embedded Oxigraph store (on disk) holding every sample article."""
    from libkg.ingest import ingest_paths
    from libkg.store import open_store

    path = tmp_path_factory.mktemp("store") / "s"
    store = open_store(path)
    report = ingest_paths(store, [SAMPLES])
    assert not report.errors, report.errors
    yield store
    store.close()


@pytest.fixture
def article():
    from libkg.testing import example_article

    return example_article()


@pytest.fixture
def facts():
    from libkg.testing import example_facts

    return example_facts()


@pytest.fixture
def base() -> str:
    from libkg.testing import EXAMPLE_BASE

    return EXAMPLE_BASE

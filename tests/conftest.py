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


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A real Virtuoso server (Debian's virtuoso-opensource) for the session: its own database folder,
    loopback ports and a 170 MB buffer pool, SPARQL_UPDATE granted; stopped at the end, also on failure.
    Missing, it skips the tests on a developer's machine and fails them in CI ($CI=true)."""
    import os

    from libkg.store.virtuoso import VirtuosoServer, virtuoso_missing

    why = virtuoso_missing()
    if why:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI needs Virtuoso: {why}")
        pytest.skip(why)
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso")) as server:
        online = [ln for ln in server.log().splitlines() if "online at" in ln]
        print(f"\nVirtuoso started: {server.endpoint} (database {server.folder})", *online, sep="\n  ")
        yield server


@pytest.fixture(autouse=True)
def no_language_cookie(request):
    """A test using a ``client`` fixture (an HTTP client of ``libkg serve``) starts without the ``lang``
    cookie that a ``?lang=`` request of an earlier test left."""
    if "client" in request.fixturenames:
        request.getfixturevalue("client").cookies.clear()

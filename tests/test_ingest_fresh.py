"""The default ingest into a store that holds no articles yet: its batches go to Oxigraph's bulk loader."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from libkg.ingest import ingest_paths
from libkg.ingest.run import holds_articles, load_ontology
from libkg.ingest.write import load_reference_data
from libkg.resolve.iris import Minter
from libkg.store import EmbeddedStore
from libkg.store.embedded import JOURNAL

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"
ORPHANS = "ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"  # a union triple no graph states


class Loads:
    """The real pyoxigraph store, counting its bulk loads and failing the one holding ``poison``."""

    def __init__(self, inner, poison: bytes | None = None) -> None:
        self.inner, self.poison, self.calls = inner, poison, 0

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def bulk_load(self, data, *a, **k):
        self.calls += 1
        if self.poison is not None and self.poison in data:
            raise OSError("No space left on device")  # what a full disk answers, after nothing was written
        return self.inner.bulk_load(data, *a, **k)


def _quads(st: EmbeddedStore) -> tuple[int, str]:
    lines = sorted(str(q) for q in st.store)
    return len(lines), hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def test_only_a_store_with_no_article_is_new(tmp_path):
    with EmbeddedStore(tmp_path / "S") as st:
        assert not holds_articles(st)
        load_ontology(st)
        load_reference_data(st)
        assert not holds_articles(st)  # what every run writes first does not count
        ingest_paths(st, sorted(SAMPLES.glob("*.json"))[:1])
        assert holds_articles(st)


def test_a_new_store_is_bulk_loaded_batch_by_batch_with_the_quads_a_transactional_ingest_writes(tmp_path):
    said: list[str] = []
    with EmbeddedStore(tmp_path / "new") as st:
        loads = Loads(st._store)
        st._store = loads
        report = ingest_paths(st, [SAMPLES], batch_size=8, status=said.append)
        st._store = loads.inner
        assert report.articles == 31 and not report.errors
        assert loads.calls == 4  # 31 articles, 8 per batch: one bulk load each
        assert said == ["a new store: each batch goes to the bulk loader"]
        assert not list((tmp_path / "new").glob(JOURNAL + "*"))  # every load finished: no journal left
        fresh = _quads(st)
    with EmbeddedStore(tmp_path / "old") as st:
        st.replace_article("urn:other", ["<urn:x> <urn:p> <urn:y>"])
        loads = Loads(st._store)
        st._store = loads
        report = ingest_paths(st, [SAMPLES], batch_size=8, status=said.append)
        st._store = loads.inner
        assert report.articles == 31 and loads.calls == 0  # a store holding articles: transactions only
        st.remove_graph("urn:other")
        assert _quads(st) == fresh


@pytest.mark.parametrize("on_disk", [True, False])
def test_a_failed_bulk_load_names_the_article_and_the_others_land_whole(tmp_path, on_disk):
    files = sorted(SAMPLES.glob("*.json"))
    bad = files[5]
    graph = str(Minter(None).graph(json.loads(bad.read_text(encoding="utf-8"))["id"]))
    with EmbeddedStore(tmp_path / "clean") as st:
        ingest_paths(st, files[:5] + files[6:], batch_size=8)
        clean = _quads(st)
    store = tmp_path / "S"
    with EmbeddedStore(store if on_disk else None) as st:  # in memory: no journal, the same undo
        loads = Loads(st._store, poison=graph.encode("utf-8"))
        st._store = loads
        report = ingest_paths(st, files, batch_size=8)
        st._store = loads.inner
        assert report.articles == 30 and len(report.errors) == 1
        err = report.errors[0]
        assert err.source == str(bad) and "No space left on device" in err.problem  # the input, the problem
        assert graph not in st.named_graphs()
        assert not bool(st.store.query(ORPHANS))  # nothing of the failed loads is left in the union
        assert not list(tmp_path.glob("S/" + JOURNAL + "*"))
        assert _quads(st) == clean  # the failed batch was undone and its other articles written again


def test_a_big_run_into_a_new_store_grows_its_batches_to_keep_the_number_of_loads_down(tmp_path, monkeypatch):
    import libkg.ingest.run as run

    monkeypatch.setattr(run, "FRESH_LOADS", 8)  # as if 31 articles were a big run: 31 // 8 = 3 per load
    with EmbeddedStore(tmp_path / "S") as st:
        loads = Loads(st._store)
        st._store = loads
        report = ingest_paths(st, [SAMPLES], batch_size=1)
        st._store = loads.inner
        assert report.articles == 31 and loads.calls == 11  # ceil(31 / 3), not 31

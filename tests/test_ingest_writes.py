"""Pass 2 of ingest on the embedded store: new graphs as one TriG load, batches in two threads, memory freed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from libkg.ingest import ingest_paths
from libkg.store import EmbeddedStore
from libkg.store.terms import nt_document, nt_statements

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"


def _quads(st: EmbeddedStore) -> tuple[int, str]:
    lines = sorted(str(q) for q in st.store)
    return len(lines), hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _graph(*objects: str) -> Graph:
    g = Graph()
    for i, o in enumerate(objects):
        g.add((URIRef("urn:s"), URIRef(f"urn:p{i}"), Literal(o, lang="vi")))
    g.add((URIRef("urn:shared"), URIRef("urn:p"), Literal("once")))
    return g


def test_new_graphs_given_as_bytes_graphs_or_statements_store_the_same_quads_and_union(tmp_path):
    forms = {"bytes": lambda g: nt_document(nt_statements(g)), "graph": lambda g: g,
             "statements": lambda g: nt_statements(g), "text": lambda g: "\n".join(nt_statements(g))}
    seen = set()
    for name, form in forms.items():
        with EmbeddedStore(tmp_path / name) as st:
            n = st.replace_articles([("urn:g1", form(_graph("Hoà", "a\nb"))), ("urn:g2", form(_graph("x")))])
            assert n == 3 + 2  # the triples of both graphs, the shared one in each
            assert st.triple_count() == 5 and st.union_count() == 4  # the shared triple once in the union
            seen.add(_quads(st))
    assert len(seen) == 1


def test_an_invalid_iri_in_raw_statements_is_refused_and_nothing_of_the_batch_lands(tmp_path):
    with EmbeddedStore(tmp_path / "s") as st:
        ok = nt_statements(_graph("x"))
        with pytest.raises(SyntaxError):
            st.replace_articles([("urn:g1", ok), ("urn:g2", ['<urn:s> <urn:p> <not an iri>'])])
        assert len(st.store) == 0


def test_flush_is_safe_on_memory_and_read_only_stores(tmp_path):
    with EmbeddedStore() as mem:
        mem.replace_article("urn:g", _graph("x"))
        mem.flush()
        assert mem.triple_count() == 2
    with EmbeddedStore(tmp_path / "s") as st:
        st.replace_article("urn:g", _graph("x"))
        st.flush()
    ro = EmbeddedStore.open_read_only(tmp_path / "s")
    ro.flush()
    assert ro.triple_count() == 2
    ro.close()


@pytest.mark.parametrize("threads", [1, 2])
def test_batches_written_from_threads_give_the_store_one_at_a_time_gives(tmp_path, monkeypatch, threads):
    """Small batches (3 articles) so several are in flight; the quads must equal a one-thread run's."""
    ref = tmp_path / "ref"
    with EmbeddedStore(ref) as st:
        monkeypatch.setattr(st, "concurrent_writes", 1, raising=False)
        rep1 = ingest_paths(st, [SAMPLES], batch_size=3)
        want = _quads(st)
    with EmbeddedStore(tmp_path / "par") as st:
        monkeypatch.setattr(st, "concurrent_writes", threads, raising=False)
        rep2 = ingest_paths(st, [SAMPLES], batch_size=3)
        assert _quads(st) == want
        again = ingest_paths(st, [SAMPLES], batch_size=3)  # a re-ingest: batches of stored articles, one at a time
        assert _quads(st) == want
    assert rep1.article_ids == rep2.article_ids == again.article_ids and rep2.articles == 31 and not rep2.errors
    assert rep1.triples_written == rep2.triples_written == again.triples_written

"""Crash safety and a second writer, with real ``libkg ingest`` processes."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from libkg.ingest import ingest_paths
from libkg.store import EmbeddedStore

LIBKG = str(Path(sys.executable).parent / "libkg")
COPIES = 6  # enough that writing them takes longer than the progress bar's 0.5 s refresh


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, samples_dir) -> Path:
    """The samples copied COPIES times under new ids, as one JSONL corpus."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(COPIES):
            for f in sorted(samples_dir.glob("*.json")):
                rec = json.loads(f.read_text(encoding="utf-8"))
                rec.pop("gold", None)
                out.write(json.dumps({**rec, "id": f"{rec['id']}-c{copy}"}, ensure_ascii=False) + "\n")
    return path


def _quads(store: EmbeddedStore) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for q in store.store:
        g = getattr(q.graph_name, "value", "")
        out.setdefault(g, set()).add(f"{q.subject} {q.predicate} {q.object}")
    return out


@pytest.fixture(scope="module")
def clean(tmp_path_factory, corpus) -> dict[str, set[str]]:
    """Every graph of a clean, uninterrupted ingest of the corpus ("" is the default graph)."""
    with EmbeddedStore(tmp_path_factory.mktemp("clean") / "S") as st:
        rep = ingest_paths(st, [corpus])
        assert rep.articles == 31 * COPIES and not rep.errors
        return _quads(st)


class Ingest:
    """``libkg ingest`` in its own process group, its progress read from the bar on stderr."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([LIBKG, "ingest", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     start_new_session=True)
        self.done = {"extract": 0, "ingest": 0}  # the two passes' bars
        self.err = b""
        self._t = threading.Thread(target=self._read, daemon=True)
        self._t.start()

    def _read(self) -> None:
        while chunk := self.proc.stderr.read1(4096):
            self.err += chunk
            for phase in self.done:
                counts = re.findall(phase.encode() + rb": (\d+) article", self.err[-400:])
                if counts:
                    self.done[phase] = int(counts[-1])

    def wait_for(self, n: int, timeout: float = 120, phase: str = "ingest") -> None:
        """Until ``n`` articles are written ("ingest") or extracted ("extract")."""
        end = time.monotonic() + timeout
        while self.done[phase] < n:
            assert self.proc.poll() is None, f"ingest ended early: {self.err.decode()[-2000:]}"
            assert time.monotonic() < end, "ingest made no progress"
            time.sleep(0.05)

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)  # the parent and its workers, like a power cut
        self.proc.wait()

    def finish(self, timeout: float = 300) -> tuple[int, str, str]:
        # stderr belongs to the reader thread: communicate() would race it for the same pipe
        out = self.proc.stdout.read()
        self.proc.wait(timeout=timeout)
        self._t.join()
        return self.proc.returncode, out.decode(), self.err.decode()


@pytest.mark.parametrize("jobs,bulk", [("1", ""), ("2", ""), ("2", "--bulk")])
def test_sigkill_midway_leaves_whole_articles_and_a_rerun_completes(tmp_path, corpus, clean, jobs, bulk):
    store = tmp_path / "S"
    run = Ingest(str(corpus), "--store", str(store), "--jobs", jobs, "--batch-size", "1", *([bulk] if bulk else []))
    run.wait_for(12)
    run.kill()
    assert run.proc.returncode == -signal.SIGKILL

    with EmbeddedStore(store) as st:
        after_kill = _quads(st)
        union_ok = not bool(st.store.query(  # evidence graphs are kept out of the union
            "ASK { GRAPH ?g { ?s ?p ?o } FILTER(!CONTAINS(STR(?g), '/graph/evidence/')) FILTER NOT EXISTS { ?s ?p ?o } }"))
    articles = [g for g in after_kill if "/graph/article/" in g]
    if bulk:  # one bulk load for all the run's new articles: after the kill, all of them or (undone) none
        assert len(articles) in (0, 31 * COPIES), len(articles)
    else:
        assert 12 <= len(articles) < 31 * COPIES, len(articles)  # killed midway, not before or after
    for g in articles:
        assert after_kill[g] == clean[g], f"{g} is not the complete article"  # whole or absent
    assert union_ok

    rc, out, err = Ingest(str(corpus), "--store", str(store), "--jobs", jobs, "-q", *([bulk] if bulk else [])).finish()
    assert rc == 0, err
    with EmbeddedStore(store) as st:
        assert _quads(st) == clean  # nothing duplicated, nothing missing: same as the clean run
    assert f"ingested {31 * COPIES} article(s)" in out


def test_second_ingest_on_a_busy_store_fails_clearly(tmp_path, corpus, clean):
    store = tmp_path / "S"
    # the corpus named ten times: ten times the extraction work (repeats are skipped as duplicates
    # after extraction), so the first ingest surely still holds the store when the second starts
    first = Ingest(*[str(corpus)] * 10, "--store", str(store))
    first.wait_for(3, phase="extract")
    rc, out, err = Ingest(str(corpus), "--store", str(store), "-q").finish(timeout=60)
    assert rc != 0
    assert f"the store at {store} is in use" in err
    assert "Traceback" not in err
    rc, out, err = first.finish()
    assert rc == 0, err
    with EmbeddedStore(store) as st:
        assert _quads(st) == clean

"""Bad input, done for real: every problem named with its file, the rest of the batch still ingested."""

from __future__ import annotations

import json
import os
import shutil
import threading
import tracemalloc

import pytest
from click.testing import CliRunner

from libkg.cli import cli
from libkg.ingest import ingest_paths
from libkg.read import ReadError, read_paths
from libkg.store import EmbeddedStore

MB = 1024 * 1024


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _error_lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith("error: ")]


def _graphs(store_dir) -> list[str]:
    with EmbeddedStore(store_dir) as st:
        return [g.rsplit("/", 1)[-1] for g in st.named_graphs() if "/graph/article/" in g]


@pytest.fixture
def bad_batch(tmp_path, samples_dir):
    """Two good articles and one file for each kind of bad input."""
    d = tmp_path / "batch"
    d.mkdir()
    shutil.copy(samples_dir / "d01.json", d / "d01.json")
    shutil.copy(samples_dir / "d02.json", d / "d02.json")
    d01 = json.loads((samples_dir / "d01.json").read_text(encoding="utf-8"))
    (d / "same-again.json").write_text(json.dumps(d01, ensure_ascii=False), encoding="utf-8")  # harmless
    (d / "x-clash.json").write_text(json.dumps({**d01, "text": d01["text"] + " Thêm một câu."},
                                             ensure_ascii=False), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "latin.txt").write_bytes(bytes(range(0x80, 0x100)) * 30)  # 8-bit, no encoding fits
    (d / "notext.json").write_text('{"id": "nt1", "url": null, "published": "2024-01-02"}', encoding="utf-8")
    (d / "nobody.html").write_text("<html><head><title>x</title></head><body><nav><a href='/'>Trang chủ</a>"
                                   "</nav></body></html>", encoding="utf-8")
    with open(d / "huge.txt", "wb") as f:  # 200 MB, sparse: costs no disk
        f.truncate(200 * MB)
    return d


EXPECTED = {  # file -> words of the problem
    "x-clash.json": "already read from",
    "empty.txt": "empty",
    "binary.txt": "binary file",
    "latin.txt": "not valid UTF-8",
    "notext.json": "no 'text'",
    "nobody.html": "no article text found",
    "huge.txt": "over the size limit",
    "nowhere.txt": "no such file",
    "emptydir": "no article files",
}


def test_bad_batch_reports_each_file_and_ingests_the_rest(tmp_path, bad_batch):
    empty_dir = tmp_path / "emptydir"
    empty_dir.mkdir()
    (empty_dir / "notes.docx").write_bytes(b"PK")
    store = tmp_path / "S"
    r = run("ingest", str(bad_batch), str(tmp_path / "nowhere.txt"), str(empty_dir), "--store", str(store), "-q")
    assert r.exit_code == 1
    errors = _error_lines(r.output)
    for name, problem in EXPECTED.items():
        hits = [e for e in errors if e.split(": ", 2)[1].endswith(name)]
        assert len(hits) == 1, (name, errors)
        assert problem in hits[0], hits[0]
    assert len(errors) == len(EXPECTED)
    summary = r.output.strip().splitlines()[-1]
    assert summary.startswith("ingested 2 article(s)")
    assert f"{len(EXPECTED)} error(s)" in summary and "1 duplicate(s) skipped" in summary
    assert sorted(_graphs(store)) == ["d01", "d02"]


def test_clashing_id_names_both_files_and_keeps_the_first(tmp_path, bad_batch):
    store = tmp_path / "S"
    r = run("ingest", str(bad_batch / "x-clash.json"), str(bad_batch / "d01.json"), "--store", str(store), "-q")
    assert r.exit_code == 1
    (err,) = _error_lines(r.output)
    assert err.startswith(f"error: {bad_batch / 'd01.json'}: article id 'd01' was already read from "
                          f"{bad_batch / 'x-clash.json'} with different text")
    assert _graphs(store) == ["d01"]


def test_same_article_twice_is_harmless(tmp_path, samples_dir):
    store = tmp_path / "S"
    r = run("ingest", str(samples_dir / "d01.json"), str(samples_dir / "d01.json"), "--store", str(store), "-q")
    assert r.exit_code == 0, r.output
    assert "ingested 1 article(s)" in r.output and "1 duplicate(s) skipped" in r.output


def test_folder_without_articles_fails_clearly(tmp_path):
    d = tmp_path / "nothing"
    d.mkdir()
    (d / "readme.md").write_text("# notes", encoding="utf-8")
    r = run("ingest", str(d), "--store", str(tmp_path / "S"), "-q")
    assert r.exit_code == 1
    assert "nothing" in r.output and "no article files" in r.output


def test_jsonl_of_blank_lines_fails_clearly(tmp_path):
    f = tmp_path / "blank.jsonl"
    f.write_text("\n\n  \n", encoding="utf-8")
    r = run("ingest", str(f), "--store", str(tmp_path / "S"), "-q")
    assert r.exit_code == 1 and "no articles found" in r.output


@pytest.mark.parametrize("suffix", [".txt", ".json", ".html", ".jsonl"])
def test_200mb_file_is_refused_without_being_read(tmp_path, suffix):
    f = tmp_path / f"big{suffix}"
    with open(f, "wb") as fh:
        fh.truncate(200 * MB)
    tracemalloc.start()
    try:
        items = list(read_paths([f], max_bytes=20 * MB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (err,) = items
    assert isinstance(err, ReadError) and "big" in str(err)
    assert "over the size limit of 20 MB" in err.problem
    # .jsonl streams: it holds at most one line (the limit, plus a 1 MB step) to find it too long
    assert peak < (32 * MB if suffix == ".jsonl" else 1 * MB), peak


def test_max_bytes_option(tmp_path, samples_dir):
    f = tmp_path / "d01.json"
    shutil.copy(samples_dir / "d01.json", f)
    r = run("ingest", str(f), "--store", str(tmp_path / "S"), "-q", "--max-bytes", "1k")
    assert r.exit_code == 1 and "over the size limit of 1 KB" in r.output
    r = run("ingest", str(f), "--store", str(tmp_path / "S"), "-q", "--max-bytes", "1MB")
    assert r.exit_code == 0, r.output


def test_jsonl_bad_lines_named_by_line(tmp_path, samples_dir):
    rec = json.loads((samples_dir / "d03.json").read_text(encoding="utf-8"))
    lines = [json.dumps(rec, ensure_ascii=False).encode(), b'{"id": "x2"}', b"\xff\xfe\x00\x01garbage",
             json.dumps({**rec, "id": "d03b"}, ensure_ascii=False).encode()]
    f = tmp_path / "c.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_paths([f]))
    assert [i.id for i in items if not isinstance(i, ReadError)] == ["d03", "d03b"]
    errs = {i.source: i.problem for i in items if isinstance(i, ReadError)}
    assert "no 'text'" in errs[f"{f}:2"] and "binary" in errs[f"{f}:3"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_both_paths_report_the_same(tmp_path, bad_batch, jobs):
    with EmbeddedStore(tmp_path / f"S{jobs}") as st:
        rep = ingest_paths(st, [bad_batch, tmp_path / "nowhere.txt"], jobs=jobs, batch_size=2)
    assert sorted(rep.article_ids) == ["d01", "d02"] and rep.duplicates == 1
    assert sorted(os.path.basename(e.source) for e in rep.errors) == sorted(
        k for k in EXPECTED if k != "emptydir")


def test_queries_during_ingest_see_whole_articles(tmp_path, samples_dir):
    """A reader thread queries the store while the ingest writes it: every snapshot holds whole articles
    and a default graph equal to the union of the named graphs (but the evidence graphs)."""
    corpus = tmp_path / "c.jsonl"
    with open(corpus, "w", encoding="utf-8") as out:
        for copy in range(2):
            for f in sorted(samples_dir.glob("*.json")):
                rec = json.loads(f.read_text(encoding="utf-8"))
                out.write(json.dumps({**rec, "id": f"{rec['id']}-c{copy}"}, ensure_ascii=False) + "\n")
    snapshots: list[dict[str, int]] = []
    broken_union: list[bool] = []
    done = threading.Event()
    store = EmbeddedStore(tmp_path / "S")

    def reader() -> None:
        while not done.is_set():
            rows = store.store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
            snapshots.append({r["g"].value: int(r["n"].value) for r in rows})
            broken_union.append(bool(store.store.query(
                "ASK { GRAPH ?g { ?s ?p ?o } FILTER(!CONTAINS(STR(?g), '/graph/evidence/')) "
                "FILTER NOT EXISTS { ?s ?p ?o } }")))  # evidence graphs are kept out of the union

    t = threading.Thread(target=reader)
    t.start()
    try:
        report = ingest_paths(store, [corpus], batch_size=4)
    finally:
        done.set()
        t.join()
    final = {r["g"].value: int(r["n"].value) for r in store.store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    store.close()
    assert report.articles == 62 and not report.errors
    growing = [len(s) for s in snapshots]
    assert len(set(growing)) > 5, growing  # the reader really ran during the ingest
    for snap in snapshots:
        assert all(final[g] == n for g, n in snap.items())  # each visible article complete
    assert not any(broken_union)

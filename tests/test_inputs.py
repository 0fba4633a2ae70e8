"""Bad inputs on a fresh machine (issue 19): nothing lost without a word, the good articles still stored.

Every test runs the real ``libkg`` command in a subprocess on real files and
checks the real embedded store.  Unreadable files and folders need a process
the file permissions apply to: as root, the command runs without the
capabilities that bypass them (``setpriv``), so the tests run as root too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from libkg.read import MAX_ARTICLE_CHARS, MAX_LINE_CHARS, ReadError, read_paths
from libkg.store import EmbeddedStore

GOOD = ("Thư viện tỉnh Yên Bái tổ chức hội nghị tổng kết công tác năm 2023. Ông Nguyễn Văn An, "
        "Giám đốc Thư viện tỉnh Yên Bái, phát biểu khai mạc hội nghị.")
NO_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


def _prefix() -> list[str]:
    """How to run a command that file permissions apply to (as root: without the override capabilities)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return NO_DAC


def libkg(*args: str | bytes | os.PathLike, prefix: list[str] | None = None, timeout: float = 300):
    """The real command, as a user runs it; returns (exit status, stdout, stderr)."""
    cmd = [*(prefix or []), sys.executable, "-c", "from libkg.cli import main; main()", *map(os.fspath, args)]
    p = subprocess.run(cmd, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def lines(stream: str, kind: str) -> list[str]:
    return [ln for ln in stream.splitlines() if ln.startswith(f"{kind}: ")]


def stored(store: Path) -> list[str]:
    with EmbeddedStore(store) as st:
        return sorted(g.rsplit("/", 1)[-1] for g in st.named_graphs() if "/graph/article/" in g)


def write_article(path: Path | bytes, aid: str | None = None, text: str = GOOD) -> None:
    rec = {"id": aid, "text": text} if aid else None
    data = json.dumps(rec, ensure_ascii=False) if rec else text
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)


@pytest.fixture
def locked(tmp_path):
    """Undo the chmod 000 of the test, so pytest can remove its folder."""
    made: list[Path] = []
    yield made
    for p in made:
        os.chmod(p, 0o755)


# 1 -------------------------------------------------------------------------------------------------------

def test_unreadable_subfolder_is_reported_and_the_rest_stored(tmp_path, locked):
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "private").mkdir()
    write_article(d / "a1.json", "a1")
    write_article(d / "sub" / "a2.json", "a2")
    write_article(d / "private" / "a3.json", "a3")
    os.chmod(d / "private", 0)
    locked.append(d / "private")
    rc, out, err = libkg("ingest", d, "--store", tmp_path / "S", "-q", prefix=_prefix())
    assert rc == 1, err
    (e,) = lines(err, "error")
    assert e == f"error: {d / 'private'}: cannot read folder: permission denied; the articles in it are not read"
    assert "ingested 2 article(s)" in out and "1 error(s)" in out
    assert stored(tmp_path / "S") == ["a1", "a2"]


def test_symlink_loop_is_reported_and_the_rest_stored(tmp_path):
    d = tmp_path / "corpus"
    (d / "sub" / "deeper").mkdir(parents=True)
    write_article(d / "a1.json", "a1")
    write_article(d / "sub" / "deeper" / "a2.json", "a2")
    (d / "sub" / "deeper" / "up").symlink_to("../..")  # back to corpus/: a loop
    (d / "self.txt").symlink_to("self.txt")  # a link to itself: the OS says ELOOP
    (tmp_path / "elsewhere").mkdir()
    write_article(tmp_path / "elsewhere" / "a3.json", "a3")
    (d / "linked").symlink_to(tmp_path / "elsewhere")  # a link to another folder: followed
    rc, out, err = libkg("ingest", d, "--store", tmp_path / "S", "-q")
    assert rc == 1, err
    errors = lines(err, "error")
    assert len(errors) == 2, errors
    assert errors[0].startswith(f"error: {d / 'self.txt'}: symlink loop")
    assert errors[1].startswith(f"error: {d / 'sub' / 'deeper' / 'up'}: symlink loop at this link (it leads "
                                f"back to {d.resolve()})")
    assert "ingested 3 article(s)" in out
    assert stored(tmp_path / "S") == ["a1", "a2", "a3"]


# 2 -------------------------------------------------------------------------------------------------------

def test_unreadable_file_on_the_command_line_is_reported_and_the_rest_stored(tmp_path, locked):
    write_article(tmp_path / "a1.json", "a1")
    write_article(tmp_path / "secret.json", "a2")
    write_article(tmp_path / "secret.txt")
    write_article(tmp_path / "a3.txt")
    for name in ("secret.json", "secret.txt"):
        os.chmod(tmp_path / name, 0)
        locked.append(tmp_path / name)
    rc, out, err = libkg("ingest", tmp_path / "a1.json", tmp_path / "secret.json", tmp_path / "secret.txt",
                         tmp_path / "a3.txt", "--store", tmp_path / "S", "-q", prefix=_prefix())
    assert rc == 1, err
    assert lines(err, "error") == [f"error: {tmp_path / n}: cannot be read (Permission denied)"
                                   for n in ("secret.json", "secret.txt")]
    assert "ingested 2 article(s)" in out
    assert stored(tmp_path / "S") == ["a1", "a3"]


# 3 -------------------------------------------------------------------------------------------------------

INVISIBLE = "\ufeff\u00a0\u200b\u200c\u200d\u2060\u3000\u2003\u202f\u00ad \t\n\u200b\r\n\u00a0"


def test_file_of_only_unicode_spaces_is_refused(tmp_path):
    (tmp_path / "blank.txt").write_text(INVISIBLE, encoding="utf-8")
    (tmp_path / "blank.json").write_text(json.dumps({"id": "b2", "text": INVISIBLE}), encoding="utf-8")
    (tmp_path / "blank.html").write_text(f"<html><body><p>{INVISIBLE}</p></body></html>", encoding="utf-8")
    write_article(tmp_path / "good.txt")
    rc, out, err = libkg("ingest", tmp_path, "--store", tmp_path / "S", "-q")
    assert rc == 1, err
    errors = lines(err, "error")
    assert len(errors) == 3, errors
    for e, name in zip(errors, ("blank.html", "blank.json", "blank.txt"), strict=True):
        assert e.startswith(f"error: {tmp_path / name}: "), e
    assert "empty after normalisation" in errors[1] and "empty after normalisation" in errors[2]
    assert "ingested 1 article(s)" in out
    assert stored(tmp_path / "S") == ["good"]


# 4 -------------------------------------------------------------------------------------------------------

def test_article_under_a_non_utf8_file_name_is_ingested(tmp_path):
    folder = os.fsencode(tmp_path / "corpus")
    os.mkdir(folder)
    latin1 = folder + b"/b\xe0i-vi\xeat.txt"  # "bài-viêt.txt" written in Latin-1: not UTF-8
    write_article(latin1)
    write_article(folder + "/tin-mới.json".encode(), "t2")
    named = os.fsencode(tmp_path) + b"/th\xf4ng-b\xe1o.txt"
    write_article(named, text=GOOD.replace("Yên Bái", "Lào Cai"))
    rc, out, err = libkg("ingest", folder, named, "--store", tmp_path / "S", "-q")
    assert rc == 0, err
    assert "ingested 3 article(s)" in out
    assert stored(tmp_path / "S") == ["b%25E0i-vi%25EAt", "t2", "th%25F4ng-b%25E1o"]  # IRIs of b%E0i-vi%EAt ...
    rc, out, err = libkg("extract", folder, named)
    assert rc == 0, err
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["b%E0i-vi%EAt", "t2", "th%F4ng-b%E1o"]


def test_a_bad_file_under_a_non_utf8_name_is_named_readably(tmp_path):
    bad = os.fsencode(tmp_path) + b"/r\xf6ng.txt"
    with open(bad, "wb") as f:
        f.write(b"\x00\x01\x02" * 100)
    rc, out, err = libkg("ingest", bad, "--store", tmp_path / "S", "-q")
    assert rc == 1
    assert lines(err, "error") == [f"error: {tmp_path}/r\\xf6ng.txt: a binary file, not text (NUL or control "
                                   f"bytes near the start)"]


# 5 -------------------------------------------------------------------------------------------------------

def test_extract_reports_bad_input_exactly_as_ingest(tmp_path, samples_dir, locked):
    d = tmp_path / "batch"
    d.mkdir()
    shutil.copy(samples_dir / "d01.json", d / "d01.json")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(INVISIBLE, encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "broken.json").write_text('{"id": "x", "text": ', encoding="utf-8")
    (d / "dates.json").write_text(json.dumps({"id": "dd", "text": GOOD, "published": "2023-02-30"},
                                             ensure_ascii=False), encoding="utf-8")
    (d / "notes.docx").write_bytes(b"PK\x03\x04")
    (d / "loop").symlink_to(".")
    (d / "private").mkdir()
    os.chmod(d / "private", 0)
    locked.append(d / "private")
    write_article(os.fsencode(d) + b"/caf\xe9.txt")
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    inputs = [d, tmp_path / "slides.pptx", tmp_path / "missing.txt"]
    rc_i, out_i, err_i = libkg("ingest", *inputs, "--store", tmp_path / "S", "-q", prefix=_prefix())
    rc_e, out_e, err_e = libkg("extract", *inputs, prefix=_prefix())
    assert "Traceback" not in err_i + err_e
    assert rc_i == rc_e == 1
    assert lines(err_e, "error") == lines(err_i, "error")
    assert lines(err_e, "warning") == lines(err_i, "warning")
    assert len(lines(err_i, "error")) == 8, err_i  # loop, private, binary, blank, broken, empty, pptx, missing
    assert len(lines(err_i, "warning")) == 2, err_i  # the impossible date, the .docx in the folder
    assert sorted(json.loads(ln)["id"] for ln in out_e.splitlines()) == ["caf%E9", "d01", "dd"]
    assert stored(tmp_path / "S") == ["caf%25E9", "d01", "dd"]
    for fmt in ("json", "ttl"):  # the other output formats report the same
        rc, out, err = libkg("extract", *inputs, "--format", fmt, prefix=_prefix())
        assert rc == 1 and lines(err, "error") == lines(err_i, "error") and "Traceback" not in err
    rc, out, err = libkg("extract", tmp_path / "missing.txt")
    assert rc == 1 and "Traceback" not in err


def test_extract_with_nothing_to_read_fails_as_ingest_does(tmp_path):
    f = tmp_path / "blank.jsonl"
    f.write_text("\n \n", encoding="utf-8")
    rc_i, _, err_i = libkg("ingest", f, "--store", tmp_path / "S", "-q")
    rc_e, out_e, err_e = libkg("extract", f)
    assert rc_i == rc_e == 1 and out_e == ""
    assert lines(err_e, "error") == lines(err_i, "error") == [f"error: no articles found in {f}"]


# 6 -------------------------------------------------------------------------------------------------------

def _prose(n_chars: int, sentence_ends: bool = True) -> str:
    """``n_chars`` of varied news prose on ONE line (names, places and numbers change, so no line repeats)."""
    fam, giv = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"], ["An", "Bình", "Hà", "Lan", "Minh", "Sơn", "Vân"]
    prov = ["Yên Bái", "Lào Cai", "Nghệ An", "Thanh Hóa", "Cà Mau", "Kon Tum"]
    parts, size, i = [], 0, 0
    while size < n_chars:
        i += 1
        s = (f"Ngày {i % 28 + 1}/{i % 12 + 1}/20{10 + i % 15}, Thư viện tỉnh {prov[i % 6]} tổ chức hội nghị lần "
             f"thứ {i} với {i % 400 + 10} đại biểu, ông {fam[i % 6]} Văn {giv[i % 7]}, Giám đốc Thư viện tỉnh "
             f"{prov[(i + 1) % 6]}, phát biểu khai mạc")
        s += ". " if sentence_ends else " và "
        parts.append(s)
        size += len(s)
    return "".join(parts)[:n_chars]


def _measured(*args) -> tuple[int, str, float, int]:
    """Run the command in a fresh process; exit status, stderr, seconds and peak memory (MB) of the command."""
    probe = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True); "
             "sys.stderr.buffer.write(p.stderr); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024); sys.exit(p.returncode)")
    cmd = [sys.executable, "-c", probe, sys.executable, "-c", "from libkg.cli import main; main()",
           *map(os.fspath, args)]
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, timeout=120)
    return p.returncode, p.stderr.decode(), time.monotonic() - t, int(p.stdout.split()[-1])


@pytest.mark.parametrize("sentence_ends", [True, False])
def test_10mb_single_line_is_refused_within_seconds(tmp_path, sentence_ends):
    big = tmp_path / "one-line.txt"
    big.write_text(_prose(10 * 1024 * 1024, sentence_ends), encoding="utf-8")
    assert big.stat().st_size > 10 * 1024 * 1024
    write_article(tmp_path / "good.txt")
    for cmd in (["ingest", big, tmp_path / "good.txt", "--store", tmp_path / "S", "-q"],
                ["extract", big, tmp_path / "good.txt", "-o", tmp_path / "out.jsonl"]):
        rc, err, seconds, mb = _measured(*cmd)
        assert rc == 1
        (e,) = lines(err, "error")
        assert e.startswith(f"error: {big}: the article is ") and f"over the limit of {MAX_ARTICLE_CHARS:,}" in e
        assert seconds < 30, seconds
        assert mb < 600, mb  # was 3.4 GB
    assert stored(tmp_path / "S") == ["good"]
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_overlong_article_in_html_and_json_is_refused_by_name(tmp_path):
    text = _prose(MAX_ARTICLE_CHARS + 50_000)
    page = f"<html><head><title>Tin</title></head><body><article><p>{text}</p></article></body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "rec.jsonl").write_text(json.dumps({"id": "r1", "text": text, "format": "text"}) + "\n"
                                        + json.dumps({"id": "r2", "text": page, "format": "html"})
                                        + "\n" + json.dumps({"id": "r3", "text": GOOD}) + "\n", encoding="utf-8")
    rc, err, seconds, mb = _measured("ingest", tmp_path, "--store", tmp_path / "S", "-q")
    assert rc == 1
    errors = lines(err, "error")
    assert [e.split(": ", 2)[1] for e in errors] == [str(tmp_path / "page.html"), f"{tmp_path / 'rec.jsonl'}:1",
                                                    f"{tmp_path / 'rec.jsonl'}:2"]
    assert all(f"over the limit of {MAX_ARTICLE_CHARS:,} for one article" in e for e in errors), errors
    assert seconds < 30, seconds
    assert stored(tmp_path / "S") == ["r3"]


def test_long_single_line_under_the_limit_is_extracted_within_seconds(tmp_path):
    """A page flattened into one line (no sentence end): broken at spaces, extracted, stored."""
    f = tmp_path / "flat.txt"
    f.write_text(_prose(60_000, sentence_ends=False), encoding="utf-8")
    (art,) = read_paths([f])
    assert not isinstance(art, ReadError)
    assert max(len(ln) for ln in art.text.split("\n")) <= MAX_LINE_CHARS
    assert art.text.replace("\n\n", " ").split() == f.read_text(encoding="utf-8").split()  # no word lost
    rc, err, seconds, mb = _measured("ingest", f, "--store", tmp_path / "S", "-q")
    assert rc == 0, err
    assert seconds < 60, seconds
    assert stored(tmp_path / "S") == ["flat"]


# 7 -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_decoded(tmp_path, encoding):
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    (tmp_path / "a1.txt").write_bytes(bom + GOOD.encode(encoding))
    rec = json.dumps({"id": "a2", "text": GOOD, "published": "2023-05-04"}, ensure_ascii=False)
    (tmp_path / "a2.json").write_bytes(bom + rec.encode(encoding))
    (tmp_path / "a3.html").write_bytes(bom + f"<html><head><title>Tin</title></head><body><article><p>{GOOD}"
                                             f"</p></article></body></html>".encode(encoding))
    texts = {a.id: a.text for a in read_paths([tmp_path])}
    assert texts["a1"] == GOOD and texts["a2"] == GOOD and GOOD in texts["a3"]
    rc, out, err = libkg("ingest", tmp_path, "--store", tmp_path / "S", "-q")
    assert rc == 0, err
    assert stored(tmp_path / "S") == ["a1", "a2", "a3"]


def test_broken_utf16_is_still_refused_by_name(tmp_path):
    (tmp_path / "odd.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"\x00\x01" * 50)  # a lone surrogate
    (err,) = read_paths([tmp_path / "odd.txt"])
    assert isinstance(err, ReadError) and "odd.txt" in err.source
    assert "binary file" in err.problem and "UTF-16 byte order mark" in err.problem


# 8 -------------------------------------------------------------------------------------------------------

def test_impossible_published_date_warns_and_keeps_the_article(tmp_path):
    f = tmp_path / "feb.json"
    f.write_text(json.dumps([{"id": "p1", "text": GOOD, "published": "2023-02-30"},
                             {"id": "p2", "text": GOOD + " Thêm.", "published": "2024-02-29"}],
                            ensure_ascii=False), encoding="utf-8")
    rc, out, err = libkg("ingest", f, "--store", tmp_path / "S", "-q")
    assert rc == 0, err
    assert lines(err, "warning") == [f"warning: {f}[0]: 'published' '2023-02-30' is not a real date (February "
                                     f"2023 has no day 30); ignored, the article is kept"]
    assert "ingested 2 article(s)" in out and "1 warning(s)" in out
    assert stored(tmp_path / "S") == ["p1", "p2"]
    with EmbeddedStore(tmp_path / "S") as st:
        dates = {r["a"].value.rsplit("/", 1)[-1]: r["d"].value for r in st.store.query(
            "SELECT ?a ?d WHERE { GRAPH ?g { ?a <https://schema.org/datePublished> ?d } }")}
    assert dates.get("p2") == "2024-02-29" and "2023-02-30" not in dates.values()
    rc, out, err = libkg("extract", f)
    assert rc == 0 and lines(err, "warning") == lines(libkg("ingest", f, "--store", tmp_path / "T", "-q")[2],
                                                      "warning")


def test_bad_record_metadata_warns_and_keeps_the_article_in_ingest_and_extract(tmp_path):
    f = tmp_path / "meta.jsonl"
    f.write_text(json.dumps({"id": "m1", "text": GOOD, "language": "tiếng Việt"}, ensure_ascii=False) + "\n"
                 + '{"id": "m2", "text": "' + GOOD + ' Hai.", "url": "https://x.vn/\\ud800"}\n', encoding="utf-8")
    rc_i, out_i, err_i = libkg("ingest", f, "--store", tmp_path / "S", "-q")
    rc_e, out_e, err_e = libkg("extract", f, "--format", "trig")
    assert rc_i == rc_e == 0, err_i + err_e
    warnings = lines(err_i, "warning")
    assert warnings == lines(err_e, "warning") and len(warnings) == 2, warnings
    assert warnings[0].startswith(f"warning: {f}:1: 'language' 'tiếng Việt' is not a language tag")
    assert warnings[1].startswith(f"warning: {f}:2: 'url' ") and "not valid text" in warnings[1]
    assert stored(tmp_path / "S") == ["m1", "m2"]
    assert "graph/article/m1" in out_e and "graph/article/m2" in out_e


def test_impossible_date_in_jsonl_names_the_line(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "j1", "text": GOOD, "published": "2023-13-01"}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    rc, out, err = libkg("ingest", f, "--store", tmp_path / "S", "-q", "--jobs", "2")
    assert rc == 0, err
    (w,) = lines(err, "warning")
    assert w.startswith(f"warning: {f}:1: 'published' '2023-13-01' is not a real date (there is no month 13)")
    assert stored(tmp_path / "S") == ["j1"]


# 9 -------------------------------------------------------------------------------------------------------

def test_unsupported_file_named_is_an_error(tmp_path):
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "README").write_text("notes", encoding="utf-8")
    write_article(tmp_path / "good.txt")
    rc, out, err = libkg("ingest", tmp_path / "report.docx", tmp_path / "README", tmp_path / "good.txt",
                         "--store", tmp_path / "S", "-q")
    assert rc == 1
    assert lines(err, "error") == [
        f"error: {tmp_path / 'report.docx'}: unsupported file type '.docx': libkg reads .txt, .html (.htm), "
        f".json and .jsonl",
        f"error: {tmp_path / 'README'}: unsupported file type '(no extension)': libkg reads .txt, .html (.htm), "
        f".json and .jsonl"]
    assert stored(tmp_path / "S") == ["good"]


def test_unsupported_files_in_a_folder_are_counted(tmp_path):
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    write_article(d / "good.txt")
    (d / "a.docx").write_bytes(b"PK")
    (d / "sub" / "b.DOCX").write_bytes(b"PK")
    (d / "sub" / "c.pdf").write_bytes(b"%PDF")
    (d / ".hidden.docx").write_bytes(b"PK")  # hidden: skipped silently, as ls does
    rc, out, err = libkg("ingest", d, "--store", tmp_path / "S", "-q")
    assert rc == 0, err
    assert lines(err, "warning") == [f"warning: {d}: skipped 3 file(s) of unsupported types (.docx: 2, .pdf: 1); "
                                     f"libkg reads .txt, .html (.htm), .json and .jsonl"]
    assert not lines(err, "error")
    assert stored(tmp_path / "S") == ["good"]


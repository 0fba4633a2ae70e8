from __future__ import annotations

import json
import unicodedata

import pytest

from libkg.read import ReadError, read_paths


def _items(path):
    return list(read_paths([path]))


def test_text_file_is_nfc_and_dated(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Thư viện tỉnh Hoà Bình\n\nThứ Hai, 05/08/2024 - 09:10\n\nNội dung.")
    f = tmp_path / "a1.txt"
    f.write_text(decomposed, encoding="utf-8")
    (art,) = _items(f)
    assert art.id == "a1"
    assert art.text == unicodedata.normalize("NFC", art.text)
    assert art.published == "2024-08-05"
    assert art.title == "Thư viện tỉnh Hoà Bình"


def test_html_page_drops_furniture(tmp_path):
    page = """<html><head><title>Hội nghị thư viện</title>
    <meta property="article:published_time" content="2024-03-02T08:00:00+07:00"></head>
    <body><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
    <article><h1>Hội nghị thư viện</h1>
    <p>Sáng ngày 01/3/2024, tại thành phố Vinh, Thư viện tỉnh Nghệ An tổ chức Hội nghị tổng kết công tác
    năm 2023. Tham dự có bà Trần Thị Lan, Giám đốc Thư viện tỉnh Nghệ An, cùng nhiều đại biểu khác
    đến từ các thư viện huyện trong tỉnh.</p>
    <p>Hội nghị đã thảo luận nhiều nội dung quan trọng về chuyển đổi số và phát triển văn hóa đọc.</p>
    </article>
    <footer>Lượt truy cập: 123.456 — Bản quyền thuộc Thư viện tỉnh Nghệ An</footer></body></html>"""
    f = tmp_path / "p.html"
    f.write_text(page, encoding="utf-8")
    (art,) = _items(f)
    assert "Trần Thị Lan" in art.text
    assert "Lượt truy cập" not in art.text
    assert art.published == "2024-03-02"
    assert art.format == "html"


def test_json_and_jsonl_records(tmp_path):
    rec = {"id": "r1", "text": "Bà Lê Thị Hoa phát biểu.", "format": "text", "url": None, "published": "2024-01-02"}
    (tmp_path / "one.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    lines = [json.dumps({**rec, "id": "r2"}), "{broken", json.dumps({**rec, "id": "r3"})]
    (tmp_path / "many.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = _items(tmp_path)
    ok = [i for i in items if not isinstance(i, ReadError)]
    bad = [i for i in items if isinstance(i, ReadError)]
    assert sorted(a.id for a in ok) == ["r1", "r2", "r3"]
    assert len(bad) == 1 and "many.jsonl:2" in str(bad[0])


@pytest.mark.parametrize("content,problem", [
    (b"\xff\xfeabc", "not valid UTF-8"),
    (b'{"id": "x", "text": ""}', "no 'text'"),
    (b'{"id": "x", "text": "abc", "published": "9/1/2020"}', "'published' must be a YYYY-MM-DD"),
    (b'{"id": "x", "text": "abc", "format": "pdf"}', "unknown format"),
])
def test_bad_inputs_name_file_and_problem(tmp_path, content, problem):
    f = tmp_path / "bad.json"
    f.write_bytes(content)
    (err,) = _items(f)
    assert isinstance(err, ReadError)
    assert "bad.json" in str(err) and problem in str(err)


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    (err,) = _items(tmp_path / "nope.txt")
    assert isinstance(err, ReadError) and "nope.txt" in str(err) and "no such file" in str(err)


def test_sample_articles_all_read(samples_dir):
    items = _items(samples_dir)
    assert len(items) == 31
    assert all(not isinstance(i, ReadError) and i.gold is not None and i.published for i in items)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://x.vn/a",
                                 "thuvien.vn/tin-tuc", "http://"])
def test_a_record_url_that_is_no_web_address_is_dropped_with_a_warning(tmp_path, url):
    rec = {"id": "u1", "text": "Bà Lê Thị Hoa phát biểu tại Thư viện tỉnh.", "url": url}
    (tmp_path / "u1.json").write_text(json.dumps(rec), encoding="utf-8")
    [art] = _items(tmp_path)
    assert art.url is None and any("not an http(s) address" in w for w in art.warnings)


def test_a_record_url_on_the_web_is_kept(tmp_path):
    rec = {"id": "u2", "text": "Bà Lê Thị Hoa phát biểu.", "url": "HTTPS://thuvien.vn/tin/1"}
    (tmp_path / "u2.json").write_text(json.dumps(rec), encoding="utf-8")
    [art] = _items(tmp_path)
    assert art.url == "HTTPS://thuvien.vn/tin/1" and not art.warnings

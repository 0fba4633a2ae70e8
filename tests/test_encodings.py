"""Legacy Vietnamese encodings: bytes we encode ourselves come back as the right Unicode, through ingest."""

from __future__ import annotations

import json
import unicodedata

import pytest
from click.testing import CliRunner

from libkg.cli import cli
from libkg.read import ReadError, read_paths
from libkg.read.encodings import LEGACY_ENCODINGS, decode_bytes, encode_legacy, is_syllable, table

PARAGRAPH = (
    "Ngày 06/7/2023, tại tỉnh Thái Nguyên, Liên hiệp Thư viện các tỉnh miền núi phía Bắc tổ chức "
    "Hội nghị sơ kết công tác giữa nhiệm kỳ và Hội thảo chuyên đề \"Thúc đẩy chuyển đổi số trong hệ "
    "thống thư viện\". Tham dự Hội nghị có bà Kiều Thúy Nga, Vụ trưởng Vụ Thư viện, Bộ Văn hóa, Thể "
    "thao và Du lịch; ông Nguyễn Hữu Giới, Chủ tịch Hội Thư viện Việt Nam; bà Phạm Thị Bích Dung, "
    "Giám đốc Thư viện tỉnh Lào Cai. Các đại biểu đã được nghe tham luận về những thuận lợi, khó khăn "
    "và giải pháp phát triển văn hóa đọc, xây dựng xã hội học tập ở cơ sở.\n"
)
# every toned vowel, the bytes' hard cases (ư ơ đ, ỵ single-byte in VNI, tone + breve/circumflex)
ALPHABET = ("ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ í ì ỉ ĩ ị "
            "đường phố khuya, huyện Mường Nhé, quyết định, người ở xa")


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_table_round_trip_of_every_letter(encoding):
    text = _nfc(PARAGRAPH + ALPHABET)
    data = encode_legacy(text, encoding)
    assert not data.isascii()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data, encoding).text == text


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_detected_and_converted_to_nfc(encoding):
    data = encode_legacy(PARAGRAPH, encoding)
    got = decode_bytes(data)
    assert got.encoding == encoding
    assert got.text == _nfc(PARAGRAPH)
    assert got.text == unicodedata.normalize("NFC", got.text)


def test_windows_1258_is_decomposed_on_disk_and_composed_after():
    data = encode_legacy("Việt Nam", "windows-1258")
    assert data == b"Vi\xeat Nam".replace(b"\xea", b"\xea\xf2")  # ê + combining dot below (0xF2)
    assert decode_bytes(data).text == "Việt Nam"


def test_known_spellings():
    # the byte sequences people recognise on sight
    assert "V¨n ho¸".encode("cp1252") == encode_legacy("Văn hoá", "tcvn3")
    assert "Vieät Nam".encode("cp1252") == encode_legacy("Việt Nam", "vni")
    assert table("viscii").decode(b"\xf0") == "đ"


@pytest.mark.parametrize("encoding,suffix", [("tcvn3", ".txt"), ("vni", ".html"), ("viscii", ".json"),
                                             ("windows-1258", ".txt")])
def test_ingest_legacy_file_gives_unicode_in_the_store(tmp_path, encoding, suffix):
    if suffix == ".html":
        body = "".join(f"<p>{p}</p>" for p in PARAGRAPH.split(". "))
        raw = f"<html><head><title>Hội nghị</title></head><body><article>{body}</article></body></html>"
    elif suffix == ".json":
        raw = json.dumps({"id": "leg1", "text": PARAGRAPH, "published": "2023-07-09"}, ensure_ascii=False)
    else:
        raw = "Hội nghị sơ kết Liên hiệp\n\n" + PARAGRAPH
    f = tmp_path / f"leg1{suffix}"
    f.write_bytes(encode_legacy(raw, encoding))

    (art,) = list(read_paths([f]))
    assert not isinstance(art, ReadError), art
    assert "Kiều Thúy Nga" in art.text and "Nguyễn Hữu Giới" in art.text and "Việt Nam" in art.text

    store = str(tmp_path / "S")
    r = CliRunner().invoke(cli, ["ingest", str(f), "--store", store, "-q"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["query", "--store", store, "--format", "csv", "--sparql",
                                 "SELECT DISTINCT ?l WHERE { ?p a lkg:Person ; rdfs:label ?l }"])
    names = {_nfc(x.strip()) for x in r.output.splitlines()[1:]}
    assert "Nguyễn Hữu Giới" in names, r.output


def test_unknown_8bit_text_is_refused_naming_a_suspect(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_bytes("Le congrès s'est tenu à Hanoï; les délégués ont été reçus. Où êtes-vous ? Ça va."
                  .encode("cp1252") * 5)
    (err,) = list(read_paths([f]))
    assert isinstance(err, ReadError)
    assert "fr.txt" in str(err) and "not valid UTF-8" in str(err)
    assert any(name in err.problem for name in ("Windows-1258", "TCVN3", "VNI", "VISCII"))


def test_utf8_with_a_damaged_byte_is_not_guessed_as_legacy(tmp_path):
    f = tmp_path / "broken.txt"
    f.write_bytes(PARAGRAPH.encode("utf-8")[:100] + b"\xff" + PARAGRAPH.encode("utf-8")[100:])
    (err,) = list(read_paths([f]))
    assert isinstance(err, ReadError) and "UTF-8 with 1 damaged" in err.problem


def test_syllable_check():
    words = "Nguyễn Thị Minh Khai nghiêng ngoằn khuya quyển giường Đắk Lắk".split()
    assert all(is_syllable(w) for w in words)
    assert not any(is_syllable(w) for w in ["Vieät", "thö", "Hµ", "ViÖt", "ốá"])

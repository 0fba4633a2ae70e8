"""Sentence splitting and page-furniture removal (invented texts)."""

from libkg.extract.pipeline import Doc
from libkg.extract.sentences import run as split
from libkg.read import article_from_text


def _doc(text: str) -> Doc:
    art = article_from_text(text, id="t1", published="2024-05-01")
    doc = Doc(article=art, text=art.text)
    split(doc)
    return doc


def _sents(doc: Doc) -> list[str]:
    return [doc.text[s:e] for s, e in doc.sentences]


def test_split_on_final_punctuation_not_after_titles_or_in_numbers():
    doc = _doc("Sáng 3/5, Thư viện tỉnh Kon Tum trao tặng 1.250 bản sách. TS. Lê Văn Bình, ThS. Hồ Thị Na "
               "và PGS.TS. Đào Minh Quân dự lễ tại TP. Kon Tum. Buổi lễ kết thúc lúc 11 giờ!")
    assert _sents(doc) == [
        "Sáng 3/5, Thư viện tỉnh Kon Tum trao tặng 1.250 bản sách.",
        "TS. Lê Văn Bình, ThS. Hồ Thị Na và PGS.TS. Đào Minh Quân dự lễ tại TP. Kon Tum.",
        "Buổi lễ kết thúc lúc 11 giờ!",
    ]


def test_offsets_point_into_the_original_text():
    text = "Tiêu đề bài viết\n\nCâu thứ nhất.  Câu thứ hai."
    doc = _doc(text)
    for s, e in doc.sentences:
        assert doc.text[s:e].strip() == doc.text[s:e]
    assert doc.text[slice(*doc.title or (0, 0))] == "Tiêu đề bài viết"
    assert _sents(doc) == ["Câu thứ nhất.", "Câu thứ hai."]


def test_boilerplate_is_dropped():
    text = ("Trang chủ » Tin tức » Hoạt động\n\n"
            "THƯ VIỆN TỈNH GIA LAI RA MẮT GÓC ĐỌC MỚI\n\n"
            "Thứ hai - 06/05/2024 08:10 | Lượt xem: 312\n"
            "Chia sẻ: Facebook | Zalo | In bài viết\n\n"
            "Ngày 5/5, Thư viện tỉnh Gia Lai ra mắt góc đọc mới.\n\n"
            "Đánh giá:\nlượt đánh giá: 2, trung bình: 4\n"
            "Tổng số điểm của bài viết là: 8 trong 2 đánh giá\n\n"
            "Minh Khoa\n\n"
            "Tin liên quan\n» Thư viện tỉnh Gia Lai tổ chức Ngày Sách (20/04/2024)\n"
            "Liên kết website\nThống kê: 1.234.567\nOnline: 12\n")
    doc = _doc(text)
    assert _sents(doc) == ["Ngày 5/5, Thư viện tỉnh Gia Lai ra mắt góc đọc mới."]
    assert doc.text[slice(*doc.title or (0, 0))] == "THƯ VIỆN TỈNH GIA LAI RA MẮT GÓC ĐỌC MỚI"


def test_lines_broken_mid_sentence_are_rejoined():
    text = ("Tin ngắn\n\nTham dự có bà Y Lan Niê, Phó Giám đốc Thư viện tỉnh Đắk Nông;\n"
            "ông Lê Văn Tám, Phó Chủ tịch UBND xã Đắk Ha cùng hơn 100 em thiếu nhi trên\n"
            "địa bàn xã.\nĐây là chuyến thứ hai.")
    sents = _sents(_doc(text))
    assert len(sents) == 2
    assert sents[0].startswith("Tham dự có bà Y Lan Niê") and sents[0].endswith("địa bàn xã.")
    assert sents[1] == "Đây là chuyến thứ hai."


def test_numbered_list_markers_do_not_split():
    text = "Thông báo\n\n1. Thời gian nghỉ: từ ngày 1/2.\n2. Thời gian mở cửa lại: ngày 5/2."
    assert _sents(_doc(text)) == ["1. Thời gian nghỉ: từ ngày 1/2.", "2. Thời gian mở cửa lại: ngày 5/2."]


def test_a_full_sentence_naming_a_furniture_word_is_kept():
    doc = _doc("Thông báo\n\nMọi thông tin chi tiết xin liên hệ bà Ngô Thị Lan qua số điện thoại hoặc trang Zalo "
               "của Thư viện tỉnh.\nChia sẻ Facebook Zalo\n")
    assert _sents(doc) == ["Mọi thông tin chi tiết xin liên hệ bà Ngô Thị Lan qua số điện thoại hoặc trang Zalo "
                           "của Thư viện tỉnh."]


def test_abbreviation_after_an_opening_bracket_ends_no_sentence():
    doc = _doc("Sáng 20-4, tại Thư viện tỉnh Gia Lai (TP. Pleiku), Sở Văn hóa, Thể thao và Du lịch tổ chức "
               "Ngày Sách. Buổi lễ kết thúc lúc 11 giờ.")
    assert _sents(doc) == [
        "Sáng 20-4, tại Thư viện tỉnh Gia Lai (TP. Pleiku), Sở Văn hóa, Thể thao và Du lịch tổ chức Ngày Sách.",
        "Buổi lễ kết thúc lúc 11 giờ.",
    ]


def test_a_related_headlines_cell_of_a_table_layout_ends_the_article():
    doc = _doc("Tiêu đề\n\nSáng 13/9, Thư viện tỉnh Kon Tum khai giảng lớp bồi dưỡng nghiệp vụ.\n"
               "| Các tin khác: Thư viện tỉnh tổ chức Cuộc thi Đại sứ Văn hóa đọc (05/09/2022) Xe thư viện lưu động "
               "phục vụ học sinh xã Đắk Nhoong (29/08/2022) |\n| TIN XEM NHIỀU |")
    assert _sents(doc) == ["Sáng 13/9, Thư viện tỉnh Kon Tum khai giảng lớp bồi dưỡng nghiệp vụ."]


def test_credits_captions_and_widgets_are_dropped():
    text = ("Thư viện tỉnh Hà Lâm ra mắt phòng đọc\n\n"
            "Skip to content\n"
            "Hồng Vân | 12/04/2023 08:30\n"
            "Theo dõi trên Google News\n"
            "Cỡ chữ: A- | A+\n"
            "Sóc Giang, 31°C/25°C - 34°C\n"
            "Sáng 11/4, Thư viện tỉnh Hà Lâm ra mắt phòng đọc thiếu nhi với hơn 3.000 bản sách mới.\n"
            "(Ảnh minh họa)\n"
            "anh-phong-doc-01.jpg\n"
            "Ông Lý Văn Tâm phát biểu tại buổi lễ ra mắt phòng đọc.\n"
            "Tin, ảnh: Bảo Ngọc\n"
            "Bài và ảnh: MINH KHÔI\n"
            "Theo Hoài An/Báo Hà Lâm\n"
            "(0) Bình luận\n"
            "0 / 500 ký tự\n"
            "9310\n"
            ";\n")
    assert _sents(_doc(text)) == [
        "Sáng 11/4, Thư viện tỉnh Hà Lâm ra mắt phòng đọc thiếu nhi với hơn 3.000 bản sách mới.",
        "Ông Lý Văn Tâm phát biểu tại buổi lễ ra mắt phòng đọc.",
    ]


def test_menus_and_boxes_of_other_news_make_no_sentences():
    menu = "".join(f"• {w}\n" for w in ("Giới thiệu", "Tin tức", "Hoạt động", "Văn bản", "Liên hệ"))
    text = (menu +
            "Tin nổi bật\n"
            "• Lễ khai mạc Hội sách Vân Sơn năm 2024\n"
            "• Hội nghị tổng kết công tác thư viện năm 2023\n"
            "Trao tặng sách cho trường học vùng cao\n\n"
            "Ngày 3/5, Thư viện tỉnh Vân Sơn trao tặng 500 bản sách cho Trường Tiểu học Nậm Lư, huyện Mường Tè.\n"
            "• Sách được chọn theo nhu cầu của học sinh.\n"
            "Đọc thêm\n"
            "Khai mạc Hội báo Xuân tại Thư viện tỉnh Vân Sơn\n")
    doc = _doc(text)
    assert _sents(doc) == [
        "Ngày 3/5, Thư viện tỉnh Vân Sơn trao tặng 500 bản sách cho Trường Tiểu học Nậm Lư, huyện Mường Tè.",
        "• Sách được chọn theo nhu cầu của học sinh.",
    ]
    assert doc.text[slice(*doc.title or (0, 0))] == "Trao tặng sách cho trường học vùng cao"


def test_doubled_logo_text_source_credits_and_tags_are_dropped():
    text = ("Thư viện Lạc SơnThư viện Lạc Sơn\n"
            "Ra mắt tủ sách cộng đồng\n\n"
            "Chiều 9/6, Thư viện huyện Lạc Sơn ra mắt tủ sách cộng đồng tại thôn Bản Mòng, xã Yên Phú.\n"
            "Đinh Văn Quế sưu tầm (https://baolacson.example.vn/tin-1)\n"
            "K.Anh\n"
            "• Từ khóa\n"
            "tủ sách, văn hóa đọc\n")
    doc = _doc(text)
    assert _sents(doc) == [
        "Chiều 9/6, Thư viện huyện Lạc Sơn ra mắt tủ sách cộng đồng tại thôn Bản Mòng, xã Yên Phú."]
    assert doc.text[slice(*doc.title or (0, 0))] == "Ra mắt tủ sách cộng đồng"


def test_link_and_visitor_boxes_above_the_article_do_not_end_it():
    text = ("GIỜ MỞ CỬA\nThứ hai đến thứ sáu\nLIÊN KẾT WEBSITE\nTHỐNG KÊ TRUY CẬP\n  • Đang truy cập 12\n"
            "  • Hôm nay 1,204\n\nThư viện huyện Cờ Đỏ ra mắt tủ sách\n\n"
            "Sáng 3/4, Thư viện huyện Cờ Đỏ ra mắt tủ sách tại xã Thới Hưng.\n")
    sents = _sents(_doc(text))
    assert sents[-1] == "Sáng 3/4, Thư viện huyện Cờ Đỏ ra mắt tủ sách tại xã Thới Hưng."
    assert not any("truy cập" in s for s in sents)


def test_town_and_township_abbreviations_end_no_sentence():
    doc = _doc("Sáng 8/6, Thư viện TX. Sơn Hà khai trương phòng đọc mới. Đoàn đến thăm TT. Cầu Lạc và "
               "Tx. Bình Minh. Buổi lễ kết thúc lúc 11 giờ.")
    assert _sents(doc) == [
        "Sáng 8/6, Thư viện TX. Sơn Hà khai trương phòng đọc mới.",
        "Đoàn đến thăm TT. Cầu Lạc và Tx. Bình Minh.",
        "Buổi lễ kết thúc lúc 11 giờ.",
    ]

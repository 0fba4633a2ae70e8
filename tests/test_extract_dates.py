"""Date expressions of the genre (invented sentences)."""

from dataclasses import fields

from libkg.extract import RuleExtractor
from libkg.extract.dates import find_dates
from libkg.read import article_from_text


def dates(text, published="2024-05-01"):
    return [(m.start_date, m.end_date) for m in find_dates(text, published) if m.precision != "year"]


def test_day_range_with_hyphen():
    assert dates("Ngày 06-08/7/2023, tại tỉnh Bắc Kạn diễn ra hội nghị.") == [("2023-07-06", "2023-07-08")]
    assert dates("Ngày 13-14/10/2022, tại thành phố Huế ...") == [("2022-10-13", "2022-10-14")]


def test_from_to_ranges():
    assert dates("từ ngày 12 đến 14/10/2024, tại Hà Nội") == [("2024-10-12", "2024-10-14")]
    assert dates("Từ ngày 10 đến 12/8/2023, Liên hiệp tổ chức") == [("2023-08-10", "2023-08-12")]
    assert dates("các hoạt động diễn ra từ ngày 3 đến hết ngày 5/9/2021") == [("2021-09-03", "2021-09-05")]


def test_two_days_year_from_publication():
    assert dates("Trong 2 ngày 24 và 25/9, tại thành phố Lào Cai", "2020-09-28") == [("2020-09-24", "2020-09-25")]


def test_words_form():
    assert dates("Sáng ngày 09 tháng 3 năm 2022, Sở tổ chức") == [("2022-03-09", None)]


def test_day_month_takes_publication_year():
    assert dates("Sáng 17/6, đoàn công tác đến thăm", "2025-06-18") == [("2025-06-17", None)]
    assert dates("Chiều 18/12, tại thành phố", "2020-12-19") == [("2020-12-18", None)]


def test_year_nearest_to_publication_across_new_year():
    assert dates("Chiều 28/12, Thư viện tổ chức", "2025-01-03") == [("2024-12-28", None)]


def test_month_only():
    assert dates("Cuộc thi được phát động từ tháng 6/2020 nhằm") == [("2020-06", None)]
    assert dates("từ tháng 3 năm 2021") == [("2021-03", None)]


def test_relative_same_day():
    m = find_dates("Chiều cùng ngày, đoàn tham quan bảo tàng.", "2024-05-01")[0]
    assert m.relative == "same_day" and m.part == "chiều"
    assert find_dates("Ngày hôm sau, các đại biểu ...")[0].relative == "next_day"


def test_year_only():
    m = [x for x in find_dates("Trong năm 2019, thư viện phục vụ") if x.precision == "year"]
    assert m and m[0].start_date == "2019"


def test_not_dates():
    assert dates("theo Quyết định số 12/2023/QĐ-UBND của UBND tỉnh") == []
    assert dates("tại Quảng trường 3/2, thành phố Bắc Giang") == []
    assert dates("dịch vụ mượn trả sách tự động 24/7") == []
    assert dates("từ ngày 26 tháng Chạp đến mùng 5 tháng Giêng") == []


def test_non_event_dates_are_flagged():
    text = ("Hướng tới kỷ niệm 94 năm Ngày thành lập Đoàn (26/3/1931 - 26/3/2025), chiều 24/3, "
            "tại thành phố Vinh. Luật có hiệu lực từ ngày 01/7/2020. Quyết định số 5/QĐ-SVHTTDL ngày 28/02/2022.")
    flags = {m.text: m.non_event for m in find_dates(text, "2025-03-26")}
    assert flags["26/3/1931"] and flags["26/3/2025"]
    assert flags["chiều 24/3"] is False
    assert flags["ngày 01/7/2020"] and flags["ngày 28/02/2022"]


def test_component_fills_date_mentions():
    art = article_from_text("Tin\n\nSáng 17/6, tại Hà Nội, Thư viện A tổ chức Hội thảo B.", id="t1",
                            published="2024-06-20")
    from libkg.extract.pipeline import _REGISTRY, Doc, _load_components
    _load_components()
    doc = Doc(article=art, text=art.text)
    _REGISTRY["dates"](doc)
    m = doc.date_mentions[0]
    assert (m.start_date, m.text) == ("2024-06-17", "Sáng 17/6")
    assert {f.name for f in fields(m)} >= {"start", "end", "start_date", "end_date", "text"}
    assert RuleExtractor()(art).events[0].start == "2024-06-17"


def test_deictic_day_glossed_in_parentheses():
    # "Hôm qua (3/10)", "Sáng nay (15/8)": the parenthesised date is when it happened
    got = find_dates("Hôm qua (7/11), đoàn đến làm việc. Sáng nay (8/11), hội nghị khai mạc.", "2024-11-08")
    assert [(m.start_date, m.non_event) for m in got] == [("2024-11-07", False), ("2024-11-08", False)]
    assert got[1].part == "sáng"
    # a plain parenthesised date is still no event date
    assert [m.non_event for m in find_dates("Luật (ngày 21/11/2019) quy định", "2024-11-08")] == [True]


def test_part_of_day_and_ngay_glossed_in_parentheses():
    # "Chiều ngày (7/4)": the day glossed after "ngày" in parentheses is the event's day
    got = find_dates("Chiều ngày (12/5) tại Nhà văn hóa xã Tân Lộc, UBND xã tổ chức lễ ra mắt.", "2019-05-13")
    assert [(m.start_date, m.non_event, m.part) for m in got] == [("2019-05-12", False, "chiều")]


def test_anchor_candidates_find_what_the_anchor_regex_finds():
    from libkg.extract.dates import _ANCHOR, _anchors
    from libkg.extract.lexicon import casefree

    texts = ["Sáng 17/6, CÙNG NGÀY, hôm sau và Ngày Tiếp Theo; năm 2023, NĂM 1999 tháng 5, 12 tháng 3 năm 2024",
             "12/2023/QĐ-UBND 2024 /5 3  /  4 9 Tháng 10, 2020/3/4 nămm 2 Năm  2 hôm sauu 1 2 3/",
             "ngày 10 đến 14/6/2019 ı hôm sau 17/6", "không có ngày nào"]
    for text in texts:
        for lo, hi in ((0, len(text)), (3, len(text) - 4), (10, 40)):
            assert [m.span() for m in _anchors(text, casefree(text), lo, hi)] == \
                [m.span() for m in _ANCHOR.finditer(text, lo, hi)], (text, lo, hi)


def test_range_in_words_and_months_without_a_year():
    assert dates("Từ ngày 2 đến ngày 4 tháng 7, Thư viện huyện tổ chức", "2023-07-06") == [
        ("2023-07-02", "2023-07-04")]
    assert dates("từ ngày 2 đến ngày 4 tháng 7 năm 2022, ...", "2023-07-06") == [("2022-07-02", "2022-07-04")]
    assert dates("Trong tháng 11, xe thư viện lưu động phục vụ 5 điểm trường.", "2020-11-25") == [("2020-11", None)]
    assert dates("Tháng 12 vừa qua, Thư viện tỉnh trao tặng sách.", "2021-01-20") == [("2020-12", None)]
    assert dates("trong tháng 6/2020 và tháng 6 năm 2021", "2024-05-01") == [("2020-06", None), ("2021-06", None)]
    assert dates("Quyết định có hiệu lực từ tháng 3.", "2024-05-01") == []  # no "trong", no "vừa qua": no date


# ---------------------------------------------------------------- issue 18: forms of real pages


def test_day_and_month_joined_by_dots():
    assert dates("Sáng 14.9, Thư viện huyện Yên Khê tổ chức hội thi.", "2023-09-20") == [("2023-09-14", None)]
    assert dates("Chiều ngày 03.11.2021, tại hội trường", "2024-05-01") == [("2021-11-03", None)]
    assert dates("Ngày 8 - 9.5 diễn ra Đại hội Chi hội", "2022-05-12") == [("2022-05-08", "2022-05-09")]
    # numbers and prices with a dot are no dates
    assert dates("giá 1.200 đồng, tăng 2.5 lần, phiên bản 3.1") == []


def test_two_days_with_hyphens_or_in_words():
    assert dates("Trong 2 ngày 8 và 9-11-2020, Hội Thư viện tỉnh Tân Hà tổ chức") == [("2020-11-08", "2020-11-09")]
    assert dates("Trong hai ngày 3 và 4 tháng 6 năm 2018, tại thị xã Lạc Khê") == [("2018-06-03", "2018-06-04")]
    assert dates("Trong hai ngày 3 và 4 tháng 6, tại thị xã Lạc Khê", "2019-06-10") == [("2019-06-03", "2019-06-04")]


def test_range_with_both_months():
    assert dates("Từ ngày 28/12- 3/1/2023, Thư viện tỉnh trưng bày sách") == [("2022-12-28", "2023-01-03")]
    assert dates("Triển lãm diễn ra từ 12/5-18/5 tại nhà văn hóa", "2022-05-20") == [("2022-05-12", "2022-05-18")]
    # "30/4 - 1/5" alone names the holidays, not a run of days
    assert dates("nghỉ dịp 30/4 - 1/5 năm nay", "2022-05-20") == []


def test_year_comes_from_the_article_date_never_from_a_commemorated_date():
    text = ("Nhân kỷ niệm 60 năm Ngày thành lập Thư viện tỉnh (15/3/1964 - 15/3/2024), "
            "sáng 14/3, Thư viện tỉnh Hòa Lạc tổ chức trưng bày sách.")
    got = {m.text: m.start_date for m in find_dates(text, "2024-03-16")}
    assert got["sáng 14/3"] == "2024-03-14"
    art = article_from_text(text, id="k1")  # no metadata date: the reader must not take 1964 from the text
    assert art.published is None
    assert [e.start for e in RuleExtractor()(art).events] == ["2024-03-14"]


def test_publication_date_from_date_line_and_address():
    from libkg.read.dates import date_line_date, guess_published, infer_published, url_date

    assert date_line_date("Tiêu đề\n\nĐăng ngày: 05/04/2021\n\nNội dung") == "2021-04-05"
    assert date_line_date("Tiêu đề\nCập nhật, 06:10, Thứ Sáu, 14/01/2022 (GMT+7)\nNội dung") == "2022-01-14"
    assert date_line_date("Tiêu đề\nMinh An | 02/12/2019 08:15\nNội dung") == "2019-12-02"
    # a page's own "today" above the article's line: the earliest is the article's
    assert date_line_date("Thứ 4, 10/05/2023 11:00\nTiêu đề\nThứ 2, 07/11/2016 | 09:00\nNội dung") == "2016-11-07"
    # a sentence with a date is no date line
    assert date_line_date("Sáng ngày 12/3/2020, Thư viện tỉnh tổ chức hội nghị tổng kết công tác.") is None
    assert url_date("https://bao.example.vn/van-hoa/202103/thu-vien-moi-123456") == "2021-03"
    assert url_date("https://example.vn/tin/2020/10/15/hoi-thao.html") == "2020-10-15"
    assert url_date("https://example.vn/bai-viet/d20181105073012345.htm") == "2018-11-05"
    assert url_date("https://example.vn/tin-tuc/hoi-thao-12345.html") is None
    assert url_date("https://2020.example.vn/tin/1202/bai") is None
    assert infer_published("Ngày 16/4, ...", "https://e.vn/x/202204/bai-1").source == "url"
    assert guess_published("Ngày 16/4, ...", url="https://e.vn/x/202204/bai-1") is None  # only a month
    # the first date of the head, when it is no anniversary, document or founding date
    assert guess_published("Kỷ niệm (2/9/1945 - 2/9/2020). Theo Quyết định số 5 ngày 3/1/2019 của Sở. "
                           "Sáng ngày 21/8/2020 thư viện mở cửa") == "2020-08-21"
    assert guess_published("Chương trình phối hợp số 12/CTr-VH, ngày 07/7/2014 về sách") is None


def test_extractor_dates_day_months_by_the_page_address():
    art = article_from_text("Ngày hội đọc sách\n\nSáng 16/4, Thư viện tỉnh Lam Sơn tổ chức Ngày hội đọc sách.",
                            id="u1", url="https://bao.example.vn/xa-hoi/202104/ngay-hoi-doc-sach-11")
    assert art.published is None
    from libkg.extract.pipeline import _REGISTRY, Doc, _load_components
    _load_components()
    doc = Doc(article=art, text=art.text)
    _REGISTRY["sentences"](doc)
    _REGISTRY["dates"](doc)
    assert (doc.publication.date, doc.publication.source) == ("2021-04", "url")
    m = doc.date_mentions[0]
    assert (m.start_date, m.year_inferred) == ("2021-04-16", True)
    assert [e.start for e in RuleExtractor()(art).events] == ["2021-04-16"]


def test_year_from_the_text_when_nothing_else_dates_the_article():
    art = article_from_text("Hội nghị\n\nTrong 2 ngày 16 và 17/6, tại thành phố Hòn Gai, Liên hiệp tổ chức "
                            "Hội nghị thường niên năm 2016. Kế hoạch đến năm 2030 được thông qua.", id="y1")
    assert art.published is None
    assert [(e.start, e.end) for e in RuleExtractor()(art).events] == [("2016-06-16", "2016-06-17")]
    from libkg.extract.dates import year_from_text
    text = "Chương trình đến năm 2030 và giai đoạn 2021. Ngày 3/4, lễ khai mạc."
    assert year_from_text(text, find_dates(text)) is None


def test_a_headline_ending_in_so_is_no_document_number():
    text = "THƯ VIỆN SỐ\nSáng ngày 16/12, Thư viện tỉnh Hòa Lạc tổng kết cuộc thi."
    assert [m.start_date for m in find_dates(text, "2023-12-20")] == ["2023-12-16"]
    assert dates("Công văn số 16/12 của Sở") == []


def test_a_page_address_date_outranks_a_far_guessed_publication_date():
    # a plain text's reader guesses "published" from its first date; the address is the site's own record
    art = article_from_text("Xe sách\n\nTheo Chương trình 12 ký ngày 07/7/2014 với Đồn Biên phòng. "
                            "Từ ngày 10 đến 13/9, Thư viện tỉnh Sơn Hà tổ chức đưa xe thư viện lưu động đến các đồn.",
                            id="p1", url="https://e.vn/portal/pages/2019-09-18/xe-sach.aspx", published="2014-07-07")
    art.published_source = "text"  # as a reader that took the first date of the text records it
    from libkg.extract.pipeline import _REGISTRY, Doc, _load_components
    _load_components()
    doc = Doc(article=art, text=art.text)
    _REGISTRY["dates"](doc)
    assert (doc.publication.date, doc.publication.source) == ("2019-09-18", "url")
    assert [m.start_date for m in doc.date_mentions if m.text.startswith("Từ")] == ["2019-09-10"]


def test_html_page_without_metadata_is_dated_by_its_date_line():
    from libkg.read.html import article_from_html

    page = ("<html><head><title>Ra mắt phòng đọc</title></head><body><article><h1>Ra mắt phòng đọc</h1>"
            "<p>Cập nhật: Thứ Tư, 12/04/2023 - 10:20</p>"
            "<p>Sáng 11/4, Thư viện tỉnh Hà Lâm ra mắt phòng đọc thiếu nhi với hơn 3.000 bản sách mới.</p>"
            "<p>Ông Lý Văn Tâm phát biểu tại buổi lễ ra mắt phòng đọc thiếu nhi của thư viện tỉnh.</p>"
            "</article></body></html>")
    art = article_from_html(page, id="h1")
    assert art.published == "2023-04-12"
    assert [e.start for e in RuleExtractor()(art).events] == ["2023-04-11"]


def test_weekday_glossed_by_its_date_and_this_years_month():
    got = find_dates("Sáng thứ Bảy (12/3), Thư viện huyện Đông Lâm tổ chức Ngày hội đọc sách.", "2022-03-14")
    assert [(m.start_date, m.non_event, m.part) for m in got] == [("2022-03-12", False, "sáng")]
    assert [(m.start_date, m.non_event) for m in find_dates("Chủ nhật (ngày 5/6), đoàn đến thăm", "2022-06-07")] == [
        ("2022-06-05", False)]
    # an ordinal is no weekday: the date in parentheses stays a non-event gloss
    assert [m.non_event for m in find_dates("Hội báo Xuân lần thứ 4 (21/4/2021) thu hút", "2021-04-22")] == [True]
    assert dates("Cuộc thi sẽ tổng kết vào tháng 11 năm nay.", "2022-06-01") == [("2022-11", None)]


def test_readers_record_how_a_missing_publication_date_was_found():
    lead = "Sáng 11/4, Thư viện tỉnh Hà Lâm ra mắt phòng đọc thiếu nhi với hơn 3.000 bản sách mới."
    art = article_from_text(f"Ra mắt phòng đọc\nĐăng ngày: 12/04/2023\n{lead}", id="s1")
    assert (art.published, art.published_source) == ("2023-04-12", "date line")
    art = article_from_text(f"Ra mắt phòng đọc\n{lead}", id="s2", url="https://e.vn/tin/2023/04/12/phong-doc.html")
    assert (art.published, art.published_source) == ("2023-04-12", "url")
    art = article_from_text("Ra mắt phòng đọc\nSáng ngày 11/4/2023, Thư viện tỉnh Hà Lâm ra mắt phòng đọc.", id="s3")
    assert (art.published, art.published_source) == ("2023-04-11", "text")
    art = article_from_text(f"Ra mắt phòng đọc\n{lead}", id="s4", published="2023-04-13")
    assert (art.published, art.published_source) == ("2023-04-13", None)
    art = article_from_text(f"Ra mắt phòng đọc\n{lead}", id="s5", url="https://e.vn/tin/202304/phong-doc.html")
    assert (art.published, art.published_source) == (None, None)  # only a month: the extractor uses it
    doc_dates = RuleExtractor()(art).events
    assert [e.start for e in doc_dates] == ["2023-04-11"]


def test_an_anniversary_span_of_years_gives_the_article_its_year_not_the_commemorated_one():
    art = article_from_text("Trưng bày\n\nNgày 14/5, Thư viện huyện Ba Khe tổ chức trưng bày sách kỷ niệm 60 năm "
                            "“Bản hiến chương nghề sách” (1961-2021). Bản hiến chương ra đời năm 1961 tại Hà Tây.",
                            id="y2")
    assert art.published is None
    assert [e.start for e in RuleExtractor()(art).events] == ["2021-05-14"]
    from libkg.extract.dates import year_from_text
    text = "Kỷ niệm (1961-2021). Năm 1961 là năm ra đời."
    assert year_from_text(text, find_dates(text)) == "2021"


def test_a_page_nothing_else_dates_takes_the_year_its_first_line_names_alone():
    art = article_from_text("Ngày 18/7, tại Nhà văn hóa huyện Ba Khe diễn ra chung kết Hội thi kể chuyện "
                            "theo sách - Hè 2019.\nHơn 100 em học sinh tham gia.", id="y3")
    assert art.published is None
    assert [e.start for e in RuleExtractor()(art).events] == ["2019-07-18"]
    numbered = article_from_text("Căn cứ Quyết định số 09/2020/NQ của Sở.\nSáng 18/7, Thư viện huyện Ba Khe tổ "
                                 "chức Hội thi kể chuyện theo sách.", id="y4")
    assert [e.start for e in RuleExtractor()(numbered).events] == [None]


def test_a_month_after_vao_is_the_month_nearest_the_publication():
    assert [m.start_date for m in find_dates("Lễ tổng kết dự kiến diễn ra vào tháng 11.", "2024-10-03")] == ["2024-11"]
    assert [m.start_date for m in find_dates("vào tháng 11 năm 2023", "2024-10-03")] == ["2023-11"]


def test_the_date_rules_hold_no_vietnamese_word_their_words_are_in_the_lexicon():
    """Issue 18 item 3: the words of the rule table live in data/lexicon/date_words.tsv (and
    date_weekdays.txt); the Python strings of dates.py (docstrings and comments aside) hold none."""
    import io
    import re
    import tokenize

    import libkg.extract.dates as dates_module

    source = open(dates_module.__file__, encoding="utf-8").read()
    vietnamese = re.compile(r"[^\W\dA-Za-z_]")  # a letter beyond ASCII
    toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
    found = []
    for prev, tok in zip([None, *toks], toks, strict=False):
        if tok.type != tokenize.STRING:
            continue
        if prev is None or prev.type in (tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE, tokenize.NL):
            continue  # a docstring
        # a lower-case word with a letter beyond ASCII ("[A-ZĐ]", a class of capitals, is no word)
        found += [w for w in re.findall(r"\w+", tok.string) if w.islower() and vietnamese.search(w)]
    assert found == []
    from libkg.resources import read_tsv

    families = {row[0] for row in read_tsv("lexicon", "date_words.tsv")}
    assert {"part", "day", "from", "to", "month", "year", "same_day", "next_day", "not_event_before"} <= families


def test_a_bare_next_day_is_a_relative_date():
    m = find_dates("Hôm sau, đoàn đại biểu đến thăm Thư viện huyện Ba Khe.", "2024-05-01")
    assert [(x.relative, x.text) for x in m] == [("next_day", "Hôm sau")]
    m = find_dates("Sáng hôm sau, đoàn tham quan.", "2024-05-01")
    assert [(x.relative, x.part) for x in m] == [("next_day", "sáng")]


def test_a_list_of_days_with_commas_is_an_interval():
    assert dates("Trong 2 ngày 07, 08/11, Thư viện huyện Ba Khe mở lớp tập huấn.", "2023-11-20") == [
        ("2023-11-07", "2023-11-08")]
    assert dates("Trong ba ngày 4, 5 và 6/7/2022, tại Nhà văn hóa xã Lũng Cao ...") == [("2022-07-04", "2022-07-06")]
    assert dates("Trong hai ngày 14, 15 tháng 10, các đội thi ...", "2021-10-30") == [("2021-10-14", "2021-10-15")]
    assert dates("Ngày 20, 200 học sinh đến thư viện.") == []  # a count, not a second day


def test_hom_before_a_day_and_month_is_a_date():
    assert dates("Hôm 12/3, đoàn công tác đến thăm Thư viện tỉnh Hà Sơn.", "2024-03-15") == [("2024-03-12", None)]


def test_a_day_and_month_take_the_articles_year_not_the_nearest_one():
    """SCHEMA: a day and month without a year take the year of the article's own date (an article of
    November telling of 21/4 means April of that year, not the next April, a few weeks nearer)."""
    assert dates("Ngày 21/4, Thư viện huyện Ba Khe tổ chức Ngày hội đọc sách.", "2023-11-20") == [
        ("2023-04-21", None)]
    assert dates("Sáng 15/3, đoàn đến thăm.", "2019-12-23") == [("2019-03-15", None)]
    # across the new year the nearer year still wins: an article of early January telling of late December,
    # one of late December announcing early January
    assert dates("Chiều 28/12, Thư viện tổ chức", "2025-01-03") == [("2024-12-28", None)]
    assert dates("Ngày 5/1 tới, Thư viện sẽ khai mạc", "2024-12-27") == [("2025-01-05", None)]
    # an article dated only by its year: every day and month of that year
    assert dates("Chiều 28/12, Thư viện tổ chức", "2024") == [("2024-12-28", None)]
    assert dates("Chiều 2/1, Thư viện tổ chức", "2024") == [("2024-01-02", None)]


def test_the_day_of_an_anniversary_ceremony_is_its_event_date_not_a_founding_date():
    def flags(text):
        return [(m.start_date, m.non_event) for m in find_dates(text, "2024-06-20") if m.precision == "day"]

    assert flags("Thư viện tỉnh Lào Cai tổ chức Lễ kỷ niệm 60 năm ngày thành lập vào sáng 5/6.") == [
        ("2024-06-05", False)]
    assert flags("Lễ kỷ niệm 60 năm thành lập Thư viện tỉnh Lào Cai diễn ra vào ngày 5/6/2024.") == [
        ("2024-06-05", False)]
    # the founding date itself stays no event date
    assert flags("Thư viện tỉnh Lào Cai được thành lập vào ngày 5/6/1964.") == [("1964-06-05", True)]


def test_days_given_in_parentheses_after_the_word_ngay_and_sang_nay_with_a_date():
    m = find_dates("Trong hai ngày (14-15/10), Thư viện tỉnh Lào Cai tổ chức tập huấn.", "2024-10-20")
    assert [(x.start_date, x.end_date, x.non_event) for x in m] == [("2024-10-14", "2024-10-15", False)]
    # a date glossing a name in parentheses stays no event date
    assert [x.non_event for x in find_dates("Hưởng ứng Ngày Sách (ngày 21/4), thư viện mở cửa.", "2024-10-20")] == [True]
    assert dates("Sáng nay 14/10, Thư viện tỉnh Lào Cai khai mạc Hội sách.", "2024-10-20") == [("2024-10-14", None)]


def test_a_terms_span_of_years_dates_a_page_by_its_first_year():
    from libkg.extract.dates import year_from_text

    text = "Ngày 24.11, Hội Thư viện tổ chức Đại hội đại biểu lần thứ II (2011-2016) tại Hà Nội."
    assert year_from_text(text, find_dates(text)) == "2011"
    text = "Đại hội Hội Thư viện nhiệm kỳ 2016-2021. Ngày 25/11, Đại hội bầu Ban Chấp hành nhiệm kỳ II (2011-2016)."
    assert year_from_text(text, find_dates(text)) == "2016"
    text = "Kỷ niệm 60 năm Bản hiến chương (1961-2021). Ngày 14/5, thư viện trưng bày sách."
    assert year_from_text(text, find_dates(text)) == "2021"  # an anniversary's span: its last year


def test_two_close_days_each_with_its_month_are_an_interval():
    assert dates("Trong 2 ngày 25/4 và 26/4/2019, tại tỉnh Điện Biên diễn ra liên hoan.") == [("2019-04-25", "2019-04-26")]
    assert dates("Trong hai ngày 30/4, 1/5, thư viện mở cửa.", "2024-05-02") == [("2024-04-30", "2024-05-01")]
    # far apart: no interval (the first date alone, as before)
    assert dates("Vào ngày 2/9 và ngày 19/12, thư viện trưng bày sách.", "2024-12-20") == [("2024-09-02", None),
                                                                                      ("2024-12-19", None)]


def test_a_page_telling_the_review_of_a_year_is_of_the_next_year():
    from libkg.extract.dates import year_from_text

    text = ("Hội nghị tổng kết công tác thư viện năm 2023, triển khai nhiệm vụ năm 2024\nNgày 26/01, tại Hà Nội, "
            "Thư viện tỉnh tổ chức Hội nghị tổng kết công tác năm 2023, phương hướng nhiệm vụ năm 2024.")
    assert year_from_text(text, find_dates(text)) == "2024"
    text = "Ngày 26/01, Thư viện tỉnh tổ chức Hội nghị tổng kết công tác năm 2023."
    assert year_from_text(text, find_dates(text)) == "2023"  # no plan for the next year: as before


def test_the_years_of_a_quoted_title_do_not_date_the_page():
    from libkg.extract.dates import year_from_text
    text = ("Khai mạc Ngày hội đọc sách năm 2023\n\nSáng 21/4, Thư viện tỉnh trưng bày cuốn “Lịch sử Sư đoàn 9 "
            "(1975-2015)” cùng nhiều ấn phẩm khác.")
    assert year_from_text(text, find_dates(text)) != "2015"
    # an anniversary's span outside quotes still dates it
    text = "Kỷ niệm 80 năm thành lập ngành (1945-2025), Thư viện tỉnh trưng bày sách."
    assert year_from_text(text, find_dates(text)) == "2025"


def test_an_interval_of_months_and_the_early_or_late_part_of_a_month():
    got = [(m.start_date, m.end_date) for m in find_dates("Cuộc thi diễn ra từ tháng 3 đến tháng 5/2024.", "2024-06-01")]
    assert got == [("2024-03", "2024-05")]
    got = [(m.start_date, m.end_date) for m in find_dates("Hội thi kéo dài từ tháng 11 đến hết tháng 1/2025.")]
    assert got == [("2024-11", "2025-01")]
    got = [m.start_date for m in find_dates("Đầu tháng 3, Thư viện tỉnh tổ chức Hội sách.", "2024-03-20")]
    assert got == ["2024-03"]


def test_a_documents_date_after_its_number_and_a_comma_is_no_event_date():
    text = ("Thực hiện Kế hoạch số 17-KH/ĐU, ngày 3/3/2024 của Đảng ủy Sở, chiều ngày 9/5/2024 Chi bộ Thư viện "
            "tổ chức Đại hội; văn bản số 210/STTTT-VP, ngày 2/4/2024 nêu rõ.")
    got = [(m.start_date, m.non_event) for m in find_dates(text, "2024-05-10")]
    assert got == [("2024-03-03", True), ("2024-05-09", False), ("2024-04-02", True)]
    # a number written before a day of its own is no document ("ngày 12/3, ngày 15/3")
    assert [m.non_event for m in find_dates("Ngày 12/3, ngày 15/3/2024, Thư viện tổ chức", "2024-05-10")] == [False]


def test_from_to_ranges_with_a_hyphen_or_a_dot():
    assert dates("Tuần lễ diễn ra từ ngày 14 đến 20-10, gồm nhiều hoạt động", "2025-10-14") == [("2025-10-14", "2025-10-20")]
    assert dates("Từ ngày 28-12 đến 3-1-2025, thư viện mở cửa", "2025-01-04") == [("2024-12-28", "2025-01-03")]
    assert dates("từ ngày 5 đến ngày 9.8.2024, tại Hà Nội") == [("2024-08-05", "2024-08-09")]
    assert dates("dành cho học sinh từ 6 đến 11-12 tuổi") == []  # a count of years, no "ngày"


def test_a_month_and_year_joined_by_a_hyphen_or_a_dot():
    """"tháng 6-2022" (the press's hyphen), "tháng 9.2023": a month of that year, not the month nearest the
    publication; also in an interval of months and after a day ("ngày 5 tháng 6-2022")."""
    assert dates("Công trình được khởi công vào đầu tháng 6-2022 tại xã Hướng Việt.") == [("2022-06", None)]
    assert dates("Hội sách diễn ra vào tháng 9.2023 tại Hà Nội.") == [("2023-09", None)]
    assert dates("Từ tháng 10-2023 đến tháng 2-2024, thư viện tổ chức") == [("2023-10", "2024-02")]
    assert dates("Ngày 5 tháng 6-2022, Thư viện tỉnh tổ chức") == [("2022-06-05", None)]
    # a sentence ends after the month: the month nearest the publication, not one of the next sentence's year
    assert dates("kết thúc vào tháng 9. 2023 là năm") == [("2024-09", None)]


def test_a_sentence_opening_with_a_month_and_a_comma_is_that_month_nearest_the_publication():
    """"Tháng 4, Thư viện tỉnh tổ chức ...": the month of the publication's time, as "Trong tháng 4"; not a
    month inside a sentence ("ngày 21 tháng 4, ...", "sau 2 tháng, ...")."""
    assert dates("Tháng 4, Thư viện tỉnh tổ chức Hội sách thiếu nhi.", "2024-05-20") == [("2024-04", None)]
    assert dates("Kết quả tốt. Tháng 12, thư viện mở lớp tập huấn.", "2025-01-10") == [("2024-12", None)]
    assert dates("Ngày 21 tháng 4, Thư viện tổ chức", "2024-05-20") == [("2024-04-21", None)]
    assert dates("Sau 2 tháng, cuộc thi khép lại; đợt 1 tháng 3, đợt 2") == []


def test_a_month_with_its_year_in_parentheses_is_when_it_happened_a_day_is_a_gloss():
    """"Ngày hội đọc sách (tháng 4/2024)": the time of the event named before it; "Ngày Sách (ngày 21/4)" glosses a
    recurring day."""
    got = [(m.start_date, m.non_event) for m in find_dates("Ngày hội đọc sách (tháng 4/2024) thu hút bạn đọc; "
                                                           "hưởng ứng Ngày Sách (ngày 21/4).", "2024-05-20")]
    assert got == [("2024-04", False), ("2024-04-21", True)]


def test_a_numbered_edition_of_the_book_day_dates_a_page_without_a_date():
    from libkg.extract.dates import year_from_text

    # "Ngày Sách Việt Nam" was first held in 2014, "Ngày Sách và Văn hóa đọc Việt Nam" in 2022
    text = ("Hưởng ứng Ngày Sách Việt Nam lần thứ 5, từ ngày 15 - 25/4, Thư viện huyện Kim Thành trưng bày tranh "
            "thiếu nhi vẽ qua các cuộc thi vẽ tranh theo sách.")
    assert year_from_text(text, find_dates(text)) == "2018"
    # only when no sentence writes a year of its own: a page may recall an edition long past
    text = "Sáng 20/4/2016, Thư viện tỉnh tổ chức Ngày hội đọc sách, như tại Ngày Sách Việt Nam lần thứ nhất."
    assert year_from_text(text, find_dates(text)) == "2016"
    text = "Chào mừng Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba, tối 19/4 Thư viện tỉnh tổ chức đêm thơ."
    assert year_from_text(text, find_dates(text)) == "2024"
    text = "Nhân Ngày sách và Văn hoá đọc lần thứ 2, sáng 20/4 Thư viện huyện tổ chức ngày hội."
    assert year_from_text(text, find_dates(text)) == "2023"
    text = "Ngày Sách Việt Nam lần thứ VI (21/4/2014 – 21/4/2019) được tổ chức tại nhiều nơi."
    assert year_from_text(text, find_dates(text)) == "2019"
    art = article_from_text("Ngày hội đọc sách\n\nHưởng ứng Ngày Sách Việt Nam lần thứ tám, sáng 20/4, Thư viện tỉnh "
                            "Hà Nam tổ chức Ngày hội đọc sách tại Quảng trường Vị Hoàng.", id="t1", published=None)
    assert [(e.kind, e.start) for e in RuleExtractor()(art).events if e.kind == "Festival"][-1:] == [
        ("Festival", "2021-04-20")]


def test_a_page_stamped_with_its_month_dates_day_months_in_that_year():
    # " date 2019-05 ...": the page's own month stamp (no day), where the text's other years are a project's past
    art = article_from_text(" date 2019-05 Thư viện huyện Hòa Lạc khánh thành phòng đọc\n\nSáng nay (14/5), tại "
                            "Trường Tiểu học Đồng Tâm, Phòng Giáo dục huyện Hòa Lạc tổ chức lễ khánh thành phòng đọc. "
                            "Dự án bắt đầu từ năm 2016 với 3 phòng đọc.", id="m1")
    assert art.published is None
    assert [e.start for e in RuleExtractor()(art).events] == ["2019-05-14"]


def test_a_span_of_years_is_not_the_pages_year():
    # no date of its own: "năm 2016-2020" is a period; the numbered edition gives the year (2021)
    art = article_from_text("Tin\n\nHưởng ứng Ngày Sách Việt Nam lần thứ 8, Thư viện tỉnh Lam Sơn trưng bày "
                            "tranh thiếu nhi vẽ trong các năm 2016-2020. Sáng 14/4, Thư viện tổ chức Hội thảo "
                            "về văn hóa đọc.", id="t1", published=None)
    assert [e.start for e in RuleExtractor()(art).events if e.kind == "Workshop"] == ["2021-04-14"]

"""Events (invented articles): kinds, dates, places, organisers, sub-events, participants, negatives."""

from libkg.extract import RuleExtractor
from libkg.read import article_from_text
from libkg.resources import read_tsv
from libkg.vocab import event_kinds

EX = RuleExtractor()


def events(body, published="2024-05-01", title="Tin hoạt động thư viện"):
    art = article_from_text(title + "\n\n" + body, id="t1", published=published)
    return EX(art).events


def kinds(body, **kw):
    return sorted((e.kind, e.start) for e in events(body, **kw))


def test_trigger_kinds_exist_in_the_vocabulary():
    for kind, *_ in read_tsv("lexicon", "event_triggers.tsv"):
        if kind != "Program":
            event_kinds().concept(kind)


def test_lead_event_with_place_and_organizers():
    evs = events("Sáng 14/3, tại thành phố Cao Bằng, Thư viện tỉnh Cao Bằng phối hợp với Hội Thư viện "
                 "Việt Nam tổ chức Hội nghị tổng kết công tác thư viện năm 2023.", published="2024-03-15")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Conference", "2024-03-14", "Cao Bằng")]
    assert {"Thư viện tỉnh Cao Bằng", "Hội Thư viện Việt Nam"} <= set(evs[0].organizers)


def test_each_head_noun_gives_its_kind():
    cases = {
        "Đại hội nhiệm kỳ 2025 – 2027": "Congress",
        "Hội thảo “Thư viện số”": "Workshop",
        "Tọa đàm “Đọc sách cùng con”": "Seminar",
        "Lớp tập huấn nghiệp vụ thư viện": "Training",
        "Lễ kỷ niệm 70 năm thành lập Thư viện": "Ceremony",
        "Triển lãm ảnh “Đất nước”": "Exhibition",
        "Ngày hội đọc sách": "Festival",
        "Cuộc thi kể chuyện theo sách": "Competition",
        "giải bóng chuyền hơi": "SportsEvent",
    }
    for name, kind in cases.items():
        got = kinds(f"Sáng 10/5, tại thành phố Hải Dương, Thư viện tỉnh Hải Dương tổ chức {name}.")
        assert got == [(kind, "2024-05-10")], (name, got)


def test_term_of_a_congress():
    evs = events("Ngày 23-24/5/2024, tại thành phố Hòa Bình, Hội Thư viện tỉnh tổ chức Đại hội nhiệm kỳ 2024 – 2026.")
    assert evs[0].kind == "Congress" and evs[0].term == "2024-2026" and evs[0].end == "2024-05-24"


def test_opening_of_a_book_day_is_the_festival():
    evs = events("Sáng ngày 21/4/2025, tại Quảng trường 3/2, UBND tỉnh tổ chức Lễ khai mạc Ngày Sách và "
                 "Văn hóa đọc Việt Nam lần thứ 4. Dự lễ khai mạc có nhiều đại biểu.")
    # SCHEMA: an opening ceremony reported on its own is separate from the festival it opens
    assert [(e.kind, e.start, e.place) for e in evs] == [("Festival", "2025-04-21", "Quảng trường 3/2"),
                                                         ("Ceremony", "2025-04-21", "Quảng trường 3/2")]


def test_sub_events_in_frame_and_same_day():
    body = ("Sáng 20/4, tại thành phố Thanh Hóa, Thư viện tỉnh Thanh Hóa tổ chức khai mạc Ngày Sách năm 2024. "
            "Trong khuôn khổ Ngày Sách, Thư viện tỉnh trưng bày hơn 2.000 bản sách. "
            "Cũng tại buổi lễ, Thư viện tỉnh ra mắt không gian đọc “Góc sách xanh”. "
            "Dịp này, Thư viện tỉnh trao tặng 500 bản sách cho Trường Tiểu học Đông Sơn. "
            "Chiều cùng ngày, Thư viện tỉnh tổ chức buổi tọa đàm “Sách và học trò”.")
    evs = events(body, published="2024-04-21")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Festival", "2024-04-20", "Thanh Hóa"), ("Exhibition", "2024-04-20", "Thanh Hóa"),
        ("Launch", "2024-04-20", "Thanh Hóa"), ("BookDonation", "2024-04-20", "Thanh Hóa"),
        ("Seminar", "2024-04-20", "Thanh Hóa")]
    assert evs[1].parent == evs[0].label
    assert evs[3].counts["books"] == 500


def test_coordinated_events_and_dated_sub_mentions():
    body = ("Trong 2 ngày 10 và 11/9, tại thành phố Thái Bình, Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Bình "
            "tổ chức Hội nghị triển khai Luật Thư viện và Lớp tập huấn nghiệp vụ năm 2024. "
            "Ngày 11/9, Lớp tập huấn do bà Trần Thị Lý, Giám đốc Thư viện tỉnh Thái Bình hướng dẫn.")
    evs = events(body, published="2024-09-12")
    assert [(e.kind, e.start) for e in evs] == [("Conference", "2024-09-10"), ("Training", "2024-09-11")]
    assert "Trần Thị Lý" in evs[1].participants


def test_visits_with_own_dates_and_places():
    body = ("Ngày 5/11/2024, Đoàn công tác Vụ Thư viện do ông Lê Văn Hải, Phó Vụ trưởng làm trưởng đoàn "
            "đã có buổi làm việc với Thư viện tỉnh Lai Châu tại thành phố Lai Châu. "
            "Tiếp và làm việc với đoàn có bà Lò Thị Hoa, Giám đốc Thư viện tỉnh Lai Châu. "
            "Ngày 6/11, đoàn công tác đã khảo sát thực tế tủ sách cộng đồng tại xã Bản Hon, huyện Tam Đường.")
    evs = events(body, published="2024-11-08")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Visit", "2024-11-05", "Lai Châu"), ("Visit", "2024-11-06", "Bản Hon")]
    assert {"Lê Văn Hải", "Lò Thị Hoa"} <= set(evs[0].participants)
    assert "Vụ Thư viện" in evs[0].organizers


def test_flowers_and_visit_and_donation_in_one_sentence():
    body = ("Sáng 6/12, tại huyện Nam Đàn, đoàn đại biểu đã trao tặng 1.000 bản sách cho Trường THCS Kim Liên; "
            "chiều cùng ngày, đoàn dâng hoa và tham quan Khu di tích Kim Liên. "
            "Sáng 7/12, đoàn dâng hương tại Đền Chung Sơn.")
    evs = events(body, published="2024-12-08")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("BookDonation", "2024-12-06", "Nam Đàn"), ("Visit", "2024-12-06", "Khu di tích Kim Liên"),
        ("Ceremony", "2024-12-07", "Đền Chung Sơn")]


def test_programme_kind_from_headline_and_mobile_library():
    body = ("Sáng 12/6, Thư viện tỉnh Hà Tĩnh tổ chức chương trình “Sách cho em” tại Trường Tiểu học Kỳ Lạc, "
            "xã Kỳ Lạc, huyện Kỳ Anh. Tại chương trình, Thư viện đã trao tặng nhà trường 800 bản sách. "
            "Cùng ngày, xe thư viện lưu động của Thư viện tỉnh đã phục vụ hơn 300 lượt bạn đọc tại xã Kỳ Lạc.")
    evs = events(body, published="2024-06-13", title="Trao tặng sách cho học sinh vùng cao")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("BookDonation", "2024-06-12", "Trường Tiểu học Kỳ Lạc"), ("Other", "2024-06-12", "Kỳ Lạc")]


def test_competition_launched_and_award_ceremony():
    body = ("Chiều 18/12, tại thành phố Bắc Ninh, Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh tổ chức "
            "Lễ tổng kết và trao giải Cuộc thi Đại sứ Văn hóa đọc năm 2023. "
            "Cuộc thi được phát động từ tháng 5/2023, thu hút 3.000 bài dự thi. "
            "Giải Nhất thuộc về em Nguyễn Minh Châu, Trường THCS Suối Hoa.")
    evs = events(body, published="2023-12-19")
    got = {(e.kind, e.start, e.place) for e in evs}
    assert got == {("Ceremony", "2023-12-18", "Bắc Ninh"), ("Competition", "2023-05", None)}
    assert all("Nguyễn Minh Châu" in e.participants for e in evs)


def test_undated_earlier_event():
    body = ("Ngày 2/8/2024, tại thành phố Sơn La, Thư viện tỉnh Sơn La tổ chức Hội nghị sơ kết. "
            "Trước đó, Thư viện tỉnh đã tổ chức Giao lưu thể thao giữa các đơn vị.")
    assert kinds(body) == [("Conference", "2024-08-02"), ("SportsEvent", None)]


def test_closing_and_running_dates():
    body = ("Chiều 19/8, Thư viện tỉnh Gia Lai tổ chức bế giảng Lớp bồi dưỡng nghiệp vụ thư viện năm 2022. "
            "Lớp học diễn ra từ ngày 15 đến 19/8/2022 tại thành phố Pleiku với 60 học viên.")
    evs = events(body, published="2022-08-20")
    assert [(e.kind, e.start, e.end, e.place) for e in evs] == [("Training", "2022-08-15", "2022-08-19", "Pleiku")]


def test_participants_are_attendees_and_speakers():
    body = ("Sáng 3/10, tại thành phố Phủ Lý, Thư viện tỉnh Hà Nam tổ chức Tọa đàm “Văn hóa đọc học đường”. "
            "Tham dự có ông Trần Văn Bình, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Nam; "
            "bà Lê Thị Mai, Giám đốc Thư viện tỉnh Hà Nam. "
            "Phát biểu tại Tọa đàm, nhà văn Đỗ Bích Thủy chia sẻ kinh nghiệm.")
    evs = events(body, published="2024-10-04")
    assert len(evs) == 1 and evs[0].kind == "Seminar"
    assert {"Trần Văn Bình", "Lê Thị Mai", "Đỗ Bích Thủy"} <= set(evs[0].participants)


def test_hard_negative_policy_commentary():
    body = ("Văn hóa đọc có vai trò quan trọng. Đề án được phê duyệt tại Quyết định số 329/QĐ-TTg ngày 15/3/2017. "
            "Luật Thư viện có hiệu lực từ ngày 01/7/2020. Ngày 21/4 hằng năm được lấy là Ngày Sách và Văn hóa đọc "
            "Việt Nam. Cần khuyến khích tổ chức, cá nhân tham gia xây dựng tủ sách cộng đồng.")
    assert events(body, published="2023-11-20") == []


def test_hard_negative_notice():
    body = ("Thư viện tỉnh trân trọng thông báo lịch phục vụ bạn đọc dịp Tết Nguyên đán như sau: "
            "thời gian nghỉ phục vụ từ ngày 25/01/2025 đến hết ngày 02/02/2025 (tức từ ngày 26 tháng Chạp "
            "đến mùng 5 tháng Giêng). Mọi thắc mắc xin liên hệ chị Nguyễn Thu Hà.")
    assert events(body, published="2025-01-21") == []


def test_statistics_reported_speech_and_related_headlines_make_no_events():
    body = ("Ngày 13/7, Thư viện tỉnh Yên Bái tổ chức Hội nghị sơ kết 6 tháng đầu năm tại thành phố Yên Bái.\n"
            "Bà Hoàng Thị Lan cho biết, 6 tháng qua đơn vị đã tổ chức hơn 30 hoạt động hưởng ứng Ngày Sách.\n"
            "Từ đầu năm đến nay, xe thư viện lưu động đã thực hiện 20 chuyến phục vụ tại các huyện.\n"
            "Thời gian tới, Thư viện sẽ tổ chức Cuộc thi Đại sứ Văn hóa đọc.\n\n"
            "Tin liên quan\n"
            "  » Khai mạc Triển lãm sách mùa xuân (05/02/2024)\n")
    assert kinds(body, published="2024-07-14") == [("Conference", "2024-07-13")]


def test_launch_ceremony_is_a_launch():
    evs = events("Sáng 12/3, Thư viện tỉnh Hòa Bình tổ chức lễ ra mắt mô hình “Góc đọc ngoài trời” tại "
                 "Quảng trường Hòa Bình.")
    assert [(e.kind, e.start) for e in evs] == [("Launch", "2024-03-12")]


def test_poetry_night_is_an_event_and_frames_what_follows():
    evs = events("Tối 20/4, Hội Văn học nghệ thuật tỉnh tổ chức đêm thơ “Mùa hoa gạo” tại Thư viện tỉnh Bắc Giang. "
                 "Nhân dịp này, Nhà xuất bản Hội Nhà văn ra mắt tập thơ “Phố núi”.")
    assert [(e.kind, e.start) for e in evs] == [("Other", "2024-04-20"), ("Launch", "2024-04-20")]


def test_today_in_parentheses_dates_the_lead():
    evs = events("(TTXVN) - Hôm nay (5/6), Thư viện tỉnh Yên Bái khai mạc triển lãm sách “Biển đảo quê hương”.",
                 published="2024-06-05")
    assert [(e.kind, e.start) for e in evs] == [("Exhibition", "2024-06-05")]


def test_label_keeps_a_thousands_separator():
    text = ("Thư viện tỉnh Hưng Yên tặng sách cho học sinh\n\n"
            "Sáng ngày 12/3/2024, Thư viện tỉnh Hưng Yên trao tặng 2.500 bản sách cho Trường Tiểu học "
            "Lạc Hồng. Buổi trao tặng diễn ra trong không khí vui tươi.")
    facts = RuleExtractor()(article_from_text(text, id="t-label", published="2024-03-13"))
    labels = [e.label for e in facts.events if e.kind == "BookDonation"]
    assert labels and "2.500 bản sách" in labels[0]


def test_statistics_test_in_two_patterns_equals_the_single_alternation():
    import re

    from libkg.extract.events import _STAT_ANYWHERE, _STAT_OPENING

    single = re.compile(r"^\W*(năm \d{4}|từ đầu năm|trong năm|thời gian tới|những năm qua|hiện nay|trong nhiệm kỳ|"
                        r"\d+ tháng|theo\b|trước khi|sắp tới)|đến nay|hằng năm|hàng năm")
    segs = ["năm 2022, thư viện", " - hiện nay", "(theo báo)", "đến nay đã có", "tổ chức hằng năm", "x năm 2022",
            "  3 tháng qua", "theodõi", "trong năm", "sáng nay, hàng năm", "", "...trước khi", "Năm 2022"]
    for seg in segs:
        assert bool(_STAT_OPENING.match(seg) or _STAT_ANYWHERE.search(seg)) == bool(single.search(seg)), seg


def test_people_of_a_features_opening_do_not_attend_its_first_event():
    body = ("Người gây dựng tủ sách là ông Trần Văn Lợi, giáo viên về hưu. Bà Phan Thị Tâm, Chủ tịch UBND xã "
            "Thạch Kênh cho biết xã đã mua giá sách. Tủ sách có hơn 1.200 cuốn. Mỗi quý sách được luân chuyển. "
            "Bạn đọc nhỏ đến đọc mỗi cuối tuần. Tham dự có bà Đặng Thị Nga, Phó Giám đốc Thư viện tỉnh Hà Tĩnh. "
            "Ngày 12/10/2023, Thư viện tỉnh Hà Tĩnh trao tặng 1.000 cuốn sách cho Đồn Biên phòng Sơn Kim.")
    evs = events(body, published="2023-10-20")
    assert [(e.kind, e.start) for e in evs] == [("BookDonation", "2023-10-12")]
    assert evs[0].participants == ["Đặng Thị Nga"]


def test_a_site_visited_is_the_place_even_when_its_town_follows():
    evs = events("Chiều 11/12, đoàn tham quan Khu di tích quốc gia đặc biệt Óc Eo - Ba Thê tại thị trấn Óc Eo, "
                 "huyện Thoại Sơn.", published="2020-12-12")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Visit", "2020-12-11", "Khu di tích quốc gia đặc biệt Óc Eo - Ba Thê")]


def test_after_the_opening_cues_a_sub_event():
    evs = events("Sáng 2/7, Thư viện huyện Thọ Xuân tổ chức Ngày hội đọc sách hè năm 2023 tại Nhà Văn hóa Lam Sơn. "
                 "Sau lễ khai mạc, các đại biểu dâng hương tại Khu di tích lịch sử quốc gia đặc biệt Lam Kinh.",
                 published="2023-07-06")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Festival", "2023-07-02", "Nhà Văn hóa Lam Sơn"),
        ("Ceremony", "2023-07-02", "Khu di tích lịch sử quốc gia đặc biệt Lam Kinh")]


def test_recently_gives_an_undated_event():
    evs = events("Sáng 24/11, Thư viện tỉnh Quảng Bình khai mạc triển lãm sách. Vừa qua, Thư viện tỉnh Quảng Bình "
                 "phối hợp với Công ty Cổ phần Văn hóa Phương Nam trao tặng 3.000 bản sách cho 6 trường tiểu học ở xã "
                 "Tân Ninh, huyện Quảng Ninh.", published="2020-11-25")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Exhibition", "2020-11-24", None), ("BookDonation", None, "Tân Ninh")]


def test_an_exhibitions_run_given_later_is_the_same_exhibition():
    evs = events("Tối 30/4, Thư viện tỉnh Tây Ninh tổ chức chương trình giao lưu “Ký ức tháng Tư”. Trong khuôn khổ "
                 "chương trình, Thư viện tỉnh trưng bày hơn 500 tài liệu. Trưng bày mở cửa từ ngày 25/4 đến hết ngày "
                 "10/5/2025. Sáng cùng ngày, đoàn viên chức dâng hoa và tham quan Khu di tích Căn cứ Trung ương Cục "
                 "miền Nam.", published="2025-05-02")
    assert [(e.kind, e.start, e.end) for e in evs] == [
        ("Other", "2025-04-30", None), ("Exhibition", "2025-04-25", "2025-05-10"), ("Visit", "2025-04-30", None)]


def test_an_online_event_has_no_place_but_its_hall():
    evs = events("Từ ngày 20 đến 22/9, Thư viện tỉnh Bình Dương mở lớp tập huấn trực tuyến cho 150 giáo viên trên "
                 "địa bàn tỉnh Bình Dương. Ngày 25/9, Hội Thư viện Việt Nam tổ chức hội thảo trực tuyến tại Hội "
                 "trường Thư viện Quốc gia Việt Nam.", published="2021-09-30")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Training", "2021-09-20", None), ("Workshop", "2021-09-25", "Hội trường Thư viện Quốc gia Việt Nam")]


def test_an_earlier_event_does_not_take_the_frames_venue():
    evs = events("Sáng 20/4, tại Thư viện tỉnh Thanh Hóa, Sở Văn hóa, Thể thao và Du lịch tổ chức khai mạc Ngày Sách "
                 "và Văn hóa đọc Việt Nam. Cũng tại buổi lễ, Sở trao giải Cuộc thi Đại sứ Văn hóa đọc. Trong khuôn "
                 "khổ Ngày Sách, Thư viện tỉnh trưng bày 2.000 cuốn sách. Trước đó, ngày 15/3, Thư viện tỉnh tổ "
                 "chức Hội nghị tổng kết công tác năm 2022.", published="2023-04-21")
    got = [(e.kind, e.start, e.place) for e in evs]
    assert ("Exhibition", "2023-04-20", "Thư viện tỉnh Thanh Hóa") in got
    assert ("Conference", "2023-03-15", None) in got


def test_reunification_is_no_reported_agreement_and_recently_with_dates():
    evs = events("Chào mừng kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025), "
                 "sáng 24/4, tại Khu di tích quốc gia đặc biệt Đôi bờ Hiền Lương - Bến Hải, Thư viện tỉnh Quảng Trị "
                 "khai mạc trưng bày sách. Vừa qua, trong 2 ngày 22 và 23/4, Thư viện tỉnh đưa xe thư viện lưu động "
                 "phục vụ học sinh xã Vĩnh Thành.", published="2025-04-26")
    assert [(e.kind, e.start) for e in evs] == [("Exhibition", "2025-04-24"), ("Other", "2025-04-22")]


def test_an_end_date_alone_is_carried_to_no_event():
    evs = events("Sáng nay (21/4), tại Thư viện Quốc gia Việt Nam, Bộ Văn hóa, Thể thao và Du lịch tổ chức khai mạc "
                 "Ngày Sách và Văn hóa đọc Việt Nam lần thứ 4. Các hoạt động diễn ra đến hết ngày 23/4. Trong khuôn "
                 "khổ Ngày Sách, Thư viện Quốc gia Việt Nam tổ chức trưng bày chuyên đề “Non sông liền một dải”. "
                 "Cùng ngày, ông Vũ Đức Thịnh công bố ra mắt nền tảng “Thư viện số dùng chung”.", published="2025-04-21")
    assert [(e.kind, e.start) for e in evs] == [
        ("Festival", "2025-04-21"), ("Exhibition", "2025-04-21"), ("Launch", "2025-04-21")]


def test_a_prize_giving_ceremony_is_a_ceremony_not_the_contest():
    evs = events("Chiều 17/4, Thư viện tỉnh Thái Bình tổ chức Lễ trao giải Cuộc thi “Đại sứ Văn hóa đọc” tỉnh Thái "
                 "Bình năm 2021.", published="2021-04-20")
    # the ceremony is a ceremony; the contest it closes, told nowhere else, runs in the year its name gives
    assert [(e.kind, e.start) for e in evs] == [("Ceremony", "2021-04-17"), ("Competition", "2021")]
    assert evs[1].label.startswith("Cuộc thi “Đại sứ Văn hóa đọc”")
    # a contest the article tells itself is not added again
    evs = events("Chiều 17/4, Thư viện tỉnh Thái Bình tổ chức Lễ trao giải Cuộc thi “Đại sứ Văn hóa đọc” tỉnh Thái "
                 "Bình năm 2021. Cuộc thi được phát động từ tháng 2/2021.", published="2021-04-20")
    assert [e.kind for e in evs].count("Competition") == 1


def test_on_this_occasion_is_the_dated_event_not_a_contest_launched_earlier():
    evs = events("Chiều 17/4, tại Thư viện tỉnh Thái Bình, Sở Văn hóa, Thể thao và Du lịch tổ chức Lễ trao giải Cuộc "
                 "thi “Đại sứ Văn hóa đọc”. Cuộc thi do Sở phát động từ tháng 2/2021, thu hút hơn 3.200 bài dự thi. "
                 "Dịp này, Thư viện tỉnh Thái Bình trao tặng 2.000 cuốn sách cho thư viện 12 trường tiểu học.",
                 published="2021-04-20")
    assert ("BookDonation", "2021-04-17") in [(e.kind, e.start) for e in evs]


def test_an_effective_date_is_carried_to_no_event():
    evs = events("Ngày 16/10, tại Thư viện Khoa học Tổng hợp Đà Nẵng, Sở Văn hóa, Thể thao và Du lịch tổ chức Hội nghị "
                 "triển khai công tác thư viện. Từ ngày 1/7/2025, tỉnh Quảng Nam và thành phố Đà Nẵng hợp nhất. Tại "
                 "hội nghị, Thư viện Khoa học Tổng hợp Đà Nẵng đã ra mắt ứng dụng “Thư viện số Đà Nẵng”.",
                 published="2025-10-21")
    assert [(e.kind, e.start) for e in evs] == [("Conference", "2025-10-16"), ("Launch", "2025-10-16")]


def test_continuing_a_conference_refers_to_it_and_sports_events():
    evs = events("Ngày 16/10, Sở Văn hóa, Thể thao và Du lịch tổ chức Hội nghị triển khai công tác thư viện. Tiếp nối "
                 "hội nghị, từ ngày 17 đến 19/10, tại Quảng trường 2/9, Sở tổ chức Ngày hội Sách và Văn hóa đọc. "
                 "Tối 18/10, tại sân Thư viện, các đại biểu tham gia giao lưu bóng chuyền hơi. Sáng 19/10 diễn ra "
                 "giải chạy “Đọc sách - Sống khỏe”.", published="2025-10-21")
    assert [(e.kind, e.start) for e in evs] == [
        ("Conference", "2025-10-16"), ("Festival", "2025-10-17"), ("SportsEvent", "2025-10-18"),
        ("SportsEvent", "2025-10-19")]


def test_a_headline_in_capitals_repeated_in_the_page_makes_no_event():
    evs = events("BỒI DƯỠNG NGHIỆP VỤ THƯ VIỆN NĂM 2022 CHO CÁN BỘ THƯ VIỆN CƠ SỞ\n\nTừ ngày 13 đến 15/9, Thư viện tỉnh "
                 "Kon Tum tổ chức lớp bồi dưỡng nghiệp vụ thư viện năm 2022.", published="2022-09-16")
    assert [(e.kind, e.start) for e in evs] == [("Training", "2022-09-13")]


def test_mobile_library_service_organised():
    evs = events("Trong hai ngày 26-27/7/2023, Thư viện tỉnh Quảng Ngãi phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh "
                 "tổ chức phục vụ thư viện lưu động tại huyện đảo Lý Sơn.", published="2023-07-28")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Other", "2023-07-26", "Lý Sơn")]


# ---------------------------------------------------------------- issue 18: real-page rule families

def test_inauguration_and_anniversary_are_ceremonies_and_a_week_is_a_festival():
    cases = {
        "khánh thành Nhà đọc sách xã Đông Phong": "Ceremony",
        "kỷ niệm 60 năm thành lập Thư viện tỉnh": "Ceremony",
        "khai trương Không gian đọc Thiên Hà": "Launch",
        "Tuần lễ hưởng ứng học tập suốt đời năm 2024": "Festival",
    }
    for name, kind in cases.items():
        got = kinds(f"Sáng 10/5, tại thành phố Hải Dương, Thư viện tỉnh Hải Dương tổ chức {name}.")
        assert got == [(kind, "2024-05-10")], (name, got)


def test_handing_over_book_cabinets_is_a_donation_but_not_a_handover_of_premises():
    got = kinds("Ngày 8/3, Thư viện tỉnh Yên Bái đã bàn giao 12 tủ sách cộng đồng cho các xã vùng cao.")
    assert got == [("BookDonation", "2024-03-08")]
    assert kinds("Ngày 8/3, Thư viện huyện Văn Yên bàn giao trụ sở, kho sách và trang thiết bị cho xã.") == []


def test_mobile_library_runs_organised_without_the_word_serve_nearby():
    body = ("Ngày 14/5, Thư viện tỉnh Điện Biên tổ chức đưa xe thư viện lưu động đa phương tiện đến "
            "Đồn Biên phòng Mường Nhé và Trường Tiểu học Chung Chải, huyện Mường Nhé. "
            "Trong chuyến công tác này, Thư viện tỉnh đã trao tặng mỗi đơn vị 150 cuốn sách.")
    assert kinds(body) == [("BookDonation", "2024-05-14"), ("Other", "2024-05-14")]
    body = "Ngày 2/6, Thư viện tỉnh Sơn La tổ chức luân chuyển 3.000 bản sách về thư viện các xã."
    assert kinds(body) == [("Other", "2024-06-02")]
    # a rotation without a count is routine work, not a happening
    assert kinds("Ngày 2/6, Thư viện tỉnh Sơn La tổ chức luân chuyển tài liệu và hướng dẫn nghiệp vụ.") == []


def test_sub_event_cues_tie_a_sentence_to_the_event_in_focus():
    body = ("Sáng 19/4, tại thành phố Bảo Lộc, Thư viện tỉnh Lâm Đồng tổ chức Ngày hội đọc sách cho thiếu nhi. "
            "Bên cạnh đó, các em còn được tặng 300 cuốn sách do Công ty Sách Hoa Mai phát hành.")
    evs = events(body)
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Festival", "2024-04-19", "Bảo Lộc"), ("BookDonation", "2024-04-19", "Bảo Lộc")]


def test_a_ceremony_of_giving_books_is_the_gift():
    got = kinds("Sáng 3/4, tại Thư viện tỉnh Nam Định đã diễn ra Lễ trao tặng 500 cuốn sách của nhà văn Trần Hữu Bình.")
    assert got == [("BookDonation", "2024-04-03")]


def test_summing_up_and_awarding_two_contests_are_two_award_ceremonies():
    body = ("Thông tin này được Thư viện tỉnh Quảng Trị cho biết tại buổi lễ tổng kết và trao giải cuộc thi "
            "Đại sứ Văn hóa đọc năm 2024 diễn ra ngày 12/11. "
            "Ban giám khảo đã chọn 30 bài xuất sắc để trao giải cá nhân. "
            "Cũng trong sáng cùng ngày, Thư viện tỉnh đã tổ chức tổng kết, trao giải cuộc thi Giới thiệu sách "
            "trực tuyến năm 2024.")
    assert kinds(body, published="2024-11-13") == [
        ("Ceremony", "2024-11-12"), ("Ceremony", "2024-11-12"), ("Competition", "2024"), ("Competition", "2024")]


def test_an_opening_the_headline_reports_is_a_ceremony_beside_the_event_it_opens():
    body = ("Sáng 18/4, tại Quảng trường Hòa Bình, Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Yên tổ chức khai mạc "
            "Ngày hội Sách và Văn hóa đọc tỉnh Phú Yên năm 2024. Dự lễ khai mạc có ông Trần Văn Nam.")
    evs = events(body, title="Khai mạc Ngày hội Sách và Văn hóa đọc tỉnh Phú Yên năm 2024")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Festival", "2024-04-18", "Quảng trường Hòa Bình"), ("Ceremony", "2024-04-18", "Quảng trường Hòa Bình")]
    assert evs[1].label.startswith("Khai mạc Ngày hội Sách")
    # the same sentence under a headline about something else: the festival only
    assert kinds(body, title="Sôi nổi hoạt động đọc sách") == [("Festival", "2024-04-18")]


def test_a_named_event_another_is_held_for_has_no_date_of_its_own():
    body = ("Chào mừng thành công Đại hội Hội Nông dân toàn quốc lần thứ IX, sáng 5/3, Thư viện tỉnh Hòa Bình "
            "tổ chức Hội sách mùa xuân năm 2024.")
    got = kinds(body)
    assert got == [("Congress", None), ("Festival", "2024-03-05")]
    # a recurring day without an edition or a year is no event
    assert kinds("Sáng 5/3, hướng tới Ngày Sách Việt Nam, Thư viện tỉnh Hòa Bình tổ chức Hội sách mùa xuân.") == [
        ("Festival", "2024-03-05")]


def test_generic_mentions_name_no_happening():
    body = ("Công ty Sách Trí Việt đồng tài trợ hội thảo này. "
            "Các vấn đề lớn của Liên hiệp được quyết định tại Hội nghị thường niên của Liên hiệp. "
            "Thư viện tỉnh tổ chức Ngày Sách và Văn hóa đọc Việt Nam với hàng trăm hoạt động.")
    assert kinds(body) == []


def test_a_term_in_an_occasion_name_is_no_date():
    body = ("Chào mừng Đại hội đại biểu Đảng bộ tỉnh Hà Nam lần thứ XX, nhiệm kỳ 2025 - 2030, sáng 5/3, "
            "Thư viện tỉnh Hà Nam tổ chức trưng bày 500 tài liệu.")
    assert kinds(body) == [("Congress", None), ("Exhibition", "2024-03-05")]


def test_places_named_plainly_but_not_where_the_event_happens():
    # a province qualifying an organisation, a country, a list of districts: no venue
    body = ("UBND huyện Cồn Cỏ (Quảng Trị) và Công ty Sách Bình Minh vừa tổ chức khánh thành Thư viện huyện Cồn Cỏ.")
    assert [(e.kind, e.place) for e in events(body)] == [("Ceremony", None)]
    body = "Thư viện tỉnh Nghệ An vừa trao tặng 900 bản sách cho các tủ sách ở các huyện Anh Sơn, Con Cuông."
    assert [(e.kind, e.place) for e in events(body)] == [("BookDonation", None)]
    body = ("Ngày 2/9, Thư viện tỉnh Nghệ An tổ chức trưng bày sách chủ đề “Cộng hòa Xã hội chủ nghĩa "
            "Việt Nam - 80 năm”.")
    assert [(e.kind, e.place) for e in events(body)] == [("Exhibition", None)]


def test_an_event_named_undated_first_takes_the_date_and_venue_of_its_first_dated_mention():
    body = ("Cắt băng khai mạc Hội sách Hải Dương năm 2024. "
            "Sáng 19/4 tại Nhà Văn hóa Trung tâm tỉnh, Sở Văn hóa tổ chức Khai mạc Hội sách Hải Dương năm 2024.")
    evs = [(e.kind, e.start, e.place) for e in events(body, title="")]
    assert ("Festival", "2024-04-19", "Nhà Văn hóa Trung tâm tỉnh") in evs
    assert ("Festival", None, None) not in evs


def test_a_meeting_later_called_a_conference_is_one_conference():
    body = ("Ngày 12-13/6/2024, tại thành phố Quy Nhơn đã diễn ra cuộc họp lần thứ 20 của Liên hiệp thư viện "
            "các tỉnh miền Trung. Phát biểu khai mạc Hội nghị, ông Lê Văn Tâm nhấn mạnh vai trò của Liên hiệp.")
    assert kinds(body) == [("Conference", "2024-06-12")]


def test_a_training_conference_is_a_training():
    assert kinds("Ngày 2/10, Thư viện tỉnh Cà Mau tổ chức hội nghị tập huấn nghiệp vụ thư viện trường học.") == [
        ("Training", "2024-10-02")]


def test_an_event_name_is_one_line():
    evs = events("Ngày 1/10, tại Đồ Sơn, Thư viện Quốc gia tổ chức lớp tập huấn sử dụng quy tắc biên mục\n"
                 "mô tả tài nguyên.")
    assert evs and "\n" not in evs[0].label and "  " not in evs[0].label


def test_mixed_quote_marks_enclose_a_title():
    body = 'Thư viện tỉnh Sơn La vừa tổ chức buổi tọa đàm "Vang mãi khúc ca Mộc Châu” cho học sinh.'
    assert [(e.kind, e.place) for e in events(body)] == [("Seminar", None)]
    # an event word inside a quoted title is no event of its own
    body = 'Ngày 4/5, Thư viện tỉnh Sơn La ra mắt cuốn sách "Lễ hội xuống đồng của người Thái”.'
    assert kinds(body) == [("Launch", "2024-05-04")]


def test_an_undated_exhibition_for_an_anniversary_takes_the_anniversary_year():
    body = ("Nhân kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024), Thư viện Hà Nội tổ chức "
            "trưng bày 2.000 tư liệu về Thủ đô.")
    assert kinds(body, published=None) == [("Exhibition", "2024")]


def test_prizes_handed_out_within_a_contest_make_no_ceremony():
    body = ("Ngày 6/7, Thư viện tỉnh Bình Phước tổ chức hội thi “Kể chuyện theo sách” năm 2024. "
            "Kết thúc hội thi, ban tổ chức đã trao giải nhất cho thí sinh Lê Thu Hà.")
    assert kinds(body) == [("Competition", "2024-07-06")]


def test_a_mobile_library_bus_is_a_mobile_library_run():
    body = ("Ngày 29/4, Thư viện tỉnh Sóc Trăng tổ chức Ngày hội đọc sách tại huyện Mỹ Tú. Trong ngày hội, "
            "Thư viện tỉnh đã tổ chức phục vụ xe ô tô thư viện lưu động cho 500 học sinh.")
    assert kinds(body) == [("Festival", "2024-04-29"), ("Other", "2024-04-29")]


def test_an_exhibition_that_opens_in_the_sentence_has_its_opening_ceremony():
    body = "Triển lãm ảnh “Biển đảo quê hương” chính thức khai mạc vào sáng 22/4 tại Bảo tàng tỉnh Khánh Hòa."
    evs = events(body, title="Khai mạc triển lãm ảnh về biển đảo")
    assert [(e.kind, e.start) for e in evs] == [("Exhibition", "2024-04-22"), ("Ceremony", "2024-04-22")]
    assert evs[1].label.startswith("Khai mạc Triển lãm")


def test_an_opening_named_in_a_caption_is_dated_by_the_report():
    body = ("Cắt băng khai mạc Hội sách Hải Dương năm 2024. "
            "Sáng 19/4 tại Nhà Văn hóa Trung tâm tỉnh, Sở Văn hóa tổ chức Khai mạc Hội sách Hải Dương năm 2024.")
    evs = [(e.kind, e.start) for e in events(body, title="")]
    assert evs == [("Festival", "2024-04-19"), ("Ceremony", "2024-04-19")]


def test_a_courtesy_call_is_a_visit():
    body = ("Chiều 22/4, Giám đốc Thư viện tỉnh Bình Dương đã tiếp ông Kim Min Soo, Tổng lãnh sự Hàn Quốc, "
            "đến chào xã giao và trao đổi về hợp tác.")
    assert kinds(body) == [("Visit", "2024-04-22")]


def test_a_later_mention_gives_the_venue_an_event_lacked():
    body = ("Thư viện tỉnh Hòa Bình đã bàn giao 20 tủ sách cộng đồng cho các xã vùng cao. "
            "Thư viện tỉnh Hòa Bình bàn giao tủ sách cộng đồng tại xã Tân Lạc.")
    assert [(e.kind, e.place) for e in events(body)] == [("BookDonation", "Tân Lạc")]
    # not the place of a person named in between, not for an online event
    body = ("Thư viện tỉnh Hòa Bình tổ chức tọa đàm “Đọc sách mùa hè”. "
            "Tại buổi tọa đàm, anh Lê Văn Tú, bạn đọc tại Thư viện Quân đội, phát biểu cảm tưởng.")
    assert [(e.kind, e.place) for e in events(body)] == [("Seminar", None)]


def test_the_activities_listed_for_the_event_in_focus_are_its_sub_events():
    body = ("Sáng 12/7, Thư viện tỉnh Hải Dương tổ chức Ngày hội thiếu nhi đọc sách hè năm 2024. "
            "Ngày hội có nhiều hoạt động như triển lãm tranh thiếu nhi, thi vẽ tranh chủ đề “Mùa hè của em”.")
    assert kinds(body) == [("Competition", "2024-07-12"), ("Exhibition", "2024-07-12"), ("Festival", "2024-07-12")]


def test_a_caption_named_ceremony_takes_the_venue_the_report_leads_with():
    body = ("Ông Lê Văn Bình phát biểu tại Lễ ký kết hợp tác. "
            "Sáng 21/6, tại Trường Đại học Cần Thơ, đã diễn ra Lễ ký kết hợp tác về thư viện.")
    evs = events(body, published=None)
    assert [(e.kind, e.place) for e in evs] == [("Ceremony", "Trường Đại học Cần Thơ")]


def test_a_gift_told_at_the_event_named_earlier_in_the_sentence_is_a_sub_event():
    body = ("Sáng 21/4, Thư viện tỉnh Hà Tĩnh tổ chức Ngày hội sách năm 2024. "
            "Đặc biệt, trong ngày hội sách năm nay, nhiều đơn vị đã ủng hộ trao tặng 500 cuốn sách cho các xã.")
    assert kinds(body) == [("BookDonation", "2024-04-21"), ("Festival", "2024-04-21")]


def test_a_place_qualifying_an_attendees_role_is_no_venue():
    body = ("Đến dự lễ ra mắt Thư viện xã Tân Phú có ông Lê Văn Hòa, Trưởng phòng Văn hóa huyện Cai Lậy.")
    assert [(e.kind, e.place) for e in events(body)] == [("Launch", None)]


def test_a_region_named_as_the_audience_is_no_venue():
    body = ("Từ ngày 1 đến 5/10, tại Đồ Sơn, thành phố Hải Phòng. "
            "Thư viện Quốc gia tổ chức lớp tập huấn biên mục cho các thư viện khu vực miền Bắc.")
    evs = events(body, published="2024-10-06")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Training", "2024-10-01", "Đồ Sơn")]


def test_a_mobile_library_run_is_at_the_school_it_serves():
    body = ("Sáng 2/6, tại thị trấn Cần Giuộc, Thư viện tỉnh Long An tổ chức Ngày hội đọc sách. "
            "Cùng ngày, xe thư viện lưu động của Thư viện tỉnh đến phục vụ hơn 300 học sinh "
            "Trường Tiểu học Phước Lại.")
    assert [(e.kind, e.place) for e in events(body)] == [
        ("Festival", "Cần Giuộc"), ("Other", "Trường Tiểu học Phước Lại")]


def test_an_event_dated_nowhere_runs_in_the_year_its_name_gives():
    evs = events("Tại lễ tổng kết Cuộc thi Sắc màu trang sách 2023 do Sở Văn hóa tỉnh Hòa Mỹ tổ chức, "
                 "em Trần Thu An giành giải Nhất.", published=None, title="Trao giải cuộc thi vẽ")
    assert ("Ceremony", "2023") in [(e.kind, e.start) for e in evs]


def test_a_contest_said_to_end_on_a_later_day_is_the_one_begun_not_a_new_one():
    evs = events("Ngày 3/6, Thư viện huyện Ba Khe khai mạc hội thi kể chuyện theo sách mùa hè. "
                 "Có 12 đội tham gia. Hội thi kể chuyện theo sách mùa hè kết thúc vào ngày 5/6.",
                 published="2024-06-06")
    assert [(e.kind, e.start, e.end) for e in evs] == [("Competition", "2024-06-03", "2024-06-05")]


def test_events_a_plan_names_run_in_the_year_it_gives_not_on_the_meeting_day():
    evs = events("Sáng 9/3, tại Hội trường Thư viện tỉnh Hòa Mỹ, Liên hiệp Thư viện các tỉnh miền núi tổ chức "
                 "Hội nghị triển khai hoạt động năm 2024. Hội nghị đã thông qua kế hoạch tổ chức Hội thi kể chuyện "
                 "theo sách năm 2024 của Liên hiệp.", published="2024-03-10")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Conference", "2024-03-09", "Hội trường Thư viện tỉnh Hòa Mỹ"), ("Competition", "2024", None)]


def test_the_items_of_a_planned_list_are_planned_events_of_the_plans_year():
    evs = events("Ngày 5/1/2024, tại Thư viện huyện Ba Khe, Chi hội Thư viện Ba Khe tổ chức cuộc họp chi hội.\n"
                 "Cuộc họp bàn kế hoạch tổ chức các hoạt động trong năm 2024 như:\n"
                 "- Trưng bày sách về biển đảo quê hương.\n"
                 "- Tổ chức tọa đàm về sách địa chí.\n"
                 "Cuộc họp kết thúc lúc 11 giờ.", published=None, title="Họp chi hội")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Meeting", "2024-01-05", "Thư viện huyện Ba Khe"), ("Exhibition", "2024", None), ("Seminar", "2024", None)]


def test_carrying_out_a_plan_is_no_plan():
    evs = events("Thực hiện kế hoạch tổ chức Ngày hội đọc sách, sáng 20/4, Thư viện huyện Ba Khe tổ chức "
                 "Ngày hội đọc sách năm 2024 tại Trường Tiểu học Cát Lâm.", published="2024-04-21")
    assert [(e.kind, e.start) for e in evs] == [("Festival", "2024-04-20")]


def test_a_page_of_furniture_only_gives_no_event():
    text = ("Trang chủ\n\nTin liên quan\nNgày 3/4, khai mạc Hội sách tỉnh Hòa Mỹ năm 2024.\n"
            "Sáng 5/4, Hội thảo về thư viện số tại Ba Khe.")
    assert EX(article_from_text(text, id="t2", published="2024-04-06")).events == []


def test_an_event_date_without_its_year_in_the_text_says_so():
    evs = events("Sáng 14/3, Thư viện tỉnh Hòa Mỹ tổ chức Hội thảo về thư viện số.", published="2024-03-15")
    assert [(e.start, e.year_inferred) for e in evs] == [("2024-03-14", True)]
    evs = events("Sáng 14/3/2024, Thư viện tỉnh Hòa Mỹ tổ chức Hội thảo về thư viện số.", published="2024-03-15")
    assert [(e.start, e.year_inferred) for e in evs] == [("2024-03-14", False)]


def test_an_event_name_ends_before_what_the_sentence_says_of_it():
    evs = events("Hội sách tỉnh Hòa Mỹ năm 2024 khai mạc tối 20/11 là dịp để bạn đọc gặp gỡ các tác giả. "
                 "Hội sách tỉnh Hòa Mỹ năm 2024 chính thức kết thúc vào ngày 24/11.", published="2024-11-25")
    assert [(e.label, e.start, e.end) for e in evs] == [("Hội sách tỉnh Hòa Mỹ năm 2024", "2024-11-20", "2024-11-24")]


def test_a_venue_the_event_is_later_said_to_take_place_at_outranks_the_town_the_lead_named():
    evs = events("Hội sách tỉnh Cao Bằng năm 2024 khai mạc tối 20/11 tại thành phố Cao Bằng. Diễn ra tại khuôn viên "
                 "Thư viện tỉnh Cao Bằng, Hội sách tỉnh Cao Bằng năm 2024 thu hút đông đảo bạn đọc.",
                 published="2024-11-25")
    assert [(e.kind, e.place) for e in evs] == [("Festival", "Thư viện tỉnh Cao Bằng")]


def test_a_contest_named_at_its_award_ceremony_runs_in_its_own_year_not_on_the_ceremony_day():
    evs = events("Sáng 2/10, Thư viện huyện Ba Khe tổ chức trao giải Cuộc thi Vẽ tranh theo sách năm 2024.\n"
                 "Em Lý Thu Hà nhận giải nhất của các thí sinh tham gia Cuộc thi Vẽ tranh theo sách năm 2024.",
                 published="2024-10-03")
    assert sorted((e.kind, e.start) for e in evs) == [("Ceremony", "2024-10-02"), ("Competition", "2024")]


def test_theo_do_opens_what_happened_at_the_event_in_focus_not_a_statistic():
    evs = events("Sáng 6/12, Thư viện tỉnh Cao Bằng tổ chức khai trương tủ sách cơ sở tại xã Đàm Thủy. "
                 "Đây là hoạt động ý nghĩa với bà con. "
                 "Theo đó, Thư viện tỉnh trao tặng mỗi tủ sách 80 bản sách.", published="2024-12-07")
    assert sorted((e.kind, e.start) for e in evs) == [("BookDonation", "2024-12-06"), ("Launch", "2024-12-06")]


def test_on_a_page_without_a_date_the_events_the_headline_names_take_its_year():
    evs = events("Ông Lò Văn Sơn phát biểu tại lễ khai mạc.\nCác đội thi kể những câu chuyện về quê hương. "
                 "Các đội tham gia hội thi kể những câu chuyện về Bác Hồ.", published=None,
                 title="Khai mạc hội thi kể chuyện theo sách huyện Ba Khe lần thứ III, năm 2024")
    assert sorted((e.kind, e.start) for e in evs) == [("Ceremony", "2024"), ("Competition", "2024")]
    dated = events("Ông Lò Văn Sơn phát biểu tại lễ khai mạc.\nHội thi thu hút 12 đội của các xã tham gia.",
                   published="2024-06-03", title="Khai mạc hội thi kể chuyện theo sách lần thứ III, năm 2024")
    assert all(e.start != "2024" for e in dated)


def test_a_contest_awarded_runs_when_it_was_launched_not_on_the_ceremony_day():
    evs = events("Sáng 16/12, Ban tổ chức trao giải thưởng Cuộc thi Giới thiệu sách hay huyện Ba Khe năm 2024 "
                 "tại Hội trường Thư viện huyện. Qua 2 tháng phát động từ ngày 1/9/2024 đến ngày 31/10/2024, "
                 "Ban tổ chức nhận được 300 bài dự thi.", published="2024-12-17")
    assert sorted((e.kind, e.start, e.end) for e in evs) == [
        ("Ceremony", "2024-12-16", None), ("Competition", "2024-09-01", "2024-10-31")]


def test_the_news_a_lead_reports_as_said_by_the_library_is_an_event():
    evs = events("Thư viện huyện Ba Khe cho biết, thư viện vừa tổ chức tiếp nhận 500 bản sách do gia đình "
                 "ông Lê Văn Tâm trao tặng.", published=None, title="Tiếp nhận sách")
    assert [(e.kind, e.label) for e in evs] == [("BookDonation", "Tiếp nhận 500 bản sách")]
    assert events("Ông Lê Văn Tâm cho biết, thư viện sẽ tổ chức tiếp nhận sách.", published=None) == []


def test_a_festival_the_event_responds_to_is_not_held_on_its_day():
    evs = events("Sáng 19/4, Thư viện huyện Ba Khe tổ chức chương trình đọc sách cho 200 học sinh tại Nhà văn hóa "
                 "huyện. Đây là hoạt động hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam năm 2024.",
                 published="2024-04-20")
    assert ("Festival", "2024", None) in [(e.kind, e.start, e.place) for e in evs]


def test_a_country_is_never_where_a_library_event_happens():
    evs = events("Sáng 3/5, Hội thảo về phát triển thư viện số tại Việt Nam được tổ chức trực tiếp.",
                 published="2024-05-04")
    assert [(e.kind, e.place) for e in evs] == [("Workshop", None)]


def test_a_contest_whose_works_are_shown_is_not_held_that_day():
    evs = events("Sáng 19/4, Thư viện huyện Ba Khe tổ chức Ngày hội đọc sách tại Nhà văn hóa huyện. "
                 "Bên cạnh đó, các em được xem những bức tranh từ Cuộc thi Vẽ tranh theo sách Quê em.",
                 published="2024-04-20")
    assert ("Competition", None) in [(e.kind, e.start) for e in evs]


def test_a_visit_a_caption_names_first_takes_the_date_of_its_report_and_dates_what_follows():
    evs = events("Đoàn công tác Sở Văn hóa làm việc với Thư viện tỉnh Cao Bằng\n"
                 "Ngày 21/8, đoàn công tác Sở Văn hóa đã làm việc với Thư viện tỉnh Cao Bằng về công tác số hóa.\n"
                 "Chiều cùng ngày, đoàn đã khảo sát thực tế tại kho sách của Thư viện tỉnh.",
                 published="2024-08-22", title="Tin hoạt động")
    assert [(e.kind, e.start) for e in evs] == [("Visit", "2024-08-21"), ("Visit", "2024-08-21")]


def test_a_festival_responded_to_in_the_sentence_of_another_event_takes_not_its_day():
    evs = events("Sáng 22/4, Thư viện huyện Ba Khe khai mạc triển lãm sách ảnh về Bác Hồ tại Nhà văn hóa huyện, "
                 "hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam lần thứ 3.", published="2024-04-23")
    assert [(e.kind, e.start) for e in evs if e.kind == "Festival"] == [("Festival", None)]


def test_a_day_named_in_parentheses_after_a_date_is_a_gloss_not_an_event():
    evs = events("Cuộc thi Đại sứ sách huyện Ba Khe năm 2024 được phát động vào ngày 21/4 (Ngày Sách và Văn hóa đọc "
                 "Việt Nam) và kết thúc nhận bài vào ngày 30/6.", published="2024-07-02")
    assert [e.kind for e in evs] == ["Competition"]
    # a parenthesis that is no gloss of a date still names what it names
    evs = events("Sáng 19/4, Thư viện huyện Ba Khe (đơn vị đăng cai) tổ chức Ngày hội đọc sách tại Nhà văn hóa huyện.",
                 published="2024-04-20")
    assert [(e.kind, e.start) for e in evs] == [("Festival", "2024-04-19")]


def test_a_practice_or_a_count_of_happenings_is_no_event():
    body = ("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2024. Thư viện thường "
            "xuyên tổ chức trưng bày sách theo chủ đề. Trong 6 tháng, thư viện đã tổ chức 12 cuộc triển lãm, "
            "5 hội thi và nhiều buổi tọa đàm.")
    assert kinds(body, published="2024-06-06") == [("Conference", "2024-06-05")]
    # one happening told with a number inside its name or after it stays an event
    assert kinds("Sáng 9/6, Thư viện tỉnh Lào Cai tổ chức Hội thi kể chuyện lần thứ 5 với 12 đội tham gia.",
                 published="2024-06-10") == [("Competition", "2024-06-09")]
    assert kinds("Sáng 9/6, Thư viện tỉnh Lào Cai tổ chức 01 lớp tập huấn cho 50 học viên.", published="2024-06-10") == [
        ("Training", "2024-06-09")]


def test_a_holiday_is_no_ceremony():
    body = ("Sáng 2/9, Thư viện tỉnh Lào Cai tổ chức trưng bày sách chào mừng Quốc khánh. Hoạt động trưng bày sách "
            "nhân các ngày lễ lớn của đất nước góp phần tuyên truyền chủ trương của Đảng. Dịp lễ, Tết, thư viện "
            "mở cửa phục vụ bạn đọc.")
    assert kinds(body, published="2024-09-03") == [("Exhibition", "2024-09-02")]
    assert kinds("Sáng 12/10, UBND xã Bản Xèo tổ chức Lễ khánh thành Thư viện xã.", published="2024-10-13") == [
        ("Ceremony", "2024-10-12")]


def test_a_meeting_with_readers_or_an_author_is_an_event():
    evs = events("Sáng 5/6, tại phòng đọc thiếu nhi Thư viện tỉnh Lào Cai đã diễn ra buổi giao lưu với nhà văn "
                 "Hoàng Minh Đức.", published="2024-06-06")
    assert [(e.kind, e.start, e.participants) for e in evs] == [("Other", "2024-06-05", ["Hoàng Minh Đức"])]


def test_kinds_by_head_noun_closing_ceremonies_gifts_of_thousands_and_meetings():
    def one(body):
        return kinds(body, published="2024-06-06")

    # SCHEMA: Lễ (khai mạc, trao giải, bế mạc ...) -> Ceremony; the closing of a book fair is no second fair
    assert one("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức Lễ bế mạc Hội sách năm 2024.") == [("Ceremony", "2024-06-05")]
    # a gift of a number of books written with a thousands dot
    assert one("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức Lễ tiếp nhận 2.000 cuốn sách do Quỹ Sách Hồng trao tặng.") == [
        ("BookDonation", "2024-06-05")]
    # họp -> Meeting
    assert one("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức họp báo giới thiệu Hội sách.") == [("Meeting", "2024-06-05")]
    assert one("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức họp triển khai kế hoạch năm.") == [("Meeting", "2024-06-05")]


def test_the_venue_the_headline_gives_is_the_place_of_the_event_the_body_tells_without_one():
    evs = events("Chiều 5/3, đoàn công tác Thư viện Quốc gia Việt Nam do bà Trần Thị Lan, Phó Giám đốc làm trưởng "
                 "đoàn đã đến thăm và làm việc. Tiếp đoàn có ông Phạm Văn Bình, Giám đốc Thư viện tỉnh Yên Bái.",
                 published="2024-03-06",
                 title="Thư viện Quốc gia Việt Nam đến thăm và làm việc tại Thư viện tỉnh Yên Bái")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Visit", "2024-03-05", "Thư viện tỉnh Yên Bái")]
    evs = events("Sáng 12/1, Thư viện tỉnh Yên Bái tổ chức Hội nghị tổng kết công tác năm 2023.",
                 published="2024-01-13", title="Hội nghị tổng kết công tác thư viện năm 2023 tại huyện Lục Yên")
    assert [(e.kind, e.place) for e in evs] == [("Conference", "Lục Yên")]
    # the body's own venue wins over the headline's
    evs = events("Sáng 12/1, tại Nhà văn hóa huyện Lục Yên, Thư viện tỉnh Yên Bái tổ chức Hội nghị tổng kết.",
                 published="2024-01-13", title="Hội nghị tổng kết tại Thư viện tỉnh Yên Bái")
    assert [(e.kind, e.place) for e in evs] == [("Conference", "Nhà văn hóa huyện Lục Yên")]


def test_an_online_event_told_again_as_held_in_a_hall_takes_that_hall():
    evs = events("Sáng 20/3, Bộ Văn hóa, Thể thao và Du lịch tổ chức Hội nghị trực tuyến toàn quốc về văn hóa đọc. "
                 "Tại điểm cầu tỉnh Lào Cai, hội nghị diễn ra tại Hội trường Thư viện tỉnh Lào Cai với sự tham dự "
                 "của ông Lê Văn Tám.", published="2024-03-21")
    assert [(e.kind, e.start, e.place) for e in evs] == [
        ("Conference", "2024-03-20", "Hội trường Thư viện tỉnh Lào Cai")]
    # told again without a hall, it stays without a place (not the province of the audience)
    evs = events("Sáng 20/3, Bộ Văn hóa tổ chức Hội nghị trực tuyến toàn quốc về văn hóa đọc. Hội nghị diễn ra tại "
                 "tỉnh Lào Cai và 62 điểm cầu.", published="2024-03-21")
    assert [(e.kind, e.place) for e in evs] == [("Conference", None)]


def test_where_delegates_come_from_or_a_list_of_provinces_is_not_where_the_event_happens():
    evs = events("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức hội nghị tổng kết với sự tham gia của đại biểu đến từ Yên Bái, "
                 "Lai Châu.", published="2024-06-06")
    assert [(e.kind, e.place) for e in evs] == [("Conference", None)]
    evs = events("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức Ngày hội đọc sách tại xã Bản Xèo, huyện Bát Xát.",
                 published="2024-06-06")
    assert [(e.kind, e.place) for e in evs] == [("Festival", "Bản Xèo")]  # a commune and its district: no list


def test_a_place_named_without_tai_is_no_venue():
    # real pages name a town as the actor, the audience or the scope; the venue follows "tại"
    evs = events("Sáng 12/10, huyện Thanh Oai tổ chức lễ gắn biển công trình Nhà truyền thống của Thư viện huyện.",
                 published="2024-10-13")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Ceremony", "2024-10-12", None)]
    evs = events("Sáng 20/4, Thư viện tỉnh Kon Tum tổ chức Ngày hội đọc sách cho học sinh thành phố Kon Tum với "
                 "sự tham gia của 300 em.", published="2024-04-21")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Festival", "2024-04-20", None)]
    evs = events("Sáng 20/4, thành phố Hội An tổ chức Ngày hội đọc sách tại Quảng trường Sông Hoài.",
                 published="2024-04-21")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Festival", "2024-04-20", "Quảng trường Sông Hoài")]


def test_persons_quoted_thanked_or_whose_works_are_shown_do_not_attend():
    evs = events("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức trưng bày sách kỷ niệm ngày sinh nhà văn Tô Hoài. Trưng bày "
                 "giới thiệu hơn 100 tác phẩm của nhà văn Tô Hoài và nhà thơ Xuân Diệu. Theo bà Lê Thị Hạnh, Giám đốc "
                 "Thư viện, hoạt động nhằm lan tỏa văn hóa đọc.", published="2024-06-06")
    assert [(e.kind, e.participants) for e in evs] == [("Exhibition", [])]
    evs = events("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức Hội nghị tổng kết. Dự hội nghị có ông Lê Văn Tám, Phó Giám "
                 "đốc Sở. Thay mặt Ban tổ chức, ông Phạm Văn Bình cảm ơn anh Trần Văn Hải đã tài trợ cho hội nghị.",
                 published="2024-06-06")
    assert [(e.kind, e.participants) for e in evs] == [("Conference", ["Lê Văn Tám", "Phạm Văn Bình"])]
    # elected only
    evs = events("Chiều 28/11/2023, Chi hội Thư viện huyện Bát Xát tổ chức Đại hội lần thứ II. Dự đại hội có ông Lê Văn "
                 "Tám. Đại hội đã bầu bà Lý Thị Hoa làm Chi hội trưởng; ông Vũ Văn Nam được bầu làm Chi hội phó.",
                 published="2023-11-29")
    assert [(e.kind, e.participants) for e in evs] == [("Congress", ["Lê Văn Tám"])]
    # elected again; a name inside a venue's name
    evs = events("Sáng 21/6, tại Trường Đại học Tôn Đức Thắng, Hội Thư viện tổ chức Đại hội. Ông Lê Văn Tám tiếp tục "
                 "được bầu làm Chủ tịch Hội.", published="2024-06-22")
    assert [(e.kind, e.participants) for e in evs] == [("Congress", [])]
    # a photo credit under a caption
    evs = events("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức Hội nghị tổng kết.\nQuang cảnh hội nghị. Ảnh: Trần Văn Hải",
                 published="2024-06-06")
    assert [(e.kind, e.participants) for e in evs] == [("Conference", [])]


def test_the_event_the_headline_names_when_the_body_tells_it_without_naming_it():
    evs = events("Sáng 10/6, tại Hội trường Thư viện tỉnh Lào Cai, 15 đội thi đến từ các trường tiểu học đã tranh tài. "
                 "Các em kể những câu chuyện về Bác Hồ.", published="2024-06-20",
                 title="Thư viện tỉnh Lào Cai tổ chức Hội thi kể chuyện theo sách năm 2024")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Competition", "2024-06-10", "Hội trường Thư viện tỉnh Lào Cai")]
    # a body that names its own event keeps it alone; a body that dates nothing makes none from the headline
    evs = events("Sáng 10/6, Thư viện tỉnh Lào Cai tổ chức Hội nghị tổng kết.", published="2024-06-20",
                 title="Thư viện tỉnh Lào Cai tổ chức Hội thi kể chuyện theo sách năm 2024")
    assert [e.kind for e in evs] == ["Conference"]
    assert events("Thư viện có hơn 20.000 bản sách.", published="2024-06-20",
                  title="Thư viện tỉnh Lào Cai tổ chức Hội thi kể chuyện theo sách năm 2024") == []


def test_an_opening_ceremony_is_an_event_beside_what_it_opens_and_list_items_are_events():
    evs = events("Sáng 20/4, tại Nhà văn hóa huyện Bát Xát, UBND huyện Bát Xát tổ chức Lễ khai mạc Ngày hội Văn hóa đọc "
                 "năm 2024.", published="2024-04-21", title="Bát Xát rộn ràng ngày hội đọc sách")
    assert sorted((e.kind, e.start) for e in evs) == [("Ceremony", "2024-04-20"), ("Festival", "2024-04-20")]
    # named first in a caption, opened later under its quoted name
    evs = events("Bạn đọc chọn sách trong \"Ngày hội đọc sách năm 2024\".\nSáng 20/4, tại Nhà văn hóa huyện Bát Xát, "
                 "UBND huyện Bát Xát tổ chức Lễ khai mạc \"Ngày hội đọc sách năm 2024\".", published="2024-04-21",
                 title="Bát Xát rộn ràng ngày hội đọc sách")
    assert sorted((e.kind, e.start) for e in evs) == [("Ceremony", "2024-04-20"), ("Festival", "2024-04-20")]
    # the items of an enumeration of activities are events of their own
    evs = events("Sáng 20/4, UBND huyện Bát Xát khai mạc Ngày hội Văn hóa đọc năm 2024. Ngày hội diễn ra từ ngày 20 đến "
                 "23/4 với các hoạt động như: Hội thi kể chuyện theo sách; Cuộc thi vẽ tranh theo sách; Hội thi rung "
                 "chuông vàng.", published="2024-04-24", title="Tin hoạt động")
    assert [e.kind for e in evs].count("Competition") == 3


def test_receiving_a_delegation_is_a_visit_but_not_the_hosts_of_another_event():
    assert kinds("Ngày 14/3, Thư viện tỉnh Lào Cai đã tiếp đoàn công tác Thư viện tỉnh Yên Bái.",
                 published="2024-03-20") == [("Visit", "2024-03-14")]
    assert kinds("Sáng 14/3, xe thư viện lưu động đến phục vụ học sinh Trường Tiểu học Bản Vược. Tiếp đoàn có ông Lý "
                 "Văn Pao, Hiệu trưởng nhà trường.", published="2024-03-20") == [("Other", "2024-03-14")]


def test_a_festival_where_library_teams_compete_is_a_competition():
    """SCHEMA: Cuộc thi, Hội thi, and festivals where teams compete for prizes -> Competition."""
    assert kinds("Sáng 10/8, tại thành phố Lào Cai, Thư viện tỉnh tổ chức Liên hoan cán bộ thư viện tuyên truyền giới "
                 "thiệu sách năm 2024 với 12 đội tham gia.", published="2024-08-12") == [("Competition", "2024-08-10")]
    assert kinds("Tối 10/8, Nhà văn hóa huyện Bát Xát tổ chức Liên hoan văn nghệ quần chúng.",
                 published="2024-08-12") == [("Festival", "2024-08-10")]


def test_every_item_of_an_enumeration_is_an_event_and_a_past_contest_keeps_its_year():
    evs = events("Sáng 20/4, UBND huyện Bát Xát khai mạc Ngày hội Văn hóa đọc năm 2024. Ngày hội diễn ra từ ngày 20 đến "
                 "23/4 với các hoạt động: Hội thi kể chuyện theo sách; Cuộc thi vẽ tranh; Hội thi rung chuông vàng; "
                 "Tuần lễ đọc sách.", published="2024-04-24", title="Tin hoạt động")
    got = [e.kind for e in evs]
    assert got.count("Competition") == 3 and got.count("Festival") == 2
    evs = events("Sáng 20/4/2024, tại Nhà văn hóa huyện Bát Xát, Thư viện huyện tổ chức Ngày hội đọc sách. Tại buổi lễ, "
                 "2 em học sinh đạt giải trong Cuộc thi Đại sứ Văn hóa đọc năm 2023 giới thiệu sách.",
                 published="2024-04-21")
    assert ("Competition", "2023") in [(e.kind, e.start) for e in evs]


def test_this_edition_refers_to_the_event_told_not_another():
    body = ("Sáng 25/4, tại thành phố Lào Cai, Thư viện tỉnh tổ chức Liên hoan cán bộ thư viện tuyên truyền giới "
            "thiệu sách năm 2024. Tham gia Liên hoan lần này có 12 đội đến từ các tỉnh.")
    assert kinds(body, published="2024-04-26") == [("Competition", "2024-04-25")]


def test_a_bare_head_noun_refers_to_the_event_named_with_it():
    body = ("Sáng 25/4, tại thành phố Lào Cai, Bộ Văn hóa tổ chức Liên hoan cán bộ thư viện tuyên truyền giới thiệu "
            "sách năm 2024. Phát biểu khai mạc Liên hoan, bà Lê Thị Hạnh nhấn mạnh vai trò của thư viện.")
    assert kinds(body, published="2024-04-26") == [("Competition", "2024-04-25")]


def test_the_public_touring_a_display_or_drawn_to_it_makes_no_visit():
    body = ("Sáng 12/5, Thư viện tỉnh Phú Yên tổ chức Ngày hội đọc sách. Bên cạnh đó, các em còn được tham quan "
            "không gian trưng bày. Kết thúc chương trình, thư viện đã thu hút hơn 2.000 lượt bạn đọc tham quan "
            "trực tiếp. Ngày 13/5, nhiều phụ huynh đến tham quan, đọc sách.")
    assert "Visit" not in [e.kind for e in events(body)]
    # touring a site is still a visit
    visit = events("Sáng 12/5, đoàn cán bộ Thư viện tỉnh Phú Yên tham quan Thư viện tỉnh Khánh Hòa.")
    assert [(e.kind, e.start) for e in visit] == [("Visit", "2024-05-12")]


def test_the_activities_listed_under_an_event_are_its_sub_events_and_take_its_date():
    body = ("Nhân dịp này, Thư viện tỉnh Kiên Giang tổ chức Tuần lễ sách biển đảo năm 2023, gồm các hoạt động:\n\n"
            "- Triển lãm ảnh “Trường Sa thân yêu”.\n\n"
            "- Tọa đàm “Sách và người lính đảo”.\n\n"
            "Thời gian tổ chức sẽ được thông báo sau.")
    assert kinds(body) == [("Exhibition", "2023"), ("Festival", "2023"), ("Seminar", "2023")]


def test_a_body_mention_with_a_long_quoted_title_is_the_event_the_headline_names():
    body = ("Hội thảo “Phát triển nguồn tài nguyên số dùng chung của các thư viện vùng Tây Bắc”.\n\n"
            "Ngày 18/6/2024, tại thành phố Sơn La, Thư viện tỉnh Sơn La tổ chức hội thảo “Phát triển nguồn tài "
            "nguyên số dùng chung của các thư viện vùng Tây Bắc”.")
    assert [(e.kind, e.start) for e in events(body)] == [("Workshop", "2024-06-18")]


def test_a_book_rotation_dated_in_its_sentence_is_an_event_a_yearly_figure_or_a_policy_is_not():
    dated = events("Ngày 9/10/2023, Thư viện tỉnh Bến Tre luân chuyển sách đợt 3 đến các điểm bưu điện văn hóa xã.")
    assert [(e.kind, e.start) for e in dated] == [("Other", "2023-10-09")]
    counted = events("Sáng 2/4, Thư viện huyện Châu Thành luân chuyển 1.500 bản sách cho Trường Tiểu học An Hòa.")
    assert [(e.kind, e.start) for e in counted] == [("Other", "2024-04-02")]
    assert events("Trong năm qua, Thư viện tỉnh Bến Tre đã luân chuyển 20.000 bản sách xuống cơ sở.") == []
    assert events("Ngày 9/10, Sở chỉ đạo các thư viện đẩy mạnh luân chuyển sách về cơ sở.") == []


def test_a_gift_of_a_number_of_books_told_after_the_event_is_a_sub_event_of_it():
    body = ("Sáng 6/3, Thư viện tỉnh Hà Giang tổ chức khai trương tủ sách cơ sở tại xã Minh Tân. "
            "Trong đó, Thư viện tỉnh trao tặng mỗi tủ sách 80 bản sách.")
    assert kinds(body) == [("BookDonation", "2024-03-06"), ("Launch", "2024-03-06")]


def test_a_town_named_in_a_list_of_members_is_not_where_the_event_happens():
    body = ("Ngày 8/4/2011, Chi hội Thư viện tỉnh Hậu Giang tổ chức Đại hội thành lập với sự tham gia của hệ thống "
            "thư viện gồm: Thư viện tỉnh, thư viện các huyện, thị xã Ngã Bảy.")
    assert [(e.kind, e.start, e.place) for e in events(body)] == [("Congress", "2011-04-08", None)]


def test_a_named_event_held_for_takes_the_day_its_parentheses_give():
    body = ("Sáng 15/4, hướng tới Ngày Sách Việt Nam lần thứ 9 (21/4), Thư viện tỉnh Ninh Bình tổ chức Triển lãm "
            "sách “Non nước Tràng An”.")
    assert kinds(body, published="2022-04-16") == [("Exhibition", "2022-04-15"), ("Festival", "2022-04-21")]


def test_a_venue_a_headline_in_capitals_gives_is_more_specific_than_the_town_of_the_body():
    title = "ĐOÀN CÔNG TÁC TỈNH LÀO CAI ĐẾN THĂM VÀ LÀM VIỆC TẠI THƯ VIỆN TỈNH YÊN BÁI"
    body = ("Chiều ngày 12/3, tại thành phố Yên Bái, đoàn công tác tỉnh Lào Cai đã đến thăm và làm việc với "
            "lãnh đạo Thư viện tỉnh Yên Bái.")
    assert [(e.kind, e.place) for e in events(body, title=title)] == [("Visit", "Thư viện tỉnh Yên Bái")]


def test_a_sub_event_is_held_where_the_headline_says_the_event_it_belongs_to_was():
    title = "Ngày hội đọc sách cho học sinh tại Trường Tiểu học Kim Đồng"
    body = ("Sáng 9/5, Thư viện huyện Bảo Thắng tổ chức Ngày hội đọc sách cho 500 học sinh.\n\n"
            "Nhân dịp này, Thư viện huyện đã trao tặng 300 bản sách cho thư viện nhà trường.")
    got = [(e.kind, e.start, e.place) for e in events(body, title=title)]
    assert got == [("Festival", "2024-05-09", "Trường Tiểu học Kim Đồng"),
                   ("BookDonation", "2024-05-09", "Trường Tiểu học Kim Đồng")]


def test_an_opening_told_as_a_session_of_its_own_is_a_ceremony_beside_what_it_opens():
    body = ("Sáng 3/6, Thư viện tỉnh Hà Nam khai mạc trưng bày chuyên đề “Sách về biển đảo”. "
            "Phát biểu tại buổi khai mạc, bà Trần Thị Hoa, Giám đốc Thư viện tỉnh, nhấn mạnh ý nghĩa của sách.")
    assert kinds(body) == [("Ceremony", "2024-06-03"), ("Exhibition", "2024-06-03")]
    # without such a session the opening is the exhibition alone
    assert kinds("Sáng 3/6, Thư viện tỉnh Hà Nam khai mạc trưng bày chuyên đề “Sách về biển đảo”.") == [
        ("Exhibition", "2024-06-03")]


def test_an_undated_main_event_takes_the_first_day_the_body_gives_after_it():
    body = ("Thư viện tỉnh Phú Yên tổ chức trưng bày sách chủ đề biển đảo quê hương. Sáng 12/3, đông đảo đoàn "
            "viên thanh niên đã đến đọc sách và tìm hiểu tư liệu.")
    assert kinds(body) == [("Exhibition", "2024-03-12")]
    # a year in its name dates it; an end ("đến hết ngày") is no start
    assert kinds("Thư viện tỉnh Phú Yên tổ chức trưng bày sách chủ đề biển đảo năm 2023. Sáng 12/3, đông đảo "
                 "đoàn viên thanh niên đã đến đọc sách.") == [("Exhibition", "2023")]
    assert kinds("Thư viện tỉnh Phú Yên tổ chức trưng bày sách chủ đề biển đảo quê hương. Hoạt động kéo dài "
                 "đến hết ngày 12/3.") == [("Exhibition", None)]
    # a day told far down the page (three sentences on) is another happening's, not the undated main event's
    far = ("Thư viện tỉnh Phú Yên tổ chức trưng bày sách chủ đề biển đảo quê hương. Nhiều tư liệu quý được giới "
           "thiệu tới bạn đọc. Học sinh các trường lân cận thường đến đọc sách. Thư viện còn có phòng đọc thiếu "
           "nhi rộng rãi. Sáng 12/3, đông đảo đoàn viên thanh niên đã đến đọc sách và tìm hiểu tư liệu.")
    assert kinds(far) == [("Exhibition", None)]
    # the other events the lead sentence names take that day too
    assert kinds("Thư viện tỉnh Phú Yên tổ chức trưng bày sách biển đảo và hội thi kể chuyện theo sách cho thiếu "
                 "nhi. Sáng 12/3, đông đảo học sinh đã đến tham gia.") == [
        ("Competition", "2024-03-12"), ("Exhibition", "2024-03-12")]
    # a month told right after it is when it happened (a report of the month)
    assert kinds("Thư viện tỉnh Phú Yên tổ chức trưng bày sách chủ đề biển đảo quê hương. Trong tháng 3/2023, "
                 "hàng nghìn lượt bạn đọc đã đến xem.") == [("Exhibition", "2023-03")]


def test_a_head_naming_two_kinds_keeps_the_kind_the_text_gave_it_first():
    told = ("Sáng 10/8, tại thành phố Lào Cai, Thư viện tỉnh tổ chức Liên hoan cán bộ thư viện tuyên truyền giới "
            "thiệu sách năm 2024 với 12 đội tham gia. ")
    for later in ("Trong ngày 10/8, Liên hoan diễn ra phần thi chào hỏi.",
                  "Ngày 12/8, Ban tổ chức bế mạc Liên hoan và trao giải cho các đội."):
        assert kinds(told + later, published="2024-08-13") == [("Competition", "2024-08-10")], later


def test_the_opening_of_an_event_named_before_is_a_ceremony_when_told_as_one():
    body = ("Thư viện tỉnh Hà Giang tổ chức trưng bày sách về Bác Hồ tại trụ sở thư viện. Chiều 12/5, Thư viện tỉnh "
            "khai mạc trưng bày với hơn 500 bản sách. Phát biểu tại lễ khai mạc, bà Lê Thị Hoa nhấn mạnh ý nghĩa "
            "của sách.")
    assert kinds(body) == [("Ceremony", "2024-05-12"), ("Exhibition", "2024-05-12")]


def test_a_display_room_is_a_place_not_an_exhibition():
    # (the room put into use is a launch, not an exhibition)
    assert kinds("Thư viện tỉnh Phú Yên vừa đưa vào sử dụng phòng trưng bày sách quý.") == [("Launch", None)]
    body = ("Sáng 12/5, Thư viện tỉnh tổ chức Hội nghị tổng kết năm 2023. Nhân dịp này, thư viện mở cửa khu trưng "
            "bày sách quý cho đại biểu.")
    assert "Exhibition" not in [k for k, _ in kinds(body)]


def test_a_conference_room_is_a_venue_not_an_event():
    for room in ("phòng hội thảo", "phòng hội nghị"):
        body = f"Sáng 12/5, tại {room} Thư viện tỉnh, Sở Văn hóa tổ chức Tọa đàm về văn hóa đọc."
        assert kinds(body) == [("Seminar", "2024-05-12")], room


def test_two_contests_listed_in_one_sentence_are_two_events():
    evs = events("Sáng 5/10, Thư viện tỉnh Nam Hà khai mạc Tuần lễ đọc sách năm 2024. Trong khuôn khổ Tuần lễ, Thư "
                 "viện tổ chức cuộc thi viết cảm nhận về sách chủ đề “Sách và em”, cuộc thi vẽ tranh trực tuyến với "
                 "chủ đề “Quê hương”.")
    contests = [e for e in evs if e.kind == "Competition"]
    assert [(e.start, e.label[:16]) for e in contests] == [("2024-10-05", "Cuộc thi viết cả"),
                                                           ("2024-10-05", "Cuộc thi vẽ tran")]


def test_a_gathering_named_as_a_purpose_is_no_event():
    got = kinds("Sáng 12/1, Thư viện tỉnh Nam Hà tổ chức Hội nghị bạn đọc năm 2023. Hội nghị là dịp để Thư viện "
                "lắng nghe ý kiến, nhằm gặp mặt và cảm ơn các bạn đọc tiêu biểu.", published="2024-01-13")
    assert got == [("Conference", "2024-01-12")]


def test_the_opening_of_a_training_course_is_no_ceremony_of_its_own():
    got = kinds("Sáng 3/6, Thư viện tỉnh Nam Hà tổ chức Lễ khai mạc lớp tập huấn nghiệp vụ thư viện cho cán bộ "
                "thư viện cơ sở. Lớp tập huấn diễn ra từ ngày 3 đến ngày 6/6.", published="2024-06-07")
    assert got == [("Training", "2024-06-03")]


def test_work_as_a_qualifier_of_a_place_is_no_visit():
    assert kinds("Thư viện tỉnh Nam Hà được thành lập năm 1980. Thư viện có trụ sở làm việc với tòa nhà 5 tầng và "
                 "giờ làm việc tại các phòng đọc từ 7h30.") == []
    assert kinds("Sáng 4/3, Đoàn công tác Thư viện Quốc gia đến làm việc với Thư viện tỉnh Nam Hà.",
                 published="2024-03-05") == [("Visit", "2024-03-04")]


def test_an_event_dated_only_to_a_month_takes_that_month():
    """Issue 18: a start at month precision ("YYYY-MM"), whether the month is written with its year (slash,
    hyphen, dot or "năm"), opens the sentence ("Tháng 3, ..."), or glosses the event in parentheses."""
    assert kinds("Tháng 3, Thư viện tỉnh tổ chức Hội thi kể chuyện theo sách cho học sinh.",
                 published="2024-04-10") == [("Competition", "2024-03")]
    assert kinds("Vào đầu tháng 6-2022, Thư viện tỉnh tổ chức triển lãm sách về biển đảo.",
                 published="2024-04-10") == [("Exhibition", "2022-06")]
    assert kinds("Thư viện tỉnh đã tổ chức thành công Ngày hội đọc sách (tháng 4/2023) tại Trường THCS Lê Lợi.",
                 published="2024-04-10") == [("Festival", "2023-04")]


def test_put_into_use_is_a_launch_and_with_an_inauguration_one_ceremony():
    evs = events("Ngày 10/9, Thư viện huyện Bảo Lâm chính thức đưa vào sử dụng phòng đọc thiếu nhi với hơn 2.000 bản "
                 "sách.", published="2024-10-01")
    assert [(e.kind, e.start, e.label) for e in evs] == [
        ("Launch", "2024-09-10", "Đưa vào sử dụng phòng đọc thiếu nhi")]
    evs = events("Sáng 2/6, UBND huyện Cồn Cỏ tổ chức khánh thành, đưa vào sử dụng Thư viện huyện Cồn Cỏ.",
                 published="2024-06-03")
    assert [(e.kind, e.start) for e in evs] == [("Ceremony", "2024-06-02")]


def test_a_region_or_a_country_is_the_scope_of_an_event_not_its_venue():
    evs = events("Sáng 12/5, Hội Thư viện Việt Nam tổ chức lớp tập huấn nghiệp vụ cho cán bộ thư viện tại khu vực "
                 "miền Trung.", published="2024-05-13")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Training", "2024-05-12", None)]
    evs = events("Sáng 12/5, tại Việt Nam, Quỹ Sách Châu Á tổ chức trao tặng 5.000 cuốn sách.", published="2024-05-13")
    assert [(e.kind, e.start, e.place) for e in evs] == [("BookDonation", "2024-05-12", None)]


def test_an_activity_organised_for_readers_is_an_event():
    # "tổ chức hoạt động trải nghiệm / đọc sách / ngoại khóa ...": an activity held that day (kind Other)
    assert kinds("Sáng 12/5, Thư viện tỉnh Hà Giang tổ chức hoạt động trải nghiệm cho 200 học sinh Trường Tiểu học "
                 "Minh Khai.", published="2024-05-13") == [("Other", "2024-05-12")]
    assert kinds("Chiều 14/5, Thư viện huyện tổ chức hoạt động đọc sách cùng thiếu nhi.",
                 published="2024-05-15") == [("Other", "2024-05-14")]
    # not an organised activity: the library's work in general
    assert kinds("Hoạt động đọc sách của thiếu nhi ngày càng được quan tâm.", published="2024-05-15") == []


def test_persons_named_just_before_the_first_event_attend_it_not_those_of_the_opening_paragraphs():
    body = ("Ông Lê Văn Tâm gắn bó nhiều năm với phong trào đọc sách ở xã. "
            "Bà Phạm Thị Lan, Giám đốc Thư viện tỉnh, cùng nhiều đại biểu đã đến dự. "
            "Sáng 5/6, Thư viện tỉnh Hòa Bình tổ chức Ngày hội đọc sách cho thiếu nhi.")
    (ev,) = events(body)
    assert ev.start == "2024-06-05"
    assert ev.participants == ["Phạm Thị Lan"]


def test_venue_leading_the_clause_beats_the_town_after_the_trigger():
    # "tại <venue>, X tổ chức lễ ... tại huyện Y": the venue is the more specific place
    evs = events("Sáng 9/5, tại Trung tâm Văn hóa huyện, UBND huyện Phú Lâm tổ chức lễ phát động "
                 "Tuần lễ đọc sách tại huyện Phú Lâm.", published="2024-05-10")
    assert [(e.kind, e.start, e.place) for e in evs] == [("Ceremony", "2024-05-09", "Trung tâm Văn hóa huyện")]


def test_a_talk_is_a_seminar():
    # "buổi nói chuyện chuyên đề", "Talkshow", "Bàn tròn ...": a talk, a seminar
    for head in ("buổi nói chuyện chuyên đề “Sách và tuổi trẻ”", "Talkshow “Đọc để lớn”",
                 "Bàn tròn văn học số 3"):
        evs = events(f"Sáng 12/6, Thư viện tỉnh Hòa Định tổ chức {head}.", published="2024-06-13")
        assert [(e.kind, e.start) for e in evs] == [("Seminar", "2024-06-12")], head


def test_undated_main_event_takes_the_day_of_the_sentence_right_before_it():
    # the lead tells the day without a trigger; the event is named in the next sentence
    evs = events("Sáng 3/9, hơn 400 cuốn sách về biển đảo đã được giới thiệu đến bạn đọc tại thị xã Bình Hòa. "
                 "Triển lãm do Thư viện tỉnh Long Giang thực hiện.", published="2024-09-04")
    assert [(e.kind, e.start) for e in evs] == [("Exhibition", "2024-09-03")]


def test_a_gift_without_a_venue_is_made_where_it_is_given_to():
    evs = events("Chiều 12/10, Công đoàn Sở Văn hóa đã trao tặng cho xã Thạch Lâm hơn 300 cuốn sách.",
                 published="2024-10-13")
    assert [(e.kind, e.start, e.place) for e in evs] == [("BookDonation", "2024-10-12", "Thạch Lâm")]
    # not one of a list of communes
    evs = events("Chiều 12/10, Công đoàn Sở Văn hóa đã trao tặng sách cho các xã Thạch Lâm, Thạch Bình.",
                 published="2024-10-13")
    assert [e.place for e in evs] == [None]


def test_a_display_coordinated_after_an_event_is_an_event_of_its_own():
    evs = events("Ngày 31/3, Thư viện tỉnh Hòa Định khai mạc Hội sách năm 2023 và trưng bày chuyên đề "
                 "“Bác Hồ với thiếu nhi”.", published="2023-04-01")
    assert sorted((e.kind, e.start) for e in evs) == [("Exhibition", "2023-03-31"), ("Festival", "2023-03-31")]


def test_a_conference_or_exhibition_centre_is_a_venue_not_an_event():
    evs = events("Sáng 25/4, tại Trung tâm hội nghị văn hóa tỉnh, Sở Văn hóa khai mạc Liên hoan cán bộ thư viện "
                 "tuyên truyền giới thiệu sách.", published="2024-04-26")
    assert [e.kind for e in evs] == ["Competition"]
    evs = events("Sáng 19/4, tại trung tâm triển lãm thành phố, Sở Thông tin tổ chức Hội sách năm 2024.",
                 published="2024-04-20")
    assert [e.kind for e in evs] == ["Festival"]

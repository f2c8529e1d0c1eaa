"""Hand-written dev-set items: harder, mixed cases that the pooled generator does not produce.

Each is a full page as an outlet would publish it. About half go to the holdout split.
"""

from __future__ import annotations

from typing import Any


def _it(id_: str, split: str, title: str, text: str, *, label: str | None, lead: str = "",
        published: str = "2022-07-15T09:00:00+07:00", kind: str = "newspaper", fmt: str = "article",
        style: str = "news", **extra: Any) -> dict[str, Any]:
    return {"id": f"hw-{id_}", "split": split, "group": "handwritten", "style": style, "title": title,
            "lead": lead, "text": text, "published_at": published, "source_kind": kind, "format": fmt,
            "label_relevant": label is not None, "label_activity": label,
            "variant": "no_diacritics" if (title + text).isascii() else "nfc", **extra}


ITEMS: list[dict[str, Any]] = [
    # ---- positives that never name Đề án 33, with generic titles
    _it("p01", "train", "Tập huấn cho đội ngũ cốt cán trước năm học mới",
        "Từ ngày 18 đến 22/7, Sở GDĐT Thanh Hóa tổ chức tập huấn cho 240 giáo viên cốt cán các trường mầm non "
        "trong tỉnh.\nNội dung tập trung vào xây dựng kế hoạch giáo dục theo hướng lấy trẻ làm trung tâm và "
        "đánh giá sự phát triển của trẻ mẫu giáo. Sau tập huấn, các giáo viên cốt cán sẽ tổ chức sinh hoạt "
        "chuyên môn tại cụm trường để chia sẻ lại với đồng nghiệp.\nBà Lê Thị Hạnh, Phó Trưởng phòng Giáo dục "
        "Mầm non, cho biết năm nay sở ưu tiên các giáo viên vùng miền núi.", label="2b"),
    _it("p02", "holdout", "Cô giáo vùng cao và những ngày đi học lại",
        "Ở tuổi 41, cô Lò Thị Xuân, giáo viên Trường Mầm non Chiềng Sơn (Mộc Châu, Sơn La), vẫn đều đặn mỗi "
        "cuối tuần vượt 60 km xuống thành phố để theo học lớp cao đẳng sư phạm mầm non hệ vừa làm vừa học.\n"
        "Theo quy định mới, giáo viên mầm non phải có bằng cao đẳng trở lên. Cô Xuân là một trong 312 giáo viên "
        "của tỉnh được cử đi đào tạo nâng chuẩn trong năm nay, kinh phí do ngân sách tỉnh hỗ trợ.\n"
        "\"Học lại ở tuổi này không dễ, nhưng tôi học được cách tổ chức hoạt động cho trẻ bài bản hơn\", cô "
        "nói. Sở GDĐT Sơn La cho biết đến cuối năm 2022, tỉnh sẽ có thêm khoảng 500 giáo viên mầm non đạt chuẩn.",
        label="2b", published="2022-10-20T07:00:00+07:00"),
    _it("p03", "train", "Nhìn lại 4 năm bồi dưỡng đội ngũ nhà giáo mầm non",
        "Giai đoạn 2018-2022, cả nước đã bồi dưỡng cho hơn 300.000 lượt giáo viên và cán bộ quản lý cơ sở giáo "
        "dục mầm non, theo báo cáo của Cục Nhà giáo và Cán bộ quản lý giáo dục tại hội nghị sơ kết.\n"
        "Tỷ lệ giáo viên mầm non đạt chuẩn trình độ đào tạo theo Luật Giáo dục 2019 tăng lên 81%. Các trường sư "
        "phạm đã đào tạo nâng chuẩn cho hơn 20.000 giáo viên.\nTuy nhiên, báo cáo cũng chỉ ra một số hạn chế như "
        "nội dung bồi dưỡng chưa sát nhu cầu, việc bồi dưỡng trực tuyến ở vùng khó khăn còn hạn chế.",
        label="2b", published="2022-08-26T15:00:00+07:00"),
    _it("p04", "holdout", "Nâng cao chất lượng đội ngũ giáo viên mầm non: Cần giải pháp căn cơ",
        "Để đáp ứng yêu cầu đổi mới, những năm tới cần tập trung vào các giải pháp căn cơ: đổi mới chương trình "
        "đào tạo giáo viên mầm non ở các trường sư phạm; bồi dưỡng theo chuẩn nghề nghiệp; phát triển đội ngũ "
        "giáo viên cốt cán.\nTheo PGS.TS Nguyễn Thị Hoa, mục tiêu đến năm 2025 đưa 100% giáo viên mầm non đạt "
        "chuẩn trình độ là khả thi nếu các địa phương bố trí đủ kinh phí và có kế hoạch cử giáo viên đi học "
        "hợp lý.\nBà cũng đề xuất định hướng bồi dưỡng trực tuyến kết hợp trực tiếp, giúp giáo viên không phải "
        "rời lớp quá lâu.", label="2a", published="2022-05-24T10:00:00+07:00"),
    _it("p05", "train", "De an 33: nhieu dia phuong hoan thanh som chi tieu nang chuan",
        "Theo bao cao cua Bo GDDT, sau 4 nam thuc hien De an dao tao, boi duong nha giao va can bo quan ly giao "
        "duc mam non, nhieu dia phuong da hoan thanh som chi tieu nang chuan trinh do cho giao vien mam non.\n"
        "Tinh Ha Tinh da cu 420 giao vien di hoc cao dang su pham, hien 95% giao vien mam non cua tinh dat chuan."
        " Cac lop boi duong he nam 2022 thu hut gan 3.000 luot giao vien tham gia.", label="2b",
        published="2022-06-30T08:00:00+07:00"),
    _it("p06", "holdout", "Phóng sự: Những lớp học của cô",
        "MC: Kính thưa quý vị, thực hiện chủ trương nâng chuẩn trình độ đào tạo đội ngũ nhà giáo, hàng nghìn "
        "giáo viên mầm non trên cả nước đang vừa dạy vừa học.\nPV: Mỗi tối thứ Sáu, lớp học tại Trung tâm giáo "
        "dục thường xuyên huyện lại sáng đèn. Học viên là các cô giáo mẫu giáo ở các điểm trường vùng sâu.\n"
        "Cô Hà Thị Mến: Chúng tôi được học thêm về tâm lý trẻ, cách tổ chức hoạt động trải nghiệm.\nPV: Theo "
        "Nghị định 71 của Chính phủ, lộ trình nâng chuẩn với giáo viên mầm non phải hoàn thành trước năm 2030. "
        "Kinh phí đào tạo do Nhà nước bảo đảm.\nPhóng sự của Đài PT-TH Điện Biên.", label="1", kind="tv",
        fmt="report", style="tv", published="2022-07-08T19:00:00+07:00"),
    _it("p07", "train", "Bộ GDĐT hướng dẫn bồi dưỡng thường xuyên cho giáo viên mầm non năm học 2022-2023",
        "Bộ GDĐT vừa có công văn hướng dẫn các Sở GDĐT triển khai bồi dưỡng thường xuyên cho giáo viên và cán "
        "bộ quản lý cơ sở giáo dục mầm non năm học 2022-2023.\nTheo đó, việc bồi dưỡng thực hiện theo Thông tư "
        "quy định chương trình bồi dưỡng thường xuyên, mỗi giáo viên hoàn thành 120 tiết/năm. Các sở căn cứ kết "
        "quả đánh giá theo chuẩn nghề nghiệp để xác định nhu cầu bồi dưỡng.", label="1",
        kind="portal", published="2022-08-12T16:00:00+07:00"),
    _it("p08", "holdout", "Kế hoạch năm 2022: tập trung bồi dưỡng cán bộ quản lý mầm non",
        "Theo Kế hoạch triển khai nhiệm vụ thực hiện Đề án 33 năm 2022 ban hành kèm Quyết định 4896/QĐ-BGDĐT, "
        "năm nay Bộ GDĐT tập trung vào ba nhóm nhiệm vụ: bồi dưỡng cán bộ quản lý về quản trị nhà trường; phát "
        "triển đội ngũ giáo viên cốt cán; và xây dựng tài liệu bồi dưỡng trực tuyến.\nKế hoạch cũng yêu cầu các "
        "địa phương rà soát nhu cầu, đề xuất giải pháp phù hợp điều kiện thực tế.", label="2a",
        kind="portal", published="2022-04-20T09:00:00+07:00"),
    _it("p09", "train", "Thanh Hóa: Sơ kết 5 năm bồi dưỡng giáo viên, cán bộ quản lý mầm non",
        "Ngày 14/9, Sở GDĐT Thanh Hóa tổ chức hội nghị sơ kết 5 năm thực hiện công tác đào tạo, bồi dưỡng giáo "
        "viên và cán bộ quản lý cơ sở giáo dục mầm non.\nGiai đoạn 2018-2022, toàn tỉnh đã mở 86 lớp bồi dưỡng "
        "với 9.400 lượt học viên; 1.250 giáo viên được đào tạo nâng chuẩn. Hội nghị đã khen thưởng 12 tập thể, "
        "25 cá nhân có thành tích xuất sắc.", label="2b", published="2022-09-15T10:00:00+07:00"),
    _it("p10", "holdout", "Giao vien mam non Kon Tum duoc tap huan ky nang so",
        "Trong 3 ngay, 180 giao vien va can bo quan ly cac truong mam non tren dia ban tinh Kon Tum duoc tap huan "
        "ve ung dung cong nghe thong tin trong to chuc hoat dong cho tre. Lop tap huan do So GDDT phoi hop voi "
        "Truong Dai hoc Su pham Hue to chuc.", label="2b", published="2022-08-03T08:00:00+07:00"),
    # ---- positives: window edges, short text, low-quality extraction -> expected to go to review
    _it("p11", "train", "Khai mạc lớp bồi dưỡng giáo viên mầm non cốt cán tỉnh Gia Lai",
        "Sáng 30/3, Sở GDĐT Gia Lai khai mạc lớp bồi dưỡng giáo viên mầm non cốt cán năm 2022 cho 150 học viên. "
        "Lớp học kéo dài 5 ngày với các chuyên đề về phát triển chương trình giáo dục nhà trường.", label="2b",
        published="2022-03-30T10:00:00+07:00"),
    _it("p12", "holdout", "Tập huấn cán bộ quản lý mầm non",
        "Sở GDĐT tập huấn cho 90 hiệu trưởng trường mầm non.", label="2b",
        published="2022-06-10T10:00:00+07:00", kind="department"),
    # ---- hard negatives, hand-written
    _it("n01", "train", "Giáo viên mầm non: Lương thấp, áp lực cao",
        "Sau 8 năm được đào tạo bài bản ở trường cao đẳng sư phạm, cô Nguyễn Thị Thảo vẫn nhận mức lương 5,2 "
        "triệu đồng mỗi tháng.\nNhiều giáo viên mầm non cho biết ngoài giờ đứng lớp còn phải làm hồ sơ, trực "
        "trưa, dọn dẹp. Lương và phụ cấp thấp khiến không ít người bỏ nghề.\nĐại biểu Quốc hội đề nghị sớm có "
        "chính sách tiền lương đặc thù cho giáo viên mầm non.", label=None),
    _it("n02", "holdout", "Đề xuất chính sách tiền lương đặc thù cho giáo viên mầm non",
        "Bộ GDĐT đang xây dựng dự thảo nghị định về chính sách tiền lương, phụ cấp đối với giáo viên mầm non. "
        "Theo dự thảo, phụ cấp ưu đãi nghề tăng thêm 10-15%, áp dụng cho cả giáo viên hợp đồng.\nĐại diện Bộ "
        "cho biết thu nhập thấp là nguyên nhân chính khiến giáo viên mầm non nghỉ việc.", label=None),
    _it("n03", "train", "Hội nghị tổng kết Đề án phát triển giáo dục mầm non",
        "Bộ GDĐT tổ chức hội nghị tổng kết Đề án phát triển giáo dục mầm non giai đoạn 2018-2025. Đề án đã giúp "
        "tăng tỷ lệ huy động trẻ, xây dựng thêm 30.000 phòng học kiên cố. Bên cạnh đó, đội ngũ giáo viên được "
        "quan tâm bồi dưỡng.\nTrong giai đoạn tới, Bộ sẽ tiếp tục đầu tư cơ sở vật chất cho vùng khó khăn, phát "
        "triển mạng lưới trường lớp ở khu công nghiệp.", label=None, published="2022-12-20T09:00:00+07:00"),
    _it("n04", "holdout", "Phóng sự: Mái trường mới cho trẻ vùng cao",
        "MC: Thưa quý vị, nhờ Đề án phát triển giáo dục mầm non, nhiều điểm trường lẻ ở vùng cao đã được xây "
        "kiên cố.\nPV: Điểm trường Tả Phìn từng là căn nhà gỗ dột nát. Nay các cháu mẫu giáo đã có phòng học "
        "khang trang, có bếp ăn và đồ chơi ngoài trời.\nPhóng sự của Đài PT-TH Lào Cai.", label=None,
        kind="tv", fmt="report", style="tv"),
    _it("n05", "train", "Bồi dưỡng giáo viên tiểu học, THCS: tập trung vào chương trình mới",
        "Năm học 2022-2023, Sở GDĐT Nghệ An tập trung bồi dưỡng giáo viên tiểu học, THCS thực hiện Chương trình "
        "giáo dục phổ thông 2018. Sở cũng phối hợp bồi dưỡng cho cán bộ quản lý các cấp học từ mầm non đến "
        "THPT về chuyển đổi số. Đến nay, 98% giáo viên tiểu học và THCS đã hoàn thành các mô đun bồi dưỡng "
        "bắt buộc.", label=None),
    _it("n06", "holdout", "Trẻ mầm non bị bỏ quên trên xe đưa đón",
        "Một bé trai 5 tuổi ở Thái Bình bị bỏ quên trên xe đưa đón của trường mầm non suốt 6 tiếng. Hiệu trưởng "
        "đã bị đình chỉ công tác. Sở GDĐT yêu cầu các trường tổ chức tập huấn cho nhân viên đưa đón về an toàn "
        "cho trẻ.", label=None),
    _it("n07", "train", "Module MN 4: Xây dựng kế hoạch giáo dục - bài thu hoạch mẫu",
        "Họ và tên: Trần Thị Vân. Chức vụ: Giáo viên. Đơn vị: Trường Mầm non Hoa Mai.\nSau khi học tập module "
        "MN 4, bản thân tôi đã nắm được cách xây dựng kế hoạch giáo dục theo chủ đề. Tôi nhận thấy việc bồi "
        "dưỡng thường xuyên giúp giáo viên mầm non nâng cao năng lực nghề nghiệp theo chuẩn.\nTự đánh giá: Hoàn "
        "thành.", label=None),
    _it("n08", "holdout", "Ngành giáo dục tổng kết năm học 2021-2022",
        "Hội nghị tổng kết năm học 2021-2022 của ngành giáo dục tỉnh Quảng Nam ghi nhận nhiều kết quả: tỷ lệ "
        "tốt nghiệp THPT đạt 98,5%, tỷ lệ huy động trẻ mầm non ra lớp tăng. Ngành đã tổ chức bồi dưỡng cho giáo "
        "viên các cấp; tuyển mới 300 giáo viên tiểu học, THCS. Năm học mới, ngành tập trung triển khai chương "
        "trình giáo dục phổ thông 2018 ở các lớp 3, 7, 10.", label=None),
    _it("n09", "train", "Đào tạo nhân lực y tế: cần đổi mới",
        "Bộ Y tế đề nghị các trường đại học y dược đổi mới chương trình đào tạo bác sĩ, điều dưỡng. Việc bồi "
        "dưỡng cán bộ y tế cơ sở cũng cần được chú trọng, nhất là ở vùng khó khăn.", label=None),
    _it("n10", "holdout", "Tuyen sinh lop 10 va mam non: phu huynh lo lang",
        "Mua tuyen sinh dau cap nam nay, nhieu truong mam non cong lap o Ha Noi qua tai. Phu huynh phai xep hang "
        "tu 5 gio sang de nop ho so cho con vao lop mau giao. Hoc phi truong tu thuc tang cao.", label=None),
    _it("n11", "train", "Bồi dưỡng giáo viên mầm non giai đoạn 2011-2015: những kết quả bước đầu",
        "Sau 2 năm thực hiện Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý cơ sở giáo dục mầm non giai "
        "đoạn 2011-2015, tỉnh đã bồi dưỡng cho 2.000 lượt giáo viên mầm non.", label=None,
        published="2013-05-10T08:00:00+07:00"),
    _it("n12", "holdout", "Kỷ niệm ngày Nhà giáo Việt Nam 20/11 tại trường mầm non",
        "Trường Mầm non Sơn Ca tổ chức lễ kỷ niệm 40 năm ngày Nhà giáo Việt Nam. Các cháu mẫu giáo biểu diễn văn "
        "nghệ chúc mừng các cô. Nhiều giáo viên được tặng giấy khen vì thành tích trong năm học.", label=None,
        published="2022-11-20T09:00:00+07:00"),
# ---- second batch: activity boundaries and subtler negatives (written before being scored)
    _it("p13", "train", "Thông tư mới về chuẩn nghề nghiệp: giáo viên mầm non cần chuẩn bị gì?",
        "Từ ngày 1/9, việc đánh giá giáo viên mầm non theo chuẩn nghề nghiệp được thực hiện theo quy định mới "
        "của Bộ GDĐT. Theo thông tư, kết quả đánh giá là căn cứ để nhà trường xây dựng kế hoạch bồi dưỡng, phát "
        "triển năng lực nghề nghiệp cho từng giáo viên.\nChuyên gia khuyên giáo viên nên chủ động tìm hiểu các "
        "tiêu chí, tự rà soát điểm mạnh, điểm yếu của bản thân để đăng ký nội dung bồi dưỡng phù hợp.",
        label="1", published="2022-08-20T08:00:00+07:00"),
    _it("p14", "holdout", "Chính sách nào cho giáo viên mầm non đi học nâng chuẩn?",
        "Nhiều giáo viên mầm non băn khoăn về quyền lợi khi được cử đi học nâng chuẩn. Theo Nghị định "
        "71/2020/NĐ-CP, giáo viên thuộc đối tượng nâng chuẩn được cơ quan quản lý bố trí kinh phí đào tạo, được "
        "giữ nguyên lương và phụ cấp trong thời gian học.\nNghị định cũng quy định giáo viên không tham gia đào "
        "tạo nâng chuẩn theo lộ trình mà không có lý do chính đáng sẽ bị xem xét bố trí công việc khác.",
        label="1", published="2022-05-05T08:00:00+07:00"),
    _it("p15", "train", "Phát triển đội ngũ nhà giáo mầm non: Từ chủ trương đến hành động",
        "Nghị quyết 29-NQ/TW xác định phát triển đội ngũ nhà giáo là giải pháp then chốt. Cụ thể hóa chủ "
        "trương đó, Chính phủ đã ban hành nhiều văn bản về đào tạo, bồi dưỡng giáo viên và cán bộ quản lý giáo "
        "dục mầm non, trong đó có Quyết định 33/QĐ-TTg phê duyệt Đề án giai đoạn 2018-2025.\nLuật Giáo dục "
        "2019 tiếp tục nâng chuẩn trình độ đào tạo của giáo viên mầm non lên cao đẳng.", label="1",
        published="2022-06-18T08:00:00+07:00"),
    _it("p16", "holdout", "Bồi dưỡng giáo viên mầm non: Chuyển từ \"học cho có\" sang học thực chất",
        "Giai đoạn 2022-2025, Bộ GDĐT định hướng đổi mới mạnh mẽ công tác bồi dưỡng giáo viên mầm non: nội "
        "dung xuất phát từ nhu cầu của giáo viên, phương thức kết hợp trực tuyến và trực tiếp, đánh giá dựa trên "
        "sự thay đổi trong thực hành nghề nghiệp.\nTheo lãnh đạo Cục Nhà giáo và Cán bộ quản lý giáo dục, đây là "
        "nhiệm vụ trọng tâm của Đề án trong những năm còn lại, nhằm đạt mục tiêu nâng cao chất lượng đội ngũ.",
        label="2a", published="2022-07-22T08:00:00+07:00"),
    _it("p17", "train", "Đào tạo giáo viên mầm non: trường sư phạm cần đổi mới chương trình",
        "Để thực hiện mục tiêu của Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non, các "
        "trường sư phạm được yêu cầu đổi mới chương trình đào tạo theo hướng tăng thời lượng thực hành tại "
        "trường mầm non, đáp ứng chuẩn nghề nghiệp.\nĐây là một trong các nhóm giải pháp then chốt của giai "
        "đoạn 2021-2025.", label="2a", published="2022-09-02T08:00:00+07:00"),
    _it("p18", "holdout", "Quảng Ngãi: 95% giáo viên mầm non đạt chuẩn sau 4 năm",
        "Sau 4 năm thực hiện kế hoạch đào tạo, bồi dưỡng đội ngũ, Quảng Ngãi đã có 95% giáo viên mầm non đạt "
        "chuẩn trình độ đào tạo. Tỉnh đã cử 640 giáo viên đi học cao đẳng, đại học sư phạm mầm non; tổ chức 42 "
        "lớp bồi dưỡng chuyên môn cho hơn 5.000 lượt giáo viên và cán bộ quản lý.\nNăm 2022, tỉnh tiếp tục tổ "
        "chức 8 lớp bồi dưỡng theo hình thức trực tuyến.", label="2b", published="2022-11-05T08:00:00+07:00"),
    _it("p19", "train", "Phóng sự: Giáo viên cốt cán - người truyền lửa",
        "MC: Những năm qua, mô hình giáo viên mầm non cốt cán đã phát huy hiệu quả trong bồi dưỡng đồng nghiệp."
        "\nPV: Cô Vi Thị Lan, giáo viên cốt cán của Lạng Sơn, vừa trở về sau khóa tập huấn tại Hà Nội. Ngay tuần "
        "sau, cô tổ chức buổi sinh hoạt chuyên môn để hướng dẫn lại cho 20 đồng nghiệp trong cụm trường.\nCô "
        "Lan: Tôi chia sẻ lại cách tổ chức góc chơi, cách quan sát trẻ.\nPhóng sự của Đài PT-TH Lạng Sơn.",
        label="2b", kind="tv", fmt="report", style="tv", published="2022-10-12T19:00:00+07:00"),
    _it("p20", "holdout", "[Video] Hiệu trưởng mầm non học quản trị nhà trường",
        "Người dẫn chương trình: Hơn 100 hiệu trưởng, phó hiệu trưởng các trường mầm non ở Đắk Lắk vừa hoàn "
        "thành khóa bồi dưỡng về quản trị nhà trường.\nPV: Lớp học do Trường Đại học Tây Nguyên tổ chức trong "
        "10 ngày. Các học viên được thực hành xây dựng kế hoạch phát triển nhà trường.\nXem video phóng sự trên "
        "kênh DRT.", label="2b", kind="tv", fmt="report", style="tv", published="2022-08-09T19:00:00+07:00"),
    _it("p21", "train", "Cuc Nha giao: tiep tuc boi duong giao vien mam non cot can nam 2022",
        "Nam 2022, Cuc Nha giao va Can bo quan ly giao duc tiep tuc to chuc boi duong cho doi ngu giao vien mam "
        "non cot can cua 63 tinh, thanh pho. Cac lop boi duong duoc to chuc theo hinh thuc truc tuyen ket hop "
        "truc tiep, tap trung vao chuong trinh giao duc mam non va danh gia su phat trien cua tre.", label="2b",
        published="2022-06-15T08:00:00+07:00"),
    _it("p22", "holdout", "Nâng chuẩn giáo viên mầm non vùng dân tộc thiểu số: còn nhiều thách thức",
        "Tại nhiều tỉnh miền núi, việc cử giáo viên mầm non đi học nâng chuẩn gặp khó vì thiếu người dạy thay. "
        "Tỉnh Hà Giang hiện còn 410 giáo viên mầm non chưa đạt chuẩn trình độ; năm nay tỉnh mới cử được 120 "
        "người theo học lớp cao đẳng sư phạm.\nNgành giáo dục tỉnh đề xuất mở lớp học tại chỗ để giáo viên vừa "
        "dạy vừa học.", label="2b", published="2022-09-20T08:00:00+07:00"),
    _it("n13", "train", "Tập huấn phòng chống dịch cho trường mầm non",
        "Trung tâm Y tế huyện tổ chức tập huấn phòng chống dịch bệnh tay chân miệng cho nhân viên y tế và giáo "
        "viên các trường mầm non. Nội dung gồm nhận biết triệu chứng, vệ sinh lớp học, khử khuẩn đồ chơi. Bác "
        "sĩ khuyến cáo phụ huynh không cho trẻ đến trường khi có dấu hiệu sốt.", label=None),
    _it("n14", "holdout", "Hội thi giáo viên dạy giỏi cấp học mầm non",
        "Hội thi giáo viên dạy giỏi cấp học mầm non năm học 2022-2023 thu hút 120 giáo viên tham gia. Các thí "
        "sinh trình bày biện pháp nâng cao chất lượng chăm sóc trẻ và thực hành tổ chức hoạt động. Ban tổ chức "
        "trao 10 giải nhất, 20 giải nhì.", label=None),
    _it("n15", "train", "Tuyển dụng 300 giáo viên mầm non năm 2022",
        "UBND tỉnh phê duyệt chỉ tiêu tuyển dụng 300 giáo viên mầm non hạng III. Ứng viên phải có bằng cao đẳng "
        "sư phạm mầm non trở lên, đạt chuẩn trình độ theo Luật Giáo dục 2019. Hồ sơ nộp tại Sở Nội vụ đến hết "
        "ngày 30/8. Thí sinh trúng tuyển được ký hợp đồng làm việc và hưởng lương theo quy định.", label=None),
    _it("n16", "holdout", "Trường mầm non tư thục không phép: cha mẹ nên cảnh giác",
        "Nhiều cơ sở mầm non tư thục hoạt động không phép, giáo viên không qua đào tạo sư phạm. Phụ huynh nên "
        "kiểm tra giấy phép, điều kiện cơ sở vật chất, camera trước khi gửi con. Cơ quan chức năng sẽ xử phạt "
        "các cơ sở vi phạm.", label=None),
    _it("n17", "train", "Đề án đào tạo giáo viên ngoại ngữ giai đoạn 2017-2025",
        "Đề án ngoại ngữ quốc gia giai đoạn 2017-2025 tập trung bồi dưỡng giáo viên tiếng Anh các cấp. Năm "
        "2022, đề án tổ chức tập huấn cho 5.000 giáo viên tiểu học, THCS; riêng cấp mầm non chỉ triển khai thí "
        "điểm cho trẻ làm quen tiếng Anh ở một số trường.", label=None),
    _it("n18", "holdout", "Sinh viên sư phạm mầm non đi thực tập",
        "Hơn 200 sinh viên ngành giáo dục mầm non Trường Cao đẳng Sư phạm Trung ương bắt đầu đợt thực tập tại "
        "các trường mầm non Hà Nội. Các em được giáo viên hướng dẫn tổ chức giờ ăn, giờ ngủ cho trẻ. Nhiều sinh "
        "viên chia sẻ đã hiểu hơn công việc của cô giáo.", label=None),
    _it("n19", "train", "Bài giảng điện tử mẫu cho giáo viên mầm non - chủ đề gia đình",
        "Tham khảo bài giảng điện tử mẫu chủ đề gia đình dành cho giáo viên mầm non lớp mẫu giáo nhỡ. Giáo án "
        "gồm mục tiêu, chuẩn bị, tiến hành. Tải miễn phí file PowerPoint bên dưới.", label=None),
    _it("n20", "holdout", "Giáo viên mầm non tự làm đồ chơi từ vật liệu tái chế",
        "Các cô giáo Trường Mầm non Hoa Ban đã tự làm hàng trăm đồ chơi từ chai nhựa, vỏ hộp sữa. Phong trào "
        "được phát động từ đầu năm học, giúp tiết kiệm kinh phí và giáo dục trẻ ý thức bảo vệ môi trường.",
        label=None),
# ---- third batch (written before being scored)
    _it("p23", "train", "Cục trưởng Cục Nhà giáo: Bồi dưỡng phải xuất phát từ nhu cầu của giáo viên",
        "PV: Thưa ông, năm 2022 công tác bồi dưỡng giáo viên mầm non có gì mới?\nÔng Vũ Minh Đức: Năm nay "
        "chúng tôi tập trung vào ba việc: rà soát nhu cầu bồi dưỡng của từng giáo viên dựa trên kết quả đánh giá "
        "chuẩn nghề nghiệp; phát triển học liệu trực tuyến dùng chung; và nâng cao năng lực đội ngũ cốt cán.\n"
        "PV: Mục tiêu đến năm 2025 là gì?\nÔng Vũ Minh Đức: Đề án đặt mục tiêu 100% giáo viên và cán bộ quản lý "
        "mầm non được bồi dưỡng thường xuyên theo chuẩn, đáp ứng chương trình giáo dục mầm non mới.",
        label="2a", published="2022-06-06T08:00:00+07:00"),
    _it("p24", "holdout", "Hội nghị trực tuyến tập huấn cán bộ quản lý giáo dục mầm non toàn quốc",
        "Ngày 24/8, Bộ GDĐT tổ chức hội nghị trực tuyến tập huấn cho cán bộ quản lý phòng, sở GDĐT và hiệu "
        "trưởng các trường mầm non trên toàn quốc với hơn 15.000 đại biểu tham dự tại các điểm cầu. Nội dung tập "
        "huấn gồm quản trị chất lượng, kiểm định và xây dựng trường mầm non lấy trẻ làm trung tâm.",
        label="2b", kind="portal", published="2022-08-24T17:00:00+07:00"),
    _it("p25", "train", "Bồi dưỡng giáo viên mầm non dạy trẻ khuyết tật học hòa nhập",
        "120 cô giáo các trường mầm non ở Bình Định vừa tham gia khóa tập huấn 4 ngày về giáo dục hòa nhập cho "
        "trẻ khuyết tật. Các cô được hướng dẫn phát hiện sớm, can thiệp và lập kế hoạch giáo dục cá nhân cho "
        "trẻ. Khóa học do Sở GDĐT phối hợp với Trung tâm hỗ trợ phát triển giáo dục hòa nhập tổ chức.",
        label="2b", published="2022-07-28T08:00:00+07:00"),
    _it("p26", "holdout", "Luật Giáo dục 2019: Giáo viên mầm non có trình độ trung cấp phải học lên cao đẳng",
        "Theo Luật Giáo dục 2019, trình độ chuẩn được đào tạo của giáo viên mầm non là có bằng tốt nghiệp cao đẳng "
        "sư phạm trở lên. Những giáo viên đang có bằng trung cấp sẽ được đào tạo nâng chuẩn theo lộ trình do "
        "Chính phủ quy định. Đây là chủ trương lớn nhằm nâng cao chất lượng đội ngũ nhà giáo mầm non.",
        label="1", published="2022-04-25T08:00:00+07:00"),
    _it("p27", "train", "phong su: lop hoc nang chuan cua nhung co giao mam non vung bien",
        "MC: Kinh thua quy vi, o huyen bien gioi Muong Te, nhieu co giao mam non dang theo hoc lop cao dang su "
        "pham de dat chuan trinh do.\nPV: Lop hoc duoc mo ngay tai trung tam huyen, cac co hoc vao cuoi tuan. "
        "Nam 2022, huyen co 65 giao vien mam non duoc cu di hoc nang chuan.\nPhong su cua Dai PT-TH Lai Chau.",
        label="2b", kind="tv", fmt="report", style="tv", published="2022-09-08T19:00:00+07:00"),
    _it("p28", "holdout", "Tiếp tục triển khai Đề án 33 đến năm 2025",
        "Bộ GDĐT vừa có văn bản đề nghị các địa phương tiếp tục triển khai các nhiệm vụ, giải pháp của Đề án 33 "
        "trong giai đoạn 2022-2025, trong đó ưu tiên bồi dưỡng cán bộ quản lý cơ sở giáo dục mầm non về quản "
        "trị nhà trường và giáo viên về chương trình giáo dục mầm non.", label="2a", kind="portal",
        published="2022-05-30T08:00:00+07:00"),
    _it("n21", "train", "Thông tư quy định tiêu chuẩn cơ sở vật chất trường mầm non",
        "Bộ GDĐT ban hành Thông tư quy định tiêu chuẩn cơ sở vật chất trường mầm non, có hiệu lực từ tháng 10. "
        "Thông tư quy định diện tích phòng học, sân chơi, bếp ăn và các phòng chức năng. Các trường phải bảo đảm "
        "mức tối thiểu về diện tích cho mỗi trẻ.", label=None),
    _it("n22", "holdout", "Chính sách hỗ trợ giáo viên mầm non ngoài công lập",
        "Theo Nghị định 105/2020/NĐ-CP, giáo viên mầm non ở các cơ sở giáo dục mầm non dân lập, tư thục tại khu "
        "công nghiệp được hỗ trợ 800.000 đồng mỗi tháng. Chính sách nhằm giảm khó khăn cho giáo viên sau dịch "
        "Covid-19. Trẻ mẫu giáo là con công nhân cũng được hỗ trợ tiền ăn trưa.", label=None),
    _it("n23", "train", "Ngày hội Bé khỏe - Bé ngoan tại trường mầm non Hoa Sen",
        "Hơn 300 cháu mẫu giáo tham gia ngày hội Bé khỏe - Bé ngoan với các trò chơi vận động, văn nghệ. Các cô "
        "giáo đã chuẩn bị chu đáo trang phục, đạo cụ cho các bé. Phụ huynh đến cổ vũ rất đông.", label=None),
    _it("n24", "holdout", "Tuyển sinh ngành Giáo dục mầm non: điểm chuẩn tăng",
        "Điểm chuẩn ngành Giáo dục mầm non của nhiều trường sư phạm năm nay tăng 1-2 điểm. Trường Đại học Sư phạm "
        "Hà Nội lấy 24 điểm. Sinh viên sư phạm được miễn học phí và hỗ trợ sinh hoạt phí theo Nghị định 116.",
        label=None),
    _it("n25", "train", "Giáo viên tiểu học được bồi dưỡng dạy Tin học, Công nghệ",
        "Sở GDĐT Bắc Giang tổ chức bồi dưỡng cho 600 giáo viên tiểu học dạy môn Tin học và Công nghệ lớp 3. Trước "
        "đó, sở đã tổ chức tập huấn cho giáo viên mầm non về ứng dụng công nghệ thông tin.", label=None),
    _it("n26", "holdout", "Bảo mẫu nhóm trẻ tự phát không qua đào tạo",
        "Nhiều nhóm trẻ tự phát ở khu trọ công nhân do bảo mẫu chưa qua đào tạo trông giữ. Cơ quan chức năng "
        "khuyến cáo phụ huynh cân nhắc, đồng thời đề nghị chính quyền tăng cường kiểm tra, xử lý các cơ sở không "
        "bảo đảm an toàn cho trẻ.", label=None),
]

"""The case of issue 15: four different local courses published under one standard paragraph, each with two
true copies in other outlets. Written for the test (no real page); the standard paragraph is the kind of
sentence provincial departments print under every course."""

from __future__ import annotations

STANDARD = (
    "Lớp học được tổ chức trong khuôn khổ triển khai Đề án Đào tạo, bồi dưỡng giáo viên và cán bộ quản lý "
    "cơ sở giáo dục mầm non giai đoạn 2018-2025 theo Quyết định số 33/QĐ-TTg của Thủ tướng Chính phủ, nhằm "
    "nâng cao năng lực chuyên môn, nghiệp vụ cho đội ngũ giáo viên, cán bộ quản lý giáo dục mầm non, đáp ứng "
    "yêu cầu đổi mới căn bản, toàn diện giáo dục và đào tạo trong giai đoạn hiện nay."
)

# (key, outlet, date, title, paragraphs specific to the course)
COURSES = [
    ("online-2021", "so-gddt-lao-cai", "2021-07-12",
     "Khai giảng lớp bồi dưỡng trực tuyến cho giáo viên mầm non",
     ["Sáng 12/7, Sở Giáo dục và Đào tạo Lào Cai khai giảng lớp bồi dưỡng trực tuyến về xây dựng môi trường "
      "giáo dục lấy trẻ làm trung tâm cho 420 giáo viên mầm non của 9 huyện, thị xã, thành phố.",
      "Do diễn biến phức tạp của dịch Covid-19, toàn bộ khóa học diễn ra trên nền tảng trực tuyến trong 10 ngày; "
      "học viên nghe giảng qua phần mềm, làm bài thu hoạch và nộp sản phẩm qua hệ thống quản lý học tập.",
      "Giảng viên là các chuyên gia của Trường Cao đẳng Sư phạm Trung ương hướng dẫn cách thiết kế góc chơi, "
      "tận dụng nguyên vật liệu sẵn có ở địa phương và tổ chức hoạt động trải nghiệm cho trẻ vùng cao."]),
    ("it-2022", "so-gddt-lao-cai", "2022-07-18",
     "Tập huấn ứng dụng công nghệ thông tin cho giáo viên mầm non",
     ["Ngày 18/7, tại Trung tâm Giáo dục thường xuyên tỉnh, 150 giáo viên mầm non cốt cán bắt đầu khóa tập huấn "
      "ứng dụng công nghệ thông tin trong tổ chức hoạt động giáo dục trẻ.",
      "Trong năm ngày, học viên được hướng dẫn sử dụng phần mềm soạn bài giảng điện tử, quản lý hồ sơ trẻ trên "
      "cơ sở dữ liệu ngành, quay và dựng video ngắn để trao đổi với phụ huynh.",
      "Kết thúc khóa học, mỗi giáo viên phải hoàn thành một bài giảng điện tử hoàn chỉnh; những sản phẩm tốt sẽ "
      "được chia sẻ lên kho học liệu dùng chung của tỉnh."]),
    ("inclusive-2022", "so-gddt-lao-cai", "2022-10-05",
     "Bồi dưỡng giáo dục hòa nhập trẻ khuyết tật cho giáo viên mầm non",
     ["Từ ngày 5 đến 8/10, Sở Giáo dục và Đào tạo phối hợp với Trung tâm Hỗ trợ phát triển giáo dục hòa nhập "
      "tổ chức lớp bồi dưỡng về giáo dục hòa nhập cho 90 giáo viên mầm non.",
      "Học viên được trang bị kỹ năng phát hiện sớm trẻ có khó khăn về phát triển, lập kế hoạch giáo dục cá nhân "
      "và phối hợp với gia đình trong can thiệp sớm cho trẻ khuyết tật.",
      "Nhiều giáo viên chia sẻ, lần đầu được thực hành với trẻ tự kỷ và trẻ chậm nói ngay tại lớp, dưới sự hướng "
      "dẫn của chuyên gia tâm lý và giáo viên giáo dục đặc biệt."]),
    ("accreditation-2022", "so-gddt-lao-cai", "2022-11-14",
     "Bồi dưỡng công tác kiểm định chất lượng cho cán bộ quản lý mầm non",
     ["Ngày 14/11, 120 hiệu trưởng và phó hiệu trưởng các trường mầm non trong tỉnh tham gia lớp bồi dưỡng về "
      "tự đánh giá và kiểm định chất lượng giáo dục, công nhận trường đạt chuẩn quốc gia.",
      "Báo cáo viên của Cục Quản lý chất lượng hướng dẫn quy trình thu thập minh chứng, viết báo cáo tự đánh "
      "giá theo Thông tư 19/2018/TT-BGDĐT và chuẩn bị cho đoàn đánh giá ngoài.",
      "Theo kế hoạch, đến hết năm 2023 tỉnh phấn đấu có thêm 25 trường mầm non được công nhận đạt kiểm định chất "
      "lượng giáo dục cấp độ 2 trở lên."]),
]

# Two true copies of each course: a provincial paper that adds its byline and credit, and a TV station's web
# text that trims the last paragraph and rewrites the title.
COPY_OUTLETS = [("bao-lao-cai", 1, "Báo Lào Cai - "), ("ptth-lao-cai", 2, "")]


def course_docs(short: bool = False) -> list[dict[str, object]]:
    """Every document of the case: 4 originals and 8 copies, with the expected story (the original's id).
    short: each course keeps only its first paragraph, so the standard paragraph is most of every text (the
    courses then look alike unless the standard paragraph is recognised as boilerplate)."""
    docs: list[dict[str, object]] = []
    for key, outlet, day, title, full_body in COURSES:
        body = full_body[:1] if short else full_body
        original = "\n".join([*body[:1], STANDARD, *body[1:]])
        docs.append({"doc_id": f"{key}-0", "source_id": outlet, "day": day, "title": title, "text": original,
                     "expected": f"s-{key}-0"})
        for copy_outlet, lag, prefix in COPY_OUTLETS:
            if prefix:
                text = prefix + original + "\nNguồn: Sở Giáo dục và Đào tạo"
                copy_title = title
            else:
                text = "\n".join([*body[:1], STANDARD, *body[1:2]]) if not short else "\n".join([STANDARD, *body])
                copy_title = f"{title} năm học mới"
            year, month, dom = (int(p) for p in day.split("-"))
            docs.append({"doc_id": f"{key}-{lag}", "source_id": copy_outlet,
                         "day": f"{year:04d}-{month:02d}-{dom + lag:02d}", "title": copy_title, "text": text,
                         "expected": f"s-{key}-0"})
    return docs

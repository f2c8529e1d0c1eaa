"""Texts for measuring the near-duplicate threshold (docs/extraction.md quotes the scores)."""

from __future__ import annotations

RELEASE = [
    "Ngày 15/6/2022, Bộ Giáo dục và Đào tạo ban hành Kế hoạch số 661/KH-BGDĐT về công tác truyền thông Đề án "
    "Đào tạo, bồi dưỡng giáo viên và cán bộ quản lý cơ sở giáo dục mầm non giai đoạn 2018-2025.",
    "Mục đích của kế hoạch là tuyên truyền sâu rộng chủ trương, chính sách của Đảng, Nhà nước về phát triển đội "
    "ngũ nhà giáo và cán bộ quản lý giáo dục mầm non, tạo sự đồng thuận của xã hội trong quá trình thực hiện Đề án.",
    "Nội dung truyền thông tập trung vào mục tiêu, định hướng, nhiệm vụ và giải pháp của Đề án; kết quả triển "
    "khai tại các địa phương; những tấm gương giáo viên mầm non tiêu biểu vượt khó, tận tụy với nghề.",
    "Cục Nhà giáo và Cán bộ quản lý giáo dục là đơn vị chủ trì, phối hợp với Báo Giáo dục và Thời đại, các cơ "
    "quan báo chí trung ương và địa phương thực hiện các tin, bài, phóng sự chuyên đề trong năm 2022.",
    "Các sở giáo dục và đào tạo có trách nhiệm chỉ đạo các cơ sở giáo dục mầm non phổ biến kế hoạch tới toàn "
    "thể cán bộ, giáo viên, đồng thời cung cấp thông tin cho cơ quan báo chí địa phương.",
    "Kinh phí thực hiện kế hoạch được bố trí từ nguồn ngân sách chi thường xuyên của Bộ và các nguồn hợp pháp "
    "khác theo quy định hiện hành.",
]
ORIGINAL = "\n".join(RELEASE)
# Another outlet prints the release with its own intro line and source credit.
SYNDICATED = "(GD&TĐ) - " + ORIGINAL + "\nTheo Cổng thông tin điện tử Bộ GDĐT"
# A provincial paper trims the last paragraph and rewrites the first sentence.
TRIMMED = "\n".join(
    [
        "Bộ Giáo dục và Đào tạo vừa ban hành Kế hoạch số 661/KH-BGDĐT về công tác truyền thông Đề án Đào tạo, "
        "bồi dưỡng giáo viên và cán bộ quản lý cơ sở giáo dục mầm non giai đoạn 2018-2025.",
        *RELEASE[1:5],
    ]
)
# The same article later updated with one more paragraph.
UPDATED = ORIGINAL + (
    "\nCập nhật: Chiều cùng ngày, Cục Nhà giáo và Cán bộ quản lý giáo dục đã gửi kế hoạch chi tiết tới 63 sở "
    "giáo dục và đào tạo trên cả nước."
)
# NFD, old-style tone placement, different whitespace: same text after normalization.
NFD_COPY = __import__("unicodedata").normalize("NFD", ORIGINAL.replace("hòa", "hoà")).replace("\n", "\n\n  ")
# A different report on the same event: same names and numbers, own wording.
SAME_EVENT_OTHER_STORY = "\n".join(
    [
        "Sáng nay, lãnh đạo Cục Nhà giáo và Cán bộ quản lý giáo dục đã trao đổi với phóng viên về việc triển khai "
        "truyền thông cho Đề án 33 theo kế hoạch 661 của Bộ.",
        "Ông cho biết năm 2022 sẽ có nhiều phóng sự chuyên đề về giáo viên mầm non được phát sóng trên truyền hình "
        "trung ương và địa phương, bên cạnh các bài viết trên Báo Giáo dục và Thời đại.",
        "Theo ông, khó khăn lớn nhất hiện nay là tình trạng thiếu giáo viên mầm non ở các khu công nghiệp và vùng "
        "sâu, vùng xa, trong khi thu nhập của giáo viên còn thấp.",
        "Cục sẽ phối hợp với các sở giáo dục và đào tạo tổng hợp những tấm gương điển hình để giới thiệu rộng rãi "
        "trên các phương tiện thông tin đại chúng.",
    ]
)
UNRELATED = "\n".join(
    [
        "Bộ Giáo dục và Đào tạo công bố đáp án chính thức các môn thi tốt nghiệp trung học phổ thông năm 2022.",
        "Thí sinh có thể tra cứu điểm thi từ 8 giờ sáng ngày 24/7 trên hệ thống quản lý thi của Bộ.",
        "Các trường đại học sẽ bắt đầu xét tuyển đợt một theo lịch chung của Bộ từ ngày 22/7 đến ngày 20/8.",
    ]
)
# A brief that keeps only the first half of the release.
HALF = "\n".join(RELEASE[:3])

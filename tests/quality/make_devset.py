"""Build tests/quality/devset.jsonl: a labelled development set for the plan-661 classifier.

Items are composed from hand-written Vietnamese sentence pools per kind of page (policy news, Đề án 33
objectives, implementation news, and one pool per hard negative named in shared/sites.md), in four styles:
short news, long articles, portal notices and TV report transcripts. Some items are folded to text without
diacritics, some are written in NFD.

Anti-overfitting: every pool is split; the last ~30% of its titles, leads and sentences are reserved for the
`holdout` split (about a quarter of the items), so holdout items are built from sentences the train items
never contain. Run: .venv/bin/python tests/quality/make_devset.py  (deterministic, seeded).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import sys
import unicodedata
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("devset.jsonl")

PROVINCES = ["Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Quảng Ninh", "Lào Cai", "Sơn La", "Điện Biên", "Gia Lai", "Đắk Lắk",
             "Kon Tum", "Bình Định", "Phú Yên", "Quảng Nam", "Cà Mau", "Bạc Liêu", "Sóc Trăng", "Trà Vinh",
             "Vĩnh Phúc", "Hà Nam", "Nam Định", "Thái Bình", "Bắc Giang", "Lạng Sơn", "Cao Bằng", "Hà Giang",
             "Tuyên Quang", "Yên Bái", "Hòa Bình", "Ninh Thuận", "Lâm Đồng", "Đồng Tháp", "An Giang", "Kiên Giang"]
DISTRICTS = ["Quỳnh Lưu", "Mường Lát", "Tây Giang", "Kỳ Anh", "Bảo Thắng", "Mộc Châu", "Krông Pắc", "Tuần Giáo",
             "Đầm Dơi", "Hòa Vang", "Cẩm Xuyên", "Văn Bàn"]
NAMES = ["Nguyễn Thị Hương", "Trần Thị Lan", "Lê Thị Thu Hà", "Phạm Thị Mai", "Hoàng Thị Ngọc", "Vũ Thị Hằng",
         "Đỗ Thị Thanh", "Bùi Thị Yến", "Đặng Thị Hoa", "Ngô Thị Minh"]
SCHOOLS = ["Hoa Sen", "Sơn Ca", "Họa Mi", "Tuổi Thơ", "Bình Minh", "Hoa Hồng", "Vàng Anh", "Măng Non", "Ánh Dương"]

# ------------------------------------------------------------------------------------------------ pools
# Each group: label, titles, leads, body sentences. Slots: {tinh} {huyen} {ten} {truong} {n} {k} {pct} {m} {ngay}
GROUPS: dict[str, dict[str, Any]] = {
    "pos_1": {
        "relevant": True, "activity": "1", "count": 30, "tv": 0.2, "notice": 0.1,
        "titles": [
            "Nâng chuẩn trình độ đào tạo giáo viên mầm non: lộ trình theo Nghị định 71",
            "Luật Giáo dục 2019 nâng chuẩn trình độ giáo viên mầm non lên cao đẳng",
            "Chuẩn nghề nghiệp giáo viên mầm non: những điểm mới cần biết",
            "Chính sách đào tạo, bồi dưỡng giáo viên mầm non cần thêm cơ chế đặc thù",
            "Bộ GDĐT ban hành chương trình bồi dưỡng thường xuyên giáo viên mầm non",
            "Chủ trương của Đảng về phát triển đội ngũ nhà giáo mầm non",
            "Chuẩn hiệu trưởng trường mầm non: căn cứ để bồi dưỡng cán bộ quản lý",
            "Quy định mới về bồi dưỡng thường xuyên đối với giáo viên mầm non",
            "Hỗ trợ kinh phí nâng chuẩn trình độ cho giáo viên mầm non",
            "Dự thảo Luật Nhà giáo: giáo viên mầm non được quan tâm đào tạo, bồi dưỡng",
            "Chính sách mới về đào tạo giáo viên mầm non có hiệu lực từ tháng 7",
            "Hành lang pháp lý cho công tác bồi dưỡng đội ngũ giáo viên mầm non",
            "Thông tư mới quy định chế độ bồi dưỡng đối với cán bộ quản lý cơ sở giáo dục mầm non",
            "Những chính sách lớn của Nhà nước về đội ngũ giáo viên mầm non",
        ],
        "leads": [
            "Theo quy định của Luật Giáo dục 2019, giáo viên mầm non phải có bằng cao đẳng sư phạm trở lên; "
            "người chưa đạt chuẩn sẽ được đào tạo nâng chuẩn theo lộ trình.",
            "Nghị định 71/2020/NĐ-CP quy định lộ trình thực hiện nâng trình độ chuẩn được đào tạo của giáo viên "
            "mầm non, với kinh phí do ngân sách nhà nước bảo đảm.",
            "Thông tư 26/2018/TT-BGDĐT ban hành quy định chuẩn nghề nghiệp giáo viên cơ sở giáo dục mầm non, là "
            "căn cứ để giáo viên xây dựng kế hoạch học tập, bồi dưỡng.",
            "Đảng và Nhà nước luôn xác định phát triển đội ngũ nhà giáo và cán bộ quản lý giáo dục mầm non là khâu "
            "then chốt để nâng cao chất lượng chăm sóc, giáo dục trẻ.",
            "Bộ GDĐT vừa ban hành thông tư quy định chương trình bồi dưỡng thường xuyên giáo viên mầm non, thay thế "
            "quy định cũ đã áp dụng nhiều năm.",
            "Nhiều chính sách về đào tạo, bồi dưỡng giáo viên và cán bộ quản lý cơ sở giáo dục mầm non đã được "
            "ban hành, tạo hành lang pháp lý để các địa phương triển khai.",
            "Chính phủ vừa ban hành nghị định sửa đổi, bổ sung một số chính sách đối với giáo viên mầm non, trong đó "
            "có chính sách hỗ trợ đào tạo nâng chuẩn.",
            "Quốc hội đang thảo luận dự thảo Luật Nhà giáo với nhiều quy định mới về đào tạo, bồi dưỡng nhà giáo, "
            "trong đó có giáo viên mầm non.",
            "Các văn bản quy phạm pháp luật về đào tạo, bồi dưỡng giáo viên mầm non đã cơ bản hoàn thiện, theo "
            "đánh giá của Cục Nhà giáo và Cán bộ quản lý giáo dục.",
        ],
        "body": [
            "Nghị quyết 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo yêu cầu phát triển đội ngũ "
            "nhà giáo đáp ứng yêu cầu đổi mới.",
            "Theo lộ trình, đến năm 2025 các địa phương phải hoàn thành đào tạo nâng chuẩn cho ít nhất 50% số giáo "
            "viên mầm non chưa đạt chuẩn, đến năm 2030 hoàn thành 100%.",
            "Chính phủ quy định kinh phí đào tạo nâng chuẩn do ngân sách nhà nước bảo đảm, giáo viên được hưởng "
            "nguyên lương trong thời gian đi học.",
            "Chuẩn nghề nghiệp gồm 5 tiêu chuẩn với 15 tiêu chí, từ phẩm chất nhà giáo, phát triển chuyên môn đến "
            "xây dựng môi trường giáo dục.",
            "Mỗi năm, giáo viên mầm non phải hoàn thành 120 tiết bồi dưỡng thường xuyên, gồm nội dung bắt buộc và "
            "nội dung tự chọn.",
            "Cục Nhà giáo và Cán bộ quản lý giáo dục cho biết các văn bản quy phạm pháp luật về đào tạo, bồi dưỡng "
            "nhà giáo đã cơ bản hoàn thiện.",
            "Các địa phương có trách nhiệm xây dựng kế hoạch đào tạo nâng chuẩn, bảo đảm không ảnh hưởng đến việc "
            "chăm sóc, giáo dục trẻ.",
            "Chuẩn hiệu trưởng cơ sở giáo dục mầm non được ban hành kèm Thông tư 25/2018/TT-BGDĐT, làm căn cứ để "
            "đánh giá, bồi dưỡng cán bộ quản lý.",
            "Theo các chuyên gia, chính sách cần đi kèm cơ chế hỗ trợ cụ thể để giáo viên vùng khó khăn yên tâm đi "
            "học nâng chuẩn.",
            "Luật Giáo dục 2019 có hiệu lực từ ngày 1/7/2020, trong đó quy định trình độ chuẩn được đào tạo của giáo "
            "viên mầm non là cao đẳng sư phạm trở lên.",
            "Văn bản nêu rõ trách nhiệm của Sở GDĐT trong việc rà soát số giáo viên chưa đạt chuẩn để cử đi đào tạo.",
            "Quy định mới được đánh giá là bước tiến quan trọng, thể hiện sự quan tâm của Đảng, Nhà nước đối với đội "
            "ngũ nhà giáo mầm non.",
            "Thông tư quy định giáo viên mầm non được bố trí thời gian, kinh phí để tham gia bồi dưỡng thường xuyên "
            "theo kế hoạch của nhà trường.",
            "Những chủ trương, chính sách này nhằm xây dựng đội ngũ giáo viên mầm non đủ về số lượng, đồng bộ về cơ "
            "cấu, đạt chuẩn về trình độ.",
            "Quyết định 33/QĐ-TTg của Thủ tướng Chính phủ là một trong những chính sách quan trọng về đào tạo, bồi "
            "dưỡng đội ngũ giáo viên mầm non.",
            "Bà {ten}, Vụ trưởng Vụ Giáo dục Mầm non, cho rằng chính sách nâng chuẩn đã tạo động lực để giáo viên "
            "học tập suốt đời.",
            "Nghị định cũng quy định trách nhiệm của cơ sở đào tạo trong việc xây dựng chương trình đào tạo nâng "
            "chuẩn phù hợp với người học vừa làm vừa học.",
            "Văn bản có hiệu lực thi hành sau 45 ngày kể từ ngày ký ban hành.",
            "Theo quy định, giáo viên mầm non được đánh giá theo chuẩn nghề nghiệp định kỳ hằng năm, kết quả là căn "
            "cứ xây dựng kế hoạch bồi dưỡng.",
            "Chính sách cử tuyển, đặt hàng đào tạo giáo viên mầm non cho vùng đồng bào dân tộc thiểu số cũng được "
            "quy định cụ thể.",
        ],
    },
    "pos_2a": {
        "relevant": True, "activity": "2a", "count": 28, "tv": 0.2, "notice": 0.1,
        "titles": [
            "Đề án 33: Mục tiêu đến năm 2025 100% giáo viên mầm non đạt chuẩn trình độ",
            "Nhiệm vụ, giải pháp đào tạo, bồi dưỡng nhà giáo mầm non giai đoạn 2021-2025",
            "Định hướng bồi dưỡng giáo viên mầm non giai đoạn 2022-2025",
            "Bộ GDĐT ban hành kế hoạch thực hiện Đề án 33 năm 2022",
            "Nâng cao chất lượng đội ngũ giáo viên mầm non: những nhóm giải pháp trọng tâm",
            "Cục trưởng Cục Nhà giáo: Đề án 33 tập trung vào các nhóm nhiệm vụ then chốt",
            "Đào tạo, bồi dưỡng giáo viên mầm non: mục tiêu và lộ trình đến năm 2025",
            "Mục tiêu bồi dưỡng cán bộ quản lý cơ sở giáo dục mầm non giai đoạn tới",
            "Đổi mới đào tạo giáo viên mầm non: giải pháp nào cho giai đoạn 2022-2025?",
            "Những mục tiêu lớn của Đề án đào tạo, bồi dưỡng giáo viên mầm non",
            "Đề án 33 đặt mục tiêu gì cho đội ngũ giáo viên mầm non?",
            "Giải pháp nâng chuẩn đội ngũ nhà giáo mầm non đến năm 2025",
        ],
        "leads": [
            "Đề án \"Đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non giai đoạn 2018-2025\" đặt mục "
            "tiêu đến năm 2025 có 100% giáo viên mầm non đạt chuẩn trình độ đào tạo.",
            "Bộ GDĐT vừa ban hành kế hoạch triển khai nhiệm vụ thực hiện Đề án 33 năm 2022 với nhiều giải pháp đổi "
            "mới công tác bồi dưỡng giáo viên mầm non.",
            "Giai đoạn 2021-2025, công tác đào tạo, bồi dưỡng giáo viên và cán bộ quản lý cơ sở giáo dục mầm non "
            "được định hướng theo hướng thực chất, gắn với nhu cầu của từng địa phương.",
            "Trao đổi với phóng viên, lãnh đạo Cục Nhà giáo và Cán bộ quản lý giáo dục cho biết các mục tiêu của Đề "
            "án sẽ được tập trung thực hiện trong những năm còn lại.",
            "Để đạt mục tiêu đề ra đến năm 2025, ngành giáo dục xác định nhiều nhóm giải pháp đồng bộ về đào tạo, "
            "bồi dưỡng đội ngũ giáo viên mầm non.",
            "Năm 2022, việc thực hiện Đề án 33 tập trung vào các nhiệm vụ đổi mới nội dung, phương thức bồi dưỡng "
            "giáo viên mầm non.",
            "Theo định hướng của Bộ GDĐT, những năm tới công tác bồi dưỡng giáo viên mầm non phải chuyển mạnh sang "
            "bồi dưỡng theo nhu cầu và năng lực nghề nghiệp.",
            "Ông {ten2}, Cục trưởng Cục Nhà giáo và Cán bộ quản lý giáo dục, đã trao đổi về mục tiêu, nhiệm vụ của Đề "
            "án trong giai đoạn 2021-2025.",
        ],
        "body": [
            "Đề án được Thủ tướng Chính phủ phê duyệt tại Quyết định 33/QĐ-TTg ngày 8/1/2018.",
            "Mục tiêu chung của Đề án là phát triển đội ngũ giáo viên và cán bộ quản lý giáo dục mầm non đủ về số "
            "lượng, bảo đảm chất lượng, đáp ứng yêu cầu đổi mới.",
            "Đề án đề ra các nhóm nhiệm vụ và giải pháp, trong đó trọng tâm là đổi mới nội dung, phương thức đào "
            "tạo, bồi dưỡng.",
            "Phấn đấu đến năm 2025, 100% cán bộ quản lý cơ sở giáo dục mầm non được bồi dưỡng năng lực quản trị "
            "nhà trường.",
            "Các trường sư phạm cần đổi mới chương trình đào tạo giáo viên mầm non theo hướng tăng cường thực hành.",
            "Một giải pháp quan trọng là xây dựng đội ngũ giáo viên mầm non cốt cán ở các địa phương để hỗ trợ "
            "đồng nghiệp.",
            "Định hướng của giai đoạn 2022-2025 là ứng dụng công nghệ thông tin, phát triển hệ thống bồi dưỡng trực "
            "tuyến cho giáo viên mầm non.",
            "Bộ yêu cầu các địa phương rà soát, xác định nhu cầu bồi dưỡng để xây dựng kế hoạch sát với thực tế.",
            "Nhiệm vụ đặt ra là nâng cao năng lực cho đội ngũ giảng viên sư phạm mầm non tại các cơ sở đào tạo.",
            "Theo định hướng, nội dung bồi dưỡng tập trung vào thực hiện chương trình giáo dục mầm non, phát triển "
            "năng lực nghề nghiệp theo chuẩn.",
            "Đề án cũng chú trọng đào tạo, bồi dưỡng giáo viên mầm non vùng đồng bào dân tộc thiểu số, vùng khó "
            "khăn.",
            "Để đạt mục tiêu, cần sự phối hợp chặt chẽ giữa Bộ GDĐT, các địa phương và các cơ sở đào tạo giáo viên.",
            "Kế hoạch năm 2022 xác định các nhiệm vụ cụ thể, phân công rõ trách nhiệm cho từng đơn vị.",
            "Mục tiêu cụ thể là đến năm 2025 có ít nhất 60% giáo viên mầm non đạt trình độ trên chuẩn.",
            "Giải pháp then chốt là đổi mới cơ chế quản lý công tác bồi dưỡng, gắn bồi dưỡng với đánh giá theo "
            "chuẩn nghề nghiệp.",
            "Theo ông {ten2}, yêu cầu đặt ra là bồi dưỡng phải thực chất, tránh hình thức, đáp ứng đúng nhu cầu của "
            "giáo viên.",
            "Đề án hướng tới xây dựng mạng lưới cơ sở đào tạo giáo viên mầm non đủ năng lực trên cả nước.",
        ],
    },
    "pos_2b": {
        "relevant": True, "activity": "2b", "count": 52, "tv": 0.25, "notice": 0.12,
        "titles": [
            "{tinh}: Khai giảng lớp bồi dưỡng giáo viên mầm non cốt cán",
            "Bế giảng lớp bồi dưỡng cán bộ quản lý trường mầm non tại {tinh}",
            "{n} giáo viên mầm non {tinh} được tập huấn chuyên môn hè",
            "Sơ kết thực hiện Đề án 33 giai đoạn 2018-2022",
            "{tinh} tập huấn nâng cao năng lực cho hiệu trưởng trường mầm non",
            "Bồi dưỡng giáo viên mầm non xây dựng môi trường giáo dục lấy trẻ làm trung tâm",
            "Trường ĐH Sư phạm tổ chức bồi dưỡng cho {n} giáo viên mầm non",
            "{tinh}: Hơn {n} giáo viên mầm non hoàn thành bồi dưỡng thường xuyên",
            "Tập huấn trực tuyến cho giáo viên mầm non cốt cán toàn quốc",
            "Kết quả thực hiện Đề án đào tạo, bồi dưỡng giáo viên mầm non ở {tinh}",
            "Nâng chuẩn trình độ cho giáo viên mầm non: {tinh} đã cử {n} người đi học",
            "Huyện {huyen} tập huấn chuyên đề cho giáo viên mẫu giáo",
            "Giáo viên mầm non vùng cao {tinh} hào hứng với lớp tập huấn hè",
            "Hội nghị tổng kết công tác bồi dưỡng giáo viên mầm non năm 2022",
            "{tinh}: Bồi dưỡng kỹ năng số cho cán bộ quản lý, giáo viên mầm non",
            "Gần {n} giáo viên nhà trẻ, mẫu giáo được bồi dưỡng chuyên môn",
        ],
        "leads": [
            "Ngày {ngay}, Sở GDĐT {tinh} khai giảng lớp bồi dưỡng giáo viên mầm non cốt cán với sự tham gia của {n} "
            "học viên.",
            "Trong {k} ngày, các học viên là hiệu trưởng, phó hiệu trưởng trường mầm non trên địa bàn tỉnh {tinh} "
            "được bồi dưỡng về quản trị nhà trường.",
            "Thực hiện kế hoạch bồi dưỡng hè, Phòng GDĐT huyện {huyen} đã tổ chức tập huấn cho toàn bộ giáo viên "
            "mầm non trên địa bàn.",
            "Sau 4 năm triển khai Đề án 33, {tinh} đã có {pct}% giáo viên mầm non đạt chuẩn trình độ đào tạo.",
            "Bộ GDĐT phối hợp với Trường ĐH Sư phạm Hà Nội tổ chức tập huấn trực tuyến cho {n} giáo viên mầm non "
            "cốt cán của các tỉnh phía Bắc.",
            "Sáng {ngay}, tại {tinh}, Cục Nhà giáo và Cán bộ quản lý giáo dục tổ chức hội nghị sơ kết việc thực hiện "
            "Đề án đào tạo, bồi dưỡng giáo viên và cán bộ quản lý cơ sở giáo dục mầm non.",
            "Hơn {n} giáo viên mầm non của huyện {huyen} vừa hoàn thành khóa bồi dưỡng về tổ chức hoạt động "
            "trải nghiệm cho trẻ.",
            "Năm nay, {tinh} tiếp tục cử {m} giáo viên mầm non chưa đạt chuẩn đi học nâng chuẩn trình độ cao đẳng "
            "tại Trường Cao đẳng Sư phạm tỉnh.",
            "Lớp tập huấn do Sở GDĐT {tinh} tổ chức thu hút {n} cán bộ quản lý và giáo viên cốt cán cấp học mầm "
            "non.",
            "Ngày {ngay}, Trường Cao đẳng Sư phạm {tinh} bế giảng lớp bồi dưỡng cán bộ quản lý cơ sở giáo dục mầm "
            "non khóa 2022.",
        ],
        "body": [
            "Lớp học do các giảng viên Trường Cao đẳng Sư phạm {tinh} trực tiếp giảng dạy.",
            "Nội dung tập huấn tập trung vào phát triển chương trình giáo dục nhà trường, tổ chức hoạt động trải "
            "nghiệm cho trẻ và đánh giá sự phát triển của trẻ.",
            "Kết thúc khóa học, {n} học viên được cấp chứng chỉ hoàn thành chương trình bồi dưỡng.",
            "Các học viên đánh giá cao tính thực tiễn của nội dung bồi dưỡng, có thể vận dụng ngay tại nhóm, lớp.",
            "Đây là hoạt động nằm trong kế hoạch thực hiện Đề án 33 của tỉnh năm 2022.",
            "Từ năm 2018 đến nay, tỉnh đã tổ chức {k} lớp bồi dưỡng cho hơn {n} lượt giáo viên và cán bộ quản lý "
            "mầm non.",
            "Cô {ten}, giáo viên Trường Mầm non {truong}, chia sẻ: \"Sau khóa tập huấn, tôi tự tin hơn khi tổ chức "
            "các hoạt động cho trẻ\".",
            "Giáo viên cốt cán sau khi được bồi dưỡng sẽ trở về hỗ trợ đồng nghiệp tại trường thông qua sinh hoạt "
            "chuyên môn.",
            "Tại hội nghị sơ kết, các đại biểu đánh giá việc triển khai Đề án đã góp phần nâng cao chất lượng đội "
            "ngũ.",
            "Hiện toàn tỉnh còn {m} giáo viên mầm non chưa đạt chuẩn, đang được cử đi đào tạo nâng chuẩn tại các "
            "trường sư phạm.",
            "Bà {ten}, Trưởng phòng Giáo dục Mầm non Sở GDĐT, cho biết sở sẽ tiếp tục tổ chức các đợt bồi dưỡng "
            "trong học kỳ tới.",
            "Việc bồi dưỡng được tổ chức theo hình thức kết hợp trực tiếp và trực tuyến trên hệ thống LMS.",
            "Khóa bồi dưỡng kéo dài {k} ngày, xen kẽ lý thuyết với thực hành tại trường mầm non thực hành.",
            "Qua đợt tập huấn, đội ngũ cán bộ quản lý được cập nhật kiến thức về quản trị nhà trường, xây dựng văn "
            "hóa trường học.",
            "Báo cáo viên là các chuyên gia của Vụ Giáo dục Mầm non và các trường đại học sư phạm.",
            "Các học viên được thực hành thiết kế hoạt động học theo hướng lấy trẻ làm trung tâm, trao đổi kinh "
            "nghiệm theo nhóm.",
            "Năm học vừa qua, 100% giáo viên mầm non của huyện {huyen} hoàn thành kế hoạch bồi dưỡng thường xuyên.",
            "Theo Sở GDĐT {tinh}, kết quả này có được nhờ sự quan tâm đầu tư của tỉnh cho công tác đào tạo, bồi "
            "dưỡng đội ngũ.",
            "Đợt tập huấn lần này được tổ chức tại {k} điểm cầu, thuận lợi cho giáo viên vùng sâu, vùng xa.",
            "Sau 5 năm thực hiện Đề án, tỷ lệ giáo viên mầm non đạt chuẩn trình độ của tỉnh tăng từ {m}% lên {pct}%.",
            "Nhiều giáo viên cho biết các buổi sinh hoạt chuyên môn sau tập huấn giúp họ đổi mới cách tổ chức giờ "
            "chơi cho trẻ.",
            "Trước đó, {k} giáo viên cốt cán của tỉnh đã tham gia lớp tập huấn do Bộ GDĐT tổ chức tại Hà Nội.",
        ],
    },
    # ------------------------------------------------------------------------------ hard negatives
    "neg_1677": {
        "relevant": False, "count": 18, "tv": 0.15, "notice": 0.1,
        "titles": [
            "Thực hiện Đề án phát triển giáo dục mầm non giai đoạn 2018-2025 tại {tinh}",
            "{tinh} đầu tư xây dựng phòng học kiên cố cho giáo dục mầm non",
            "Sơ kết Đề án 1677: tỷ lệ huy động trẻ đến trường tăng mạnh",
            "Phát triển giáo dục mầm non: xóa điểm trường lẻ, tăng phòng học kiên cố",
            "Giáo dục mầm non vùng khó: cơ sở vật chất từng bước được cải thiện",
            "{tinh}: Huy động trẻ mẫu giáo ra lớp đạt {pct}%",
            "Sơ kết 5 năm thực hiện Đề án phát triển giáo dục mầm non",
        ],
        "leads": [
            "Sau 4 năm thực hiện Đề án \"Phát triển giáo dục mầm non giai đoạn 2018-2025\" theo Quyết định "
            "1677/QĐ-TTg, tỷ lệ huy động trẻ mẫu giáo đến trường của {tinh} đạt {pct}%.",
            "Cơ sở vật chất các trường mầm non trên địa bàn {tinh} đã được cải thiện rõ rệt, nhiều điểm trường lẻ "
            "được sáp nhập về điểm trường chính.",
            "Thực hiện Đề án 1677, huyện {huyen} đã đầu tư hơn {n} tỷ đồng xây dựng trường, lớp mầm non.",
            "Theo báo cáo sơ kết, mạng lưới trường lớp mầm non tiếp tục được mở rộng, đáp ứng nhu cầu gửi trẻ của "
            "người dân.",
            "Tỉnh {tinh} vừa tổ chức hội nghị sơ kết 5 năm thực hiện Đề án phát triển giáo dục mầm non giai đoạn "
            "2018-2025.",
        ],
        "body": [
            "Toàn tỉnh đã xây mới {n} phòng học kiên cố, mua sắm thiết bị dạy học tối thiểu cho các lớp mẫu giáo.",
            "Tỷ lệ trẻ nhà trẻ được huy động đạt {pct}%, vượt chỉ tiêu đề án đặt ra.",
            "Tỉnh cũng quan tâm nâng cao chất lượng đội ngũ giáo viên, song nhiệm vụ trọng tâm vẫn là hoàn thiện "
            "mạng lưới trường lớp.",
            "Việc phổ cập giáo dục mầm non cho trẻ 5 tuổi tiếp tục được duy trì vững chắc.",
            "Nhiều địa phương huy động nguồn lực xã hội hóa để xây dựng trường mầm non đạt chuẩn quốc gia.",
            "Đề án 1677 cũng đặt mục tiêu phát triển giáo dục mầm non ở địa bàn có khu công nghiệp.",
            "Nhóm trẻ độc lập tư thục được hỗ trợ cải tạo cơ sở vật chất, bảo đảm an toàn cho trẻ.",
            "Tuy nhiên, tỷ lệ phòng học tạm, phòng học nhờ ở một số xã vùng cao vẫn còn cao.",
            "Tỉnh phấn đấu đến năm 2025 có {pct}% trường mầm non đạt chuẩn quốc gia.",
            "Huyện {huyen} đã xóa {k} điểm trường lẻ, giúp việc quản lý, chăm sóc trẻ thuận lợi hơn.",
            "Nguồn vốn đầu tư chủ yếu từ ngân sách tỉnh và chương trình mục tiêu quốc gia.",
            "Các trường được trang bị đồ chơi ngoài trời, bếp ăn một chiều theo quy định.",
        ],
    },
    "neg_2011": {
        "relevant": False, "count": 12, "tv": 0.1, "notice": 0.2, "years": (2012, 2015),
        "titles": [
            "Đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non giai đoạn 2011-2015",
            "{tinh} triển khai đề án bồi dưỡng giáo viên mầm non giai đoạn 2011-2015",
            "Bồi dưỡng giáo viên mầm non năm học 2012-2013",
            "Khai giảng lớp bồi dưỡng cán bộ quản lý mầm non năm 2013",
            "Tổng kết đề án đào tạo giáo viên mầm non 2011-2015",
        ],
        "leads": [
            "Thực hiện Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý cơ sở giáo dục mầm non giai đoạn "
            "2011-2015, Sở GDĐT {tinh} đã tổ chức {k} lớp bồi dưỡng.",
            "Năm học 2012-2013, ngành giáo dục {tinh} tiếp tục chú trọng bồi dưỡng chuyên môn cho giáo viên mầm "
            "non.",
            "Theo Quyết định 6639/QĐ-BGDĐT, đến năm 2015 phấn đấu 100% giáo viên mầm non đạt chuẩn trình độ đào tạo.",
            "Sau 5 năm thực hiện đề án giai đoạn 2011-2015, chất lượng đội ngũ giáo viên mầm non đã có chuyển biến.",
        ],
        "body": [
            "Các lớp bồi dưỡng tập trung vào chương trình giáo dục mầm non mới ban hành năm 2009.",
            "Đến hết năm 2013, tỉnh có {pct}% giáo viên mầm non đạt chuẩn trình độ trung cấp sư phạm trở lên.",
            "Giáo viên được bồi dưỡng về phổ cập giáo dục mầm non cho trẻ 5 tuổi theo Quyết định 239.",
            "Kinh phí bồi dưỡng được bố trí từ nguồn chương trình mục tiêu quốc gia giai đoạn 2011-2015.",
            "Các học viên được cấp giấy chứng nhận hoàn thành khóa học.",
            "Sở sẽ tiếp tục cử giáo viên đi học đại học sư phạm mầm non hệ vừa làm vừa học.",
            "Công tác bồi dưỡng hè năm 2012 được tổ chức tại {k} cụm trường.",
        ],
    },
    "neg_levels": {
        "relevant": False, "count": 20, "tv": 0.1, "notice": 0.15,
        "titles": [
            "Bồi dưỡng giáo viên tiểu học dạy Chương trình giáo dục phổ thông 2018",
            "{tinh} tập huấn cho {n} giáo viên THCS về sách giáo khoa mới",
            "Khai giảng lớp bồi dưỡng cán bộ quản lý trường THPT",
            "Nâng chuẩn trình độ giáo viên tiểu học, THCS: còn nhiều khó khăn",
            "Tập huấn giáo viên cốt cán tiểu học môn Tiếng Anh",
            "Bồi dưỡng hiệu trưởng trường phổ thông về quản trị nhà trường",
            "Giáo viên THPT {tinh} được tập huấn dạy học tích hợp",
            "Hơn {n} giáo viên tiểu học hoàn thành bồi dưỡng thường xuyên",
            "Đào tạo giáo viên dạy môn Khoa học tự nhiên ở bậc THCS",
        ],
        "leads": [
            "Sở GDĐT {tinh} vừa tổ chức tập huấn cho {n} giáo viên tiểu học chuẩn bị dạy lớp 3 theo Chương trình "
            "giáo dục phổ thông 2018.",
            "Các học viên là hiệu trưởng, phó hiệu trưởng trường THCS, THPT được bồi dưỡng về quản trị nhà trường "
            "trong {k} ngày.",
            "Theo Nghị định 71, giáo viên tiểu học và THCS chưa đạt chuẩn phải được đào tạo nâng trình độ lên đại học.",
            "Lớp bồi dưỡng giáo viên cốt cán môn Tiếng Anh cấp tiểu học thu hút {n} học viên.",
            "Ngành giáo dục {tinh} tập trung bồi dưỡng giáo viên trung học phổ thông dạy các môn học mới.",
            "Năm học tới, các trường THCS trên địa bàn cần thêm giáo viên dạy môn tích hợp, nhiều người được cử đi "
            "đào tạo bổ sung.",
        ],
        "body": [
            "Nội dung tập huấn gồm phương pháp dạy học phát triển phẩm chất, năng lực học sinh và đánh giá học sinh "
            "tiểu học.",
            "Sở cũng đã bồi dưỡng cho các cấp học từ mầm non đến THPT về ứng dụng công nghệ thông tin.",
            "Các giáo viên THCS được hướng dẫn sử dụng sách giáo khoa mới môn Lịch sử và Địa lý.",
            "Kết thúc khóa học, các học viên được cấp chứng chỉ bồi dưỡng theo tiêu chuẩn chức danh nghề nghiệp.",
            "Hiện toàn tỉnh còn {m} giáo viên tiểu học chưa đạt chuẩn trình độ theo Luật Giáo dục 2019.",
            "Giáo viên THPT được trao đổi kinh nghiệm tổ chức dạy học các chuyên đề lựa chọn.",
            "Trường Đại học Sư phạm là đơn vị đảm nhận đào tạo nâng chuẩn cho giáo viên tiểu học.",
            "Lãnh đạo sở đề nghị học viên vận dụng kiến thức vào thực tiễn giảng dạy ở trường phổ thông.",
            "Tỉnh có {n} giáo viên THCS tham gia lớp bồi dưỡng dạy học môn Khoa học tự nhiên.",
            "Việc bồi dưỡng giáo viên tiểu học năm nay được tổ chức trực tuyến trên hệ thống temis.",
            "Ngoài cấp tiểu học, năm nay tỉnh cũng cử một số cán bộ quản lý mầm non tham dự hội nghị.",
        ],
    },
    "neg_offtopic": {
        "relevant": False, "count": 26, "tv": 0.15, "notice": 0.05,
        "titles": [
            "Giáo viên mầm non bỏ nghề vì lương thấp",
            "{tinh}: Bảo mẫu bạo hành trẻ tại nhóm trẻ tư thục",
            "Hàng chục trẻ mầm non nhập viện nghi ngộ độc thực phẩm",
            "Học phí mầm non năm học 2022-2023 tại {tinh}",
            "Thiếu hàng nghìn giáo viên mầm non, nhiều địa phương loay hoay",
            "Đề xuất tăng phụ cấp ưu đãi cho giáo viên mầm non",
            "Tuyển sinh đầu cấp mầm non: phụ huynh xếp hàng từ sáng sớm",
            "Lắp camera tại lớp mẫu giáo: phụ huynh yên tâm hơn",
            "Giáo viên mầm non hợp đồng chờ biên chế",
            "Trường mầm non {truong} bị phạt vì bếp ăn không đảm bảo vệ sinh",
            "Giáo viên mầm non xin nghỉ việc hàng loạt sau dịch",
            "Miễn học phí cho trẻ mầm non 5 tuổi từ năm học mới",
        ],
        "leads": [
            "Với mức lương khởi điểm chưa đến 4 triệu đồng mỗi tháng, nhiều giáo viên mầm non ở {tinh} đã bỏ nghề "
            "để làm công nhân.",
            "Camera ghi lại cảnh bảo mẫu đánh trẻ tại một nhóm trẻ tư thục ở {tinh} khiến dư luận bức xúc.",
            "Sau bữa ăn trưa, {n} trẻ tại Trường Mầm non {truong} có biểu hiện đau bụng, nôn và được đưa đi cấp cứu.",
            "HĐND tỉnh {tinh} vừa thông qua mức học phí mầm non năm học 2022-2023, tăng nhẹ so với năm trước.",
            "Toàn tỉnh {tinh} đang thiếu {m} giáo viên mầm non, nhiều lớp phải ghép trẻ ở các độ tuổi khác nhau.",
            "Bộ GDĐT đề xuất nâng phụ cấp ưu đãi nghề cho giáo viên mầm non từ 35% lên 45% để giữ chân người lao "
            "động.",
            "Nhiều trường mầm non công lập ở {tinh} quá tải khi mùa tuyển sinh đầu cấp bắt đầu.",
            "Hàng trăm giáo viên mầm non hợp đồng ở {tinh} chờ được xét tuyển viên chức sau nhiều năm công tác.",
        ],
        "body": [
            "Nhiều giáo viên cho biết thu nhập không đủ trang trải cuộc sống, phải làm thêm nhiều việc.",
            "Cơ quan chức năng đã lập biên bản, tạm đình chỉ hoạt động của nhóm trẻ để điều tra.",
            "Đoàn kiểm tra an toàn thực phẩm đã lấy mẫu thức ăn để xét nghiệm.",
            "Mức học phí được áp dụng từ học kỳ I, riêng trẻ thuộc hộ nghèo được miễn giảm theo quy định.",
            "Ngành giáo dục kiến nghị tỉnh bổ sung biên chế để tuyển thêm giáo viên mầm non.",
            "Các trường sư phạm cho biết số thí sinh đăng ký ngành giáo dục mầm non giảm do thu nhập thấp.",
            "Phụ huynh mong muốn nhà trường công khai thực đơn và nguồn gốc thực phẩm hằng ngày.",
            "Cô {ten} tâm sự sau 10 năm đứng lớp, lương của cô vẫn chưa đến 6 triệu đồng.",
            "Sở GDĐT yêu cầu các trường rà soát điều kiện bảo đảm an toàn cho trẻ.",
            "Hiệu trưởng Trường Mầm non {truong} cho biết trường đã nhận đủ chỉ tiêu tuyển sinh chỉ sau một ngày.",
            "Nhiều giáo viên đã được đào tạo bài bản nhưng vẫn rời ngành vì áp lực công việc và thu nhập thấp.",
            "Công an huyện {huyen} đang điều tra làm rõ vụ việc.",
            "Chính sách miễn học phí giúp giảm gánh nặng cho nhiều gia đình khó khăn.",
            "Theo quy định, mỗi lớp mẫu giáo được bố trí 2 giáo viên, nhưng thực tế nhiều nơi chỉ có 1.",
        ],
    },
    "neg_notnews": {
        "relevant": False, "count": 14, "tv": 0.0, "notice": 0.0,
        "titles": [
            "Bài thu hoạch bồi dưỡng thường xuyên giáo viên mầm non module MN 1",
            "Kế hoạch bồi dưỡng thường xuyên cá nhân năm học 2022-2023 - giáo viên mầm non",
            "Đáp án module 2 mầm non: Phát triển chuyên môn của bản thân",
            "Tiểu luận: Công tác bồi dưỡng đội ngũ giáo viên ở trường mầm non",
            "Bài thu hoạch bồi dưỡng chính trị hè dành cho giáo viên mầm non",
            "Mẫu bài thu hoạch module MN 3 mới nhất",
            "Sáng kiến kinh nghiệm: Một số biện pháp bồi dưỡng giáo viên mầm non",
        ],
        "leads": [
            "Họ và tên: {ten}. Đơn vị công tác: Trường Mầm non {truong}, huyện {huyen}.",
            "Dưới đây là mẫu bài thu hoạch bồi dưỡng thường xuyên module MN 1 dành cho giáo viên mầm non tham khảo.",
            "Câu hỏi: Đồng chí hãy trình bày những hiểu biết của bản thân về phát triển chuyên môn của giáo viên "
            "mầm non.",
            "Qua quá trình học tập các module bồi dưỡng thường xuyên, bản thân tôi nhận thấy cần phải đổi mới "
            "phương pháp tổ chức hoạt động cho trẻ.",
        ],
        "body": [
            "Bản thân tôi nhận thấy việc tự học, tự bồi dưỡng là nhiệm vụ thường xuyên của mỗi giáo viên mầm non.",
            "I. Mục tiêu bồi dưỡng: Nâng cao năng lực chuyên môn, nghiệp vụ theo chuẩn nghề nghiệp giáo viên mầm non.",
            "Nội dung 2: Module MN 2 - Phát triển chuyên môn của bản thân, thời gian thực hiện từ tháng 9 đến "
            "tháng 12.",
            "Câu 1: Hãy nêu vai trò của giáo viên mầm non trong việc xây dựng môi trường giáo dục lấy trẻ làm "
            "trung tâm.",
            "Bài làm: Qua nghiên cứu tài liệu bồi dưỡng, tôi nhận thấy mỗi giáo viên cần chủ động tự học.",
            "Kết luận: Việc học tập các mô đun bồi dưỡng thường xuyên giúp tôi nâng cao năng lực nghề nghiệp.",
            "Tự đánh giá: Hoàn thành tốt nhiệm vụ bồi dưỡng thường xuyên năm học.",
            "Người viết: {ten}, giáo viên lớp mẫu giáo 5 tuổi.",
            "II. Biện pháp: Tôi đã xây dựng kế hoạch tự bồi dưỡng theo từng tháng, ghi chép đầy đủ vào sổ.",
        ],
    },
    "neg_other33": {
        "relevant": False, "count": 10, "tv": 0.0, "notice": 0.1,
        "titles": [
            "Thực hiện Nghị quyết 33 về xây dựng, phát triển văn hóa trong trường học",
            "33 tỉnh, thành phố đã hoàn thành phổ cập giáo dục mầm non cho trẻ 5 tuổi",
            "Quyết định 33/2011 về học phí mầm non: nhiều bất cập",
            "{tinh} quán triệt Nghị quyết 33-NQ/TW tới cán bộ, giáo viên",
            "Bồi dưỡng cán bộ văn hóa cơ sở theo Nghị quyết 33",
        ],
        "leads": [
            "Thực hiện Nghị quyết 33-NQ/TW về xây dựng và phát triển văn hóa, con người Việt Nam, các trường từ mầm "
            "non đến THPT đưa giáo dục văn hóa truyền thống vào nhà trường.",
            "Theo báo cáo, đến nay đã có 33 tỉnh, thành phố hoàn thành phổ cập giáo dục mầm non cho trẻ 5 tuổi.",
            "Quyết định 33/2011/QĐ-UBND quy định mức thu học phí mầm non đã không còn phù hợp với thực tế.",
            "Hội nghị quán triệt Nghị quyết 33 được tổ chức cho cán bộ, đảng viên ngành giáo dục.",
        ],
        "body": [
            "Các trường tổ chức nhiều hoạt động văn hóa, văn nghệ, giáo dục truyền thống cho học sinh.",
            "Trong số 33 tỉnh, nhiều địa phương thuộc vùng đồng bằng sông Cửu Long.",
            "Phụ huynh phản ánh mức thu học phí chênh lệch giữa các trường mầm non trong cùng địa bàn.",
            "Cán bộ văn hóa xã được tập huấn kỹ năng tổ chức lễ hội truyền thống.",
            "Đảng ủy khối yêu cầu các chi bộ xây dựng chương trình hành động thực hiện nghị quyết.",
            "Nhiều trường mầm non đưa trò chơi dân gian vào hoạt động hằng ngày của trẻ.",
        ],
    },
    "neg_other": {
        "relevant": False, "count": 18, "tv": 0.15, "notice": 0.1,
        "titles": [
            "Bồi dưỡng nghiệp vụ cho cán bộ, công chức cấp xã",
            "Tập huấn kỹ thuật canh tác lúa cho nông dân {tinh}",
            "Đào tạo điều dưỡng đáp ứng nhu cầu bệnh viện",
            "Doanh nghiệp xây nhà trẻ cho con công nhân khu công nghiệp",
            "Thí sinh {tinh} bước vào kỳ thi tốt nghiệp THPT",
            "Tập huấn nghiệp vụ cho cán bộ y tế cơ sở",
            "Công đoàn tặng quà công nhân có con học mẫu giáo",
            "Điểm chuẩn các trường đại học năm 2022",
            "Bồi dưỡng kiến thức quốc phòng cho đối tượng 4",
        ],
        "leads": [
            "Sở Nội vụ {tinh} vừa khai giảng lớp bồi dưỡng nghiệp vụ quản lý nhà nước cho {n} cán bộ, công chức cấp "
            "xã.",
            "Hơn {n} nông dân huyện {huyen} được tập huấn kỹ thuật canh tác lúa thông minh.",
            "Công ty đã khánh thành nhà trẻ cho con công nhân, đồng thời mở lớp đào tạo nghề cho người lao động.",
            "Bệnh viện tỉnh {tinh} phối hợp với trường cao đẳng y tế đào tạo {n} điều dưỡng.",
            "Công đoàn khu công nghiệp trao {n} suất quà cho công nhân có con đang học mẫu giáo.",
            "Năm nay, {tinh} có hơn {n} thí sinh đăng ký dự thi tốt nghiệp THPT.",
        ],
        "body": [
            "Các học viên được trang bị kiến thức về cải cách hành chính và kỹ năng giải quyết công việc.",
            "Lớp tập huấn giúp nông dân nắm vững quy trình bón phân, phòng trừ sâu bệnh.",
            "Nhà trẻ có sức chứa 200 cháu, được trang bị đầy đủ đồ chơi và thiết bị.",
            "Doanh nghiệp cam kết hỗ trợ đào tạo nghề miễn phí cho lao động địa phương.",
            "Kết thúc khóa học, học viên được cấp chứng chỉ bồi dưỡng.",
            "Ban chỉ đạo thi đã chuẩn bị đầy đủ cơ sở vật chất cho kỳ thi.",
            "Điều dưỡng sau đào tạo sẽ được bố trí làm việc tại các khoa lâm sàng.",
            "Cán bộ y tế xã được tập huấn về tiêm chủng mở rộng và chăm sóc sức khỏe ban đầu.",
        ],
    },
}

TV_OPEN = [
    "MC: Kính thưa quý vị khán giả, {x}",
    "Người dẫn chương trình: Xin chào quý vị. {x}",
    "MC: Thưa quý vị, {x}",
]
TV_LINES = [
    "PV: {x}",
    "Phóng viên ghi nhận: {x}",
    "{x}",
]
TV_CLOSE = [
    "Phóng sự của Đài Phát thanh và Truyền hình {tinh}.",
    "Nhóm phóng viên thời sự, VTV1.",
    "Xem video phóng sự chuyên đề trên kênh truyền hình của tỉnh.",
]
NOTICE_OPEN = [
    "Thực hiện Kế hoạch số {k}/KH-SGDĐT ngày {ngay} của Sở GDĐT {tinh}, {x}",
    "Căn cứ chỉ đạo của Bộ GDĐT, {x}",
    "Thông báo: {x}",
]
LONG_FILLER = [
    "Phát biểu tại buổi lễ, đại diện lãnh đạo tỉnh {tinh} ghi nhận những nỗ lực của ngành giáo dục thời gian qua.",
    "Buổi lễ có sự tham dự của đại diện các phòng, ban chuyên môn và lãnh đạo các trường.",
    "Theo thống kê, toàn tỉnh hiện có {n} cán bộ, giáo viên, nhân viên ngành giáo dục.",
    "Năm học mới, ngành giáo dục tỉnh đặt mục tiêu giữ vững chất lượng, nâng cao hiệu quả quản lý.",
    "Ông {ten2}, Giám đốc Sở GDĐT {tinh}, đề nghị các đơn vị tiếp tục quan tâm, tạo điều kiện cho cán bộ, giáo "
    "viên.",
    "Dịp này, nhiều tập thể, cá nhân được khen thưởng vì có thành tích xuất sắc.",
    "Thời tiết những ngày qua diễn biến phức tạp nhưng các hoạt động vẫn được tổ chức đúng kế hoạch.",
    "Nhiều ý kiến tại buổi làm việc đề xuất tăng cường phối hợp giữa các sở, ngành.",
]
# Realistic noise: relevant pages that also talk about pay or facilities, off-topic pages that mention
# training in passing. One is inserted into ~35% of the generated items.
NOISE_INTO_RELEVANT = [
    "Bên cạnh đó, chế độ lương, phụ cấp của giáo viên mầm non vẫn còn thấp so với áp lực công việc.",
    "Cơ sở vật chất của nhiều trường mầm non vùng cao còn thiếu thốn, phòng học tạm vẫn còn.",
    "Cùng với giáo viên mầm non, tỉnh cũng chú ý đến đội ngũ giáo viên tiểu học ở vùng khó khăn.",
    "Năm học 2022-2023, toàn tỉnh huy động 98% trẻ mẫu giáo ra lớp.",
    "Một số địa phương vẫn thiếu giáo viên mầm non do chưa được giao đủ biên chế.",
]
NOISE_INTO_IRRELEVANT = [
    "Những năm qua, ngành giáo dục tỉnh đã quan tâm đào tạo, bồi dưỡng đội ngũ giáo viên.",
    "Hằng năm, giáo viên đều được tham gia các lớp tập huấn chuyên môn vào dịp hè.",
    "Nhà trường luôn tạo điều kiện để giáo viên học tập nâng cao trình độ.",
    "Theo kế hoạch, sở sẽ tổ chức bồi dưỡng cho cán bộ quản lý vào cuối năm.",
]
MEN = ["Nguyễn Văn Hùng", "Trần Quốc Bảo", "Lê Minh Tuấn", "Phạm Văn Long", "Hoàng Đức Thịnh"]

LABEL_FORMAT = {"news": "article", "long": "article", "notice": "article", "tv": "report"}
SOURCE_KIND = {"news": "newspaper", "long": "newspaper", "notice": "department", "tv": "tv"}


def _split(pool: list[str], part: str) -> list[str]:
    cut = max(1, math.ceil(len(pool) * 0.7))
    if len(pool) - cut < 1:
        cut = len(pool) - 1
    return pool[:cut] if part == "train" else pool[cut:]


def _fill(text: str, rng: random.Random, slots: dict[str, str]) -> str:
    return text.format(**slots)


def _slots(rng: random.Random, day: dt.date) -> dict[str, str]:
    m = rng.randint(12, 60)
    return {"tinh": rng.choice(PROVINCES), "huyen": rng.choice(DISTRICTS), "ten": rng.choice(NAMES),
            "ten2": rng.choice(MEN), "truong": rng.choice(SCHOOLS), "n": str(rng.choice([85, 120, 150, 230, 300,
            450, 600, 1200])), "k": str(rng.randint(3, 12)), "pct": str(rng.randint(82, 99)), "m": str(m),
            "ngay": f"{day.day}/{day.month}", "x": "{x}"}


def _date(rng: random.Random, group: dict[str, Any], relevant: bool) -> dt.date:
    if "years" in group:
        lo, hi = group["years"]
        return dt.date(rng.randint(lo, hi - 1), rng.randint(1, 12), rng.randint(1, 28))
    if relevant and rng.random() < 0.78:  # mostly inside the plan's windows, away from the edges
        return dt.date(2022, 4, 8) + dt.timedelta(days=rng.randint(0, 225))
    return dt.date(rng.choice([2019, 2020, 2021, 2023, 2024]), rng.randint(1, 12), rng.randint(1, 28))


def _strip_diacritics(text: str) -> str:
    out = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in out if not unicodedata.combining(ch))


def build_item(rng: random.Random, gid: str, group: dict[str, Any], part: str, idx: int) -> dict[str, Any]:
    relevant = bool(group["relevant"])
    r = rng.random()
    style = "tv" if r < group["tv"] else "notice" if r < group["tv"] + group["notice"] else (
        "long" if rng.random() < 0.25 else "news")
    day = _date(rng, group, relevant)
    slots = _slots(rng, day)
    titles, leads, body = (_split(group[k], part) for k in ("titles", "leads", "body"))
    title = _fill(rng.choice(titles), rng, slots)
    lead = _fill(rng.choice(leads), rng, slots)
    n_body = {"news": rng.randint(2, 4), "long": rng.randint(6, 10), "notice": rng.randint(2, 4),
              "tv": rng.randint(3, 6)}[style]
    sentences = [_fill(s, rng, slots) for s in rng.sample(body, min(n_body, len(body)))]
    if rng.random() < 0.35:
        noise = NOISE_INTO_RELEVANT if relevant else NOISE_INTO_IRRELEVANT
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(_split(noise, part)))
    if style == "long":
        extra = [_fill(s, rng, slots) for s in rng.sample(LONG_FILLER, 3)]
        sentences = sentences[:2] + extra[:2] + sentences[2:] + extra[2:]
    if style == "tv":
        title = rng.choice(["Phóng sự: ", "[Video] ", "Phóng sự chuyên đề: ", ""]) + title
        lines = [_fill(rng.choice(TV_OPEN), rng, slots).replace("{x}", lead)]
        lines += [rng.choice(TV_LINES).replace("{x}", s) for s in sentences]
        lines.append(_fill(rng.choice(TV_CLOSE), rng, slots))
        text = "\n".join(lines)
        lead_out = ""
    elif style == "notice":
        first = _fill(rng.choice(NOTICE_OPEN), rng, slots).replace("{x}", lead[0].lower() + lead[1:])
        text = first + "\n" + " ".join(sentences)
        lead_out = ""
    else:
        paras, cur = [], []
        for s in sentences:
            cur.append(s)
            if len(cur) >= rng.randint(2, 3):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        text = "\n\n".join(paras)
        lead_out = lead if rng.random() < 0.7 else ""
        if not lead_out:
            text = lead + "\n\n" + text
    hour = rng.randint(6, 21)
    item: dict[str, Any] = {
        "id": f"{gid}-{part[0]}{idx:03d}", "split": part, "group": gid, "style": style,
        "title": title, "lead": lead_out, "text": text,
        "published_at": f"{day.isoformat()}T{hour:02d}:{rng.randint(0, 59):02d}:00+07:00",
        "source_kind": SOURCE_KIND[style], "format": LABEL_FORMAT[style],
        "label_relevant": relevant, "label_activity": group.get("activity") if relevant else None,
        "variant": "nfc",
    }
    v = rng.random()
    if v < 0.11:
        for key in ("title", "lead", "text"):
            item[key] = _strip_diacritics(item[key])
        item["variant"] = "no_diacritics"
    elif v < 0.20:
        for key in ("title", "lead", "text"):
            item[key] = unicodedata.normalize("NFD", item[key])
        item["variant"] = "nfd"
    return item


def build(seed: int = 661) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for gid, group in GROUPS.items():
        n = group["count"]
        n_hold = round(n * 0.25)
        for i in range(n - n_hold):
            items.append(build_item(rng, gid, group, "train", i))
        for i in range(n_hold):
            items.append(build_item(rng, gid, group, "holdout", i))
    from tests.quality.devset_handwritten import ITEMS

    items.extend(dict(it) for it in ITEMS)
    return items


def main() -> None:
    items = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    pos = sum(1 for i in items if i["label_relevant"])
    print(f"wrote {len(items)} items ({pos} relevant, {len(items) - pos} not) to {OUT}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    main()

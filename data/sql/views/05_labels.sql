-- Vietnamese labels for people-facing reports.
CREATE OR REPLACE VIEW status_labels AS
SELECT * FROM (VALUES
    ('not_started', 'Chưa bắt đầu'),
    ('on_track',    'Đúng tiến độ'),
    ('ahead',       'Vượt tiến độ'),
    ('behind',      'Chậm tiến độ'),
    ('done',        'Hoàn thành'),
    ('missed',      'Không đạt')
) AS t(status, label_vi);

-- BEGIN format_labels: generated from data/labels.toml by `python -m pipeline.labels`; edit that file
CREATE OR REPLACE VIEW format_labels AS
SELECT * FROM (VALUES
    ('article', 'Bài báo'),
    ('report',  'Phóng sự chuyên đề')
) AS t(format, label_vi);
-- END format_labels

-- What a crawl of the real web met (crawlers/realweb.py), in plain Vietnamese, with the next step.
-- {chi_tiet} is replaced by the detail (the date a sitemap stops at).
CREATE OR REPLACE VIEW health_problem_labels AS
SELECT * FROM (VALUES
    ('blocked', 1,
     'Bị chặn theo địa chỉ: mọi trang đều trả về HTTP 403/451',
     'Đề nghị tòa soạn cho phép địa chỉ máy thu thập, hoặc chạy từ mạng khác; trong lúc chờ, thêm bài bằng tay (planwatch add-url).'),
    ('js_challenge', 2,
     'Trang trả về thử thách JavaScript (chống bot) thay cho nội dung',
     'Dùng RSS hoặc sitemap của báo nếu có; nếu không, thêm bài bằng tay (planwatch add-url) và đề nghị tòa soạn cho phép máy thu thập.'),
    ('feed_html', 3,
     'Địa chỉ RSS trả về một trang HTML, không phải RSS',
     'Sửa địa chỉ RSS trong data/sources (xem trang RSS của báo) hoặc dùng sitemap; kiểm tra bằng planwatch sources check --report.'),
    ('sitemap_stale', 4,
     'Sitemap dừng ở ngày {chi_tiet}, không còn cập nhật',
     'Dùng RSS hoặc trang danh sách của báo; bài còn thiếu thêm bằng planwatch add-url; báo cho tòa soạn biết sitemap đã ngừng.'),
    ('listing_repeats', 5,
     'Trang danh sách thứ hai lặp lại trang đầu (nút "Xem thêm" chạy bằng JavaScript)',
     'Dùng RSS hoặc sitemap để lấy tin cũ hơn; đặt max_pages = 1 cho trang danh sách này; bài cũ còn thiếu thêm bằng planwatch add-url.')
) AS t(problem, severity, label_vi, next_step_vi);

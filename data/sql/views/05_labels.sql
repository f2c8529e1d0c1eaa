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

CREATE OR REPLACE VIEW format_labels AS
SELECT * FROM (VALUES
    ('article', 'Bài báo'),
    ('report',  'Phóng sự chuyên đề')
) AS t(format, label_vi);

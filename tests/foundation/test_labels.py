"""The Vietnamese format labels have one source (data/labels.toml) for Python and SQL."""

from __future__ import annotations

import duckdb

from pipeline.labels import FORMAT_LABELS, VIEW_FILE, format_labels_sql, view_block
from pipeline.official_report.data import FORMAT_VI
from pipeline.review.queue import FORMAT_LABELS as QUEUE_LABELS
from pipeline.review.web.coverage import FORMATS as COVERAGE_LABELS


def test_sql_view_is_generated_from_the_labels_file() -> None:
    block = view_block(VIEW_FILE.read_text(encoding="utf-8"))
    assert block is not None, f"{VIEW_FILE} lost its BEGIN/END format_labels markers"
    assert block == format_labels_sql(), "data/labels.toml changed: run `python -m pipeline.labels`"


def test_sql_and_python_show_the_same_labels() -> None:
    conn = duckdb.connect()
    conn.execute(format_labels_sql())
    assert dict(conn.execute("SELECT format, label_vi FROM format_labels").fetchall()) == FORMAT_LABELS
    assert FORMAT_LABELS == {"article": "Bài báo", "report": "Phóng sự chuyên đề"}
    assert FORMAT_VI == QUEUE_LABELS == COVERAGE_LABELS == FORMAT_LABELS

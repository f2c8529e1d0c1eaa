"""Progress of long work: plain lines (pipes, logs, Prefect) at most every few seconds with an ETA, bars on a
terminal, per-source end lines; reprocess and reclassify report their stages."""

from __future__ import annotations

import io

from typer.testing import CliRunner

from pipeline.progress import LineReporter, RichReporter, crawl_eta, duration, reporter_for
from planwatch.cli import app
from tests.support.warehouse import PLAN_ID, classification, document, seed


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def snapshot(fetched: int, pending: int, elapsed: float) -> dict:
    return {"elapsed_s": elapsed, "fetched": fetched, "found": 40, "errors": 1,
            "sources": [{"source_id": "gdtd", "fetched": fetched, "found": 40, "pages": fetched - 1, "errors": 1,
                         "pending": pending, "delay": 2.0, "last_error": "HTTP 500"}]}


def test_line_reporter_throttles_and_estimates():
    lines: list[str] = []
    clock = Clock()
    rep = LineReporter(write=lines.append, every=5.0, clock=clock)
    rep.crawl(snapshot(1, 30, 0))
    assert lines[-1].strip() == ("gdtd: đã tải 1, tìm thấy 40, lỗi 1, giãn cách 2.0 giây, còn 30 yêu cầu "
                                 "(ước tính 1 phút)")  # no rate yet: pending x delay
    count = len(lines)
    clock.now = 2.0
    rep.crawl(snapshot(2, 29, 2))
    assert len(lines) == count  # not before `every` seconds
    clock.now = 10.0
    rep.crawl(snapshot(6, 25, 10))  # 5 fetches in 10 s: 0.5/s, 25 left -> 50 s
    assert lines[-1].strip().endswith("còn 25 yêu cầu (ước tính 50 giây)")
    rep.crawl_finished(snapshot(31, 0, 70))
    assert lines[-2] == "thu thập xong sau 1 phút, theo từng nguồn:"
    assert lines[-1].strip() == "gdtd: 31 lần tải, 40 tin tìm thấy, 30 trang bài, 1 lỗi; lỗi gần nhất: HTTP 500"


def test_stage_lines_and_durations():
    lines: list[str] = []
    clock = Clock()
    rep = LineReporter(write=lines.append, every=5.0, clock=clock)
    rep.stage("trích xuất trang", 100)
    for i in range(100):
        clock.now = i * 0.1
        rep.advance()
    assert lines[0] == "  · trích xuất trang: 100"
    assert lines[-1].strip().startswith("trích xuất trang: 100/100, 10.0/giây")
    assert 3 <= len(lines) <= 5  # one every 5 s of work, plus the first and the last
    assert (duration(None), duration(42), duration(3600 + 5 * 60)) == ("chưa rõ", "42 giây", "1 giờ 05 phút")
    assert crawl_eta({"pending": 0}, None) == 0.0 and crawl_eta({"pending": 3, "delay": 0}, None) is None


def test_terminal_gets_bars_and_a_pipe_gets_lines():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert isinstance(reporter_for(Tty()), RichReporter)
    assert type(reporter_for(io.StringIO())) is LineReporter
    from rich.console import Console

    out = io.StringIO()
    rep = RichReporter(console=Console(file=out, force_terminal=True, width=120))
    rep.crawl(snapshot(5, 5, 3))
    rep.bars.refresh()
    assert "gdtd" in out.getvalue() and "5/10" in out.getvalue()
    rep.crawl_finished(snapshot(10, 0, 9))
    assert "gdtd: 10 lần tải, 40 tin tìm thấy, 9 trang bài, 1 lỗi" in out.getvalue()


def test_reclassify_reports_its_progress(home):
    seed(home, documents=[document(f"d{i}", "2022-07-01", title="Bồi dưỡng giáo viên mầm non") for i in range(3)],
         classifications=[classification("d0", "2b", "accept", version="old")])
    result = CliRunner().invoke(app, ["reclassify", "--plan", PLAN_ID])
    assert result.exit_code == 0, result.output
    assert "phân loại lại tài liệu: 3" in result.stderr and "3/3" in result.stderr
    assert "Reclassified 3 of 3" in result.stdout

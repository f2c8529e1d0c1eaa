"""New fetches keep the HTTP exchange (response and request headers, protocol) so the evidence archive can
replay an archived copy with its original headers."""

from __future__ import annotations

import json

from scrapy.http import Headers

from crawlers.output import FETCHES, RunWriter, header_pairs, read_jsonl
from pipeline.ingest import _fetch_row


def test_header_pairs_keep_every_value_in_order():
    headers = Headers({"Content-Type": "text/html; charset=utf-8"})
    headers.appendlist("Set-Cookie", "a=1")
    headers.appendlist("Set-Cookie", "b=2")
    assert json.loads(header_pairs(headers) or "[]") == [
        ["Content-Type", "text/html; charset=utf-8"], ["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]]
    assert header_pairs(Headers()) is None


def test_fetch_lines_and_fetch_log_rows_carry_the_headers(tmp_path):
    writer = RunWriter(tmp_path / "run", tmp_path / "raw", "r1")
    pairs = header_pairs(Headers({"Server": "nginx", "Content-Encoding": "gzip"}))
    writer.fetch(url="http://127.0.0.1/a.html", status=200, response_headers=pairs,
                 request_headers=header_pairs(Headers({"User-Agent": "planwatch/test"})), protocol="HTTP/1.1")
    writer.close()
    [line] = list(read_jsonl(tmp_path / "run" / FETCHES))
    row = _fetch_row(line, "r1")
    assert json.loads(row["response_headers"]) == [["Server", "nginx"], ["Content-Encoding", "gzip"]]
    assert json.loads(row["request_headers"]) == [["User-Agent", "planwatch/test"]]
    assert row["protocol"] == "HTTP/1.1"

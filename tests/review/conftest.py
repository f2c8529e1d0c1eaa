"""Fixtures for the review tests: a small warehouse with a queue, and a CLI runner."""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.review.overlay import queue_id
from planwatch.config import Paths
from tests.support.warehouse import PLAN_ID, classification, document, seed, source

XSS_TITLE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
RAW_PAGE = (b"<html><head><title>raw</title></head><body><h1>B\xc3\xa0i g\xe1\xbb\x91c</h1>"
            b"<script>parent.__archive_xss=1;window.__archive_xss=1</script></body></html>")


def qid(doc_id: str) -> str:
    return queue_id(doc_id, PLAN_ID)


@pytest.fixture
def queue_home(home: Paths) -> Paths:
    """Three items waiting for review, one auto-accepted, one rejected by the classifier.

    q-edge   2b, published 2022-11-28 (2 days before 2b ends), score 0.55  -> first in the queue
    q-xss    1,  published 2022-09-20 (10 days before 1 ends), crawled title with an XSS payload
    q-far    2a, published 2022-05-02, score 0.69, with evidence terms and an archived raw page
    acc      2a, accepted by the classifier (counted)
    rej      rejected by the classifier
    """
    sha = hashlib.sha256(RAW_PAGE).hexdigest()
    (home.raw_archive / sha[:2]).mkdir(parents=True, exist_ok=True)
    (home.raw_archive / sha[:2] / f"{sha}.gz").write_bytes(gzip.compress(RAW_PAGE))
    far = document("q-far", "2022-05-02", source_id="hanoi-tv", fmt="report",
                   title="Hà Nội bồi dưỡng giáo viên mầm non theo Đề án 33",
                   text="Sở GDĐT Hà Nội tổ chức lớp bồi dưỡng cho giáo viên mầm non theo Đề án 33. " * 3)
    far["raw_sha256"] = sha
    far_cls = classification("q-far", "2a", "review", score=0.69, fmt="report", reasons=["borderline"])
    far_cls["evidence"] = json.dumps({"terms": [{"term": "Đề án 33", "folded": "de an 33", "zone": "title"},
                                                {"term": "mầm non", "weight": 1.5}]}, ensure_ascii=False)
    seed(home,
         sources=[source("giaoducthoidai", "Báo Giáo dục và Thời đại"),
                  source("hanoi-tv", "Đài Phát thanh và Truyền hình Hà Nội", kind="tv", scope="provincial",
                         province_historical="Hà Nội", province_current="Hà Nội"),
                  source("hatay-news", "Báo Hà Tây", scope="provincial", province_historical="Hà Tây",
                         province_current="Hà Nội")],
         documents=[document("q-edge", "2022-11-28", title="Tổng kết bồi dưỡng giáo viên mầm non năm 2022"),
                    document("q-xss", "2022-09-20", source_id="hatay-news", title=XSS_TITLE),
                    far,
                    document("acc", "2022-06-10", title="Bài được tự động chấp nhận"),
                    document("rej", "2022-06-11", title="Bài không liên quan")],
         classifications=[classification("q-edge", "2b", "review", score=0.55, reasons=["window_edge"]),
                          classification("q-xss", "1", "review", score=0.45),
                          far_cls,
                          classification("acc", "2a", "accept"),
                          classification("rej", None, "reject")])
    return home


@pytest.fixture
def cli() -> Any:
    from planwatch.cli import app

    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run

"""`planwatch extract --html FILE [--url URL] [--layout ID]` prints the JSON object."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from planwatch.cli import app
from tests.extraction.goldens import FIXTURES

KEYS = {"url", "title", "lead", "text", "author", "published_at", "date_source", "format", "language"}


def test_extract_prints_json(tmp_path: Path) -> None:
    page = FIXTURES / "gdtd-cms-v1" / "post464262.html"
    result = CliRunner().invoke(app, ["extract", "--html", str(page), "--url", "https://giaoducthoidai.vn/a-post464262.html"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) >= KEYS
    assert doc["published_at"] == "2022-06-20T12:48:05+07:00"
    assert doc["date_source"] == "meta"


def test_extract_layout_option_gzip_and_null_date(tmp_path: Path) -> None:
    raw = (FIXTURES / "baoprovince-v1" / "url-month-only.html").read_bytes()
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(raw))
    result = CliRunner().invoke(app, ["extract", "--html", str(gz), "--layout", "baoprovince-v1"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["layout"] == "baoprovince-v1"
    assert doc["published_at"] is None and doc["date_source"] is None  # no URL given, no visible date


def test_extract_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["extract", "--html", str(tmp_path / "nope.html")])
    assert missing.exit_code == 2
    page = FIXTURES / "gdtd-cms-v1" / "post464262.html"
    bad = runner.invoke(app, ["extract", "--html", str(page), "--layout", "no-such-layout-v1"])
    assert bad.exit_code == 2 and "unknown layout" in bad.output

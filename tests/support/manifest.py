"""The demo mirror's ground truth (data/demo/manifest.json) in the shapes tests compare against."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from planwatch.config import data_path


def load_manifest() -> dict[str, Any]:
    return json.loads(data_path("demo", "manifest.json").read_text(encoding="utf-8"))


def expected_counted(manifest: dict[str, Any]) -> Counter[tuple[str, str]]:
    """Stories that must be counted, per (activity, format)."""
    return Counter((p["activity"], p["format"]) for p in manifest["pages"] if p["expected"] == "counted")


def expected_counted_for(manifest: dict[str, Any], plan_id: str) -> Counter[tuple[str, str]]:
    """expected_counted() for another plan of the manifest (its `plans` truth per page)."""
    return Counter((p["plans"][plan_id]["activity"], p["format"]) for p in manifest["pages"]
                   if p["plans"][plan_id]["expected"] == "counted")


def page_key(source_id: str, url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return source_id, (parts.path + (f"?{parts.query}" if parts.query else "")).lower()


def pages_by_key(manifest: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["outlet"], p["path"].lower()): p for p in manifest["pages"]}

"""Layout versions chosen by the page's fetch time (pipeline.layouts, as Fundus dates its parser versions).

The pair in tests/extraction/layout_versions/: one outlet before (baomau-v1, valid until 2024-09-01) and after
(baomau-v2, valid from then) its redesign, with a page of each markup and the expected fields written by reading
them. The source names v2 today; its page fetched in 2023 must still be read with v1, on ingest as on reprocess.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from pipeline import layouts
from pipeline.extract import extract_page
from pipeline.ingest import extract_page_row

HERE = Path(__file__).parent / "layout_versions"
PAGES = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))["pages"]
OLD, NEW = PAGES
SOURCE = {"id": "baomau", "kind": "newspaper", "layout": "baomau-v2"}


@pytest.fixture(autouse=True)
def pair_layouts(monkeypatch: pytest.MonkeyPatch):
    """Only the test pair in the layout folder (load_layouts caches by folder: cleared on both sides)."""
    monkeypatch.setattr(layouts, "LAYOUT_DIR", HERE / "layouts")
    layouts.load_layouts.cache_clear()
    yield
    layouts.load_layouts.cache_clear()


def _html(page: dict) -> bytes:
    return (HERE / page["file"]).read_bytes()


def _check(doc: dict, page: dict) -> None:
    assert doc["layout"] == page["layout"]
    assert doc["title"] == page["title"]
    assert doc["lead"] == page["lead"]
    assert doc["author"] == page["author"]
    assert doc["tags"] == page["tags"]
    assert doc["text"] == "\n".join(page["paragraphs"])
    published = doc["published_at"]
    assert (published.isoformat() if isinstance(published, datetime) else published) == page["published_at"]
    assert not {"layout_miss", "trafilatura_fallback", "generic_layout"} & set(doc["extraction_flags"])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p["layout"])
def test_each_page_is_read_with_the_version_live_when_it_was_fetched(page):
    doc = extract_page(_html(page), page["url"], source=SOURCE,
                       fetched_at=datetime.fromisoformat(page["fetched_at"]))
    _check(doc, page)


def test_without_the_fetch_time_the_old_page_misses_the_new_layout():
    # what reprocess did before versions were dated: the source's current layout for every page
    doc = extract_page(_html(OLD), OLD["url"], source=SOURCE)
    assert doc["layout"] == "baomau-v2"
    assert "layout_miss" in doc["extraction_flags"]


def test_a_source_still_naming_v1_reads_a_page_fetched_after_the_redesign_with_v2():
    page = NEW
    doc = extract_page(_html(page), page["url"], source={**SOURCE, "layout": "baomau-v1"},
                       fetched_at=datetime.fromisoformat(page["fetched_at"]))
    _check(doc, page)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p["layout"])
def test_detection_only_considers_versions_live_at_the_fetch_time(page):
    fetched = datetime.fromisoformat(page["fetched_at"])
    doc = extract_page(_html(page), page["url"], source={"id": "baomau"}, fetched_at=fetched)
    _check(doc, page)
    other = OLD if page is NEW else NEW
    # the other version's time: this page's markup is not the layout live then
    assert extract_page(_html(page), page["url"], fetched_at=datetime.fromisoformat(other["fetched_at"]))[
        "layout"] is None


def test_the_page_rows_of_ingest_and_reprocess_use_the_fetch_time(tmp_path):
    # extract_page_row is what ingest and reprocess run for every page (reprocess passes first_seen_at as the
    # page's fetched_at): the old page keeps v1 after the source switched to v2
    from crawlers.output import store_raw

    for page in PAGES:
        sha = store_raw(tmp_path, _html(page))
        row, error = extract_page_row(tmp_path, {"url": page["url"], "source_id": "baomau", "raw_sha256": sha,
                                                 "fetched_at": page["fetched_at"]},
                                      {"baomau": SOURCE}, "run-test")
        assert error is None and row is not None
        assert row["title"] == page["title"] and row["text"] == "\n".join(page["paragraphs"])
        assert "layout_miss" not in row["extraction_flags"]


def test_reprocess_keeps_v1_for_pages_fetched_before_the_switch(home, tmp_path, monkeypatch):
    from crawlers.output import store_raw
    from pipeline import nightly
    from pipeline.ingest import ingest_run
    from pipeline.plans import load_plan
    from pipeline.snapshot import open_snapshot
    from tests.support.warehouse import PLAN_ID

    monkeypatch.setenv("PLANWATCH_WORKERS", "1")  # extraction in this process, where the pair is the layout folder
    sources = tmp_path / "baomau.toml"
    sources.write_text(
        '[[source]]\nid = "baomau"\nname = "Báo Mẫu"\nkind = "newspaper"\nscope = "central"\n'
        'homepage = "https://baomau.example/"\nlayout = "baomau-v2"\n', encoding="utf-8")
    run = tmp_path / "run-baomau"
    run.mkdir()
    with (run / "pages.jsonl").open("w", encoding="utf-8") as fh:
        for page in PAGES:
            sha = store_raw(home.raw_archive, _html(page))
            fh.write(json.dumps({"url": page["url"], "canonical_url": page["url"], "final_url": page["url"],
                                 "source_id": "baomau", "fetched_at": page["fetched_at"], "raw_sha256": sha,
                                 "content_type": "text/html", "encoding": "utf-8", "discovered_via": "manual",
                                 "hint": {}}) + "\n")
    (run / "done").write_text("", encoding="utf-8")
    ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=nightly.load_registry(sources))
    nightly.reprocess(home, sources)
    with open_snapshot(home) as conn:
        rows = conn.execute("SELECT url, title, text, author, extraction_flags FROM documents ORDER BY url").fetchall()
    by_url = {r[0]: r for r in rows}
    for page in PAGES:
        _url, title, text, author, flags = by_url[page["url"]]
        assert (title, text, author) == (page["title"], "\n".join(page["paragraphs"]), page["author"])
        assert "layout_miss" not in list(flags)


def test_overlapping_versions_of_one_site_are_refused(tmp_path):
    for name, window in (("site-v1", "valid_until = 2024-09-02"), ("site-v2", "valid_from = 2024-09-01")):
        (tmp_path / f"{name}.toml").write_text(f'id = "{name}"\n{window}\n[selectors]\nbody = ["main"]\n',
                                               encoding="utf-8")
    with pytest.raises(ValueError, match="overlapping"):
        layouts.load_layouts(str(tmp_path))
    (tmp_path / "site-v1.toml").write_text('id = "site-v1"\nvalid_until = 2024-09-01\n[selectors]\n',
                                           encoding="utf-8")
    assert set(layouts.load_layouts(str(tmp_path))) == {"site-v1", "site-v2"}  # touching windows are fine


def test_a_window_that_ends_before_it_starts_is_refused(tmp_path):
    (tmp_path / "site-v1.toml").write_text('id = "site-v1"\nvalid_from = 2025-01-01\nvalid_until = 2024-01-01\n',
                                           encoding="utf-8")
    with pytest.raises(ValueError, match="before valid_until"):
        layouts.load_layouts(str(tmp_path))


def test_the_extract_command_takes_the_fetch_day():
    from typer.testing import CliRunner

    from planwatch.cli import app

    args = ["extract", "--html", str(HERE / OLD["file"]), "--url", OLD["url"], "--layout", "baomau-v2"]
    old = json.loads(CliRunner().invoke(app, [*args, "--fetched-at", "18/05/2023"]).stdout)
    assert (old["layout"], old["title"]) == ("baomau-v1", OLD["title"])
    assert json.loads(CliRunner().invoke(app, args).stdout)["layout"] == "baomau-v2"  # no day: the named one
    bad = CliRunner().invoke(app, [*args, "--fetched-at", "2023-13-45"])
    assert bad.exit_code != 0

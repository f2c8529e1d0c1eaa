"""`planwatch demo` end to end through Prefect, against the mirror manifest's ground truth."""

from __future__ import annotations

import json

import pytest

from flows.demo import run_demo
from pipeline.report import build_report
from pipeline.runfiles import read_jsonl
from pipeline.snapshot import open_snapshot
from tests.support.manifest import expected_counted, expected_counted_for, load_manifest, page_key, pages_by_key

pytestmark = pytest.mark.slow
PLAN = "661-KH-BGDDT-2022"


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory, prefect_harness, mirror):
    from planwatch.config import Paths

    paths = Paths(tmp_path_factory.mktemp("demo") / "state")
    lines: list[str] = []
    first = run_demo(paths, mirror=mirror, say=lines.append)
    return paths, first, lines


def test_counted_rows_match_the_manifest_exactly(demo_home):
    paths, _first, _lines = demo_home
    truth = expected_counted(load_manifest())
    with open_snapshot(paths) as conn:
        rows = build_report(conn, PLAN)["rows"]
    got = {(r["activity"], r["format"]): r["actual"] for r in rows}
    assert truth and set(truth) <= set(got), (truth, got)  # an empty or partial report must not pass
    assert got == {key: truth.get(key, 0) for key in got}


def test_pending_items_are_listed_and_not_counted(demo_home):
    # per plan: a story may be counted for one plan and wait for review for another (plan 999's truth: below)
    paths, _first, _lines = demo_home
    pages = pages_by_key(load_manifest())
    with open_snapshot(paths) as conn:
        queue = conn.execute("SELECT source_id, url, suggested_activity, title FROM review_queue "
                             "WHERE plan_id = ?", [PLAN]).fetchall()
        counted_ids = {r[0] for r in conn.execute(
            "SELECT doc_id FROM matches WHERE status = 'confirmed' AND in_window AND plan_id = ?", [PLAN]).fetchall()}
        queued_ids = {r[0] for r in conn.execute("SELECT doc_id FROM review_queue WHERE plan_id = ?",
                                                 [PLAN]).fetchall()}
    assert queue, "the demo leaves items for reviewers"
    assert not counted_ids & queued_ids
    truths = [pages.get(page_key(source_id, url)) for source_id, url, _a, _t in queue]
    assert all(t is not None for t in truths), "every queued page is a page of the mirror"
    # Nothing the manifest calls counted waits in the queue: reviewers only see the uncertain ones.
    assert [t["title"] for t in truths if t and t["expected"] == "counted"] == []


def test_second_plan_counts_by_its_own_truth(demo_home):
    """Plan 999 (synthetic, Thái Nguyên) from the same crawl: its counted rows equal the manifest's truth for
    it, and some stories count for both plans."""
    paths, first, lines = demo_home
    manifest = load_manifest()
    assert set(first["plans"]) == {PLAN, *manifest["plans"]}
    for plan_id in manifest["plans"]:
        truth = expected_counted_for(manifest, plan_id)
        with open_snapshot(paths) as conn:
            rows = build_report(conn, plan_id)["rows"]
            both = conn.execute(
                "SELECT count(DISTINCT a.doc_id) FROM matches a JOIN matches b ON a.doc_id = b.doc_id "
                "WHERE a.plan_id = ? AND b.plan_id = ? AND a.status = 'confirmed' AND b.status = 'confirmed' "
                "AND a.in_window AND b.in_window", [PLAN, plan_id]).fetchone()[0]
        got = {(r["activity"], r["format"]): r["actual"] for r in rows}
        assert truth and set(truth) <= set(got), (truth, got)
        assert got == {key: truth.get(key, 0) for key in got}
        assert both >= 2
        assert f"({plan_id})" in "\n".join(lines)
    assert len(first["digests"]) == len(first["plans"]) == 2


def test_robots_disallowed_pages_are_never_fetched(demo_home):
    paths, first, _lines = demo_home
    run_dir = paths.runs / first["summary"]["run_id"]
    blocked = [p for p in load_manifest()["pages"] if "robots-disallowed" in (p.get("traps") or [p.get("trap")])]
    fetched = [r for r in read_jsonl(run_dir / "fetches.jsonl") if r.get("status") is not None]
    assert blocked
    for page in blocked:
        assert not any(page["path"].lower() in r["url"].lower() for r in fetched), page["path"]


def test_demo_prints_progress_report_and_digest(demo_home):
    paths, first, lines = demo_home
    text = "\n".join(lines)
    assert "Báo cáo mức độ thực hiện" in text and "Phóng sự chuyên đề" in text
    assert str(paths.snapshot) in text
    eml = first["digest"]
    assert eml.endswith(".eml")
    with open(eml, "rb") as fh:
        assert b"Subject:" in fh.read()


def test_second_run_fetches_no_article_again(demo_home, mirror):
    paths, first, _lines = demo_home
    second = run_demo(paths, mirror=mirror, say=lambda _line: None)
    run_dir = paths.runs / second["summary"]["run_id"]
    articles = [r for r in read_jsonl(run_dir / "fetches.jsonl") if r.get("kind") == "article"]
    assert articles == []
    assert second["summary"]["documents_new"] == 0
    with open_snapshot(paths) as conn:
        n_docs, n_urls = conn.execute("SELECT count(*), count(DISTINCT canonical_url) FROM documents").fetchone()
    assert n_docs == n_urls == first["summary"]["documents_new"]
    assert json.dumps(second["summary"])  # the summary artifact is plain data

"""pipeline.ingest.store_documents across write jobs: stories assigned against what is already stored."""

from __future__ import annotations

import pytest

from pipeline.extract import content_hash
from pipeline.ingest import store_documents
from pipeline.snapshot import open_snapshot
from pipeline.store import open_writer
from tests.support.warehouse import document


def _doc(doc_id: str, day: str, source_id: str, title: str, text: str) -> dict:
    row = document(doc_id, day, source_id=source_id, title=title, text=text)
    row["content_hash"] = content_hash(title, text)
    row["story_id"] = None
    return row


def _stories(home) -> dict[str, str]:
    with open_snapshot(home) as conn:
        return dict(conn.execute("SELECT doc_id, story_id FROM documents").fetchall())


def test_short_copy_stored_a_night_later_joins_the_stored_story(home):
    title, text = "Cô giáo mầm non vùng cao", "Video phóng sự."  # under MIN_WORDS
    with open_writer(home) as writer:
        store_documents(writer, [_doc("vtv-1", "2022-06-02", "vtv", title, text)], [])
    with open_writer(home) as writer:
        store_documents(writer, [_doc("vtv4-1", "2022-06-03", "vtv4", title, text)], [])
    assert _stories(home) == {"vtv-1": "s-vtv-1", "vtv4-1": "s-vtv-1"}


def test_a_re_extracted_document_gets_its_new_classification_under_the_same_classifier(home):
    # The page was stored with an empty body (a layout miss) and rejected; an extractor fix and
    # `planwatch reprocess` re-extract it, and the same classifier version now accepts it. The new call
    # must be the current one: with INSERT OR IGNORE on (doc, plan, version) the stale reject stayed.
    from tests.support.warehouse import classification, seed

    seed(home)
    empty = _doc("p1", "2022-06-15", "giaoducthoidai", "Bồi dưỡng giáo viên mầm non", "")
    with open_writer(home) as writer:
        store_documents(writer, [empty], [classification("p1", None, "reject", version="clf-1")])
    fixed = _doc("p1", "2022-06-15", "giaoducthoidai", "Bồi dưỡng giáo viên mầm non",
                 "Triển khai Đề án 33 về đào tạo, bồi dưỡng giáo viên mầm non.")
    with open_writer(home) as writer:
        store_documents(writer, [fixed], [classification("p1", "2b", "accept", version="clf-1")])
    with open_snapshot(home) as conn:
        assert conn.execute("SELECT status, activity FROM matches WHERE doc_id = 'p1'").fetchall() == [
            ("confirmed", "2b")]
        # an unchanged re-ingest leaves the row as it is (same classified_at)
        before = conn.execute("SELECT classified_at FROM classifications WHERE doc_id = 'p1'").fetchall()
    with open_writer(home) as writer:
        store_documents(writer, [fixed], [classification("p1", "2b", "accept", version="clf-1")])
    with open_snapshot(home) as conn:
        assert conn.execute("SELECT classified_at FROM classifications WHERE doc_id = 'p1'").fetchall() == before


def _listing_dated_run(home, tmp_path):
    """A run folder with one page whose only date came from a listing page (confidence 0.5)."""
    import json

    from crawlers.output import store_raw

    body = ("<html><head><title>Bồi dưỡng giáo viên mầm non</title></head><body><article>"
            "<h1>Bồi dưỡng giáo viên mầm non</h1>"
            + "<p>Sở Giáo dục và Đào tạo tổ chức lớp bồi dưỡng giáo viên mầm non theo Đề án 33, "
              "với sự tham gia của cán bộ quản lý và giáo viên các trường mầm non trong tỉnh.</p>" * 4
            + "</article></body></html>").encode()
    sha = store_raw(home.raw_archive, body)
    run = tmp_path / "run-listing"
    run.mkdir()
    url = "http://127.0.0.1/baocamau/boi-duong.html"
    (run / "pages.jsonl").write_text(json.dumps({
        "url": url, "canonical_url": url, "final_url": url, "source_id": "baocamau",
        "fetched_at": "2022-07-20T03:00:00+00:00", "raw_sha256": sha, "content_type": "text/html",
        "encoding": "utf-8", "discovered_via": "listing",
        "hint": {"published": "2022-07-15T00:00:00+07:00", "origin": "listing"}}) + "\n", encoding="utf-8")
    (run / "done").write_text("", encoding="utf-8")
    return run


def test_reprocess_keeps_the_confidence_of_a_listing_date(home, tmp_path):
    # reprocess carried a discovery date over as origin "feed" whatever it was: a listing date (0.5)
    # came back as a feed date (0.7), which can move a page out of review (low_date_confidence).
    from pipeline import nightly
    from pipeline.ingest import ingest_run
    from pipeline.plans import load_plan
    from tests.support.warehouse import PLAN_ID

    ingest_run(home, _listing_dated_run(home, tmp_path), plans=[load_plan(PLAN_ID)], sources=[])
    with open_snapshot(home) as conn:
        before = conn.execute("SELECT date_source, date_confidence, published_date FROM documents").fetchall()
    assert [(r[0], r[1]) for r in before] == [("feed", 0.5)]
    nightly.reprocess(home, None)
    with open_snapshot(home) as conn:
        after = conn.execute("SELECT date_source, date_confidence, published_date FROM documents").fetchall()
    assert after == before


def _undated_run(home, tmp_path, name: str, fetched_at: str, extra: str):
    """A run folder with one page that carries no date at all (the date falls back to first seen)."""
    import json

    from crawlers.output import store_raw

    body = ("<html><head><title>Bồi dưỡng giáo viên mầm non</title></head><body><article>"
            "<h1>Bồi dưỡng giáo viên mầm non</h1>"
            + "<p>Sở Giáo dục và Đào tạo tổ chức lớp bồi dưỡng giáo viên mầm non theo Đề án 33, "
              "với sự tham gia của cán bộ quản lý và giáo viên các trường mầm non trong tỉnh.</p>" * 4
            + f"</article><aside>{extra}</aside></body></html>").encode()
    sha = store_raw(home.raw_archive, body)
    run = tmp_path / name
    run.mkdir()
    url = "http://127.0.0.1/baocamau/khong-ngay.html"
    (run / "pages.jsonl").write_text(json.dumps({
        "url": url, "canonical_url": url, "final_url": url, "source_id": "baocamau",
        "fetched_at": fetched_at, "raw_sha256": sha, "content_type": "text/html", "encoding": "utf-8",
        "discovered_via": "manual", "hint": {}}) + "\n", encoding="utf-8")
    (run / "done").write_text("", encoding="utf-8")
    return run


def test_a_refetched_undated_page_keeps_its_first_seen_date(home, tmp_path):
    # An undated page is dated by when it was first seen. A later fetch of the same URL (a manual URL,
    # or a page whose bytes changed: a view counter) must not move that date, or the page leaves the window.
    from pipeline.ingest import ingest_run
    from pipeline.plans import load_plan
    from tests.support.warehouse import PLAN_ID

    plans = [load_plan(PLAN_ID)]
    ingest_run(home, _undated_run(home, tmp_path, "r1", "2022-06-10T02:00:00+00:00", "Lượt xem: 10"),
               plans=plans, sources=[])
    ingest_run(home, _undated_run(home, tmp_path, "r2", "2023-01-05T02:00:00+00:00", "Lượt xem: 900"),
               plans=plans, sources=[])
    with open_snapshot(home) as conn:
        rows = conn.execute("SELECT date_source, published_date, first_seen_at FROM documents").fetchall()
    assert len(rows) == 1
    date_source, published_date, first_seen = rows[0]
    assert date_source == "first_seen"
    assert published_date.isoformat() == "2022-06-10"
    assert first_seen.date().isoformat() == "2022-06-10"


def test_reprocess_reads_a_redirected_page_at_the_url_it_was_served_from(home, tmp_path):
    # The page was requested at an old URL and redirected to one that carries its date; reprocess fed the
    # extractor the requested URL instead, so the URL date was lost and the page fell back to first seen.
    import json

    from crawlers.output import store_raw
    from pipeline import nightly
    from pipeline.ingest import ingest_run
    from pipeline.plans import load_plan
    from tests.support.warehouse import PLAN_ID

    body = ("<html><head><title>Bồi dưỡng giáo viên mầm non</title></head><body><article>"
            "<h1>Bồi dưỡng giáo viên mầm non</h1>"
            + "<p>Sở Giáo dục và Đào tạo tổ chức lớp bồi dưỡng giáo viên mầm non theo Đề án 33, "
              "với sự tham gia của cán bộ quản lý và giáo viên các trường mầm non trong tỉnh.</p>" * 4
            + "</article></body></html>").encode()
    sha = store_raw(home.raw_archive, body)
    run = tmp_path / "run-redirect"
    run.mkdir()
    old, final = "http://127.0.0.1/baocamau/tin-cu.html", "http://127.0.0.1/baocamau/boi-duong-20220615083000.htm"
    page = {"url": old, "canonical_url": old, "final_url": final, "source_id": "baocamau",
            "fetched_at": "2023-02-01T03:00:00+00:00", "raw_sha256": sha, "content_type": "text/html",
            "encoding": "utf-8", "discovered_via": "listing", "hint": {}}
    (run / "pages.jsonl").write_text(json.dumps(page) + "\n", encoding="utf-8")
    # as the crawler records it: one line for the 301, one for the 200 at the target
    fetch = {"run_id": "run-redirect", "source_id": "baocamau", "kind": "article", "fetched_at": page["fetched_at"],
             "elapsed_ms": 5.0, "etag": None, "last_modified": None}
    (run / "fetches.jsonl").write_text("".join(json.dumps(line) + "\n" for line in (
        {**fetch, "fetch_id": "f1", "url": old, "final_url": final, "status": 301, "bytes": 0, "error": None,
         "raw_sha256": None},
        {**fetch, "fetch_id": "f2", "url": final, "final_url": final, "status": 200, "bytes": len(body),
         "error": None, "raw_sha256": sha})), encoding="utf-8")
    (run / "done").write_text("", encoding="utf-8")
    ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[])
    query = "SELECT date_source, published_date FROM documents"
    with open_snapshot(home) as conn:
        before = conn.execute(query).fetchall()
    assert [(r[0], r[1].isoformat()) for r in before] == [("url", "2022-06-15")]
    nightly.reprocess(home, None)
    with open_snapshot(home) as conn:
        assert conn.execute(query).fetchall() == before


def test_a_killed_reprocess_is_completed_by_recovery(home, tmp_path, monkeypatch):
    # reprocess re-extracts pages whose raw bytes did not change (force). Killed before its write job, its
    # run folder stays pending and recovery ingests it again, but without force: every page was skipped
    # as unchanged, the run was marked ingested, and the re-extraction never happened.
    from pipeline import nightly
    from pipeline.ingest import ingest_run
    from pipeline.plans import load_plan
    from pipeline.runfiles import INGESTED_MARKER
    from tests.support.warehouse import PLAN_ID

    ingest_run(home, _listing_dated_run(home, tmp_path), plans=[load_plan(PLAN_ID)], sources=[])
    with open_writer(home) as writer:  # what an older extractor got wrong
        writer.conn.execute("UPDATE documents SET title = 'tiêu đề sai'")

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt  # the process dies before the write job

    monkeypatch.setattr(nightly, "ingest_run", killed)
    with pytest.raises(KeyboardInterrupt):
        nightly.reprocess(home, None)
    monkeypatch.undo()
    [pending] = [p for p in home.runs.iterdir() if "reprocess" in p.name]
    assert not (pending / INGESTED_MARKER).exists()
    nightly.recover_pending_runs(home, None)
    assert (pending / INGESTED_MARKER).exists()
    with open_snapshot(home) as conn:
        assert conn.execute("SELECT title FROM documents").fetchall() == [("Bồi dưỡng giáo viên mầm non",)]


def test_a_re_extraction_that_keeps_the_decision_keeps_when_it_was_made(home):
    # Only the score moves (an extractor fix trimmed a footer): the page was accepted in 2022 and still is.
    # Its row is updated but keeps its classified_at, or the digest would list the story as newly confirmed.
    import datetime as dt

    from tests.support.warehouse import classification, seed

    seed(home)
    first = dt.datetime(2022, 6, 16, 1, 0, tzinfo=dt.UTC)
    doc = _doc("p2", "2022-06-15", "giaoducthoidai", "Bồi dưỡng giáo viên mầm non", "Đề án 33.")
    with open_writer(home) as writer:
        store_documents(writer, [doc], [classification("p2", "2b", "accept", score=0.91, version="clf-1", at=first)])
    with open_writer(home) as writer:
        store_documents(writer, [doc], [classification("p2", "2b", "accept", score=0.88, version="clf-1")])
    with open_snapshot(home) as conn:
        assert conn.execute("SELECT score, classified_at FROM classifications").fetchall() == [(0.88, first)]

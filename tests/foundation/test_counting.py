"""Each counting rule (docs/counting.md), with documents inserted through the one writer."""

from __future__ import annotations

from tests.foundation.helpers import ago, decide, query, report_rows, write_job
from tests.support.warehouse import classification, document, seed


def test_in_window_counts_and_out_of_window_does_not(home):
    seed(home,
         documents=[document("in", "2022-06-15"), document("before", "2022-03-31"),
                    document("after", "2022-10-01"), document("undated", None)],
         classifications=[classification(d, "1", "accept") for d in ("in", "before", "after", "undated")])
    row = report_rows(home)[("1", "article")]
    assert (row["actual"], row["documents"], row["pending_review"]) == (1, 1, 0)
    in_window = dict(query(home, "SELECT doc_id, in_window FROM matches"))
    assert in_window == {"in": True, "before": False, "after": False, "undated": None}


def test_window_edges_first_and_last_day_count(home):
    seed(home,
         documents=[document("first", "2022-04-01"), document("last", "2022-09-30"),
                    document("last-2b", "2022-11-30"), document("after-2b", "2022-12-01")],
         classifications=[classification("first", "1", "accept"), classification("last", "1", "accept"),
                          classification("last-2b", "2b", "accept"), classification("after-2b", "2b", "accept")])
    rows = report_rows(home)
    assert rows[("1", "article")]["actual"] == 2
    assert rows[("2b", "article")]["actual"] == 1


def test_article_and_report_count_in_their_own_rows(home):
    seed(home,
         documents=[document("art", "2022-05-01"), document("rep", "2022-05-02", fmt="report")],
         classifications=[classification("art", "2a", "accept"), classification("rep", "2a", "accept", fmt="report")])
    rows = report_rows(home)
    assert rows[("2a", "article")]["actual"] == 1
    assert rows[("2a", "report")]["actual"] == 1
    assert sum(r["actual"] for r in rows.values()) == 2


def test_one_story_in_two_outlets_counts_once_and_lists_both_outlets(home):
    seed(home,
         documents=[document("orig", "2022-05-10", source_id="giaoducthoidai", story_id="s1"),
                    document("copy", "2022-05-12", source_id="moet-portal", story_id="s1"),
                    document("other", "2022-05-13", source_id="moet-portal", story_id="s2")],
         classifications=[classification(d, "2b", "accept") for d in ("orig", "copy", "other")])
    row = report_rows(home)[("2b", "article")]
    assert (row["actual"], row["documents"], row["outlets"]) == (2, 3, 2)
    items = query(home, "SELECT story_id, outlets, copies, first_published, url FROM coverage_items ORDER BY story_id")
    assert items[0][:3] == ("s1", ["giaoducthoidai", "moet-portal"], 2)
    assert items[0][3].isoformat() == "2022-05-10" and items[0][4].endswith("/orig.html")
    assert items[1][:3] == ("s2", ["moet-portal"], 1)


def test_pending_is_shown_not_counted_and_rejected_is_neither(home):
    seed(home,
         documents=[document("ok", "2022-05-01"), document("unsure", "2022-05-02"), document("no", "2022-05-03")],
         classifications=[classification("ok", "2b", "accept"), classification("unsure", "2b", "review"),
                          classification("no", "2b", "reject")])
    row = report_rows(home)[("2b", "article")]
    assert (row["actual"], row["pending_review"]) == (1, 1)
    status = dict(query(home, "SELECT doc_id, status FROM matches"))
    assert status == {"ok": "confirmed", "unsure": "pending"}  # a classifier reject is not a match
    assert query(home, "SELECT doc_id FROM review_queue") == [("unsure",)]


def test_a_pending_copy_of_a_counted_story_is_not_pending(home):
    seed(home,
         documents=[document("a", "2022-05-01", story_id="s"), document("b", "2022-05-02", story_id="s",
                                                                          source_id="baocamau")],
         classifications=[classification("a", "2b", "accept"), classification("b", "2b", "review")])
    row = report_rows(home)[("2b", "article")]
    assert (row["actual"], row["pending_review"]) == (1, 0)


def test_pending_published_after_as_of_is_not_shown(home):
    seed(home, documents=[document("later", "2022-08-01")],
         classifications=[classification("later", "2b", "review")])
    assert report_rows(home, as_of="2022-06-30")[("2b", "article")]["pending_review"] == 0
    assert report_rows(home, as_of="2022-08-01")[("2b", "article")]["pending_review"] == 1


def test_confirmed_items_published_after_as_of_do_not_count_yet(home):
    seed(home, documents=[document("x", "2022-08-01")], classifications=[classification("x", "2b", "accept")])
    assert report_rows(home, as_of="2022-07-31")[("2b", "article")]["actual"] == 0
    assert report_rows(home, as_of="2022-08-01")[("2b", "article")]["actual"] == 1


# -- human decisions ------------------------------------------------------------------------------------

def test_reviewer_confirms_a_review_item(home):
    seed(home, documents=[document("q", "2022-06-01")], classifications=[classification("q", "2b", "review")])
    assert report_rows(home)[("2b", "article")]["pending_review"] == 1
    decide(home, "q", "confirm", reviewer="lan")
    write_job(home)
    row = report_rows(home)[("2b", "article")]
    assert (row["actual"], row["pending_review"]) == (1, 0)
    assert query(home, "SELECT status, decided_by FROM matches") == [("confirmed", "reviewer:lan")]
    assert query(home, "SELECT count(*) FROM review_queue") == [(0,)]


def test_reviewer_rejects_an_accepted_item(home):
    seed(home, documents=[document("a", "2022-06-01")], classifications=[classification("a", "2b", "accept")])
    assert report_rows(home)[("2b", "article")]["actual"] == 1
    decide(home, "a", "reject", reviewer="minh", note="không liên quan")
    write_job(home)
    assert report_rows(home)[("2b", "article")]["actual"] == 0
    assert query(home, "SELECT status, decided_by, review_note FROM matches") == [
        ("rejected", "reviewer:minh", "không liên quan")]


def test_reviewer_reassigns_activity_and_format(home):
    seed(home, documents=[document("a", "2022-06-01")], classifications=[classification("a", "2b", "accept")])
    decide(home, "a", "confirm", activity="2a", fmt="report")
    write_job(home)
    rows = report_rows(home)
    assert rows[("2b", "article")]["actual"] == 0
    assert rows[("2a", "report")]["actual"] == 1
    assert query(home, "SELECT activity, suggested_activity, format FROM matches") == [("2a", "2b", "report")]


def test_undo_restores_the_classifier_decision(home):
    seed(home, documents=[document("a", "2022-06-01")], classifications=[classification("a", "2b", "accept")])
    rejection = decide(home, "a", "reject")
    write_job(home)
    assert report_rows(home)[("2b", "article")]["actual"] == 0
    decide(home, "a", "undo", undoes=rejection)
    write_job(home)
    assert report_rows(home)[("2b", "article")]["actual"] == 1
    assert query(home, "SELECT decided_by FROM matches") == [("classifier:test-1",)]


def test_undo_of_the_latest_decision_brings_back_the_previous_one(home):
    seed(home, documents=[document("a", "2022-06-01")], classifications=[classification("a", "2b", "review")])
    decide(home, "a", "confirm", activity="2a", at=ago(2))
    second = decide(home, "a", "reject", at=ago(1))
    write_job(home)
    assert report_rows(home)[("2a", "article")]["actual"] == 0
    decide(home, "a", "undo", undoes=second)
    write_job(home)
    assert report_rows(home)[("2a", "article")]["actual"] == 1


def test_decisions_survive_repeated_write_jobs_without_duplicates(home):
    seed(home, documents=[document("a", "2022-06-01")], classifications=[classification("a", "2b", "review")])
    decide(home, "a", "confirm")
    for _ in range(3):
        write_job(home)
    assert query(home, "SELECT count(*) FROM review_decisions") == [(1,)]


def test_reviewer_date_correction_moves_an_item_into_the_window(home):
    seed(home, documents=[document("late", "2022-12-05", date_source="first_seen")],
         classifications=[classification("late", "2b", "review", reasons=["window_edge"])])
    decide(home, "late", "confirm", published_date="2022-11-20", note="ngày đăng thật trong bài")
    write_job(home)
    assert report_rows(home)[("2b", "article")]["actual"] == 1
    assert query(home, "SELECT CAST(published_date AS VARCHAR), in_window FROM matches") == [("2022-11-20", True)]


def test_reviewer_date_correction_moves_an_item_out_of_the_window(home):
    seed(home, documents=[document("footer", "2022-05-01", date_source="visible")],
         classifications=[classification("footer", "1", "accept")])
    assert report_rows(home)[("1", "article")]["actual"] == 1
    decide(home, "footer", "confirm", published_date="2021-12-20")
    write_job(home)
    assert report_rows(home)[("1", "article")]["actual"] == 0


# -- classifier versions ----------------------------------------------------------------------------------

def test_a_newer_classification_version_replaces_the_older(home):
    seed(home, documents=[document("a", "2022-06-01"), document("b", "2022-06-02")],
         classifications=[classification("a", "2b", "review", version="v1", at=ago(2)),
                          classification("b", "2b", "accept", version="v1", at=ago(2))])
    row = report_rows(home)[("2b", "article")]
    assert (row["actual"], row["pending_review"]) == (1, 1)
    seed(home, classifications=[classification("a", "2b", "accept", version="v2", at=ago(1)),
                                classification("b", None, "reject", version="v2", at=ago(1))])
    row = report_rows(home)[("2b", "article")]
    assert (row["actual"], row["pending_review"]) == (1, 0)
    assert query(home, "SELECT doc_id, classifier_version FROM matches") == [("a", "v2")]


def test_a_newer_classification_does_not_override_a_human_decision(home):
    seed(home, documents=[document("kept", "2022-06-01"), document("dropped", "2022-06-02")],
         classifications=[classification("kept", "2b", "review", version="v1", at=ago(3)),
                          classification("dropped", "2b", "accept", version="v1", at=ago(3))])
    decide(home, "kept", "confirm", at=ago(2))  # confirms the suggestion (2b) without naming it
    decide(home, "dropped", "reject", at=ago(2))
    write_job(home)
    seed(home, classifications=[classification("kept", None, "reject", version="v2", at=ago(1)),
                                classification("dropped", "2b", "accept", version="v2", score=0.99, at=ago(1))])
    rows = report_rows(home)
    assert rows[("2b", "article")]["actual"] == 1
    got = {r[0]: r[1:] for r in query(home, "SELECT doc_id, activity, status, classifier_version FROM matches")}
    assert got == {"kept": ("2b", "confirmed", "v2"), "dropped": ("2b", "rejected", "v2")}


def test_a_reassignment_by_a_reviewer_survives_reclassification(home):
    seed(home, documents=[document("a", "2022-06-01")],
         classifications=[classification("a", "2b", "accept", version="v1", at=ago(3))])
    decide(home, "a", "confirm", activity="1", at=ago(2))
    write_job(home)
    seed(home, classifications=[classification("a", "2a", "accept", version="v2", at=ago(1))])
    rows = report_rows(home)
    assert (rows[("1", "article")]["actual"], rows[("2a", "article")]["actual"]) == (1, 0)

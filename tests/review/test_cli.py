"""`planwatch review` from the command line, and what decisions do to the report."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from pipeline.store import open_writer
from tests.review.conftest import qid
from tests.support.warehouse import PLAN_ID, classification

AS_OF = dt.date(2023, 1, 31)


def report_rows(home):
    with open_snapshot(home) as conn:
        return {(r["activity"], r["format"]): r for r in build_report(conn, PLAN_ID, AS_OF)["rows"]}


def stored_decisions(home):
    with open_snapshot(home) as conn:
        return conn.execute("SELECT decision_id, action, activity, format, published_date, reviewer "
                            "FROM review_decisions ORDER BY decided_at").fetchall()


def queue_ids(cli):
    result = cli("review", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    return [item["id"] for item in json.loads(result.output)]


def test_list_json_contract_and_order(queue_home, cli):
    result = cli("review", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    for key in ("id", "doc_id", "title", "url", "source_id", "published_at", "suggested_activity", "format", "score"):
        assert all(key in item for item in items), key
    # closest to its activity's window end first: 2 days (2b), 10 days (1), 151 days (2a)
    assert [i["doc_id"] for i in items] == ["q-edge", "q-xss", "q-far"]
    assert items[0]["id"] == qid("q-edge")
    assert json.loads(cli("review", "list", "--format", "json", "--activity", "2a").output)[0]["doc_id"] == "q-far"
    assert [i["doc_id"] for i in json.loads(cli("review", "list", "--format", "json", "--source", "hanoi").output)] \
        == ["q-far"]
    assert len(json.loads(cli("review", "list", "--format", "json", "--limit", "1").output)) == 1
    table = cli("review", "list").output
    assert "Hàng chờ duyệt: 3 mục" in table


def test_show_has_evidence_links_and_archive(queue_home, cli):
    out = cli("review", "show", qid("q-far")).output
    assert "[Đề án 33]" in out and "[mầm non]" in out  # evidence terms highlighted in the excerpt
    assert "Đài Phát thanh và Truyền hình Hà Nội" in out and "Hà Nội" in out
    assert "http://127.0.0.1/hanoi-tv/q-far.html" in out
    assert ".gz" in out  # the archived copy
    data = json.loads(cli("review", "show", "q-far", "--format", "json").output)
    assert data["evidence_origin"] == "evidence" and data["archive"].endswith(".gz")
    # without classifier evidence, the suggested activity's own words are highlighted
    fallback = json.loads(cli("review", "show", "q-edge", "--format", "json").output)
    assert fallback["evidence_origin"] == "activity" and "[mầm non]" in fallback["excerpt"] + \
        cli("review", "show", "q-edge").output


def test_confirm_reject_reassign_change_the_report(queue_home, cli):
    before = report_rows(queue_home)
    assert before[("2b", "article")]["pending_review"] == 1
    assert before[("2a", "article")]["actual"] == 1

    r = cli("review", "decide", qid("q-edge"), "--confirm", "--reviewer", "Nguyễn Thị Lan", "--note", "đúng")
    assert r.exit_code == 0, r.output
    assert "Đã cập nhật" in r.output and "Đã ghi: xác nhận mục" in r.output
    r = cli("review", "decide", qid("q-xss"), "--reject", "--reviewer", "Lan")
    assert r.exit_code == 0, r.output
    r = cli("review", "decide", "q-far", "--confirm", "--activity", "1", "--format", "article", "--reviewer", "Lan")
    assert r.exit_code == 0, r.output

    after = report_rows(queue_home)
    assert after[("2b", "article")]["actual"] == 1 and after[("2b", "article")]["pending_review"] == 0
    assert after[("1", "article")]["actual"] == 1  # reassigned from 2a report -> 1 article
    assert after[("1", "article")]["pending_review"] == 0
    assert after[("2a", "report")]["pending_review"] == 0
    assert queue_ids(cli) == []
    rows = stored_decisions(queue_home)
    assert [r[1] for r in rows] == ["confirm", "reject", "confirm"]
    assert rows[0][2:4] == ("2b", "article")  # confirm records activity and format explicitly
    assert rows[0][5] == "Nguyễn Thị Lan"


def test_date_correction_moves_item_out_of_window(queue_home, cli):
    r = cli("review", "decide", "q-edge", "--confirm", "--date", "2022-12-05", "--reviewer", "Lan")
    assert r.exit_code == 0, r.output
    rows = report_rows(queue_home)
    assert rows[("2b", "article")]["actual"] == 0  # published after the window: not counted
    with open_snapshot(queue_home) as conn:
        assert conn.execute("SELECT published_date, status FROM matches WHERE doc_id = 'q-edge'").fetchone() == \
            (dt.date(2022, 12, 5), "confirmed")


def test_undo_cancels_latest_own_decision(queue_home, cli):
    cli("review", "decide", "q-edge", "--confirm", "--reviewer", "Lan")
    cli("review", "decide", "q-edge", "--reject", "--reviewer", "Lan")
    assert report_rows(queue_home)[("2b", "article")]["actual"] == 0
    r = cli("review", "undo", "q-edge", "--reviewer", "Lan")
    assert r.exit_code == 0, r.output
    assert report_rows(queue_home)[("2b", "article")]["actual"] == 1  # back to the confirm
    cli("review", "undo", "q-edge", "--reviewer", "Lan")
    rows = report_rows(queue_home)
    assert rows[("2b", "article")]["actual"] == 0 and rows[("2b", "article")]["pending_review"] == 1
    assert qid("q-edge") in queue_ids(cli)
    r = cli("review", "undo", "q-edge", "--reviewer", "Lan")
    assert r.exit_code == 2 and "chưa có quyết định nào" in r.output
    assert [row[1] for row in stored_decisions(queue_home)] == ["confirm", "reject", "undo", "undo"]


def test_reopen_counted_item_puts_it_back_in_the_queue(queue_home, cli):
    assert report_rows(queue_home)[("2a", "article")]["actual"] == 1
    r = cli("review", "decide", "acc", "--reopen", "--reviewer", "Lan", "--note", "nghi ngờ")
    assert r.exit_code == 0, r.output
    assert qid("acc") in queue_ids(cli)
    rows = report_rows(queue_home)
    assert rows[("2a", "article")]["actual"] == 0 and rows[("2a", "article")]["pending_review"] == 1
    r = cli("review", "decide", "q-edge", "--reopen", "--reviewer", "Lan")
    assert r.exit_code == 2 and "đang chờ duyệt rồi" in r.output


def test_bad_input_is_refused(queue_home, cli):
    assert cli("review", "decide", "q-edge", "--confirm", "--activity", "9", "--reviewer", "Lan").exit_code == 2
    assert cli("review", "decide", "q-edge", "--confirm", "--format", "video", "--reviewer", "Lan").exit_code == 2
    assert cli("review", "decide", "q-edge", "--confirm", "--date", "31/02/2022", "--reviewer", "Lan").exit_code == 2
    assert cli("review", "decide", "q-edge", "--confirm", "--reject", "--reviewer", "Lan").exit_code == 2
    assert cli("review", "decide", "nope", "--confirm", "--reviewer", "Lan").exit_code == 2
    assert cli("review", "decide", "q-edge", "--confirm", "--reviewer", "  ").exit_code == 2
    assert stored_decisions(queue_home) == []


def test_unpublished_decision_shows_at_once(queue_home, cli):
    """--no-sync leaves the decision only in the journal: the reviewer's view overlays it anyway."""
    r = cli("review", "decide", "q-edge", "--confirm", "--activity", "2a", "--reviewer", "Lan", "--no-sync")
    assert r.exit_code == 0, r.output
    assert stored_decisions(queue_home) == []  # not in the snapshot yet
    assert qid("q-edge") not in queue_ids(cli)
    show = json.loads(cli("review", "show", "q-edge", "--format", "json").output)
    assert show["status"] == "confirmed" and show["activity"] == "2a"
    assert show["history"][-1]["not_yet_published"] is True
    # undo works on the unpublished decision too
    assert cli("review", "undo", "q-edge", "--reviewer", "Lan", "--no-sync").exit_code == 0
    assert qid("q-edge") in queue_ids(cli)
    assert cli("review", "sync").exit_code == 0
    assert len(stored_decisions(queue_home)) == 2


def test_reclassify_never_overrides_a_human_decision(queue_home, cli):
    cli("review", "decide", "q-edge", "--confirm", "--reviewer", "Lan")  # records 2b explicitly
    cli("review", "decide", "q-xss", "--reject", "--reviewer", "Lan")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    with open_writer(queue_home) as writer:  # a new classifier version disagrees with both
        writer.insert("classifications", [
            classification("q-edge", "1", "reject", score=0.1, version="test-2", at=later),
            classification("q-xss", "1", "accept", score=0.95, version="test-2", at=later)])
    with open_snapshot(queue_home) as conn:
        rows = dict(conn.execute("SELECT doc_id, status || ':' || COALESCE(activity, '') FROM all_tagging "
                                 "WHERE doc_id IN ('q-edge', 'q-xss')").fetchall())
        version = conn.execute("SELECT classifier_version FROM current_classifications "
                               "WHERE doc_id = 'q-edge'").fetchone()
    assert version == ("test-2",)
    assert rows["q-edge"] == "confirmed:2b"
    assert rows["q-xss"].startswith("rejected:")
    report = report_rows(queue_home)
    assert report[("2b", "article")]["actual"] == 1
    assert report[("1", "article")]["actual"] == 0
    assert report[("1", "article")]["pending_review"] == 0


def test_csv_export_import_with_a_bad_row(queue_home, cli, tmp_path):
    out = tmp_path / "queue.csv"
    assert cli("review", "export", str(out)).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    header = raw.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("id,decision,activity,format,date,note")
    filled = tmp_path / "filled.csv"
    filled.write_bytes("\ufeffid,decision,activity,format,date,note\n".encode() + "\n".join([
        f"{qid('q-edge')},Xác nhận,,,,ổn",          # line 2: confirm (Vietnamese word)
        f"{qid('q-xss')},có lẽ,,,,",                 # line 3: unknown decision -> error
        f"{qid('q-far')},loại,,,,không liên quan",   # line 4: reject
        "khongco,confirm,,,,",                        # line 5: unknown id -> error
        f"{qid('acc')},,,,,",                         # line 6: no decision -> skipped
        f"{qid('q-xss')},xac nhan,9,,,",              # line 7: bad activity -> error
    ]).encode() + b"\n")
    r = cli("review", "import", str(filled), "--reviewer", "Lan")
    assert r.exit_code == 1
    assert "dòng 3:" in r.output and "dòng 5:" in r.output and "dòng 7:" in r.output
    assert "line 2:" not in r.output and "line 4:" not in r.output
    assert "Đã áp dụng 2 quyết định" in r.output
    assert [d[1] for d in stored_decisions(queue_home)] == ["confirm", "reject"]
    assert queue_ids(cli) == [qid("q-xss")]


def test_csv_import_semicolons_and_vietnamese_dates(queue_home, cli, tmp_path):
    filled = tmp_path / "excel.csv"
    filled.write_text(f"id;decision;activity;format;date;note\n{qid('q-far')};XÁC NHẬN;2b;phóng sự;30/06/2022;\n",
                      encoding="utf-8-sig")
    r = cli("review", "import", str(filled), "--reviewer", "Lan")
    assert r.exit_code == 0, r.output
    assert stored_decisions(queue_home)[0][1:5] == ("confirm", "2b", "report", dt.date(2022, 6, 30))


def test_old_snapshot_without_review_views_is_explained(home, cli):
    from tests.support.warehouse import seed

    seed(home)
    home.snapshot.chmod(0o644)  # published read-only (0444); this test fakes an old snapshot in place
    with duckdb.connect(str(home.snapshot)) as conn:
        conn.execute("DROP VIEW review_queue; DROP VIEW review_items")
    r = cli("review", "list")
    assert r.exit_code == 2 and "review sync" in r.output


@pytest.mark.parametrize(("args", "says", "lists"), [
    (("--source", "gdtd"), "không có báo/đài nào khớp 'gdtd'", "giaoducthoidai, hanoi-tv, hatay-news"),
    (("--activity", "9"), "không có hoạt động '9'", "1 (chủ trương chính sách), 2a (mục tiêu, định hướng"),
    (("--plan", "nope"), "không có kế hoạch 'nope'", "661-KH-BGDDT-2022"),
    (("--plan", "661-KH-BGDDT-2022", "--activity", "3"), "trong kế hoạch 661-KH-BGDDT-2022", "2b (việc thực hiện"),
])
def test_unknown_filter_values_are_errors_listing_the_valid_ones(queue_home, cli, args, says, lists):
    for command in (("review", "list"), ("review", "export", str(queue_home.home / "q.csv"))):
        if command[1] == "export" and "--plan" in args:
            continue
        r = cli(*command, *args)
        assert r.exit_code == 2, r.output
        assert says in r.output and lists in r.output
    # a part of an outlet's name is still a valid value
    assert cli("review", "list", "--source", "Giáo dục").exit_code == 0


def test_list_and_decide_speak_vietnamese(queue_home, cli):
    table = cli("review", "list").output
    assert "bài báo" in table and "phóng sự" in table and "article" not in table and "report" not in table
    assert "theo bộ lọc này" in cli("review", "list", "--source", "hatay", "--activity", "2b").output
    r = cli("review", "decide", "q-far", "--confirm", "--activity", "1", "--format", "article", "--reviewer", "Lan",
            "--no-sync")
    assert r.exit_code == 0 and "Đã ghi: xác nhận mục" in r.output and "hoạt động 1, bài báo" in r.output
    assert "Đã lưu trong nhật ký duyệt" in r.output
    r = cli("review", "undo", "q-far", "--reviewer", "Lan", "--no-sync")
    assert r.exit_code == 0 and "Đã ghi: hoàn tác quyết định" in r.output
    r = cli("review", "decide", "q-far", "--confirm", "--reviewer", "Lan", "--date", "31/02/2022")
    assert r.exit_code == 2 and "ngày '31/02/2022' không hợp lệ" in r.output
    r = cli("review", "decide", "q-far", "--confirm", "--reviewer", "Lan", "--format", "video")
    assert r.exit_code == 2 and "hình thức 'video' không hợp lệ" in r.output


def test_show_lists_counter_evidence_apart(queue_home, cli):
    from pipeline.store import open_writer

    ev = {"terms": [{"term": "de an 33", "surface": "Đề án 33"}],
          "negatives": [{"group": "other_levels", "penalty": 1.4,
                         "terms": [{"term": "giao vien", "surface": "giáo viên"}]}]}
    with open_writer(queue_home) as writer:
        writer.conn.execute("UPDATE classifications SET evidence = ? WHERE doc_id = 'q-far'",
                            [json.dumps(ev, ensure_ascii=False)])
    data = json.loads(cli("review", "show", "q-far", "--format", "json").output)
    assert data["evidence_terms"] == ["de an 33"]  # the counter-evidence is not shown as support
    assert data["counter_evidence"] == [{"term": "giáo viên", "group": "other_levels",
                                         "reason": "cấp học khác (phổ thông, đại học, nghề)"}]
    assert "Bằng chứng ngược: giáo viên (cấp học khác" in cli("review", "show", "q-far").output

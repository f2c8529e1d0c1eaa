from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from classifiers import classifier_for
from pipeline.journal import append_decision
from pipeline.plans import load_plan
from pipeline.reclassify import reclassify_documents
from pipeline.snapshot import open_snapshot
from planwatch.cli import app
from tests.support.warehouse import PLAN_ID, classification, document, seed

COURSE_TEXT = ("Ngày 12/7, Sở GDĐT Nghệ An khai giảng lớp bồi dưỡng giáo viên mầm non cốt cán năm 2022 với 300 "
               "học viên. Nội dung tập trung vào phát triển chương trình giáo dục nhà trường. Kết thúc khóa học, "
               "các học viên được cấp chứng chỉ.")
GOOD = {"id": "a1", "title": "Khai giảng lớp bồi dưỡng giáo viên mầm non cốt cán", "text": COURSE_TEXT,
        "published_at": "2022-07-12T08:00:00+07:00", "source": "giaoducthoidai"}
OTHER = {"id": "a2", "title": "Giá xăng giảm", "text": "Giá xăng giảm 500 đồng mỗi lít từ chiều nay."}


def test_classify_jsonl_reports_bad_lines_and_continues(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([json.dumps(GOOD, ensure_ascii=False), "{not json", json.dumps({"id": "x"}), "",
                              json.dumps(OTHER, ensure_ascii=False)]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", "--jsonl", str(src)])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a1", "a2"]
    assert out[0]["decision"] == "accept" and out[0]["activity"] == "2b" and out[1]["decision"] == "reject"
    for o in out:
        assert {"id", "relevant", "activity", "format", "score", "decision"} <= set(o)
        # the learned model adds its calibrated probability (= score) and the features that moved it
        assert o["probability"] == o["score"] and isinstance(o["features"], list)
    assert out[0]["features"] and {"feature", "value", "contribution"} <= set(out[0]["features"][0])
    assert "line 2:" in result.stderr and "line 3:" in result.stderr and "missing field" in result.stderr


def test_classify_stdin_and_exit_zero():
    result = CliRunner().invoke(app, ["classify", "--jsonl", "-", "--evidence"],
                                input=json.dumps(GOOD, ensure_ascii=False) + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["evidence"]["terms"]


def test_explain_adhoc_shows_terms_and_thresholds(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", "--jsonl", str(src)])
    assert result.exit_code == 0, result.output
    assert "thresholds accept >=" in result.stdout and "boi duong" in result.stdout and "pairs" in result.stdout
    assert "model      m" in result.stdout and "probability" in result.stdout and "top features" in result.stdout


def test_unknown_plan_is_a_clear_error():
    result = CliRunner().invoke(app, ["classify", "--plan", "nope", "--jsonl", "-"], input="")
    assert result.exit_code == 2 and "nope" in result.stderr


def test_reclassify_adds_rows_once_and_human_decision_wins(home):
    docs = [document("d1", "2022-07-12", title=GOOD["title"], text=COURSE_TEXT),
            document("d2", "2022-07-13", title=OTHER["title"], text=OTHER["text"])]
    seed(home, documents=docs, classifications=[classification("d1", None, "reject", version="old-1"),
                                                classification("d2", "2b", "accept", version="old-1")])
    append_decision(home.review_journal, {
        "decision_id": "h1", "doc_id": "d1", "plan_id": PLAN_ID, "action": "reject", "reviewer": "lan",
        "decided_at": dt.datetime.now(dt.UTC)})

    summary = reclassify_documents(PLAN_ID, home)
    version = classifier_for(load_plan(PLAN_ID)).version
    assert summary["classified"] == 2 and summary["classifier_version"] == version
    with open_snapshot(home) as conn:
        rows = dict(conn.execute("SELECT doc_id, decision FROM current_classifications "
                                 "WHERE classifier_version = ?", [version]).fetchall())
        assert rows == {"d1": "accept", "d2": "reject"}
        assert conn.execute("SELECT count(*) FROM classifications").fetchall() == [(4,)]  # old rows kept
        m = conn.execute("SELECT doc_id, status, decided_by FROM matches ORDER BY doc_id").fetchall()
    # the classifier now accepts d1, but the reviewer rejected it: the person wins; d2 is rejected by the
    # new version (it was auto-accepted by the old one) and leaves `matches`
    assert m == [("d1", "rejected", "reviewer:lan")]

    again = reclassify_documents(PLAN_ID, home)
    assert again["classified"] == 0
    result = CliRunner().invoke(app, ["reclassify"])
    assert result.exit_code == 0 and "Nothing to do" in result.stdout


def test_explain_stored_document(home):
    seed(home, documents=[document("d1", "2022-07-12", title=GOOD["title"], text=COURSE_TEXT)],
         classifications=[classification("d1", "2b", "review", version="old-1")])
    result = CliRunner().invoke(app, ["explain", "d1"])
    assert result.exit_code == 0, result.output
    assert "stored     old-1: review" in result.stdout and "human      no decision recorded" in result.stdout
    missing = CliRunner().invoke(app, ["explain", "nope"])
    assert missing.exit_code == 2 and "no document 'nope'" in missing.stderr

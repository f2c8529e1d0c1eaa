"""One document, one answer: the nightly ingest, `planwatch reclassify`, `planwatch classify` and `planwatch explain`
build the classifier's input with the same function (classifiers.contract.classifier_input) and the language
rule sits in the classifier's routing, so all four give the same decision, activity and score."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from classifiers import classifier_input, classify_document
from classifiers.routing import NOT_VIETNAMESE, language_rule
from pipeline.ingest import classify_documents
from pipeline.plans import load_plan
from pipeline.reclassify import reclassify_documents
from pipeline.snapshot import open_snapshot
from planwatch.cli import app
from tests.support.warehouse import PLAN_ID, document, seed, source

COURSE_TITLE = "Khai giảng lớp bồi dưỡng giáo viên mầm non cốt cán"
COURSE_TEXT = ("Ngày 12/7, Sở GDĐT Nghệ An khai giảng lớp bồi dưỡng giáo viên mầm non cốt cán năm 2022 với 300 "
               "học viên. Nội dung tập trung vào phát triển chương trình giáo dục nhà trường. Kết thúc khóa học, "
               "các học viên được cấp chứng chỉ.")
KEYS = ("relevant", "decision", "activity", "format", "score", "reasons")


def _doc(language: str) -> dict:
    doc = document(f"doc-{language}", "2022-07-12", title=COURSE_TITLE, text=COURSE_TEXT, source_id="gd")
    return {**doc, "language": language, "lead": "Lớp học dành cho giáo viên mầm non cốt cán.",
            "date_confidence": 0.8, "extraction_quality": 0.9}


def _json_line(doc: dict) -> str:
    line = {"id": doc["doc_id"], "title": doc["title"], "lead": doc["lead"], "text": doc["text"], "url": doc["url"],
            "published_at": doc["published_at"].isoformat(), "source": {"id": doc["source_id"], "kind": "newspaper"},
            "format": doc["format"], "date_confidence": doc["date_confidence"],
            "extraction_quality": doc["extraction_quality"], "language": doc["language"]}
    return json.dumps(line, ensure_ascii=False) + "\n"


def _four_answers(home, doc: dict) -> dict[str, dict]:
    plan = load_plan(PLAN_ID)
    seed(home, documents=[doc], sources=[source("gd", kind="newspaper")])
    ingest = classify_documents([dict(doc)], [plan], {"gd": {"kind": "newspaper"}}, "run-test")[0]

    reclassify_documents(PLAN_ID, home)
    with open_snapshot(home) as conn:
        rel = conn.execute("SELECT * FROM current_classifications WHERE doc_id = ? AND plan_id = ?",
                           [doc["doc_id"], PLAN_ID])
        cols = [c[0] for c in rel.description]
        stored = dict(zip(cols, rel.fetchall()[0], strict=True))

    cli = CliRunner().invoke(app, ["classify", "--plan", PLAN_ID, "--jsonl", "-"], input=_json_line(doc))
    assert cli.exit_code == 0, cli.output
    explained = CliRunner().invoke(app, ["explain", doc["doc_id"], "--plan", PLAN_ID, "--json"])
    assert explained.exit_code == 0, explained.output
    return {"ingest": dict(ingest), "reclassify": stored, "classify": json.loads(cli.stdout),
            "explain": json.loads(explained.stdout)}


def _same(answers: dict[str, dict]) -> dict:
    seen = {path: {k: (round(float(a[k]), 4) if k == "score" else list(a[k]) if k == "reasons" else a[k])
                   for k in KEYS} for path, a in answers.items()}
    first = seen["ingest"]
    for path, got in seen.items():
        assert got == first, f"{path} disagrees with the ingest: {got} != {first}"
    return first


def test_a_vietnamese_page_gets_the_same_answer_on_every_path(home):
    answer = _same(_four_answers(home, _doc("vi")))
    assert answer["decision"] in ("accept", "review") and answer["activity"] == "2b"
    assert NOT_VIETNAMESE not in answer["reasons"]


def test_a_page_in_another_language_is_rejected_on_every_path(home):
    answer = _same(_four_answers(home, _doc("en")))
    assert answer["decision"] == "reject" and answer["relevant"] is False
    assert answer["reasons"][-1] == NOT_VIETNAMESE
    # what the classifier read is kept: the same text in Vietnamese scores the same
    vi = classify_document(classifier_input({**_doc("vi"), "doc_id": "doc-en"}), load_plan(PLAN_ID))
    assert answer["score"] == pytest.approx(vi["score"]) and answer["activity"] == vi["activity"]


def test_classifier_input_takes_the_same_fields_from_every_shape():
    row = {**_doc("vi"), "author": "x", "tags": ["a"], "published_date": None}
    built = classifier_input(row, source_kind="newspaper")
    assert built["id"] == "doc-vi" and built["source_kind"] == "newspaper" and built["language"] == "vi"
    assert "author" not in built and "tags" not in built and "doc_id" not in built
    bare = classifier_input({"id": 7, "title": None, "text": None, "lead": None, "language": None})
    assert bare == {"id": 7, "title": "", "text": ""}
    # a document's own source kind wins over the registry's
    assert classifier_input({"id": "a", "title": "", "text": "", "source_kind": "tv"}, source_kind="web")[
        "source_kind"] == "tv"


def test_language_rule_only_rejects_what_was_not_rejected_and_is_not_vietnamese():
    result = classify_document({"id": "a", "title": COURSE_TITLE, "text": COURSE_TEXT}, load_plan(PLAN_ID))
    assert result["decision"] != "reject"
    assert language_rule(result, None) is result and language_rule(result, "vi") is result
    rejected = language_rule(result, "en")
    assert rejected["decision"] == "reject" and rejected["reasons"][-1] == NOT_VIETNAMESE
    assert result["decision"] != "reject" and NOT_VIETNAMESE not in result["reasons"]  # the input is not changed
    assert language_rule(rejected, "en") is rejected  # no second reason

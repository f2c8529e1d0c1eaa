"""Small pure pieces: evidence parsing and highlighting, the overlay rules, date parsing."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from pipeline.review import evidence, overlay
from pipeline.review.decisions import DecisionError, parse_date

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("raw, expected", [
    ('{"terms": [{"term": "Đề án 33"}, {"folded": "mam non"}]}', ["Đề án 33", "mam non"]),
    ('{"matches": ["bồi dưỡng", "bồi dưỡng"]}', ["bồi dưỡng"]),
    ('{"zones": {"title": {"terms": [{"text": "giáo viên"}]}}}', ["giáo viên"]),
    ('{"terms": {"mầm non": 2, "GDMN": 1}}', ["mầm non", "GDMN"]),
    ('[{"term": "nhà giáo"}]', ["nhà giáo"]),
    ('{"terms": []}', []),
    ("not json", []),
    (None, []),
])
def test_evidence_terms_are_read_tolerantly(raw, expected):
    assert evidence.evidence_terms(raw) == expected


def test_highlight_ignores_case_diacritics_and_nfd():
    text = unicodedata.normalize("NFD", "Giáo viên MẦM NON và mam non; Đề  án 33.")
    parts = evidence.highlight(text, ["mầm non", "de an 33"])
    assert [t for t, marked in parts if marked] == ["MẦM NON", "mam non", "Đề  án 33"]
    assert "".join(t for t, _ in parts) == unicodedata.normalize("NFC", text)
    assert evidence.highlight("nonsense", ["non"]) == [("nonsense", False)]  # whole words only


def test_excerpt_centres_on_the_matches():
    text = "x " * 800 + "bồi dưỡng giáo viên mầm non " + "y " * 800
    parts = evidence.excerpt(text, ["mầm non"], width=200)
    assert parts[0] == ("… ", False) and parts[-1] == (" …", False)
    assert ("mầm non", True) in parts


def test_activity_words_are_a_fallback_query():
    terms = evidence.activity_terms("Triển khai tuyến thông tin về việc thực hiện Đề án 33 (dự kiến 14 bài báo)")
    assert "thực hiện" in terms and "bài báo" not in terms and "về việc" not in terms


def decision(did, action, at, undoes=None, **kw):
    return {"decision_id": did, "doc_id": "d", "plan_id": "p", "action": action, "decided_at": T0 + dt.timedelta(
        minutes=at), "undoes": undoes, "reviewer": kw.pop("reviewer", "Lan"), **kw}


def test_latest_live_decision_wins_and_undo_cancels():
    ds = [decision("a", "confirm", 1), decision("b", "reject", 2), decision("c", "undo", 3, undoes="b")]
    assert overlay.winning_decision(ds)["decision_id"] == "a"
    assert overlay.winning_decision([*ds, decision("d", "undo", 4, undoes="a")]) is None


def test_apply_decision_re_derives_status_and_window():
    item = {"doc_id": "d", "plan_id": "p", "suggested_activity": "1", "suggested_format": None,
            "document_format": "report", "extracted_date": dt.date(2022, 9, 1), "classifier_decision": "review",
            "classifier_version": "v1"}
    windows = {("p", "1"): (dt.date(2022, 4, 1), dt.date(2022, 9, 30)),
               ("p", "2b"): (dt.date(2022, 4, 1), dt.date(2022, 11, 30))}
    plain = overlay.apply_decision(item, None, windows)
    assert (plain["status"], plain["format"], plain["days_to_window_end"]) == ("pending", "report", 29)
    confirmed = overlay.apply_decision(item, decision("a", "confirm", 1, activity="2b",
                                                      published_date="2022-11-29"), windows)
    assert (confirmed["status"], confirmed["activity"], confirmed["days_to_window_end"]) == ("confirmed", "2b", 1)
    assert confirmed["decided_by"] == "reviewer:Lan"
    assert overlay.queue_id("doc", "plan") == overlay.queue_id("doc", "plan") != overlay.queue_id("doc", "plan2")


def test_dates_in_both_spellings():
    assert parse_date("2022-06-30") == parse_date("30/06/2022") == dt.date(2022, 6, 30)
    assert parse_date("") is None
    with pytest.raises(DecisionError):
        parse_date("31/02/2022")


def test_csv_export_defuses_formulas(tmp_path):
    from pipeline.review.csvio import export_queue

    row = {"id": "abc", "doc_id": "d", "plan_id": "p", "title": '=HYPERLINK("http://evil","x")',
           "source_name": "@cmd", "published_date": dt.date(2022, 6, 1), "score": 0.5, "url": "http://a/b"}
    path = tmp_path / "q.csv"
    export_queue([row], path)
    text = path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@cmd" in text and "2022-06-01" in text


def test_classifier_evidence_shape_and_surface_forms():
    """The classifier engine's evidence: folded keys under "terms", pairs and negatives elsewhere."""
    raw = ('{"stage": "scored", "terms": [{"term": "de an 33", "category": "project", "where": ["title"]}, '
           '{"term": "boi duong", "category": "action"}], "pairs": [{"action": "boi duong", "subject": "giao vien"}],'
           ' "negatives": [{"term": "hoc sinh"}], "thresholds": {"accept": 0.7}}')
    terms = evidence.evidence_terms(raw)
    assert terms == ["de an 33", "boi duong"]
    assert evidence.surface_forms("Lớp Bồi dưỡng theo Đề án 33", terms) == ["Đề án 33", "Bồi dưỡng"]

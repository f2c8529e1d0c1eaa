"""The review page shows the learned model's probability and the features that moved it most."""

from __future__ import annotations

import json

import httpx

from pipeline.review.evidence import feature_label, model_summary
from tests.review.auth import login
from tests.review.conftest import qid
from tests.review.webserver import running_app
from tests.support.plan import PRIMARY_PLAN
from tests.support.warehouse import classification, document, seed

DOC = {"id": "m-1", "title": "Bắc Giang bồi dưỡng giáo viên mầm non cốt cán",
       "text": "Sở GDĐT Bắc Giang tổ chức lớp bồi dưỡng cho 200 giáo viên mầm non cốt cán về phát triển chương "
               "trình giáo dục nhà trường. Học viên được hướng dẫn tổ chức hoạt động lấy trẻ làm trung tâm."}


def _classified() -> dict:
    from classifiers.engine import Classifier
    from classifiers.model import Model, shipped_model_path
    from pipeline.plans import load_plan

    plan = load_plan(PRIMARY_PLAN)
    return Classifier.for_plan(plan, model=Model.load(shipped_model_path(plan.id))).classify(DOC)


def test_model_summary_reads_the_classifier_evidence():
    r = _classified()
    m = model_summary(json.dumps(r["evidence"], ensure_ascii=False))
    assert m is not None and m["probability"] == r["probability"]
    assert m["reject_probability"] == r["evidence"]["model"]["reject_probability"] is not None
    assert [f["feature"] for f in m["features"]] == [f["feature"] for f in r["features"]] and m["features"]
    assert model_summary(json.dumps({"terms": []})) is None and model_summary("not json") is None
    assert feature_label("k:action|boi duong") == "từ khóa: boi duong"
    assert feature_label("z:feature:who_support:lead") == "nhóm từ: who_support (sapo)"


def test_item_page_shows_probability_and_top_features(home):
    r = _classified()
    cls = classification("m-1", r["activity"] or "2b", "review", score=r["score"], reasons=["borderline"])
    cls["evidence"] = json.dumps(r["evidence"], ensure_ascii=False)
    seed(home, documents=[document("m-1", "2022-06-10", title=DOC["title"], text=DOC["text"])],
         classifications=[cls])
    with running_app(home, background_sync=False) as base, httpx.Client(base_url=base) as client:
        login(client, home)
        page = client.get(f"/item/{qid('m-1')}").text
    assert 'id="model-probability"' in page and f"xác suất liên quan {r['probability']:.2f}" in page
    q = r["evidence"]["model"]["reject_probability"]  # the reject side's model decides what is rejected
    assert q is not None and f"mô hình lọc loại ({q:.3f})" in page
    table = page.split('id="model-features"')[1].split("</table>")[0]
    assert table.count("<tr>") == len(r["features"]) > 0
    assert f"{r['features'][0]['contribution']:+.2f}" in table


def test_an_invalid_date_filter_is_answered_not_dropped(home):
    seed(home, documents=[document("m-1", "2022-06-10", title=DOC["title"], text=DOC["text"])],
         classifications=[classification("m-1", "2b", "review", score=0.5)])
    with running_app(home, background_sync=False) as base, httpx.Client(base_url=base) as client:
        login(client, home)
        bad = client.get("/", params={"from": "31/02/2022"})
        good = client.get("/", params={"from": "01/06/2022"})
    assert bad.status_code == 400 and "Bộ lọc ngày không hợp lệ" in bad.text and "31/02/2022" in bad.text
    assert good.status_code == 200 and DOC["title"] in good.text

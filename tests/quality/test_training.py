"""`planwatch train`: the shipped model is what the repo's data and code give; retraining learns from
reviewer decisions, refuses a model worse on the fixed holdout unless forced, and records a new version
that `planwatch reclassify` applies."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from typer.testing import CliRunner

import classifiers.corpus as corpus
import classifiers.training as training
import pipeline.training_data as training_data
from classifiers.corpus import data_digest, load_devset, load_real, mamnon_corpus
from classifiers.lexicon import lexicon_path
from classifiers.model import Model, shipped_model_path
from classifiers.training import code_digest
from pipeline.journal import append_decision
from pipeline.training_data import load_demo
from planwatch.cli import app
from tests.support.warehouse import PLAN_ID, classification, document, seed

pytestmark = pytest.mark.skipif(not mamnon_corpus().exists() and not os.environ.get("CI"),
                                reason="../shared corpus not available (CI fails instead of skipping)")
SHIPPED = json.loads(shipped_model_path(PLAN_ID).read_text(encoding="utf-8"))


def test_shipped_model_is_trained_on_the_current_data_and_code():
    items = load_real() + load_devset() + load_demo()
    assert SHIPPED["data_digest"] == data_digest(items), "labels changed: run planwatch train --ship"
    assert SHIPPED["code_digest"] == code_digest(lexicon_path(PLAN_ID)), "code changed: planwatch train --ship"
    assert all(i.split == "train" for i in items if i.source in ("devset",))


@pytest.mark.slow
def test_train_from_the_repo_reproduces_the_shipped_model(home, tmp_path):
    out = tmp_path / "model.json"
    res = CliRunner().invoke(app, ["train", "--no-reviews", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "cross-validated (train split), after:" in res.output and "holdout, new" in res.output
    got = json.loads(out.read_text(encoding="utf-8"))
    for key in ("version", "data_digest", "code_digest", "thresholds", "params", "training"):
        assert got[key] == SHIPPED[key], key
    w_got, w_ship = got["relevance"]["weights"], SHIPPED["relevance"]["weights"]
    assert w_got.keys() == w_ship.keys()
    assert all(abs(w_got[k] - w_ship[k]) <= 1e-4 * max(1.0, abs(w_ship[k])) for k in w_ship)
    r_got, r_ship = got["reject"]["weights"], SHIPPED["reject"]["weights"]
    assert r_got.keys() == r_ship.keys()
    assert all(abs(r_got[k] - r_ship[k]) <= 1e-4 * max(1.0, abs(r_ship[k])) for k in r_ship)


@pytest.mark.slow
def test_retrain_uses_reviewer_decisions_refuses_a_worse_model_and_reclassify_applies_it(home, monkeypatch):
    # a reviewer confirmed one stored page and rejected another
    docs = [document("rv-3", "2022-07-12", title="Khai giảng lớp bồi dưỡng giáo viên mầm non cốt cán",
                     text="Sở GDĐT khai giảng lớp bồi dưỡng cho 300 giáo viên mầm non cốt cán về chương trình."),
            document("rv-5", "2022-07-13", title="Trường mầm non tổ chức ngày hội",
                     text="Trường mầm non tổ chức ngày hội cho trẻ với nhiều trò chơi dân gian.")]
    seed(home, documents=docs, classifications=[classification("rv-3", "2b", "review"),
                                                classification("rv-5", "2b", "review")])
    now = dt.datetime.now(dt.UTC)
    for i, (doc, action) in enumerate((("rv-3", "confirm"), ("rv-5", "reject"))):
        append_decision(home.review_journal, {"decision_id": f"d{i}", "doc_id": doc, "plan_id": PLAN_ID,
                                              "action": action, "activity": "2b", "reviewer": "lan",
                                              "decided_at": now})

    def few(*args, **kwargs):  # a poorer corpus: the holdout as it is, a fifth of the training positives
        items = load_real()
        keep = [it for it in items if it.split == "holdout" or not it.relevant]
        pos = [it for it in items if it.split == "train" and it.relevant]
        return keep + pos[::5]

    # The wiring is under test here, not the choice of C or of the reject side's n-gram scale (the test above
    # reproduces the full fit): one value each, and the refused and the forced run share one fit of the same items.
    monkeypatch.setattr(training, "C_GRID", (1.0,))
    monkeypatch.setattr(training, "REJECT_NGRAM_SCALES", (0.45,))
    fits: dict[str, training.Trained] = {}
    calls: list[str] = []
    fit = training.train

    def fit_once(clf, items, *, data_digest, code_digest):
        calls.append(data_digest)
        if data_digest not in fits:
            fits[data_digest] = fit(clf, items, data_digest=data_digest, code_digest=code_digest)
        return fits[data_digest]

    monkeypatch.setattr(training, "train", fit_once)
    monkeypatch.setattr(corpus, "load_real", few)
    monkeypatch.setattr(corpus, "load_devset", lambda *a, **k: [])
    monkeypatch.setattr(training_data, "load_demo", lambda *a, **k: [])
    state_model = home.home / "models" / f"{PLAN_ID}.json"

    refused = CliRunner().invoke(app, ["train"])
    assert refused.exit_code == 1 and "refused" in refused.output, refused.output
    assert "review 2" in refused.output  # both reviewer decisions were training items
    assert not state_model.exists()

    forced = CliRunner().invoke(app, ["train", "--force"])
    assert forced.exit_code == 0 and "because of --force" in forced.output, forced.output
    assert len(calls) == 2 and len(fits) == 1  # both runs saw the same items, decisions included
    model = Model.load(state_model)
    assert all(corpus.split_of(d) == "train" for d in ("rv-3", "rv-5"))
    assert model.meta["training"]["by_source"].get("review") == 2  # fitted on both decisions
    assert model.meta["training"]["relevant_by_source"].get("review") == 1
    history = [json.loads(x) for x in (home.home / "models" / "history.jsonl").read_text().splitlines()]
    assert history[-1]["model_version"] == model.version and history[-1]["forced"] is True

    from classifiers.engine import classifier_for
    from pipeline.plans import load_plan
    from pipeline.reclassify import reclassify_documents

    clf = classifier_for(load_plan(PLAN_ID))
    assert clf.model is not None and clf.model.version == model.version  # the state model wins
    summary = reclassify_documents(PLAN_ID, home)
    assert summary["classifier_version"] == clf.version and summary["classified"] == 2

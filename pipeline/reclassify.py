"""Reclassify stored documents when the classifier version changed (used by the CLI and flows).

Reads documents from the published snapshot, classifies those that have no `classifications` row for the
current `classifier_version`, and appends rows through the one writer. Earlier rows stay (the newest per
document is current); review decisions are never touched, and the `matches` view lets them win.
This is a job beside pipeline.nightly: classifiers stay pure, the I/O lives here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from classifiers.contract import ClassifierInput, classifier_input
from pipeline import sql


def rows_of(conn: Any, statement: str, params: list[Any]) -> list[dict[str, Any]]:
    rel = conn.execute(statement, params)
    cols = [c[0] for c in rel.description]
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


def stored_document(conn: Any, doc_id: str) -> ClassifierInput | None:
    """One document of the snapshot as the classifier's input (None when it is not there)."""
    docs = rows_of(conn, sql.query("classifier_document"), [doc_id])
    return classifier_input(docs[0]) if docs else None


def reclassify_documents(plan_id: str, paths: Any = None, progress: Any = None) -> dict[str, Any]:
    """Classify stored documents without a row for the current classifier_version; append the rows.
    Returns {plan, classifier_version, documents, classified, decisions[, run_id]}; classified 0 = nothing to do.
    progress: a pipeline.progress reporter (a line every few seconds, or a bar on a terminal)."""
    from classifiers.engine import classifier_for
    from pipeline.ingest import classification_row
    from pipeline.plans import load_plan
    from pipeline.progress import counted
    from pipeline.snapshot import open_snapshot
    from pipeline.store import open_writer
    from planwatch.config import Paths

    paths = paths or Paths.from_env()
    plan = load_plan(plan_id)
    clf = classifier_for(plan)
    with open_snapshot(paths) as conn:
        total = conn.execute(sql.query("documents_count")).fetchall()[0][0]
        docs = rows_of(conn, sql.query("classifier_pending"), [plan.id, clf.version])
    summary: dict[str, Any] = {"plan": plan.id, "classifier_version": clf.version, "documents": int(total),
                               "classified": 0, "decisions": {}}
    if not docs:
        return summary
    at = dt.datetime.now(dt.UTC)
    run_id = f"reclassify-{at:%Y%m%dT%H%M%SZ}"
    # the same input and row builders as the nightly ingest (the language rule is the classifier's own)
    if progress is not None:
        progress.stage("phân loại lại tài liệu", len(docs))
    rows = [classification_row(clf.classify(classifier_input(d)), plan.id, run_id, at)
            for d in counted(docs, progress.advance if progress is not None else None)]
    with open_writer(paths) as writer:
        writer.insert("classifications", rows, on_conflict="ignore")
    summary.update(classified=len(rows), decisions=dict(Counter(r["decision"] for r in rows)), run_id=run_id)
    return summary

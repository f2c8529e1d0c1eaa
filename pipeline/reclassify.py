"""Reclassify stored documents when the classifier version changed (used by the CLI and flows).

Reads documents from the published snapshot, classifies those that have no `classifications` row for the
current `classifier_version`, and appends rows through the one writer. Earlier rows stay (the newest per
document is current); review decisions are never touched, and the `matches` view lets them win.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

DOC_QUERY = """
SELECT d.doc_id AS id, d.title, d.lead, d.text, d.url, d.published_at, d.source_id, s.kind AS source_kind,
       d.format, d.date_confidence, d.extraction_quality, d.language
FROM documents d LEFT JOIN sources s USING (source_id)
"""


def rows_of(conn: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    rel = conn.execute(sql, params)
    cols = [c[0] for c in rel.description]
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


def clean(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if v is not None}


def reclassify_documents(plan_id: str, paths: Any = None, progress: Any = None) -> dict[str, Any]:
    """Classify stored documents without a row for the current classifier_version; append the rows.
    Returns {plan, classifier_version, documents, classified, decisions[, run_id]}; classified 0 = nothing to do.
    progress: a pipeline.progress reporter (a line every few seconds, or a bar on a terminal)."""
    from classifiers.engine import classifier_for
    from pipeline.ingest import classification_row
    from pipeline.plans import load_plan
    from pipeline.snapshot import open_snapshot
    from pipeline.store import open_writer
    from planwatch.config import Paths

    paths = paths or Paths.from_env()
    plan = load_plan(plan_id)
    clf = classifier_for(plan)
    with open_snapshot(paths) as conn:
        total = conn.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        docs = rows_of(conn, DOC_QUERY + """
            WHERE NOT EXISTS (SELECT 1 FROM classifications c WHERE c.doc_id = d.doc_id
                              AND c.plan_id = ? AND c.classifier_version = ?)
            ORDER BY d.doc_id""", [plan.id, clf.version])
    summary: dict[str, Any] = {"plan": plan.id, "classifier_version": clf.version, "documents": int(total),
                               "classified": 0, "decisions": {}}
    if not docs:
        return summary
    at = dt.datetime.now(dt.UTC)
    run_id = f"reclassify-{at:%Y%m%dT%H%M%SZ}"
    # the same row builder as the nightly ingest, so its rules (non-Vietnamese pages rejected) hold here too
    from pipeline.progress import counted

    if progress is not None:
        progress.stage("phân loại lại tài liệu", len(docs))
    rows = [classification_row(clf.classify(clean(d)), plan.id, run_id, at, language=d.get("language"))
            for d in counted(docs, progress.advance if progress is not None else None)]
    with open_writer(paths) as writer:
        writer.insert("classifications", rows, on_conflict="ignore")
    summary.update(classified=len(rows), decisions=dict(Counter(r["decision"] for r in rows)), run_id=run_id)
    return summary

-- matches: the final tagging of each document that is counted, pending, or rejected by a person.
-- status: confirmed (auto-accepted or confirmed by a reviewer) | pending (awaiting review) | rejected.
-- A human decision always wins over any classification, whatever its version.

-- What the classifier suggested when the reviewer decided (the newest classification at or before
-- decided_at). A confirm or reject that names no activity/format keeps that suggestion, so a later
-- classifier version cannot move or drop an item a person has already decided.
CREATE OR REPLACE VIEW decision_basis AS
SELECT h.decision_id, h.doc_id, c.activity, c.format, c.classifier_version
FROM human_decisions h
ASOF JOIN classifications c
  ON c.doc_id = h.doc_id AND c.plan_id = h.plan_id AND h.decided_at >= c.classified_at
WHERE h.action IN ('confirm', 'reject');

CREATE OR REPLACE VIEW all_tagging AS
SELECT
    c.doc_id,
    c.plan_id,
    COALESCE(h.activity, b.activity, c.activity)              AS activity,
    COALESCE(h.format, b.format, c.format, d.format, 'article') AS format,
    COALESCE(h.published_date, d.published_date)              AS published_date,
    CASE
        WHEN h.action = 'confirm' THEN 'confirmed'
        WHEN h.action = 'reject' THEN 'rejected'
        WHEN h.action = 'reopen' THEN 'pending'
        WHEN c.decision = 'accept' THEN 'confirmed'
        WHEN c.decision = 'review' THEN 'pending'
        ELSE 'rejected'
    END                                                        AS status,
    CASE WHEN h.decision_id IS NOT NULL THEN 'reviewer:' || h.reviewer
         ELSE 'classifier:' || c.classifier_version END        AS decided_by,
    h.decided_at                                               AS decided_at,
    h.note                                                     AS review_note,
    c.activity                                                 AS suggested_activity,
    c.score,
    c.decision                                                 AS classifier_decision,
    c.reasons                                                  AS review_reasons,
    c.classifier_version,
    c.classified_at,
    COALESCE(d.story_id, d.doc_id)                             AS story_id,
    h.scope                                                    AS decision_scope,
    h.decided_doc_id                                           AS decided_doc_id,
    d.source_id,
    d.title,
    d.url,
    d.published_at,
    d.date_source,
    d.date_confidence
FROM current_classifications c
JOIN documents d USING (doc_id)
LEFT JOIN human_decisions h ON h.doc_id = c.doc_id AND h.plan_id = c.plan_id
LEFT JOIN decision_basis b ON b.decision_id = h.decision_id AND b.doc_id = h.doc_id;

CREATE OR REPLACE VIEW matches AS
SELECT t.*,
       a.window_start,
       a.window_end,
       (t.published_date BETWEEN a.window_start AND a.window_end) AS in_window
FROM all_tagging t
LEFT JOIN activities a ON a.plan_id = t.plan_id AND a.activity_id = t.activity
WHERE t.status IN ('confirmed', 'pending')
   OR t.decided_by LIKE 'reviewer:%';

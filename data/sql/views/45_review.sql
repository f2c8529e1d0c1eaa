-- Manual review (issue 7): every reviewable (doc, plan) tagging with what a reviewer needs to decide,
-- and the queue re-defined on top of it (supersedes the first cut in 40_queue_health.sql).
--
-- id: the queue id, stable per (doc, plan): the first 12 hex digits of md5(doc_id || '|' || plan_id).
-- The queue: items whose status is 'pending' (classifier said review and nobody decided yet, or a person
-- reopened a counted or rejected item). Order, most urgent first:
--   1. publication date closest to the end of the item's activity window (undated items last),
--   2. score closest to the accept line review_score_line() (= thresholds.accept of the lexicon),
--   3. outlets of the plan's main channels first, then by outlet id, then doc_id.
-- pipeline.review.queue sorts the reviewer's own overlay (journal decisions not yet ingested) with the
-- same keys: window_distance, score_distance, main_outlet.

CREATE OR REPLACE MACRO review_score_line() AS 0.70;

CREATE OR REPLACE VIEW review_items AS
SELECT
    substr(md5(t.doc_id || '|' || t.plan_id), 1, 12)              AS id,
    t.doc_id, t.plan_id, t.title, t.url, t.source_id,
    s.name                                                        AS source_name,
    s.kind                                                        AS source_kind,
    s.province_historical, s.province_current,
    t.published_at, t.published_date,
    d.published_date                                              AS extracted_date,
    t.date_source, t.date_confidence,
    t.suggested_activity, t.activity,
    c.format                                                      AS suggested_format,
    d.format                                                      AS document_format,
    t.format, t.score, t.classifier_decision, t.review_reasons, t.classifier_version, t.classified_at,
    t.status, t.decided_by, t.decided_at, t.review_note,
    t.story_id, t.decision_scope, t.decided_doc_id,
    c.evidence, c.activity_scores,
    d.raw_sha256,
    a.window_start, a.window_end,
    date_diff('day', t.published_date, a.window_end)              AS days_to_window_end,
    COALESCE(abs(date_diff('day', t.published_date, a.window_end)), 9999) AS window_distance,
    abs(t.score - review_score_line())                            AS score_distance,
    EXISTS (SELECT 1 FROM plan_channels pc
            WHERE pc.plan_id = t.plan_id AND pc.tier = 'main'
              AND list_contains(pc.source_ids, t.source_id))      AS main_outlet
FROM all_tagging t
JOIN current_classifications c ON c.doc_id = t.doc_id AND c.plan_id = t.plan_id
JOIN documents d ON d.doc_id = t.doc_id
LEFT JOIN sources s ON s.source_id = t.source_id
LEFT JOIN activities a ON a.plan_id = t.plan_id AND a.activity_id = COALESCE(t.activity, t.suggested_activity);

CREATE OR REPLACE VIEW review_queue AS
SELECT
    row_number() OVER (ORDER BY window_distance, score_distance, main_outlet DESC, source_id, doc_id)
                                                                  AS queue_rank,
    id, doc_id, plan_id, title, url, source_id, source_name, province_historical, province_current,
    published_at, published_date, date_source, date_confidence,
    suggested_activity, activity, format, score, review_reasons, classifier_version, classified_at,
    window_start, window_end, days_to_window_end,
    classifier_decision, decided_by, decided_at, review_note, raw_sha256, story_id
FROM review_items
WHERE status = 'pending'
ORDER BY queue_rank;

-- The plan's review queue as it stands in the snapshot, most urgent first ($1 = plan_id).
SELECT q.id, q.title, q.url, q.source_id, COALESCE(q.source_name, q.source_id) AS outlet,
       q.published_date, q.suggested_activity, q.format, q.score, q.classified_at
FROM review_queue q
WHERE q.plan_id = $1
ORDER BY abs(COALESCE(q.days_to_window_end, 9999)), abs(q.score - 0.5), q.source_id, q.doc_id;

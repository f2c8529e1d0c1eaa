-- The plan's review queue as it stands in the snapshot, most urgent first ($1 = plan_id), in the queue's
-- own order (view review_queue: window distance, distance to the accept line, main outlets first).
SELECT q.id, q.doc_id, q.title, q.url, q.source_id, COALESCE(q.source_name, q.source_id) AS outlet,
       q.published_date, q.suggested_activity, q.format, q.score, q.classified_at
FROM review_queue q
WHERE q.plan_id = $1
ORDER BY q.queue_rank;

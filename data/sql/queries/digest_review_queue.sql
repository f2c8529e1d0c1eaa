-- The plan's review queue as it stands in the snapshot, most urgent first ($1 = plan_id), in the queue's
-- own order (view review_queue: window distance, distance to the accept line, main outlets first). One line per
-- story, as `planwatch review list` shows it: its earliest published pending copy, ranked by its most urgent
-- copy, with how many of its copies wait (copies).
SELECT q.id, q.doc_id, q.title, q.url, q.source_id, COALESCE(q.source_name, q.source_id) AS outlet,
       q.published_date, q.suggested_activity, q.format, q.score, q.classified_at,
       count(*) OVER story AS copies, min(q.queue_rank) OVER story AS story_rank
FROM review_queue q
WHERE q.plan_id = $1
WINDOW story AS (PARTITION BY q.story_id)
QUALIFY row_number() OVER (PARTITION BY q.story_id ORDER BY q.published_date NULLS LAST, q.doc_id) = 1
ORDER BY story_rank;

-- Rows behind the whole review queue, the reference tests/review/test_queue_page.py checks the SQL paging
-- against: every pending item, plus the items named in $1 (queue ids touched by journal decisions not yet in
-- the snapshot, so pipeline.review.overlay can re-derive their state).
SELECT * EXCLUDE (evidence, activity_scores)
FROM review_items
WHERE status = 'pending' OR list_contains($1::VARCHAR[], id);

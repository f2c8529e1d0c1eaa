-- Every reviewable copy (any status) of the stories in $1 (VARCHAR[]), for the queue's story items.
SELECT * EXCLUDE (evidence, activity_scores)
FROM review_items
WHERE list_contains($1::VARCHAR[], story_id);

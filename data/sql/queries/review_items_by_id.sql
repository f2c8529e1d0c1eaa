-- Reviewable items by queue id ($1 = VARCHAR[]), whatever their status.
SELECT * EXCLUDE (evidence, activity_scores)
FROM review_items
WHERE list_contains($1::VARCHAR[], id);

-- One reviewable item by queue id or doc_id ($1), without its text: what `review decide` reads from the
-- coverage file (pipeline.coverage_file), which holds the review items of the rows in `matches` only.
SELECT r.*, CAST(NULL AS VARCHAR) AS lead, CAST(NULL AS VARCHAR) AS text
FROM review_items r
WHERE r.id = $1 OR r.doc_id = $1
ORDER BY r.plan_id;

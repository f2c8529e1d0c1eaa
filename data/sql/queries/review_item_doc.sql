-- The reviewable items of a doc_id ($1), one per plan, without their text (review_item.sql: by queue id; see there).
SELECT r.*, CAST(NULL AS VARCHAR) AS lead, CAST(NULL AS VARCHAR) AS text
FROM review_items r
WHERE r.doc_id = $1;

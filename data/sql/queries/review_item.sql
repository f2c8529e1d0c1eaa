-- One reviewable item by queue id ($1), without its text: ReviewState reads the text apart by doc_id
-- (review_item_text) when the state has it, and the items by doc_id apart (review_item_doc.sql; pipeline/review/
-- queue.py _read_items joins both); `review decide` reads this from the coverage file (pipeline.coverage_file),
-- which holds the review items of the rows in `matches` only and no text.
-- One plain equality per statement: in the coverage file it is answered by the column's ART index
-- (coverage_file.INDEXES; 2 ms at 1M documents); the former single statement (id = $1 UNION ALL doc_id = $1 AND
-- id IS DISTINCT FROM $1) scanned the 294k items' key columns (12-16 ms each). (An OR read every column of every
-- item; joined to documents for the text it read every text too, 15 s at 1M.)
SELECT r.*, CAST(NULL AS VARCHAR) AS lead, CAST(NULL AS VARCHAR) AS text
FROM review_items r
WHERE r.id = $1;

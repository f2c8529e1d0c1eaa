-- One reviewable item by queue id or doc_id ($1), without its text: ReviewState reads the text apart by doc_id
-- (review_item_text) when the state has it; `review decide` reads this from the coverage file
-- (pipeline.coverage_file), which holds the review items of the rows in `matches` only and no text.
-- Two equality filters rather than one OR: each is pushed into the scan of its own column, so only the matching
-- rows' other columns are read (an OR read every column of every item: 290k at 1M documents; joined to
-- documents for the text it read every text too, 15 s at 1M; this and the text by key: 5 s).
SELECT * FROM (
    SELECT r.*, CAST(NULL AS VARCHAR) AS lead, CAST(NULL AS VARCHAR) AS text
    FROM review_items r
    WHERE r.id = $1
    UNION ALL
    SELECT r.*, CAST(NULL AS VARCHAR) AS lead, CAST(NULL AS VARCHAR) AS text
    FROM review_items r
    WHERE r.doc_id = $1 AND r.id IS DISTINCT FROM $1
)
ORDER BY plan_id;

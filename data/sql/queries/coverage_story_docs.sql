-- These documents ($1 = VARCHAR[]) and every copy of their stories, in catalog {catalog}: the rows a change
-- to them may move (a story-wide decision reaches every copy). Used by pipeline/coverage_file.py and
-- pipeline/lake.py.
WITH s AS (
    SELECT DISTINCT COALESCE(story_id, doc_id) AS k
    FROM {catalog}.documents
    WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))
)
SELECT doc_id FROM {catalog}.documents WHERE COALESCE(story_id, doc_id) IN (SELECT k FROM s)
UNION
SELECT unnest($1::VARCHAR[]);

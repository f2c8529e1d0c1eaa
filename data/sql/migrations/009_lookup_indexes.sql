-- Issue 20: a review decision, and every publish, finds the copies of a few stories and their classifications.
-- Without an index DuckDB answers `story_id IN (...)` and `doc_id IN (...)` with a scan of the whole column
-- (a million documents, two million classifications: 70-100 ms each per decision at 1M). With these ART indexes
-- a lookup by a list of constants is an index scan (pipeline/keyfetch.py writes the lists; checked on DuckDB
-- 1.5.5: 1 ms instead of 10-20 ms per million rows; EXPLAIN still prints a sequential scan).
CREATE INDEX IF NOT EXISTS documents_story ON documents (story_id);
CREATE INDEX IF NOT EXISTS classifications_doc ON classifications (doc_id);

-- Issue 20: a decision's publish finds the classifications of its story's documents by a scan of `doc_id` (two
-- million 40-character ids at 1M documents: about 60 ms CPU per decision). `doc_key` is a 32-bit number derived
-- from doc_id (the low 32 bits of its MD5, a stable function); its column scans in about a tenth of that, and the
-- rows it finds are then checked by doc_id (pipeline.classification_rows.row_ids). The CHECK makes the key
-- exact: a row's doc_key is NULL (a writer that does not set it, e.g. older code) or its doc_id's key, never
-- another value, so a lookup by the keys plus the NULL rows misses no row. DuckDB cannot add a constraint to a
-- table: the table is copied, in row order, with every column, type and NOT NULL of migration 013.
CREATE TABLE classifications_keyed (
    doc_id             VARCHAR NOT NULL,
    plan_id            VARCHAR NOT NULL,
    classifier_version VARCHAR NOT NULL,
    classified_at      TIMESTAMPTZ NOT NULL,
    relevant           BOOLEAN NOT NULL,
    activity           VARCHAR,
    format             VARCHAR,
    score              DOUBLE NOT NULL,
    decision           VARCHAR NOT NULL,
    activity_scores    VARCHAR,
    reasons            VARCHAR[],
    evidence           VARCHAR,
    run_id             VARCHAR,
    doc_key            UINTEGER CHECK (doc_key = CAST(md5_number_lower(doc_id) & 4294967295 AS UINTEGER))
);
INSERT INTO classifications_keyed BY NAME
SELECT *, CAST(md5_number_lower(doc_id) & 4294967295 AS UINTEGER) AS doc_key FROM classifications ORDER BY rowid;
DROP TABLE classifications;
ALTER TABLE classifications_keyed RENAME TO classifications;

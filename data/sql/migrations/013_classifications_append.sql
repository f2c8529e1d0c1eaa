-- Issue 20, as migration 012 for the signatures: `classifications` (two rows per document, versioned by
-- classifier) loses its primary key (doc_id, plan_id, classifier_version), so that a write job's checkpoint no
-- longer re-serializes a two-million-key index of random keys at 1M documents, and a load no longer probes it.
-- The lookups by document keep the index of migration 009 (`classifications_doc`). DuckDB cannot drop a
-- constraint: the table is copied. The writer keeps one row per key (pipeline.classification_rows).
CREATE TABLE classifications_append (
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
    run_id             VARCHAR
);
INSERT INTO classifications_append BY NAME SELECT * FROM classifications;
DROP TABLE classifications;
ALTER TABLE classifications_append RENAME TO classifications;
CREATE INDEX IF NOT EXISTS classifications_doc ON classifications (doc_id);

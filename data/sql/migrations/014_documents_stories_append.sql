-- Issue 20, after migrations 011-013: the last ART indexes of the big tables go. DuckDB 1.5.5 re-serializes a
-- whole index at every checkpoint that changed one of its keys (DuckDB issue 24848), and a load probes it: at 1M
-- documents a write job's closing checkpoint rewrote `documents`' primary key and story index (1M keys each),
-- `classifications_doc` (2M) and `stories`' primary key (0.7M), 1.0-3.8 s CPU; a crawl's, `fetch_log`'s too (a
-- random key per fetch). Lookups become scans of one key column filtered by constants (about 20-40 ms CPU per
-- million rows). DuckDB cannot drop a constraint: the keyed tables are copied, in row order, with every column,
-- type and NOT NULL. The writer keeps one row per key (pipeline.store.Writer.insert -> pipeline.keyed_rows; the
-- stories' upsert: story_upsert_representatives.sql). The other keyed tables are small (plans, sources, runs,
-- decisions, the health log).
DROP INDEX IF EXISTS classifications_doc;
CREATE TABLE documents_append (
    doc_id             VARCHAR NOT NULL,
    url                VARCHAR NOT NULL,
    canonical_url      VARCHAR NOT NULL,
    source_id          VARCHAR,
    title              VARCHAR,
    author             VARCHAR,
    tags               VARCHAR[],
    "language"         VARCHAR,
    published_at       TIMESTAMPTZ,
    published_date     DATE,
    date_source        VARCHAR,
    date_confidence    DOUBLE,
    format             VARCHAR,
    format_evidence    VARCHAR,
    content_hash       VARCHAR,
    story_id           VARCHAR,
    raw_sha256         VARCHAR,
    extraction_quality DOUBLE,
    extraction_flags   VARCHAR[],
    extractor_version  VARCHAR,
    first_seen_at      TIMESTAMPTZ NOT NULL,
    extracted_at       TIMESTAMPTZ NOT NULL,
    run_id             VARCHAR
);
INSERT INTO documents_append BY NAME SELECT * FROM documents ORDER BY rowid;
DROP TABLE documents;
ALTER TABLE documents_append RENAME TO documents;
CREATE TABLE stories_append (
    story_id     VARCHAR NOT NULL,
    first_doc_id VARCHAR NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
INSERT INTO stories_append BY NAME SELECT * FROM stories ORDER BY rowid;
DROP TABLE stories;
ALTER TABLE stories_append RENAME TO stories;
CREATE TABLE fetch_log_append (
    fetch_id         VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    source_id        VARCHAR,
    url              VARCHAR NOT NULL,
    final_url        VARCHAR,
    kind             VARCHAR,
    status           INTEGER,
    fetched_at       TIMESTAMPTZ NOT NULL,
    bytes            BIGINT,
    elapsed_ms       DOUBLE,
    error            VARCHAR,
    raw_sha256       VARCHAR,
    etag             VARCHAR,
    last_modified    VARCHAR,
    response_headers VARCHAR,
    request_headers  VARCHAR,
    protocol         VARCHAR
);
INSERT INTO fetch_log_append BY NAME SELECT * FROM fetch_log ORDER BY rowid;
DROP TABLE fetch_log;
ALTER TABLE fetch_log_append RENAME TO fetch_log;

-- Issue 20, as migration 015 for `classifications`: a decision's publish finds every copy of the decided story by a
-- scan of `documents.story_id` (a million 40-character ids: about 40 ms CPU per decision at 1M documents).
-- `story_key` is the 32-bit key (pipeline/row_keys.py) of the document's story, COALESCE(story_id, doc_id); the
-- lookup reads it and checks the story of the rows it keeps. The CHECK makes it exact: NULL or that very key, so
-- an UPDATE of story_id must set story_key too (to its key, or NULL), else it fails. The table is copied, in row
-- order, with every column, type and NOT NULL of migration 014.
CREATE TABLE documents_keyed (
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
    run_id             VARCHAR,
    story_key          UINTEGER CHECK (story_key = CAST(md5_number_lower(COALESCE(story_id, doc_id)) & 4294967295 AS UINTEGER))
);
INSERT INTO documents_keyed BY NAME
SELECT *, CAST(md5_number_lower(COALESCE(story_id, doc_id)) & 4294967295 AS UINTEGER) AS story_key
FROM documents ORDER BY rowid;
DROP TABLE documents;
ALTER TABLE documents_keyed RENAME TO documents;

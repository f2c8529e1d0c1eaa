-- Issue 20: a write job whose cost does not follow the archive. DuckDB appends to a persisted table in a new
-- row group only when the table has no index; `documents` has a primary key (and the story index of migration
-- 009), so every checkpoint after a write job rewrote its last row group, up to 122,880 documents' text
-- (bench/bench_checkpoint.py: 1.75-3.68 s CPU for 500 documents at 100k). The two wide columns move to
-- `document_texts`, which has no index and no constraint: appends go to new row groups and the checkpoint
-- writes only them. One row per document, written by pipeline.store.Writer.insert with its `documents` row (a
-- re-extracted document's old row deleted first); the keys, links and small columns stay in the indexed
-- `documents`. Published copies (the lake, the snapshot) keep `documents` whole, with lead and text
-- (pipeline/doc_texts.py): readers, analysts and the full-text index see no change.
CREATE TABLE document_texts (
    doc_id VARCHAR NOT NULL,
    lead   VARCHAR,
    text   VARCHAR
);
INSERT INTO document_texts SELECT doc_id, lead, text FROM documents;
-- (the story index was dropped by migration 010: DuckDB refuses to drop a column an index's column follows)
ALTER TABLE documents DROP COLUMN text;
ALTER TABLE documents DROP COLUMN lead;
CREATE INDEX IF NOT EXISTS documents_story ON documents (story_id);

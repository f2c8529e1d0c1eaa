-- Stories counted right (issue 15): an LSH candidate index, boilerplate statistics, story-wide decisions.
-- Existing warehouses get their stories recomputed once (task 'rebuild_stories', run by the writer right
-- after this migration, pipeline.story_store.rebuild); reviewers' decisions are kept and become story-wide.

-- One row per (band key, document): documents sharing a key are candidate copies (pipeline.minhash).
CREATE TABLE story_bands (
    band_key UBIGINT NOT NULL,
    doc_id   VARCHAR NOT NULL
);
CREATE INDEX story_bands_key ON story_bands (band_key);

-- One row per (paragraph, document): what boilerplate is learned from (pipeline.boilerplate).
CREATE TABLE paragraph_docs (
    para_hash      UBIGINT NOT NULL,
    doc_id         VARCHAR NOT NULL,
    source_id      VARCHAR,
    published_date DATE
);
CREATE INDEX paragraph_docs_hash ON paragraph_docs (para_hash);

-- A decision's reach: 'story' (every copy of the decided document's story; the default, and what every
-- decision recorded before this migration becomes) or 'copy' (that copy only: an override).
ALTER TABLE review_decisions ADD COLUMN scope VARCHAR DEFAULT 'story';
UPDATE review_decisions SET scope = 'story' WHERE scope IS NULL;

-- Data tasks a migration asks the writer to run once (then deleted).
CREATE TABLE maintenance_tasks (
    task         VARCHAR PRIMARY KEY,
    requested_at TIMESTAMPTZ NOT NULL
);
INSERT INTO maintenance_tasks SELECT 'rebuild_stories', now() WHERE EXISTS (SELECT 1 FROM documents);

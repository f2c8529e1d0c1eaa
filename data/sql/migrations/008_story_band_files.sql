-- Issue 15, a story index that scales: the band keys and the paragraph occurrences move to an immutable sorted
-- base in files next to the warehouse (pipeline.story_bandfile), probed one 4 KiB block per key; story_bands
-- and paragraph_docs keep only the rows added since the last merge (the delta, at most
-- pipeline.story_store.MERGE_ROWS / MERGE_PARAGRAPH_ROWS rows, probed by a hash join, so they need no index).
-- The writer merges the delta into a new base when it is full, and right after this migration
-- (pipeline.store._run_maintenance; a warehouse's existing rows become the first base).
DROP INDEX IF EXISTS story_bands_key;
DROP INDEX IF EXISTS paragraph_docs_hash;

-- The current base: its generation folder (<warehouse>.story-bands/gen-NNNNNN), rows and documents (one row,
-- replaced by one statement at each merge). No row: no base yet (every band row is in story_bands).
CREATE TABLE story_band_files (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL,
    n_rows     BIGINT NOT NULL,
    n_docs     BIGINT NOT NULL
);

-- Documents whose rows in the base are stale (re-extracted since the merge): their rows in the bases up to
-- generation before_generation are ignored, their current rows are in story_bands; the next merge leaves the
-- stale rows out.
CREATE TABLE story_bands_dropped (
    doc_id            VARCHAR PRIMARY KEY,
    before_generation BIGINT NOT NULL
);

INSERT OR IGNORE INTO maintenance_tasks SELECT 'merge_story_bands', now()
WHERE EXISTS (SELECT 1 FROM story_bands) OR EXISTS (SELECT 1 FROM paragraph_docs);

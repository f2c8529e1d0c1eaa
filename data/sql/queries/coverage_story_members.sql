-- Every document of a few story keys (the KEYS marker: quoted, from coverage_story_keys.sql), in catalog {catalog},
-- with its row id and its key: those whose story_id is one of them, and a document without a story that is its own
-- key. Constants filter the scans of story_id and doc_id (no index since migration 014).
SELECT doc_id, rowid AS row_id, story_id AS k FROM {catalog}.documents WHERE story_id IN (/*KEYS*/)
UNION ALL
SELECT doc_id, rowid AS row_id, doc_id AS k FROM {catalog}.documents WHERE story_id IS NULL AND doc_id IN (/*KEYS*/);

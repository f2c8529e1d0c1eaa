-- Every document of a few story keys (the KEYS marker: quoted, from coverage_story_keys.sql), in catalog {catalog}:
-- those whose story_id is one of them, and a document without a story that is its own key. Constants, so that
-- the indexes on documents.story_id and documents.doc_id (migration 009) answer it instead of scans.
SELECT doc_id FROM {catalog}.documents WHERE story_id IN (/*KEYS*/)
UNION ALL
SELECT doc_id FROM {catalog}.documents WHERE story_id IS NULL AND doc_id IN (/*KEYS*/);

-- Story and publication time (microseconds since the epoch, as story_docs.sql) of stored documents.
-- /*IDS*/: quoted doc ids (pipeline.story_store.str_list).
SELECT doc_id, COALESCE(story_id, 's-' || doc_id) AS story_id, epoch_us(published_at) AS published_us
FROM documents
WHERE doc_id IN (/*IDS*/);

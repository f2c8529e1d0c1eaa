-- Story and publication time of stored documents. /*IDS*/: quoted doc ids (pipeline.story_store.str_list).
SELECT doc_id, COALESCE(story_id, 's-' || doc_id) AS story_id, published_at
FROM documents
WHERE doc_id IN (/*IDS*/);

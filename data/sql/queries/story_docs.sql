-- What the syndication rule needs of stored documents. /*IDS*/: quoted doc ids (pipeline.story_store).
SELECT doc_id, title, text, published_at, source_id, content_hash, COALESCE(story_id, 's-' || doc_id) AS story_id
FROM documents
WHERE doc_id IN (/*IDS*/);

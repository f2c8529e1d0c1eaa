-- What the syndication rule needs of stored documents. /*IDS*/: quoted doc ids (pipeline.story_store).
-- The publication time comes as microseconds since the epoch (UTC): fetching a TIMESTAMPTZ makes the
-- Python client try to import pytz on every call (0.6 ms each, measured). The text is in document_texts
-- (migration 010, no index: the constants filter its doc_id column's scan, and only matching rows' text is read).
WITH d AS (
    SELECT doc_id, title, epoch_us(published_at) AS published_us, source_id, content_hash,
           COALESCE(story_id, 's-' || doc_id) AS story_id
    FROM documents
    WHERE doc_id IN (/*IDS*/)
), t AS (
    SELECT doc_id, text FROM document_texts WHERE doc_id IN (/*IDS*/)
)
SELECT d.doc_id, d.title, t.text, d.published_us, d.source_id, d.content_hash, d.story_id
FROM d LEFT JOIN t USING (doc_id);

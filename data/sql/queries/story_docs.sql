-- What the syndication rule needs of stored documents. /*IDS*/: quoted doc ids (pipeline.story_store).
-- The publication time comes as microseconds since the epoch (UTC): fetching a TIMESTAMPTZ makes the
-- Python client try to import pytz on every call (0.6 ms each, measured).
SELECT doc_id, title, text, epoch_us(published_at) AS published_us, source_id, content_hash,
       COALESCE(story_id, 's-' || doc_id) AS story_id
FROM documents
WHERE doc_id IN (/*IDS*/);

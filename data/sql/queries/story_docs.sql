-- What the syndication rule needs of stored documents (pipeline.story_store). {docs}, {texts}: SELECTs of their rows
-- of `documents` (doc_id, title, published_at, source_id, content_hash, story_id) and `document_texts` (doc_id,
-- text), from pipeline.keyfetch.select_by_keys: the doc_id columns scanned for the rows' ids, then only those rows
-- read. A filter `doc_id IN (...)` on document_texts decompressed the text of every vector holding a wanted row
-- (2,048 texts each): 0.4-4.7 s CPU for 5-100 candidates at a million documents, against 0.04-0.2 s by rows.
-- The publication time comes as microseconds since the epoch (UTC): fetching a TIMESTAMPTZ makes the
-- Python client try to import pytz on every call (0.6 ms each, measured).
WITH d AS (
    SELECT doc_id, title, epoch_us(published_at) AS published_us, source_id, content_hash,
           COALESCE(story_id, 's-' || doc_id) AS story_id
    FROM ({docs})
), t AS (
    SELECT doc_id, text FROM ({texts})
)
SELECT d.doc_id, d.title, t.text, d.published_us, d.source_id, d.content_hash, d.story_id
FROM d LEFT JOIN t USING (doc_id);

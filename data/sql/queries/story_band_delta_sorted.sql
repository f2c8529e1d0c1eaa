-- The delta's band rows sorted by band key, each with its document's number in the next base: /*BASE_DOCS*/ (an
-- integer, pipeline.story_store) plus the document's position in story_band_delta_ids.sql.
WITH ids AS (
    SELECT doc_id, (row_number() OVER (ORDER BY doc_id) - 1 + /*BASE_DOCS*/)::UINTEGER AS idx
    FROM (SELECT doc_id FROM story_bands UNION SELECT doc_id FROM paragraph_docs)
)
SELECT b.band_key, i.idx
FROM story_bands b JOIN ids i USING (doc_id)
ORDER BY b.band_key;

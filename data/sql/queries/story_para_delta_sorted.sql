-- The delta's paragraph rows sorted by paragraph hash, each with its document's number in the next base (as
-- story_band_delta_sorted.sql), its outlet and its publication day (days since 2000-01-01; NULL: undated).
WITH ids AS (
    SELECT doc_id, (row_number() OVER (ORDER BY doc_id) - 1 + /*BASE_DOCS*/)::UINTEGER AS idx
    FROM (SELECT doc_id FROM story_bands UNION SELECT doc_id FROM paragraph_docs)
)
SELECT p.para_hash, i.idx, p.source_id, (p.published_date - DATE '2000-01-01')::INTEGER AS day
FROM paragraph_docs p JOIN ids i USING (doc_id)
ORDER BY p.para_hash;

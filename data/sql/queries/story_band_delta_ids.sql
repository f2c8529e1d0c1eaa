-- The documents of the delta (band rows and paragraph rows), in the order that numbers them in the next base
-- (story_band_delta_sorted.sql, story_para_delta_sorted.sql).
SELECT doc_id FROM (SELECT doc_id FROM story_bands UNION SELECT doc_id FROM paragraph_docs) ORDER BY doc_id;

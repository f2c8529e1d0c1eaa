-- The documents of the delta, in the order that numbers them in the next base (story_band_delta_sorted.sql).
SELECT DISTINCT doc_id FROM story_bands ORDER BY doc_id;

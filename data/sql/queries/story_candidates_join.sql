-- Stored documents in the delta of the candidate index (story_bands, no index: at most MERGE_ROWS rows) sharing
-- a band key with the registered table _probe(band_key); the base is probed in files (pipeline.story_bandfile).
SELECT b.band_key, b.doc_id
FROM story_bands b
JOIN _probe p ON p.band_key = b.band_key;

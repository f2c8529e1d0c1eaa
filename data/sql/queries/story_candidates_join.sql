-- Stored documents in the delta of the story index (story_bands, no index: at most MERGE_ROWS rows) sharing a
-- band key with the batch (table story_probe, story_probe_fill.sql); the base is probed in files
-- (pipeline.story_bandfile).
SELECT b.band_key, b.doc_id
FROM story_bands b
JOIN story_probe p ON p.band_key = b.band_key;

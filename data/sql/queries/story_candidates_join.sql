-- Large batches: stored documents sharing a band key with the registered table _probe(band_key).
SELECT b.band_key, b.doc_id
FROM story_bands b
JOIN _probe p ON p.band_key = b.band_key;

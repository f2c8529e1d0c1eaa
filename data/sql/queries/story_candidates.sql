-- Stored documents sharing an LSH band key with a new document. /*KEYS*/ is replaced by a list of integers
-- (pipeline.story_store.int_list): DuckDB 1.5 answers a constant IN list from the ART index story_bands_key
-- (about 1 ms), but scans the whole table for a bound list parameter.
SELECT band_key, doc_id
FROM story_bands
WHERE band_key IN (/*KEYS*/);

-- The delta of the story index probed for a batch's band keys and paragraph hashes at once (table story_probe
-- holds both, story_probe_fill.sql): kind 0, band rows (key, doc_id); kind 1, paragraph occurrences (key, outlet,
-- WINDOW_DAYS period, /*WINDOW*/ an integer) as story_candidates_join.sql and story_boilerplate.sql give them.
-- pipeline.story_store.DuckLookup.prefetch keeps the rows of each kind whose key it asked for that kind.
SELECT 0 AS kind, b.band_key AS key, b.doc_id, NULL::VARCHAR AS source_id, NULL::BIGINT AS period
FROM story_bands b
JOIN story_probe p ON p.band_key = b.band_key
UNION ALL
SELECT 1, x.para_hash, NULL, x.source_id, (x.published_date - DATE '2000-01-01') // /*WINDOW*/
FROM paragraph_docs x
JOIN story_probe p ON p.band_key = x.para_hash;

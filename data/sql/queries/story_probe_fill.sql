-- The keys a batch looks up in the delta of the story index, from the registered table _keys(band_key), as a
-- temporary table the delta is joined with: joined directly, DuckDB pushes the join's min/max filter into the
-- Arrow scan, which fails for keys of 2^63 and above (pyarrow converts them to a C long).
CREATE TEMP TABLE IF NOT EXISTS story_probe (band_key UBIGINT);
DELETE FROM story_probe;
INSERT INTO story_probe SELECT band_key FROM _keys;

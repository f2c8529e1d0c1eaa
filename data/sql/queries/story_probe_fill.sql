-- The table of keys a batch looks up in the delta of the story index (pipeline.story_store._probe_delta fills it
-- from an Arrow table). Joined with a registered Arrow table directly, DuckDB pushes the join's min/max filter
-- into the Arrow scan, which fails for keys of 2^63 and above (pyarrow converts them to a C long).
CREATE TEMP TABLE IF NOT EXISTS story_probe (band_key UBIGINT);
DELETE FROM story_probe;

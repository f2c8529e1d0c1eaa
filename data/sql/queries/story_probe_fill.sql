-- The table of keys a batch looks up in the delta of the story index, filled from the Arrow table registered as
-- _probe_keys (pipeline.story_store._probe_delta runs these statements and the join in one call: about 3 ms
-- less per probe than a separate relation insert). Joined with a registered Arrow table directly, DuckDB
-- pushes the join's min/max filter into the Arrow scan, which fails for keys of 2^63 and above (pyarrow
-- converts them to a C long); a plain INSERT ... SELECT reads it without a filter.
CREATE TEMP TABLE IF NOT EXISTS story_probe (band_key UBIGINT);
DELETE FROM story_probe;
INSERT INTO story_probe SELECT band_key FROM _probe_keys;

-- The keys a batch looks up in the delta of the story index, as relation story_probe (band_key UBIGINT) for the
-- statement that follows it (pipeline.story_store._probe_delta puts this CTE before it: one statement per probe).
-- The keys come in the Arrow table registered as _probe_keys with their top bit flipped, as BIGINT (k), and are
-- flipped back here. Joined with a UBIGINT Arrow column directly, DuckDB pushes the join's min/max filter into the
-- Arrow scan, which fails for keys of 2^63 and above (pyarrow converts them to a C long); a BIGINT column holds
-- every flipped key. (A temporary table filled before each probe cost three statements more: 1-8 ms a probe.)
WITH story_probe AS (
    SELECT (k::HUGEINT + 9223372036854775808)::UBIGINT AS band_key FROM _probe_keys
)

-- Each finished run's kind and the derivation it recorded (pipeline.reuse.derivation; NULL: a run from before it,
-- or not finished: its documents go the full way on the next reprocess).
SELECT run_id, kind, json_extract_string(summary_json, '$.derivation') AS derivation
FROM crawl_runs

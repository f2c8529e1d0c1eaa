-- Sources that could not be monitored for a period ($1 = the period's first day, in Vietnam): no successful
-- run on or after that day (a later run, e.g. a backfill, still collects the period), so never run or every
-- run failed; with the number of runs and the last error.
WITH runs AS (
    SELECT h.*, CAST(timezone('Asia/Ho_Chi_Minh', h.checked_at) AS DATE) AS run_date
    FROM source_health_log h
),
per_source AS (
    SELECT source_id,
           COUNT(*) AS runs,
           COUNT(*) FILTER (WHERE items_found > 0 OR pages_fetched > 0 OR COALESCE(not_modified, 0) > 0) AS ok_runs,
           arg_max(last_error, checked_at) FILTER (WHERE last_error IS NOT NULL) AS last_error
    FROM runs
    WHERE run_date >= $1::DATE
    GROUP BY source_id
)
SELECT s.source_id, s.name, s.kind, s.scope, COALESCE(p.runs, 0) AS runs, p.last_error
FROM sources s
LEFT JOIN per_source p ON p.source_id = s.source_id
WHERE COALESCE(p.ok_runs, 0) = 0
ORDER BY s.source_id;

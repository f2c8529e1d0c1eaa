-- Whether the coverage file's pre-aggregated report answers for this plan as of this date ($1 = as_of DATE,
-- $2 = plan_id): one row (outside_total) when as_of is on or after the plan's latest dated counted or pending
-- row (pipeline/coverage_file.py keeps report_final_meta); no row otherwise.
SELECT outside_total
FROM report_final_meta
WHERE plan_id = $2 AND (max_published IS NULL OR max_published <= $1::DATE);

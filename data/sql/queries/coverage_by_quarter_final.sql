-- coverage_by_quarter.sql from the coverage file's pre-aggregated rows ($1 = plan_id; see
-- coverage_report_final.sql for when they apply).
SELECT activity, format, quarter, actual
FROM report_final_quarter
WHERE plan_id = $1
ORDER BY 1, 2, 3;

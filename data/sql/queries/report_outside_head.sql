-- The first items of report_outside_window.sql, in its order, from the coverage file's pre-computed head
-- ($1 = plan_id, $2 = how many; see coverage_report_final.sql for when it applies).
SELECT * EXCLUDE (plan_id, pos)
FROM report_outside_head
WHERE plan_id = $1
ORDER BY pos
LIMIT $2;

-- How many items report_outside_window.sql lists ($1 = as_of DATE, $2 = plan_id).
SELECT count(*)
FROM matches m
WHERE m.plan_id = $2
  AND m.status IN ('confirmed', 'pending')
  AND m.published_date IS NOT NULL
  AND m.published_date <= $1::DATE
  AND NOT COALESCE(m.in_window, FALSE);

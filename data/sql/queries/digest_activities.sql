-- Activities of a plan with their wording, for the digest's section labels ($1 = plan_id).
SELECT activity_id, line, content, form, timing, window_start, window_end
FROM activities
WHERE plan_id = $1
ORDER BY activity_id;

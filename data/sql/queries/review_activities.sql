-- Activity lines of every plan: ids, wording and windows (for choices, windows and highlighting).
SELECT plan_id, activity_id, line, content, form, window_start, window_end
FROM activities
ORDER BY plan_id, activity_id;

-- Items confirmed or pending for a plan whose publication date falls outside their activity's window
-- ($1 = as_of DATE, $2 = plan_id): never counted, never pending work for a target; shown apart with the reason.
-- Items published after as_of are left out (they do not exist yet for that date).
SELECT m.doc_id, m.story_id, m.title, m.url, m.source_id, m.activity, m.format, m.status,
       m.published_date, m.window_start, m.window_end, m.decided_by,
       CASE
           WHEN m.activity IS NULL THEN 'no_activity'
           WHEN m.window_start IS NULL THEN 'unknown_activity'
           WHEN m.published_date < m.window_start THEN 'before_window'
           ELSE 'after_window'
       END AS reason
FROM matches m
WHERE m.plan_id = $2
  AND m.status IN ('confirmed', 'pending')
  AND m.published_date IS NOT NULL
  AND m.published_date <= $1::DATE
  AND NOT COALESCE(m.in_window, FALSE)
ORDER BY m.status DESC, m.activity NULLS LAST, m.format, m.published_date, m.doc_id;  -- pending first

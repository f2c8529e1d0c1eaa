-- Items of a plan that are tagged but not counted as of a date ($1 = as_of DATE, $2 = plan_id): pending
-- ones, confirmed ones that do not count (outside the window, undated, a format the activity did not plan),
-- and those a reviewer rejected. `planned` is NULL when the activity planned nothing in that format.
SELECT m.doc_id, m.story_id, m.status, m.activity, m.format, m.title, m.url, m.source_id,
       COALESCE(s.name, m.source_id) AS outlet, m.published_date, m.window_start, m.window_end, m.in_window,
       m.decided_by, m.decided_at, m.score, m.review_note, p.planned
FROM matches m
LEFT JOIN sources s ON s.source_id = m.source_id
LEFT JOIN planned_counts p ON p.plan_id = m.plan_id AND p.activity_id = m.activity AND p.format = m.format
WHERE m.plan_id = $2
  AND (m.published_date IS NULL OR m.published_date <= $1::DATE)
  AND m.doc_id NOT IN (SELECT doc_id FROM counted_copies_as_of($1::DATE) WHERE plan_id = $2)
ORDER BY m.status, m.activity NULLS LAST, m.format, m.published_date NULLS LAST, m.doc_id;

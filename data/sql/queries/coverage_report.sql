-- Rows of `planwatch report`: coverage of one plan as of a date ($1 = as_of DATE, $2 = plan_id).
SELECT c.activity, c.format, c.planned, c.actual, c.pending_review,
       c.window_start, c.window_end, c.status, s.label_vi AS status_vi,
       f.label_vi AS format_vi, c.expected_by_now, c.share_elapsed, c.documents, c.outlets, c.timing
FROM coverage_as_of($1::DATE) c
LEFT JOIN status_labels s ON s.status = c.status
LEFT JOIN format_labels f ON f.format = c.format
WHERE c.plan_id = $2
ORDER BY c.activity, c.format;

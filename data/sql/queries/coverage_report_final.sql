-- Rows of `planwatch report` from the coverage file's pre-aggregated counts (report_final, kept by
-- pipeline/coverage_file.py at each publish): the same columns and rules as coverage_report.sql, used when
-- as_of is on or after every dated counted or pending row of the plan (then no count depends on as_of,
-- only the status does). $1 = as_of DATE, $2 = plan_id.
WITH base AS (
    SELECT p.activity_id AS activity, p.format, p.planned,
           COALESCE(f.actual, 0) AS actual,
           COALESCE(f.documents, 0) AS documents,
           COALESCE(f.outlets, 0) AS outlets,
           COALESCE(f.pending_review, 0) AS pending_review,
           a.window_start, a.window_end, a.timing,
           $1::DATE AS as_of,
           coverage_share($1::DATE, a.window_start, a.window_end) AS share_elapsed
    FROM planned_counts p
    JOIN activities a USING (plan_id, activity_id)
    LEFT JOIN report_final f ON f.plan_id = p.plan_id AND f.activity = p.activity_id AND f.format = p.format
    WHERE p.plan_id = $2
),
c AS (
    SELECT *,
           round(planned * share_elapsed, 2) AS expected_by_now,
           coverage_status(as_of, window_start, window_end, planned, actual, share_elapsed) AS status
    FROM base
)
SELECT c.activity, c.format, c.planned, c.actual, c.pending_review,
       c.window_start, c.window_end, c.status, s.label_vi AS status_vi,
       f.label_vi AS format_vi, c.expected_by_now, c.share_elapsed, c.documents, c.outlets, c.timing
FROM c
LEFT JOIN status_labels s ON s.status = c.status
LEFT JOIN format_labels f ON f.format = c.format
ORDER BY c.activity, c.format;

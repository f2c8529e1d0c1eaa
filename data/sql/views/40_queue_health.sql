-- review_queue: items waiting for a person, most urgent first (window end closest, score nearest the line).
CREATE OR REPLACE VIEW review_queue AS
SELECT
    substr(md5(m.doc_id || '|' || m.plan_id), 1, 12) AS id,
    m.doc_id, m.plan_id, m.title, m.url, m.source_id,
    s.name AS source_name, s.province_historical, s.province_current,
    m.published_at, m.published_date, m.date_source, m.date_confidence,
    m.suggested_activity, m.activity, m.format, m.score, m.review_reasons,
    m.classifier_version, m.classified_at,
    a.window_end,
    date_diff('day', m.published_date, a.window_end) AS days_to_window_end
FROM matches m
LEFT JOIN sources s ON s.source_id = m.source_id
LEFT JOIN activities a ON a.plan_id = m.plan_id AND a.activity_id = m.suggested_activity
WHERE m.status = 'pending'
ORDER BY abs(COALESCE(date_diff('day', m.published_date, a.window_end), 9999)) ASC,
         abs(m.score - 0.5) ASC, m.source_id, m.doc_id;

-- source_health: per source, its latest run and how long it has been silent. A run "succeeds" for a
-- source when discovery found items (new or already stored) or a page was fetched. A real-web state of the
-- latest run (problem) is the health, named in Vietnamese with the next step (problem_vi, next_step_vi).
CREATE OR REPLACE VIEW source_health AS
WITH ranked AS (
    SELECT h.*, row_number() OVER (PARTITION BY source_id ORDER BY checked_at DESC) AS rn
    FROM source_health_log h
),
silent AS (
    SELECT source_id,
           COUNT(*) FILTER (WHERE last_found IS NULL OR checked_at > last_found) AS silent_runs
    FROM (SELECT source_id, checked_at,
                 max(checked_at) FILTER (WHERE items_found > 0) OVER (PARTITION BY source_id) AS last_found
          FROM source_health_log)
    GROUP BY source_id
)
SELECT s.source_id, s.name, s.kind, s.scope, s.province_historical, s.province_current,
       l.checked_at AS last_run_at, l.items_found, l.pages_fetched, l.errors, l.layout_misses, l.last_error,
       (SELECT max(checked_at) FROM source_health_log x
        WHERE x.source_id = s.source_id
          AND (x.items_found > 0 OR x.pages_fetched > 0 OR x.not_modified > 0)) AS last_success_at,
       COALESCE(si.silent_runs, 0) AS silent_runs,
       l.problem, l.problem_detail,
       replace(pl.label_vi, '{chi_tiet}', COALESCE(
           strftime(TRY_CAST(l.problem_detail AS DATE), '%d/%m/%Y'), l.problem_detail, '')) AS problem_vi,
       pl.next_step_vi,
       CASE
           WHEN l.run_id IS NULL THEN 'never_crawled'
           -- a real-web state (blocked, js_challenge, feed_html, sitemap_stale, listing_repeats) is never 'ok'
           WHEN l.problem IS NOT NULL THEN l.problem
           -- failing: errors, no page fetched, and either new items were found (none could be fetched) or
           -- discovery itself got nothing (no item, no 304). A quiet night (all items already stored, or
           -- feeds answering 304) with a passing error is not a failure.
           WHEN l.errors > 0 AND l.pages_fetched = 0
                AND (l.items_found - COALESCE(l.skipped_known, 0) > 0
                     OR (l.items_found = 0 AND COALESCE(l.not_modified, 0) = 0)) THEN 'failing'
           WHEN COALESCE(si.silent_runs, 0) >= 3 THEN 'silent'
           WHEN l.layout_misses > 0 THEN 'layout_changed'
           -- never 'ok' with a current error (a passing 503, robots disallowing a path, a feed warning)
           WHEN l.errors > 0 OR NULLIF(trim(l.last_error), '') IS NOT NULL THEN 'warning'
           ELSE 'ok'
       END AS health
FROM sources s
LEFT JOIN ranked l ON l.source_id = s.source_id AND l.rn = 1
LEFT JOIN silent si ON si.source_id = s.source_id
LEFT JOIN health_problem_labels pl ON pl.problem = l.problem;

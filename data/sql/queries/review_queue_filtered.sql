-- The grouped queue (review_queue_now, made by review_queue_groups) as a page's filters accept it: a table macro
-- that review_queue_page, review_queue_key and review_queue_around read, so the filters are written once.
-- f_plan, f_activity; f_sources: accepted source ids; f_provinces: source ids whose province matches; f_from,
-- f_to: published dates. NULL = no filter (callers pass typed parameters: $1::VARCHAR, $3::VARCHAR[], $5::DATE).
CREATE OR REPLACE TEMP MACRO review_queue_filtered(f_plan, f_activity, f_sources, f_provinces, f_from, f_to) AS TABLE
SELECT *
FROM review_queue_now
WHERE (f_plan IS NULL OR plan_id = f_plan)
  AND (f_activity IS NULL OR activity = f_activity)
  AND (f_sources IS NULL OR list_contains(f_sources, source_id))
  AND (f_provinces IS NULL OR list_contains(f_provinces, source_id))
  AND (f_from IS NULL OR published_date >= f_from)
  AND (f_to IS NULL OR published_date <= f_to);

-- The whole grouped queue (review_queue_groups first), each representative's exported fields, in queue
-- order, for `review export`, which reads it in chunks (joining view review_items again ran out of the
-- reader's memory at 1M documents).
SELECT rep_id AS id, doc_id, plan_id, activity, format, published_date, title, url, source_id, source_name,
       province_historical, province_current, date_source, suggested_activity, score, k1, k2, k3, k4, k5
FROM review_queue_now
ORDER BY k1, k2, k3, k4, k5, plan_id;

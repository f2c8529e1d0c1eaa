-- The queue's filter choices and size (review_queue_groups first): every outlet and province of an item's
-- representative, and how many items there are.
SELECT source_id, source_name, province_historical, province_current, count(*) AS items
FROM review_queue_now
GROUP BY ALL;

-- The sort key (k1..k5, plan_id) of the queue item whose representative is $7, if the filters $1..$6 of
-- review_queue_page accept it (review_queue_groups first).
SELECT k1, k2, k3, k4, k5, plan_id
FROM review_queue_now
WHERE rep_id = $7
  AND ($1::VARCHAR IS NULL OR plan_id = $1)
  AND ($2::VARCHAR IS NULL OR activity = $2)
  AND ($3::VARCHAR[] IS NULL OR list_contains($3, source_id))
  AND ($4::VARCHAR[] IS NULL OR list_contains($4, source_id))
  AND ($5::DATE IS NULL OR published_date >= $5)
  AND ($6::DATE IS NULL OR published_date <= $6);

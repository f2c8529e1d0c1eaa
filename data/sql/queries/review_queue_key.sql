-- The sort key (k1..k5, plan_id) of the queue item whose representative is $7, if the filters $1..$6 of
-- review_queue_page accept it (review_queue_groups and review_queue_filtered first).
SELECT k1, k2, k3, k4, k5, plan_id
FROM review_queue_filtered($1::VARCHAR, $2::VARCHAR, $3::VARCHAR[], $4::VARCHAR[], $5::DATE, $6::DATE)
WHERE rep_id = $7;

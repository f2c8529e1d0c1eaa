-- One page of the review queue (review_queue_groups and review_queue_filtered first): the representatives'
-- queue ids and sort keys, most urgent first, of the items the filters accept. $1 plan, $2 activity, $3 accepted source ids
-- (VARCHAR[]), $4 source ids whose province matches (VARCHAR[]), $5 from, $6 to (each NULL = no filter),
-- $7 how many rows. Also the number of accepted items (filtered) on every row, and the story.
SELECT rep_id, k1, k2, k3, k4, k5, plan_id, count(*) OVER () AS filtered, skey
FROM review_queue_filtered($1::VARCHAR, $2::VARCHAR, $3::VARCHAR[], $4::VARCHAR[], $5::DATE, $6::DATE)
ORDER BY k1, k2, k3, k4, k5, plan_id
LIMIT $7;

-- One page of the review queue (review_queue_groups first): the representatives' queue ids and sort keys,
-- most urgent first, of the items the filters accept. $1 plan, $2 activity, $3 accepted source ids
-- (VARCHAR[]), $4 source ids whose province matches (VARCHAR[]), $5 from, $6 to (each NULL = no filter),
-- $7 how many rows. Also the number of accepted items (filtered) on every row, and the story.
SELECT rep_id, k1, k2, k3, k4, k5, plan_id, count(*) OVER () AS filtered, skey
FROM review_queue_now
WHERE ($1::VARCHAR IS NULL OR plan_id = $1)
  AND ($2::VARCHAR IS NULL OR activity = $2)
  AND ($3::VARCHAR[] IS NULL OR list_contains($3, source_id))
  AND ($4::VARCHAR[] IS NULL OR list_contains($4, source_id))
  AND ($5::DATE IS NULL OR published_date >= $5)
  AND ($6::DATE IS NULL OR published_date <= $6)
ORDER BY k1, k2, k3, k4, k5, plan_id
LIMIT $7;

-- An item's neighbours in the filtered queue (review_queue_groups and review_queue_filtered first), for the item page: how many
-- accepted items come before the sort key ($7..$12: k1..k5, plan_id), the one just before, the one just
-- after. $1..$6: the filters of review_queue_page.
WITH f AS (
    SELECT rep_id, (k1, k2, k3, k4, k5, plan_id) AS k
    FROM review_queue_filtered($1::VARCHAR, $2::VARCHAR, $3::VARCHAR[], $4::VARCHAR[], $5::DATE, $6::DATE)
), me AS (SELECT ($7::BIGINT, $8::DOUBLE, $9::INTEGER, $10::VARCHAR, $11::VARCHAR, $12::VARCHAR) AS k)
SELECT count(*) FILTER (WHERE f.k < me.k)                    AS before,
       arg_max(f.rep_id, f.k) FILTER (WHERE f.k < me.k)      AS prev_id,
       arg_min(f.rep_id, f.k) FILTER (WHERE f.k > me.k)      AS next_id
FROM f, me;

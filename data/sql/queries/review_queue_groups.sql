-- The review queue as the snapshot holds it, one row per (story, plan) with a pending copy, into a temp
-- table the page then reads a page of (review_queue_page) and counts (review_queue_counts) in SQL, so that
-- a reviewer's page never pulls the whole queue into Python. $1 (VARCHAR[]): story keys touched by journal
-- decisions not yet in the snapshot; pipeline.review.queue derives those stories in Python (overlay).
-- $2 activity, $3 source ids (VARCHAR[]), $4 source ids whose province matches (VARCHAR[]), $5 published
-- from, $6 published to, $7 plan: only pending copies these accept count (the filters of `review export`
-- and `review list`, as pipeline.review.queue.story_items applies them per copy); NULL = no filter.
-- rep_*: the story's representative, its earliest published pending copy (then doc_id), as
-- pipeline.review.queue.story_items picks it; k1..k5: the smallest queue sort key of its pending copies
-- (overlay.queue_sort_key: window distance, score distance, main outlets first, outlet id, doc_id).
CREATE OR REPLACE TEMP TABLE review_queue_now AS
WITH pend AS (
    SELECT id, doc_id, plan_id, story_id AS skey, source_id, source_name, province_historical,
           province_current, published_date, activity, title, url, date_source, suggested_activity, score,
           format,
           COALESCE(window_distance, 9999)                              AS k1,
           COALESCE(score_distance, 1.0)                                AS k2,
           CASE WHEN main_outlet THEN 0 ELSE 1 END                      AS k3,
           COALESCE(source_id, '')                                      AS k4,
           doc_id                                                       AS k5
    FROM review_items
    WHERE status = 'pending' AND NOT list_contains($1::VARCHAR[], story_id)
      AND ($2::VARCHAR IS NULL OR activity = $2)
      AND ($3::VARCHAR[] IS NULL OR list_contains($3, source_id))
      AND ($4::VARCHAR[] IS NULL OR list_contains($4, source_id))
      AND ($5::DATE IS NULL OR published_date >= $5)
      AND ($6::DATE IS NULL OR published_date <= $6)
      AND ($7::VARCHAR IS NULL OR plan_id = $7)
),
groups AS (
    SELECT skey, plan_id,
           min({'k1': k1, 'k2': k2, 'k3': k3, 'k4': k4, 'k5': k5})    AS k,
           arg_min(id, {'undated': published_date IS NULL,
                        'day': COALESCE(published_date, DATE '9999-12-31'), 'doc': doc_id}) AS rep_id
    FROM pend
    GROUP BY skey, plan_id
)
SELECT g.skey, g.plan_id, g.rep_id, g.k.k1 AS k1, g.k.k2 AS k2, g.k.k3 AS k3, g.k.k4 AS k4, g.k.k5 AS k5,
       p.source_id, p.source_name, p.province_historical, p.province_current, p.published_date, p.activity,
       p.doc_id, p.title, p.url, p.date_source, p.suggested_activity, p.score, p.format
FROM groups g
JOIN pend p ON p.id = g.rep_id;

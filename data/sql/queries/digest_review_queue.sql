-- The plan's review queue as it stands in the snapshot, most urgent first ($1 = plan_id), in the queue's
-- own order (view review_queue: window distance, distance to the accept line, main outlets first, outlet,
-- doc). One line per story, as `planwatch review list` shows it: its earliest published pending copy, ranked by
-- its most urgent copy, with how many of its copies wait (copies).
-- Read from `matches` (the lake keeps it as a table) for this plan's pending rows only: view review_queue ranks
-- every plan's pending item through review_items, which joins every document and classification (4.5 s CPU and
-- 1.1 GB at a million documents for the digest). The same rows: review_items' pending rows are matches' (both
-- are all_tagging), and its window is the activity's, COALESCE(activity, suggested_activity) = activity for a
-- pending row (both come from the same classification). Ranked within the plan, which orders a plan's items as
-- the queue's global rank does (doc_id makes the order total); story_rank is that rank within the plan.
WITH q AS (
    SELECT substr(md5(m.doc_id || '|' || m.plan_id), 1, 12)             AS id,
           m.doc_id, m.title, m.url, m.source_id, s.name AS source_name, m.published_date,
           m.suggested_activity, m.format, m.score, m.classified_at, m.story_id,
           row_number() OVER (ORDER BY
               COALESCE(abs(date_diff('day', m.published_date, m.window_end)), 9999),
               abs(m.score - review_score_line()),
               EXISTS (SELECT 1 FROM plan_channels pc
                       WHERE pc.plan_id = m.plan_id AND pc.tier = 'main'
                         AND list_contains(pc.source_ids, m.source_id)) DESC,
               m.source_id, m.doc_id)                                    AS queue_rank
    FROM matches m
    LEFT JOIN sources s ON s.source_id = m.source_id
    WHERE m.plan_id = $1 AND m.status = 'pending'
)
SELECT q.id, q.doc_id, q.title, q.url, q.source_id, COALESCE(q.source_name, q.source_id) AS outlet,
       q.published_date, q.suggested_activity, q.format, q.score, q.classified_at,
       count(*) OVER story AS copies, min(q.queue_rank) OVER story AS story_rank
FROM q
WINDOW story AS (PARTITION BY q.story_id)
QUALIFY row_number() OVER (PARTITION BY q.story_id ORDER BY q.published_date NULLS LAST, q.doc_id) = 1
ORDER BY story_rank;

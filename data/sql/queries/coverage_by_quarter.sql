-- Counted stories per activity, format and quarter of publication ($1 = as_of DATE, $2 = plan_id).
-- A story counts once, in the quarter of its first counted copy, so the quarters add up to `actual`
-- (a copy reprinted in the next quarter is not a second story).
SELECT activity, format,
       year(first_published) || '-Q' || quarter(first_published) AS quarter,
       COUNT(*) AS actual
FROM (
    SELECT m.activity, m.format, m.story_id, min(m.published_date) AS first_published
    FROM matches m
    WHERE m.plan_id = $2 AND m.status = 'confirmed' AND m.in_window AND m.published_date <= $1::DATE
    GROUP BY m.activity, m.format, m.story_id
)
GROUP BY ALL
ORDER BY 1, 2, 3;

-- Counted stories per activity, format and quarter of publication ($1 = as_of DATE, $2 = plan_id).
-- A story counts once, in the quarter of its first counted copy, so the quarters add up to `actual`
-- (a copy reprinted in the next quarter is not a second story).
SELECT activity, format,
       year(first_published) || '-Q' || quarter(first_published) AS quarter,
       COUNT(*) AS actual
FROM (
    SELECT c.activity, c.format, c.story_id, min(c.published_date) AS first_published
    FROM counted_copies_as_of($1::DATE) c
    WHERE c.plan_id = $2
    GROUP BY c.activity, c.format, c.story_id
)
GROUP BY ALL
ORDER BY 1, 2, 3;

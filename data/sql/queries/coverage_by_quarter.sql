-- Counted stories per activity, format and quarter of publication ($1 = as_of DATE, $2 = plan_id).
SELECT m.activity, m.format,
       year(m.published_date) || '-Q' || quarter(m.published_date) AS quarter,
       COUNT(DISTINCT m.story_id) AS actual
FROM matches m
WHERE m.plan_id = $2 AND m.status = 'confirmed' AND m.in_window AND m.published_date <= $1::DATE
GROUP BY ALL
ORDER BY 1, 2, 3;

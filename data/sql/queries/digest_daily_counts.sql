-- Counted stories per format and day of first publication, for the cumulative chart
-- ($1 = plan_id, $2 = as_of DATE). Same rule as coverage_as_of: a story counts once per activity and format.
SELECT format, first_published AS day, COUNT(*) AS stories
FROM (
    SELECT activity, format, story_id, min(published_date) AS first_published
    FROM matches
    WHERE plan_id = $1 AND status = 'confirmed' AND in_window AND published_date <= $2::DATE
    GROUP BY activity, format, story_id
)
GROUP BY format, first_published
ORDER BY format, first_published;

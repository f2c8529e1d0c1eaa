-- Counted stories per activity, format and day of first publication, for the cumulative chart
-- ($1 = plan_id, $2 = as_of DATE). Same rule as coverage_as_of: a story counts once, under one tagging.
-- The digest caps each activity x format at its plan (a surplus never fills another target's gap).
SELECT activity, format, first_published AS day, COUNT(*) AS stories
FROM (
    SELECT activity, format, story_id, min(published_date) AS first_published
    FROM counted_copies_as_of($2::DATE)
    WHERE plan_id = $1
    GROUP BY activity, format, story_id
)
GROUP BY activity, format, first_published
ORDER BY format, first_published, activity;

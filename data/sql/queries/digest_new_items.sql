-- Stories newly confirmed in an ISO week ($1 = plan_id, $2 = week start (Monday), $3 = week end (Sunday)).
-- Only counted stories: confirmed, published inside the activity window and not after the week's end.
-- A story is new in the week when
--   (a) its first counted copy was published in the week, or
--   (b) it was published before the week and first confirmed in the week (a late find or a late review).
-- "Confirmed on" = the earliest of the first auto-accept and the reviewer's confirmation, as a local date
-- (Asia/Ho_Chi_Minh). Rule (b) catches live late finds; rule (a) makes a backfilled past week meaningful.
WITH first_accept AS (
    SELECT doc_id, plan_id, min(classified_at) AS first_accepted_at
    FROM classifications
    WHERE decision = 'accept'
    GROUP BY doc_id, plan_id
),
counted AS (
    SELECT m.doc_id, m.activity, m.format, m.story_id, m.published_date, m.title, m.url, m.source_id,
           m.decided_by,
           CAST(timezone('Asia/Ho_Chi_Minh',
                CASE WHEN m.decided_by LIKE 'reviewer:%'
                     THEN least(m.decided_at, COALESCE(fa.first_accepted_at, m.decided_at))
                     ELSE COALESCE(fa.first_accepted_at, m.classified_at) END) AS DATE) AS confirmed_on
    -- one tagging per story, as the report counts it (counted_copies_as_of): a story is listed once
    FROM counted_copies_as_of($3::DATE) m
    LEFT JOIN first_accept fa ON fa.doc_id = m.doc_id AND fa.plan_id = m.plan_id
    WHERE m.plan_id = $1
),
stories AS (
    SELECT c.activity, c.format, c.story_id,
           min(c.published_date) AS published_date,
           min(c.confirmed_on) AS confirmed_on,
           arg_min(c.title, c.published_date) AS title,
           arg_min(c.url, c.published_date) AS url,
           list(DISTINCT COALESCE(s.name, c.source_id) ORDER BY COALESCE(s.name, c.source_id)) AS outlets,
           bool_or(c.decided_by LIKE 'reviewer:%') AS reviewed,
           COUNT(*) AS copies
    FROM counted c
    LEFT JOIN sources s ON s.source_id = c.source_id
    GROUP BY c.activity, c.format, c.story_id
)
SELECT activity, format, story_id, published_date, confirmed_on, title, url, outlets, reviewed, copies,
       CASE WHEN published_date BETWEEN $2::DATE AND $3::DATE THEN 'published' ELSE 'confirmed' END AS new_by
FROM stories
WHERE published_date BETWEEN $2::DATE AND $3::DATE
   OR (published_date < $2::DATE AND confirmed_on BETWEEN $2::DATE AND $3::DATE)
ORDER BY published_date, activity, format, title, story_id;

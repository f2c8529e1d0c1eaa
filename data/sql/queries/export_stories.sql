-- Export sheet "stories": one row per story (syndicated copies together) tagged to a plan and not rejected:
-- its tagging, whether it counts today (coverage_items), its copies and outlets.
SELECT m.plan_id, m.story_id,
       arg_min(m.title, m.published_date) AS title,
       min(m.published_date) AS first_published,
       COALESCE(any_value(ci.activity), arg_max(m.activity, m.status = 'confirmed')) AS activity,
       COALESCE(any_value(ci.format), arg_max(m.format, m.status = 'confirmed')) AS format,
       CASE WHEN bool_or(m.status = 'confirmed') THEN 'confirmed' ELSE 'pending' END AS status,
       bool_or(ci.story_id IS NOT NULL) AS counted,
       count(DISTINCT m.doc_id) AS copies,
       string_agg(DISTINCT m.source_id, ', ' ORDER BY m.source_id) AS outlets,
       arg_min(m.url, m.published_date) AS url
FROM matches m
LEFT JOIN coverage_items ci ON ci.plan_id = m.plan_id AND ci.story_id = m.story_id
WHERE m.status IN ('confirmed', 'pending')
GROUP BY m.plan_id, m.story_id
ORDER BY m.plan_id, first_published, m.story_id;

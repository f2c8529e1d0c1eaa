-- The coverage page's drill-down ($1 = as_of DATE, $2 = plan_id): every copy of every story counted as of
-- the date, under its story's activity and format, with its outlet, who confirmed it and its archived bytes.
SELECT c.activity, c.format, c.story_id, c.doc_id, c.title, c.url, c.source_id, s.name AS source_name,
       c.published_date, c.decided_by, c.decided_at, d.raw_sha256
FROM counted_copies_as_of($1::DATE) c
LEFT JOIN sources s ON s.source_id = c.source_id
LEFT JOIN documents d ON d.doc_id = c.doc_id
WHERE c.plan_id = $2
ORDER BY c.activity, c.format, c.story_id, c.published_date, c.doc_id;

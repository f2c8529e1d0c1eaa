-- Every counted copy of a plan as of a date ($1 = as_of DATE, $2 = plan_id), with what proves it: the
-- document, who confirmed it and when, the classifier's evidence, and the fetch that brought its archived
-- body (the latest successful fetch of that body; NULL when the body was never archived).
WITH copies AS (
    SELECT * FROM counted_copies_as_of($1::DATE) WHERE plan_id = $2
),
fetches AS (
    SELECT f.*, row_number() OVER (PARTITION BY f.raw_sha256 ORDER BY f.fetched_at DESC, f.fetch_id) AS rn
    FROM fetch_log f
    WHERE f.raw_sha256 IN (SELECT raw_sha256 FROM documents WHERE doc_id IN (SELECT doc_id FROM copies))
      AND f.status BETWEEN 200 AND 299
)
SELECT c.activity, c.format, c.story_id, c.doc_id, d.url, c.source_id, COALESCE(s.name, c.source_id) AS outlet,
       d.title, d.published_at, c.published_date, c.decided_by, c.decided_at, c.classified_at,
       c.classifier_version, cc.evidence, d.raw_sha256,
       f.fetch_id, f.url AS fetch_url, f.final_url, f.status AS fetch_status, f.fetched_at, f.etag,
       f.last_modified, f.response_headers, f.request_headers, f.protocol
FROM copies c
JOIN documents d ON d.doc_id = c.doc_id
LEFT JOIN sources s ON s.source_id = c.source_id
-- the current classification of the copies only (view current_classifications numbers every classification row of
-- the archive: at a million documents that window ran out of memory under 256 MB and 512 MB, docs/decisions.md 16)
LEFT JOIN (
    SELECT doc_id, plan_id, evidence FROM classifications
    WHERE plan_id = $2 AND doc_id IN (SELECT doc_id FROM copies)
    QUALIFY row_number() OVER (PARTITION BY doc_id, plan_id ORDER BY classified_at DESC, classifier_version DESC) = 1
) cc ON cc.doc_id = c.doc_id AND cc.plan_id = c.plan_id
LEFT JOIN fetches f ON f.raw_sha256 = d.raw_sha256 AND f.rn = 1
ORDER BY c.activity, c.format, c.story_id, c.published_date, c.doc_id;

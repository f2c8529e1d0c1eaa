-- The snapshot's own time: the newest thing it records (a fetch, an extraction, a classification or a
-- review decision). Fixed for a given snapshot, so files built from it carry reproducible timestamps.
SELECT greatest(
    (SELECT max(fetched_at) FROM fetch_log),
    (SELECT max(extracted_at) FROM documents),
    (SELECT max(classified_at) FROM classifications),
    (SELECT max(decided_at) FROM review_decisions)) AS snapshot_time,
    (SELECT list(DISTINCT classifier_version ORDER BY classifier_version) FROM current_classifications
     WHERE plan_id = $1) AS classifier_versions;

-- The stored classifications of a batch's documents (pipeline.ingest._changed_classifications); _ingest_ids as in
-- ingest_first_seen.sql
SELECT doc_id, plan_id, classifier_version, relevant, activity, format, score, decision, reasons, classified_at
FROM classifications WHERE doc_id IN (SELECT doc_id FROM _ingest_ids)

-- The stored classifications of a batch's documents (pipeline.ingest._changed_classifications). {rows}: the rows
-- to read, a SELECT of pipeline.keyfetch.select_by_keys (the doc_id column scanned for the rows' ids, then only
-- their runs read: the other nine columns are not decompressed for a batch of new documents)
SELECT doc_id, plan_id, classifier_version, relevant, activity, format, score, decision, reasons, classified_at
FROM ({rows})

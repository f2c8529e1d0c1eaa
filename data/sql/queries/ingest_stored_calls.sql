-- The stored classifications of a batch's documents (pipeline.ingest._changed_classifications). {rows}: the rows
-- to read, a SELECT of pipeline.keyfetch.select_by_keys (the doc_id column scanned for the rows' ids, then only
-- their runs read: the other nine columns are not decompressed for a batch of new documents). classified_us: the time
-- of the call in microseconds since the epoch (pipeline.ingest makes a datetime of the few it keeps: a TIMESTAMPTZ
-- fetched into Python costs a pytz lookup each, 0.1-0.2 s for a reprocess's 16,530 stored calls)
SELECT doc_id, plan_id, classifier_version, relevant, activity, format, score, decision, reasons,
       epoch_us(classified_at) AS classified_us
FROM ({rows})

-- What the writer needs of a batch's documents already stored (pipeline.ingest.store_documents), read once: when
-- each was first stored, its story and its publication time (microseconds since the epoch, as story_states.sql,
-- which it stands in for), and through its presence that it is stored (keyed_rows' lookup of `documents`); its
-- title, outlet and content hash (pipeline.ingest.same_content: an unchanged content known without its text) and
-- the run that wrote it (a reprocess's kept classification rows, pipeline.reuse). first_seen_us: the first-seen time
-- in microseconds since the epoch too (a TIMESTAMPTZ fetched into Python costs a pytz lookup each: about 10 us a value,
-- pipeline.ingest makes the datetime itself).
-- {rows}: the rows to read, a SELECT of pipeline.keyfetch.select_by_keys (the doc_id column scanned for the rows'
-- ids, then only their runs read: a new batch costs the one column's scan, not each column's).
SELECT doc_id, epoch_us(first_seen_at) AS first_seen_us, COALESCE(story_id, 's-' || doc_id) AS story_id,
       epoch_us(published_at) AS published_us, title, source_id, content_hash, run_id
FROM ({rows});

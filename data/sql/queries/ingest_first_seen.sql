-- When each of a batch's documents was first stored (pipeline.ingest.store_documents); _ingest_ids: the batch's
-- doc ids, an Arrow table registered by the caller (a bound list costs DuckDB two failed imports per value)
SELECT doc_id, first_seen_at FROM documents WHERE doc_id IN (SELECT doc_id FROM _ingest_ids)

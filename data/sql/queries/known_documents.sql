-- Every stored document's raw sha (pipeline.ingest: which pages a run need not extract again, and which documents
-- are new; pipeline.nightly.reprocess reads it on the snapshot connection it already has open).
SELECT doc_id, raw_sha256 FROM documents

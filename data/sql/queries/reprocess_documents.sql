-- The stored documents a reprocess re-extracts (pipeline.nightly.reprocess), read from the snapshot: what the
-- page rows need (final_url: where the stored bytes were served from, after redirects, as the first extraction
-- saw it) and what the digests of pipeline.reuse read of the stored row (the lead through its MD5, the
-- publication time in microseconds since the epoch), with the run that last wrote the document.
SELECT d.doc_id, d.url, d.canonical_url, d.source_id, d.raw_sha256, d.first_seen_at, d.published_at,
       d.date_source, d.date_confidence,
       COALESCE((SELECT f.final_url FROM fetch_log f WHERE f.raw_sha256 = d.raw_sha256
                 AND f.final_url IS NOT NULL ORDER BY f.url = d.url DESC,
                 f.source_id IS NOT DISTINCT FROM d.source_id DESC, f.fetched_at LIMIT 1), d.url) AS final_url,
       d.title, d.content_hash, md5(d.lead) AS lead_md5, epoch_us(d.published_at) AS published_us, d.format,
       d.extraction_quality, d.language, d.run_id
FROM documents d
WHERE d.raw_sha256 IS NOT NULL
ORDER BY d.doc_id

-- One stored document with the fields the classifier reads (`planwatch explain DOC_ID`). Parameter: doc_id.
SELECT d.doc_id AS id, d.title, d.lead, d.text, d.url, d.published_at, d.source_id, s.kind AS source_kind,
       d.format, d.date_confidence, d.extraction_quality, d.language
FROM documents d LEFT JOIN sources s USING (source_id)
WHERE d.doc_id = ?;

-- Stored documents without a classification row for this plan and classifier version (pipeline.reclassify),
-- with the fields the classifier reads. Parameters: plan_id, classifier_version.
SELECT d.doc_id AS id, d.title, d.lead, d.text, d.url, d.published_at, d.source_id, s.kind AS source_kind,
       d.format, d.date_confidence, d.extraction_quality, d.language
FROM documents d LEFT JOIN sources s USING (source_id)
WHERE NOT EXISTS (SELECT 1 FROM classifications c WHERE c.doc_id = d.doc_id
                  AND c.plan_id = ? AND c.classifier_version = ?)
ORDER BY d.doc_id;

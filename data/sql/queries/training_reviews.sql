-- Every live reviewer decision (confirm or reject) of a plan with the document's text, as training items
-- (pipeline.training_data.load_reviews). Parameter: plan_id.
SELECT h.doc_id, h.action, coalesce(h.activity, c.activity) AS activity, d.title, d.lead, d.text,
       d.published_at, d.format, s.kind AS source_kind, d.date_confidence, d.extraction_quality
FROM human_decisions h
JOIN documents d USING (doc_id)
LEFT JOIN sources s USING (source_id)
LEFT JOIN current_classifications c ON c.doc_id = h.doc_id AND c.plan_id = h.plan_id
WHERE h.plan_id = ? AND h.action IN ('confirm', 'reject')
ORDER BY h.doc_id;

-- One reviewable item by queue id or doc_id ($1), with the extracted text and the classifier's evidence.
SELECT r.*, d.lead, d.text
FROM review_items r
JOIN documents d ON d.doc_id = r.doc_id
WHERE r.id = $1 OR r.doc_id = $1
ORDER BY r.plan_id;

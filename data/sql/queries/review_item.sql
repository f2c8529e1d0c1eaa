-- One reviewable item by queue id or doc_id ($1); its text comes from review_item_text (by doc_id).
-- Two equality filters rather than one OR, and the text read by key apart: the OR joined to documents
-- read every item and every text (15 s at 1M documents; this and the text: 5 s).
SELECT * FROM (
    SELECT r.*, CAST(NULL AS VARCHAR) AS lead, CAST(NULL AS VARCHAR) AS text
    FROM review_items r
    WHERE r.id = $1
    UNION ALL
    SELECT r.*, CAST(NULL AS VARCHAR) AS lead, CAST(NULL AS VARCHAR) AS text
    FROM review_items r
    WHERE r.doc_id = $1 AND r.id IS DISTINCT FROM $1
)
ORDER BY plan_id;

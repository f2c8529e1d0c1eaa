-- Representative (earliest published copy) of each story in $1: from `stories`, else from its documents.
WITH wanted AS (SELECT unnest($1::VARCHAR[]) AS story_id),
known AS (
    SELECT s.story_id, s.first_doc_id AS doc_id FROM stories s JOIN wanted w USING (story_id)
    WHERE EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = s.first_doc_id
                  AND COALESCE(d.story_id, 's-' || d.doc_id) = s.story_id)
),
computed AS (
    SELECT COALESCE(d.story_id, 's-' || d.doc_id) AS story_id,
           arg_min(d.doc_id, (d.published_at IS NULL, d.published_at, d.doc_id)) AS doc_id
    FROM documents d
    WHERE COALESCE(d.story_id, 's-' || d.doc_id) IN (SELECT story_id FROM wanted EXCEPT SELECT story_id FROM known)
    GROUP BY 1
)
SELECT story_id, doc_id FROM known
UNION ALL
SELECT story_id, doc_id FROM computed;

-- Representative (earliest published copy) of each story in $1 computed from its documents: for stories the
-- `stories` table does not describe (documents loaded by other means).
SELECT COALESCE(story_id, 's-' || doc_id) AS story_id,
       arg_min(doc_id, (published_at IS NULL, published_at, doc_id)) AS doc_id
FROM documents
WHERE list_contains($1::VARCHAR[], COALESCE(story_id, 's-' || doc_id))
GROUP BY 1;

-- Every document of a story ($1).
SELECT doc_id FROM documents WHERE COALESCE(story_id, 's-' || doc_id) = $1 ORDER BY doc_id;

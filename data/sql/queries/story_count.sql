-- How many stories the warehouse holds.
SELECT count(DISTINCT COALESCE(story_id, 's-' || doc_id)) FROM documents;

-- Set the story of stored documents (registered table _moved(doc_id, story_id)), and its key (migration 016: the
-- CHECK refuses a story_id without it; pipeline/row_keys.py).
UPDATE documents SET story_id = m.story_id,
    story_key = CAST(md5_number_lower(COALESCE(m.story_id, documents.doc_id)) & 4294967295 AS UINTEGER)
FROM _moved m WHERE documents.doc_id = m.doc_id;

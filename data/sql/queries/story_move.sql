-- Set the story of stored documents (registered table _moved(doc_id, story_id)).
UPDATE documents SET story_id = m.story_id FROM _moved m WHERE documents.doc_id = m.doc_id;

-- Representatives of the stories a batch touched (registered table _reps(story_id, first_doc_id, created_at)).
INSERT INTO stories BY NAME SELECT * FROM _reps
ON CONFLICT (story_id) DO UPDATE SET first_doc_id = excluded.first_doc_id;

-- The stories a batch touched that are not stored yet (registered Arrow table _reps(story_id, first_doc_id,
-- created_at)), added; the stored ones are updated by story_upsert_representatives.sql.
-- /*STORED*/: the quoted ids of _reps' stories already stored ('' when none: no story id is empty), or a SELECT of
-- them when many: the INSERT needs no anti-join with every stored story. Not run when every story is stored.
INSERT INTO stories BY NAME SELECT * FROM _reps r WHERE r.story_id NOT IN (/*STORED*/);

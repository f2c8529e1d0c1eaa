-- Representatives of the stories a batch touched (registered table _reps(story_id, first_doc_id, created_at)):
-- a stored story takes its new first document and keeps its created_at; a new one is added. `stories` has no
-- primary key (migration 014): one row per story is kept here. /*STORED*/: the quoted ids of _reps' stories
-- already stored ('' when none: no story id is empty), found by pipeline.story_store.upsert_representatives with
-- one scan of story_id; as constants they filter the UPDATE's scan, and the INSERT needs no anti-join with every
-- stored story.
UPDATE stories SET first_doc_id = r.first_doc_id FROM _reps r
WHERE stories.story_id IN (/*STORED*/) AND stories.story_id = r.story_id
  AND stories.first_doc_id IS DISTINCT FROM r.first_doc_id;
INSERT INTO stories BY NAME SELECT * FROM _reps r WHERE r.story_id NOT IN (/*STORED*/);

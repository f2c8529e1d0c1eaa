-- Representatives of the stories a batch touched (registered Arrow table _reps(story_id, first_doc_id, created_at)):
-- a stored story takes its new first document and keeps its created_at; the new ones are added by
-- story_insert_representatives.sql. `stories` has no primary key (migration 014): one row per story is
-- kept here. /*CHANGED*/: the quoted ids of _reps' stories stored with another first document, found by
-- pipeline.story_store.upsert_representatives with one scan of story_id (or a SELECT of them when many); as
-- constants they filter the UPDATE's scan. Not run when there is none (most batches: a stored story seldom gets an
-- earlier first document).
UPDATE stories SET first_doc_id = r.first_doc_id FROM _reps r
WHERE stories.story_id IN (/*CHANGED*/) AND stories.story_id = r.story_id
  AND stories.first_doc_id IS DISTINCT FROM r.first_doc_id;

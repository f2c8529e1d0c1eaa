-- Every document of several stories (story_members.sql for a list): (story_id, doc_id). /*IDS*/: quoted story
-- ids; /*REPS*/: their representatives' quoted doc ids, or NULL (pipeline.story_store.str_list). One scan of
-- story_id for all of them instead of one per story.
SELECT story_id, doc_id FROM documents WHERE story_id IN (/*IDS*/)
UNION
SELECT 's-' || doc_id AS story_id, doc_id FROM documents WHERE doc_id IN (/*REPS*/) AND story_id IS NULL
ORDER BY story_id, doc_id;

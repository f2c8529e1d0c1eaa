-- Every document whose rows in the base of the story index are stale, with the generation it was dropped in: its
-- rows are stale in every run of the base written in that generation or earlier (pipeline.story_store.merge_bands
-- leaves them out of the runs it writes).
SELECT doc_id, before_generation FROM story_bands_dropped;

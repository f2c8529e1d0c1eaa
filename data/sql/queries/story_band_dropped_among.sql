-- Which of the documents in /*IDS*/ (quoted, pipeline.story_store.str_list) have stale rows in the current base
-- of the candidate index (generation /*GENERATION*/, an integer).
SELECT doc_id FROM story_bands_dropped WHERE doc_id IN (/*IDS*/) AND before_generation >= /*GENERATION*/;

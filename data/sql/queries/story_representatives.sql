-- Representatives of the stories in /*IDS*/ (quoted story ids, pipeline.story_store.str_list), as recorded.
SELECT story_id, first_doc_id FROM stories WHERE story_id IN (/*IDS*/);

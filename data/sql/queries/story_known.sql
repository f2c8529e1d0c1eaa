-- Which of the documents in /*IDS*/ (quoted, pipeline.story_store.str_list) the story index already holds.
SELECT doc_id FROM doc_signatures WHERE doc_id IN (/*IDS*/);

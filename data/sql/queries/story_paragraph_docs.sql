-- Stored documents carrying any paragraph in /*HASHES*/ (integers, pipeline.story_store.int_list): the
-- documents whose boilerplate changed with a batch, evaluated again (pipeline.stories).
SELECT DISTINCT doc_id
FROM paragraph_docs
WHERE para_hash IN (/*HASHES*/);

-- Occurrences of the paragraphs in /*HASHES*/ (integers, pipeline.story_store.int_list), per paragraph and
-- outlet: how many documents, and in which WINDOW_DAYS periods ($1 = WINDOW_DAYS). pipeline.boilerplate
-- applies its rule to these rows (the same code as for an in-memory corpus).
SELECT para_hash, source_id, count(DISTINCT doc_id) AS docs,
       list(DISTINCT (published_date - DATE '2000-01-01') // $1::INTEGER) AS periods
FROM paragraph_docs
WHERE para_hash IN (/*HASHES*/)
GROUP BY para_hash, source_id;

-- Occurrences of the paragraphs in /*HASHES*/ (integers, pipeline.story_store.int_list), per paragraph and
-- outlet: how many documents, and in which WINDOW_DAYS periods (the window is spliced in as an integer by
-- pipeline.story_store: a bound parameter makes the Python client try to import pandas on every call).
-- pipeline.boilerplate applies its rule to these rows (the same code as for an in-memory corpus).
SELECT para_hash, source_id, count(DISTINCT doc_id) AS docs,
       list(DISTINCT (published_date - DATE '2000-01-01') // /*WINDOW*/) AS periods
FROM paragraph_docs
WHERE para_hash IN (/*HASHES*/)
GROUP BY para_hash, source_id;

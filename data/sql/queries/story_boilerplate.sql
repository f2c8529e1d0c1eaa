-- Occurrences of the paragraphs in /*HASHES*/ (integers, pipeline.story_store.int_list): one row per stored
-- (paragraph, document), with its outlet and WINDOW_DAYS period (the window is spliced in as an integer by
-- pipeline.story_store: a bound parameter makes the Python client try to import pandas on every call).
-- pipeline.story_store counts them per paragraph and outlet (documents, periods) and pipeline.boilerplate
-- applies its rule (the same code as for an in-memory corpus). A document has one row per paragraph
-- (pipeline.story_store._paragraph_rows; its rows are dropped before it is counted again), so rows are
-- documents. Neither doc_id (reading it through the index cost three times as much as the other columns
-- together) nor a GROUP BY in SQL (twice the CPU of counting the rows in Python) at a million documents,
-- measured.
SELECT para_hash, source_id, (published_date - DATE '2000-01-01') // /*WINDOW*/ AS period
FROM paragraph_docs
WHERE para_hash IN (/*HASHES*/);

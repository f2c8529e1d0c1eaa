-- Occurrences in the delta of the story index (paragraph_docs, no index: at most MERGE_PARAGRAPH_ROWS rows) of
-- the paragraphs in the table story_probe (story_probe_fill.sql): one row per (paragraph, document), with its outlet
-- and WINDOW_DAYS period (/*WINDOW*/, an integer spliced in by pipeline.story_store). The base is read in files
-- (pipeline.story_bandfile). pipeline.story_store counts them per paragraph and outlet (documents, periods) and
-- pipeline.boilerplate applies its rule (the same code as for an in-memory corpus). A document has one row per
-- paragraph (pipeline.story_store._paragraph_rows; its rows are dropped before it is counted again), so rows
-- are documents.
SELECT p.para_hash, p.source_id, (p.published_date - DATE '2000-01-01') // /*WINDOW*/ AS period
FROM paragraph_docs p
JOIN story_probe x ON x.band_key = p.para_hash;

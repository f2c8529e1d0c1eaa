-- The story keys of a few documents (the IDS marker: their quoted doc ids, pipeline.keyfetch.literal_list), in catalog
-- {catalog}: the story id, or the document itself when it has none; with each document's row id (a later read of
-- its row by key then skips the doc_id scan: pipeline.keyfetch.select_by_keys' `known`). Constants filter the scan
-- of doc_id (pipeline/coverage_file.py expand_to_stories; coverage_story_docs.sql for many).
SELECT doc_id, rowid AS row_id, COALESCE(story_id, doc_id) AS k FROM {catalog}.documents WHERE doc_id IN (/*IDS*/);

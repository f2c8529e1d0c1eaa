-- The story keys of a few documents (the IDS marker: their quoted doc ids, pipeline.keyfetch.literal_list), in catalog
-- {catalog}: the story id, or the document itself when it has none. Constants, so that the index on
-- documents.doc_id answers it (pipeline/coverage_file.py expand_to_stories; coverage_story_docs.sql for many).
SELECT DISTINCT COALESCE(story_id, doc_id) AS k FROM {catalog}.documents WHERE doc_id IN (/*IDS*/);

-- Drop the index rows of re-extracted documents (registered table _ids(doc_id)).
DELETE FROM story_bands WHERE doc_id IN (SELECT doc_id FROM _ids);
DELETE FROM paragraph_docs WHERE doc_id IN (SELECT doc_id FROM _ids);

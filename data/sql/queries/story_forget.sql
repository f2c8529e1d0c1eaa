-- Drop the index rows of re-extracted documents (registered table _ids(doc_id)); their rows in the current base
-- of the candidate index (generation /*GENERATION*/, an integer) are ignored from now on and left out by the
-- next merge.
DELETE FROM story_bands WHERE doc_id IN (SELECT doc_id FROM _ids);
DELETE FROM paragraph_docs WHERE doc_id IN (SELECT doc_id FROM _ids);
INSERT OR REPLACE INTO story_bands_dropped SELECT DISTINCT doc_id, /*GENERATION*/ FROM _ids;

-- The search index the writer kept in the warehouse (pipeline/search_kept.py) made the snapshot's, in the copy being
-- published (its `documents` with `search_text`, no `search_postings` yet): no posting is inserted again.
-- 1. An entry is kept only if its document is there with the very text it was computed from (same MD5); postings
--    left without an entry (a job stopped between the two tables) go with the entries dropped.
DELETE FROM search_index_docs s
WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = s.doc_id AND md5(d.search_text) = s.md5);
DELETE FROM search_index_postings WHERE doc_id NOT IN (SELECT doc_id FROM search_index_docs);
-- 2. The postings table becomes the snapshot's (a rename: its rows stay where the file copy put them); the lengths
--    are written as the lake's schema has them (doc_id, len).
ALTER TABLE search_index_postings RENAME TO search_postings;
CREATE TABLE search_docs AS SELECT doc_id, len FROM search_index_docs;
DROP TABLE search_index_docs;

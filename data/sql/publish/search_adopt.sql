-- The search index the writer kept in the warehouse (pipeline/search_kept.py) made the snapshot's, in the copy being
-- published (its `documents` with `search_text`, no `search_postings` yet): no posting is inserted again.
-- 1. An entry is kept only if its document is there with the very text it was computed from (same MD5); postings
--    left without an entry (a job stopped between the two tables) go with the entries dropped. The entries that
--    match are found by one join of every document's MD5 with the entries (a NOT EXISTS on the documents took
--    twice the CPU at 5,000 documents, and far longer at 100,000, once `documents` is a view: docs/performance.md).
CREATE OR REPLACE TEMP TABLE _search_same AS
SELECT s.doc_id, s.md5 FROM search_index_docs s
JOIN (SELECT doc_id, md5(search_text) AS md5 FROM documents) d ON d.doc_id = s.doc_id AND d.md5 = s.md5;
DELETE FROM search_index_docs s
WHERE NOT EXISTS (SELECT 1 FROM temp._search_same k WHERE k.doc_id = s.doc_id AND k.md5 = s.md5);
DROP TABLE temp._search_same;
DELETE FROM search_index_postings WHERE doc_id NOT IN (SELECT doc_id FROM search_index_docs);
-- 2. The postings table becomes the snapshot's (a rename: its rows stay where the file copy put them); the lengths
--    are written as the lake's schema has them (doc_id, len).
ALTER TABLE search_index_postings RENAME TO search_postings;
CREATE TABLE search_docs AS SELECT doc_id, len FROM search_index_docs;
DROP TABLE search_index_docs;

-- The search index the writer kept in the warehouse (pipeline/search_kept.py) made the snapshot's, in the copy being
-- published (its `documents` with `search_text`, no `search_postings` yet): no posting is inserted again.
-- 1. An entry is kept only if its document is there with the very row it was computed from (same fingerprint:
--    pipeline/search_kept.py FINGERPRINT, a hash of title, lead and text, so the same search text); postings left
--    without an entry (a job stopped between the two tables) go with the entries dropped. An entry without a
--    fingerprint is dropped. (The MD5 of every document's search text, compared before, costs about ten times the
--    hash's CPU once `documents` is a view: the text joined and folded first; docs/performance.md.)
CREATE OR REPLACE TEMP TABLE _search_same AS
SELECT s.doc_id, s.fp FROM search_index_docs s
JOIN (SELECT doc_id, hash(title, lead, text) AS fp FROM documents) d ON d.doc_id = s.doc_id AND d.fp = s.fp;
DELETE FROM search_index_docs s
WHERE NOT EXISTS (SELECT 1 FROM temp._search_same k WHERE k.doc_id = s.doc_id AND k.fp = s.fp);
DROP TABLE temp._search_same;
DELETE FROM search_index_postings WHERE doc_id NOT IN (SELECT doc_id FROM search_index_docs);
-- 2. The postings table becomes the snapshot's (a rename: its rows stay where the file copy put them); the lengths
--    are written as the lake's schema has them (doc_id, len).
ALTER TABLE search_index_postings RENAME TO search_postings;
CREATE TABLE search_docs AS SELECT doc_id, len FROM search_index_docs;
DROP TABLE search_index_docs;

-- The snapshot's full-text index, carried over from the previous snapshot (attached as `prev`) for every
-- document whose searchable text is the one it indexed (pipeline/publish.py); run with the new copy selected.
-- The texts are compared by their MD5 (the join holds two keys a document, not two texts: about 5 GB at a
-- million documents).
CREATE OR REPLACE TEMP TABLE _search_same AS
SELECT d.doc_id FROM (SELECT doc_id, md5_number(search_text) AS h FROM documents) d
JOIN (SELECT doc_id, md5_number(search_text) AS h FROM prev.documents
      WHERE doc_id IN (SELECT doc_id FROM prev.search_docs)) p ON p.doc_id = d.doc_id AND p.h = d.h;
INSERT INTO search_postings SELECT p.* FROM prev.search_postings p SEMI JOIN temp._search_same s ON s.doc_id = p.doc_id;
INSERT INTO search_docs SELECT p.* FROM prev.search_docs p SEMI JOIN temp._search_same s ON s.doc_id = p.doc_id;
DROP TABLE temp._search_same;

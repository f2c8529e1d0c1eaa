-- The snapshot's full-text index, carried over from the previous snapshot (attached as `prev`) for every
-- document whose searchable text is the one it indexed (pipeline/publish.py: the placeholder is the expression
-- that fills the new copy's search_text, being written meanwhile); run with the new copy selected.
CREATE OR REPLACE TEMP TABLE _search_same AS
SELECT d.doc_id FROM documents d
JOIN prev.documents p ON p.doc_id = d.doc_id AND p.search_text = {search_text}
WHERE d.doc_id IN (SELECT doc_id FROM prev.search_docs);
INSERT INTO search_postings SELECT p.* FROM prev.search_postings p SEMI JOIN temp._search_same s ON s.doc_id = p.doc_id;
INSERT INTO search_docs SELECT p.* FROM prev.search_docs p SEMI JOIN temp._search_same s ON s.doc_id = p.doc_id;
DROP TABLE temp._search_same;

-- The postings the writer computed during the job (pipeline.search_pending, registered as _pending_docs and
-- _pending_postings), for every document not indexed yet whose snapshot `search_text` is the text an entry was
-- computed from (same MD5): the last such entry of each document. Run with the new copy selected, after the
-- carry-over (search_reuse.sql) and before the tokenization of the rest (search_index.sql).
CREATE OR REPLACE TEMP TABLE _search_taken AS
SELECT p.doc_id, max(p.seq) AS seq, arg_max(p.len, p.seq) AS len
FROM _pending_docs p JOIN documents d ON d.doc_id = p.doc_id AND md5(d.search_text) = p.md5
WHERE p.doc_id NOT IN (SELECT doc_id FROM search_docs)
GROUP BY p.doc_id;
-- (an entry's seq is unique: one integer key to probe)
INSERT INTO search_postings
SELECT p.doc_id, p.term, p.tf FROM _pending_postings p WHERE p.seq IN (SELECT seq FROM temp._search_taken);
INSERT INTO search_docs SELECT doc_id, len FROM temp._search_taken;
DROP TABLE temp._search_taken;

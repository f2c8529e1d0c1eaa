-- Issue 20, as migration 011 for the texts: `doc_signatures` (a 128-value MinHash list per document, about 1 KB)
-- loses its primary key, so that a write job's checkpoint appends its rows in new row groups instead of rewriting
-- the table's last one and re-serializing a million-key index (bench: 0.68 s CPU for 500 rows at 100k, 0.34 s at
-- 1M, against 0.01 s without the key). DuckDB cannot drop a constraint: the table is copied. The writer keeps one
-- row per document (pipeline.doc_texts.store_rows: a stored document's row deleted before its new one).
CREATE TABLE doc_signatures_append (
    doc_id  VARCHAR NOT NULL,
    minhash UBIGINT[] NOT NULL
);
INSERT INTO doc_signatures_append SELECT doc_id, minhash FROM doc_signatures;
DROP TABLE doc_signatures;
ALTER TABLE doc_signatures_append RENAME TO doc_signatures;

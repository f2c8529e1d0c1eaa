-- The query door of the full-text index (pipeline/lake_search.py): BM25 as the fts extension computes it (same
-- idf, k, b). Run with the lake (or the snapshot) selected, after search_schema.sql. Kept apart from the index's
-- rules (publish._rules): a change here re-indexes nothing.
--
-- Term-driven: the query's terms, then each term's document frequency (a count over the postings of those terms
-- only), then the postings of those terms scored one by one and summed per document. Nothing holds the matching
-- postings whole: an earlier form kept them in a CTE read twice (for the frequencies and for the scores), about
-- 6M rows with their 40-character doc_id at a million documents, and the search's process peaked at 880 MB.
CREATE OR REPLACE MACRO fts_main_documents.bm25_scores(query_string, k := 1.2, b := 0.75, conjunctive := 0) AS TABLE
    WITH tokens AS (SELECT DISTINCT unnest(fts_main_documents.tokenize(query_string)) AS term),
    df AS (SELECT term, count(*) AS df FROM search_postings WHERE term IN (SELECT term FROM tokens) GROUP BY term),
    stats AS (SELECT count(*) AS n, avg(len) AS avgdl FROM search_docs),
    idf AS (SELECT df.term, log((((stats.n - df.df) + 0.5) / (df.df + 0.5)) + 1) AS w FROM df, stats),
    sub AS (SELECT p.doc_id, idf.w * ((p.tf * (k + 1)) / (p.tf + (k * ((1 - b) + (b * (d.len / stats.avgdl))))))
                   AS s
            FROM search_postings p JOIN idf USING (term) JOIN search_docs d USING (doc_id), stats)
    SELECT doc_id, sum(s) AS score FROM sub GROUP BY doc_id
    HAVING NOT conjunctive OR count(*) = (SELECT count(*) FROM tokens);
-- The best `top` documents, best first (ties by doc_id): join their rows afterwards, e.g.
-- SELECT d.*, t.score FROM fts_main_documents.top_bm25('dao tao mam non') t JOIN documents d USING (doc_id)
-- ORDER BY t.score DESC. Reads the postings of the query's terms and never every document.
CREATE OR REPLACE MACRO fts_main_documents.top_bm25(query_string, top := 20, k := 1.2, b := 0.75, conjunctive := 0)
    AS TABLE
    SELECT doc_id, score FROM fts_main_documents.bm25_scores(query_string, k := k, b := b, conjunctive := conjunctive)
    ORDER BY score DESC, doc_id LIMIT top;
-- The per-document door the fts extension's index has: every document's score (NULL when no term matches).
CREATE OR REPLACE MACRO fts_main_documents.match_bm25(docname, query_string, fields := '', k := 1.2, b := 0.75,
                                                      conjunctive := 0) AS (
    SELECT s.score FROM fts_main_documents.bm25_scores(query_string, k := k, b := b, conjunctive := conjunctive) s
    WHERE s.doc_id = docname
);

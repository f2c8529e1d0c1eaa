-- The lake's incremental full-text index (pipeline/lake_search.py). Run with the lake selected (USE lake).
CREATE TABLE IF NOT EXISTS search_postings (doc_id VARCHAR, term VARCHAR, tf INTEGER);
CREATE TABLE IF NOT EXISTS search_docs (doc_id VARCHAR, len INTEGER);
CREATE SCHEMA IF NOT EXISTS fts_main_documents;
-- The snapshot's tokenizer: accents stripped, đ folded to d, digits kept, lower case.
CREATE OR REPLACE MACRO fts_main_documents.tokenize(s) AS
    list_filter(string_split_regex(regexp_replace(lower(strip_accents(replace(replace(CAST(s AS VARCHAR), 'đ', 'd'),
        'Đ', 'D'))), '{ignore}', ' ', 'g'), '\s+'), t -> t <> '');
-- BM25 as the fts extension computes it (same idf, k, b), over the postings of the query's terms only:
-- every matching document's score at once, then the per-document door the snapshot's index has.
CREATE OR REPLACE MACRO fts_main_documents.bm25_scores(query_string, k := 1.2, b := 0.75, conjunctive := 0) AS TABLE
    WITH tokens AS (SELECT DISTINCT unnest(fts_main_documents.tokenize(query_string)) AS term),
    q AS (SELECT p.doc_id, p.term, p.tf FROM search_postings p WHERE p.term IN (SELECT term FROM tokens)),
    df AS (SELECT term, count(*) AS df FROM q GROUP BY term),
    stats AS (SELECT count(*) AS n, avg(len) AS avgdl FROM search_docs),
    sub AS (SELECT q.doc_id, log((((stats.n - df.df) + 0.5) / (df.df + 0.5)) + 1)
                   * ((q.tf * (k + 1)) / (q.tf + (k * ((1 - b) + (b * (d.len / stats.avgdl))))))  AS s
            FROM q JOIN df USING (term) JOIN search_docs d USING (doc_id), stats)
    SELECT doc_id, sum(s) AS score FROM sub GROUP BY doc_id
    HAVING NOT conjunctive OR count(*) = (SELECT count(*) FROM tokens);
CREATE OR REPLACE MACRO fts_main_documents.match_bm25(docname, query_string, fields := '', k := 1.2, b := 0.75,
                                                      conjunctive := 0) AS (
    SELECT s.score FROM fts_main_documents.bm25_scores(query_string, k := k, b := b, conjunctive := conjunctive) s
    WHERE s.doc_id = docname
);

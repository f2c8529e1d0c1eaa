-- The lake's incremental full-text index (pipeline/lake_search.py). Run with the lake selected (USE lake).
CREATE TABLE IF NOT EXISTS search_postings (doc_id VARCHAR, term VARCHAR, tf INTEGER);
CREATE TABLE IF NOT EXISTS search_docs (doc_id VARCHAR, len INTEGER);
CREATE SCHEMA IF NOT EXISTS fts_main_documents;
-- The snapshot's tokenizer: accents stripped, đ folded to d, digits kept, lower case.
CREATE OR REPLACE MACRO fts_main_documents.tokenize(s) AS
    list_filter(string_split_regex(regexp_replace(lower(strip_accents(replace(replace(CAST(s AS VARCHAR), 'đ', 'd'),
        'Đ', 'D'))), '{ignore}', ' ', 'g'), '\s+'), t -> t <> '');

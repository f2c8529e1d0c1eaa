-- Postings and lengths of the documents of {source} (the lake's `documents`, or their rows fetched from the
-- warehouse) (all, or those of {where}); run with the lake selected (USE lake).
CREATE OR REPLACE TEMP TABLE _search_tokens AS
SELECT doc_id, unnest(fts_main_documents.tokenize(concat_ws(' ', title, lead, text))) AS term
FROM {source} {where};
INSERT INTO search_postings SELECT doc_id, term, count(*)::INTEGER FROM temp._search_tokens GROUP BY ALL;
INSERT INTO search_docs
SELECT d.doc_id, COALESCE(t.len, 0)::INTEGER FROM (SELECT doc_id FROM {source} {where}) d
LEFT JOIN (SELECT doc_id, count(*) AS len FROM temp._search_tokens GROUP BY doc_id) t USING (doc_id);
DROP TABLE temp._search_tokens;

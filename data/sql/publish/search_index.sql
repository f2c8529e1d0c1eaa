-- Postings and lengths of the snapshot's documents of {where} (pipeline/publish.py), with the lake's tokenizer
-- (data/sql/lake/search_schema.sql); the lengths summed from the postings just written, not from a table of
-- every token. Run with the new copy selected.
INSERT INTO search_postings
SELECT doc_id, term, count(*)::INTEGER FROM (
    SELECT doc_id, unnest(fts_main_documents.tokenize(concat_ws(' ', title, lead, text))) AS term FROM documents {where}
) GROUP BY ALL;
INSERT INTO search_docs
SELECT d.doc_id, COALESCE(t.len, 0)::INTEGER FROM (SELECT doc_id FROM documents {where}) d
LEFT JOIN (SELECT doc_id, sum(tf) AS len FROM search_postings WHERE doc_id IN (SELECT doc_id FROM documents {where})
           GROUP BY doc_id) t USING (doc_id);

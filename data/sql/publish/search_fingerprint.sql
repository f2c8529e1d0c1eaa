-- Fingerprints (pipeline/search_kept.py: FINGERPRINT, DuckDB's hash of title, lead and text) of the writer's index
-- entries made before they were kept, once, in the warehouse (its `documents` without lead and text, those in
-- `document_texts`): an entry gets its stored row's when its MD5 is that row's search text's ({search_text}: the
-- snapshot's `search_text` expression, pipeline/publish.py SEARCH_TEXT, filled in by search_kept.ensure), else none
-- (the publish then drops it and tokenizes the document).
UPDATE search_index_docs s SET fp = r.fp FROM (
    SELECT d.doc_id, hash(title, lead, text) AS fp, md5({search_text}) AS md5
    FROM document_texts t RIGHT JOIN documents d ON t.doc_id = d.doc_id
) r WHERE r.doc_id = s.doc_id AND r.md5 = s.md5;

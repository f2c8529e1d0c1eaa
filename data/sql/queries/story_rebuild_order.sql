-- Every document, earliest published first (undated last): the order a rebuild assigns stories in.
SELECT doc_id FROM documents ORDER BY published_at IS NULL, published_at, doc_id;

-- The fingerprints (pipeline/search_kept.py: FINGERPRINT) of the writer's index entries, in the copy being published
-- when the warehouse's entries have none yet (no write job since the fingerprint was kept: search_fingerprint.sql
-- fills them in the warehouse at its first): an entry gets its published row's when its MD5 is that row's
-- `search_text`'s, as the adoption checked before; the rest are dropped by search_adopt.sql.
UPDATE search_index_docs s SET fp = r.fp FROM (
    SELECT doc_id, hash(title, lead, text) AS fp, md5(search_text) AS md5 FROM documents
) r WHERE r.doc_id = s.doc_id AND r.md5 = s.md5;

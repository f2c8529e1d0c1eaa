-- The HTTP exchange behind each fetch, kept so an archived copy can be replayed with its original headers
-- (planwatch evidence writes them into WARC records). JSON arrays of [name, value] pairs as received;
-- NULL for fetches made before they were kept.
ALTER TABLE fetch_log ADD COLUMN response_headers VARCHAR;
ALTER TABLE fetch_log ADD COLUMN request_headers VARCHAR;
ALTER TABLE fetch_log ADD COLUMN protocol VARCHAR;

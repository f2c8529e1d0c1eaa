-- Every stored URL, canonical and as fetched (pipeline/known_index.py
-- rebuilds the crawler's known-URL index from the snapshot with it).
SELECT canonical_url, url FROM documents;

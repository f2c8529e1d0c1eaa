-- Set a value of the index's meta table (crawlers/known_index.py)
INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?);

-- Add a canonical URL in a generation (crawlers/known_index.py)
INSERT OR IGNORE INTO known (url, gen) VALUES (?, ?);

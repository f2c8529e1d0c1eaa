-- A value of the index's meta table: documents, generation, canon (crawlers/known_index.py)
SELECT value FROM meta WHERE key = ?;

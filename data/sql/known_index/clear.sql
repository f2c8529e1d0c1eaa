-- Empty the index before a rebuild (crawlers/known_index.py)
DELETE FROM known;

-- Was this canonical URL stored when the crawl started? (crawlers/known_index.py)
SELECT 1 FROM known WHERE url = ? AND gen <= ?;

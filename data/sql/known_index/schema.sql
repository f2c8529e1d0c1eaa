-- The known-URL index (crawlers/known_index.py): every stored document's canonical URL and the canonical form of
-- the URL it was fetched from, one row each, so the crawl subprocess checks a candidate with one primary-key
-- lookup instead of reading every stored URL. `gen`: the generation that added the row (a crawl sees the rows of
-- the generation current when it started, like the file it replaced); `meta`: the current generation, how many
-- warehouse documents the index reflects and a fingerprint of the canonicalization rules it was built under.
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS known (url TEXT PRIMARY KEY, gen INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

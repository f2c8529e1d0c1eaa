-- Per-source counters that tell a quiet night from a broken source: items discovery found that were
-- already stored, and feeds/listings that answered 304 Not Modified.
ALTER TABLE source_health_log ADD COLUMN skipped_known INTEGER DEFAULT 0;
ALTER TABLE source_health_log ADD COLUMN not_modified INTEGER DEFAULT 0;

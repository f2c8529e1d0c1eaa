-- DuckDB's worker threads (a setting of the whole database instance): read before a story batch narrows them to
-- one and restored after it (pipeline.story_store.assign_and_index).
SELECT current_setting('threads');

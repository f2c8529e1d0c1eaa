-- Issue 15: stories no longer depend on the order and split in which documents were stored (pipeline.stories
-- keeps one canonical assignment). Stories stored before that are recomputed once by the data task
-- rebuild_stories (pipeline.story_store.rebuild; reviewers' decisions name documents and are kept).
INSERT OR IGNORE INTO maintenance_tasks SELECT 'rebuild_stories', now() WHERE EXISTS (SELECT 1 FROM documents);

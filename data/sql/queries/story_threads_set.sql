-- /*THREADS*/: an integer spliced in by pipeline.story_store (one during a story batch: its statements are small,
-- and more threads only add scheduling CPU, about 0.3 ms per new document measured at 1M stored).
SET threads = /*THREADS*/;

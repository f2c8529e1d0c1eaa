-- After a merge, in this order (each statement is safe to stop after, in an autocommit writer): the new base is
-- current (its rows include the delta's: a delta row left behind is found twice, which changes the count of
-- a paragraph until the next merge, and nothing else), then the delta and the dropped rows it took in are
-- cleared. /*GENERATION*/, /*ROWS*/, /*DOCS*/: integers (pipeline.story_store). /*KEEP_FROM*/: the generation
-- of the oldest run of the new base (a minor merge keeps the big run): markers of documents dropped before it
-- concern no run any more.
INSERT OR REPLACE INTO story_band_files VALUES (1, /*GENERATION*/, /*ROWS*/, /*DOCS*/);
DELETE FROM story_bands;
DELETE FROM paragraph_docs;
DELETE FROM story_bands_dropped WHERE before_generation < /*KEEP_FROM*/;

-- Documents whose rows in the current base (generation /*GENERATION*/, an integer) are stale.
SELECT doc_id FROM story_bands_dropped WHERE before_generation >= /*GENERATION*/;

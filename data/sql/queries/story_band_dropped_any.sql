-- Whether any document has stale rows in the current base (generation /*GENERATION*/, an integer).
SELECT count(*) FROM story_bands_dropped WHERE before_generation >= /*GENERATION*/;

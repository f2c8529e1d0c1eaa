-- The current base of the candidate index (pipeline.story_store; no row: none yet).
SELECT generation, n_rows, n_docs FROM story_band_files;
